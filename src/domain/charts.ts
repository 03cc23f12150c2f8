// What the bot draws: the figures of each chart, taken from the same aggregates as the message it
// goes with (store/triage.ts for the digest and summaries, store/crisisAlerts.ts for waves), and
// stored with the queued upload so that a retry draws exactly the same picture.
import { DateTime } from "luxon";
import type { OdrReading } from "./odr.ts";
import type { Day, Period, TriageReport } from "./triage.ts";
import type { Category, RootCause } from "./vocabulary.ts";

export type { Day };

/** The digest's picture: what came in, how fast it was answered, and which products caused it. */
export type ActivityChartData = {
  /** Every day of the period, oldest first (the x axis). */
  days: Day[];
  /** Cases opened per day and type in the period (days without cases left out). */
  opened: { day: Day; category: Category; count: number }[];
  /** Cases opened per day in the period before, set against the same place in this period: `day` is this period's day. */
  previous: { day: Day; count: number }[];
  /** First replies per day of the cases opened that day: how many were due, and how many came in time. */
  replies: { day: Day; due: number; met: number }[];
  /** The share of first replies in time the team aims for (REPLY_TARGET_PERCENT). */
  targetPercent: number;
  /** The products behind the most cases, with their most frequent root cause (null: none recorded). */
  topAsins: { asin: string; count: number; rootCause: RootCause | null }[];
};

/** The order defect rate per marketplace over Amazon's 60 days, against the limit. */
export type OdrChartData = {
  marketplaces: { marketplace: string; percent: number; amazonPercent: number | null }[];
  limitPercent: number;
};

/** A return wave: one ASIN's cases per hour over the last days, against its usual rate. */
export type WaveChartData = {
  asin: string;
  /** Every hour of the span, oldest first, as ISO timestamps of the hour's start (UTC). */
  hours: { hour: string; count: number }[];
  /** Cases per hour the ASIN usually gets (from the baseline days before the wave's window). */
  usualPerHour: number;
  /** The hourly rate at which its window counts as a wave (the multiplier over the usual rate, or the minimum). */
  wavePerHour: number;
};

export type ChartRequest =
  | { kind: "activity"; data: ActivityChartData }
  | { kind: "odr"; data: OdrChartData }
  | { kind: "wave"; data: WaveChartData };

export type ChartKind = ChartRequest["kind"];

/** Slack's limit on an uploaded image's description (files.getUploadURLExternal's alt_txt). */
export const ALT_TEXT_LIMIT = 1000;
/** The longest period drawn day by day: a chart of more days would be unreadable and slow to draw. */
export const CHART_MAX_DAYS = 92;

/** Hours a wave chart looks back. */
export const WAVE_CHART_HOURS = 72;
/** A running wave gets a new chart in its thread at most this often. */
export const WAVE_CHART_EVERY_MS = 3_600_000;

/** Every calendar day (in `zone`) that the period touches, oldest first. */
export function periodDays(period: Period, zone: string): Day[] {
  const last = DateTime.fromJSDate(new Date(period.to.getTime() - 1), { zone }).startOf("day");
  const days: Day[] = [];
  for (let d = DateTime.fromJSDate(period.from, { zone }).startOf("day"); d <= last; d = d.plus({ days: 1 })) {
    days.push(d.toISODate() as Day);
  }
  return days;
}

/** The digest's picture of a report: its daily rows, reply target and top products. */
export function activityChartData(report: TriageReport, zone: string, targetPercent: number): ActivityChartData {
  const days = periodDays(report.period, zone);
  const inPeriod = new Set(days);
  // The period before is set against this one day by day: shifted by the period's length in days.
  const shift = Math.round((report.period.to.getTime() - report.period.from.getTime()) / 86_400_000);
  const add = <K extends string>(into: Map<K, number>, key: K, n: number) => into.set(key, (into.get(key) ?? 0) + n);
  const opened = new Map<string, number>();
  const previous = new Map<Day, number>();
  const due = new Map<Day, number>();
  const met = new Map<Day, number>();
  for (const r of report.daily) {
    if (r.current) {
      add(opened, `${r.day}|${r.category}`, r.count);
      add(due, r.day, r.due);
      add(met, r.day, r.met);
    } else {
      const day = DateTime.fromISO(r.day, { zone }).plus({ days: shift }).toISODate() as Day;
      if (inPeriod.has(day)) add(previous, day, r.count);
    }
  }
  return {
    days,
    opened: [...opened].map(([key, count]) => {
      const [day, category] = key.split("|") as [Day, Category];
      return { day, category, count };
    }),
    previous: days.map((day) => ({ day, count: previous.get(day) ?? 0 })),
    replies: days.filter((d) => due.has(d)).map((day) => ({ day, due: due.get(day) ?? 0, met: met.get(day) ?? 0 })),
    targetPercent,
    topAsins: report.topAsins.map((a) => ({ asin: a.asin, count: a.count, rootCause: a.causes[0]?.rootCause ?? null })),
  };
}

/** The ODR picture of the marketplaces with orders; null when none has any. */
export function odrChartData(readings: OdrReading[]): OdrChartData | null {
  const withOrders = readings.filter((r) => r.orders > 0);
  if (withOrders.length === 0) return null;
  return {
    marketplaces: withOrders.map((r) => ({
      marketplace: r.marketplace,
      percent: r.percent,
      amazonPercent: r.amazon?.percent ?? null,
    })),
    limitPercent: withOrders[0].limitPercent,
  };
}

/** The charts of a digest or summary: its activity, and ODR when a marketplace has orders. */
export function reportCharts(report: TriageReport, zone: string, targetPercent: number): ChartRequest[] {
  const odr = odrChartData(report.odr);
  return [
    { kind: "activity", data: activityChartData(report, zone, targetPercent) },
    ...(odr ? [{ kind: "odr" as const, data: odr }] : []),
  ];
}
