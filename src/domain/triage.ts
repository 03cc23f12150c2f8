// The weekly triage numbers: what the report holds, and the tallies of this period against the
// one before (store/triage.ts computes them in the database).

import type { HealthConcern } from "./accountHealth.ts";
import type { OdrReading } from "./odr.ts";
import type { Unowned } from "./routing.ts";
import type { CaseStatus, Category, Priority, Resolution, RootCause } from "./vocabulary.ts";

export type Period = { from: Date; to: Date };
/** A calendar day in the team's time zone, "2026-11-27". */
export type Day = string;
export type Tally<K extends string = string> = { key: K; count: number; previous: number };
export type CaseRef = {
  number: number;
  category: Category;
  priority: Priority;
  status: CaseStatus;
  createdAt: Date;
  ownerId: string | null;
  channelId: string | null;
  messageTs: string | null;
};

export type TriageReport = {
  period: Period;
  opened: { count: number; previous: number };
  resolved: { count: number; previous: number };
  backlog: { new: number; claimed: number };
  byStatus: Tally<CaseStatus>[];
  byCategory: Tally<Category>[];
  byPriority: Tally<Priority>[];
  /**
   * Cases opened per calendar day (team's time zone) and type, in this period (`current`) and the
   * one before, with their first replies due and in time: the series of the charts.
   */
  daily: { current: boolean; day: Day; category: Category; count: number; due: number; met: number }[];
  sla: {
    due: number;
    met: number;
    breached: number;
    medianFirstReplyMinutes: number | null;
    p90FirstReplyMinutes: number | null;
    medianResolveMinutes: number | null;
  };
  topAsins: { asin: string; count: number; causes: { rootCause: RootCause; count: number }[] }[];
  asinCount: number;
  resolutions: { resolution: Resolution; count: number }[];
  money: { resolution: Resolution; currency: string; count: number; total: string }[];
  agents: { userId: string; open: number; resolved: number }[];
  oldestOpen: CaseRef[];
  unclaimed: { count: number; oldest: CaseRef[] };
  /** Per marketplace with known order volume, as of the end of the period. */
  odr: OdrReading[];
  /** What Amazon's account health report flags per marketplace (statuses other than good). */
  amazonConcerns: { marketplace: string; concerns: HealthConcern[] }[];
  playbook: PlaybookReport;
  /** Owners per case type, when the team routes cases (absent without rules). */
  routing?: RoutingReport;
};

/** The weekly triage's assignment step: who owns each type, their load and replies, and what needs a look. */
export type RoutingReport = {
  rules: { category: Category; marketplace: string; owners: string[] }[];
  /** Each owner's open cases now, and the first replies due and in time of their cases opened in the period. */
  people: { userId: string; open: number; due: number; met: number }[];
  /** Types with cases in the period that no rule covered (see unownedTypes). */
  unowned: Unowned[];
  /** Open cases above which a person is overloaded. */
  overload: number;
};

/** How the playbook was followed in the period, and what it kept or cost. */
export type PlaybookReport = {
  /** Money back (refunds, coupons…) against the order value of the cases resolved, per root cause and currency. */
  moneyByCause: { rootCause: RootCause; currency: string; cases: number; back: string; value: string }[];
  suggestions: { made: number; followed: number };
  buyers: { kept: number; boughtAgain: number; lost: number };
  abuse: number;
  appeals: { filed: number; won: number; lost: number; open: number };
};

export const TOP_ASINS = 5;
export const OLDEST = 5;

export function previousPeriod(p: Period): Period {
  const length = p.to.getTime() - p.from.getTime();
  return { from: new Date(p.from.getTime() - length), to: p.from };
}

/** Counts of this period and the one before, per key, largest first. */
export function tally<K extends string>(rows: { current: boolean; key: K; count: number }[]): Tally<K>[] {
  const byKey = new Map<K, Tally<K>>();
  for (const r of rows) {
    const t = byKey.get(r.key) ?? { key: r.key, count: 0, previous: 0 };
    if (r.current) t.count += r.count;
    else t.previous += r.count;
    byKey.set(r.key, t);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || b.previous - a.previous || a.key.localeCompare(b.key));
}

/** Seconds as whole minutes (null stays null: nothing to measure). */
export const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(Number(seconds) / 60));
