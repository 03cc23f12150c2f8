// The weekly triage numbers, computed in the database with grouped queries (never by loading
// every case): what came in and went out, the response clock, the products that need fixing,
// the money, who holds what, and what is oldest.

import type { MarketplaceHealth } from "../domain/accountHealth.ts";
import { AMAZON_HEALTH_FRESH_MS, type OdrReading } from "../domain/odr.ts";
import { DEFAULT_ROUTING, unownedTypes } from "../domain/routing.ts";
import {
  type CaseRef,
  type Day,
  minutes,
  OLDEST,
  type Period,
  type PlaybookReport,
  previousPeriod,
  type RoutingReport,
  TOP_ASINS,
  type TriageReport,
  tally,
} from "../domain/triage.ts";
import {
  type CaseStatus,
  type Category,
  MONEY_RESOLUTIONS,
  type Priority,
  type Resolution,
  type RootCause,
} from "../domain/vocabulary.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { readOdr } from "./odr.ts";

type Db = Pick<Prisma.TransactionClient, "$queryRaw">;

const caseRefColumns = Prisma.sql`number, category, priority, status, "createdAt", "ownerId", "channelId", "messageTs"`;

/**
 * `zone`: the team's time zone, whose calendar days the daily figures follow; `overload`: open
 * cases above which a routed owner is flagged.
 */
export async function triageReport(
  db: Db,
  period: Period,
  odrLimitPercent = 1,
  zone = "UTC",
  overload = DEFAULT_ROUTING.overload,
): Promise<TriageReport> {
  const { from, to } = period;
  const prev = previousPeriod(period);

  // Cases opened in this period and the one before, by day (in the team's time zone), status now,
  // type and priority, with their first-reply clock: the text's tallies and the charts' series both
  // come from these rows.
  const opened = await db.$queryRaw<
    {
      current: boolean;
      /** A calendar date: midnight UTC of that day as the driver reads it. */
      day: Date;
      status: CaseStatus;
      category: Category;
      priority: Priority;
      count: number;
      due: number;
      met: number;
    }[]
  >`
    SELECT "createdAt" >= ${from}::timestamp AS current,
           (("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${zone})::date AS day,
           status, category, priority, count(*)::int AS count,
           count(*) FILTER (WHERE "firstReplyAt" IS NOT NULL OR "responseDueAt" <= ${to}::timestamp)::int AS due,
           count(*) FILTER (WHERE "firstReplyAt" IS NOT NULL AND "firstReplyAt" <= "responseDueAt")::int AS met
    FROM "Case" WHERE "createdAt" >= ${prev.from}::timestamp AND "createdAt" < ${to}::timestamp
    GROUP BY 1, 2, 3, 4, 5`;
  const resolvedRows = await db.$queryRaw<{ current: boolean; count: number }[]>`
    SELECT "resolvedAt" >= ${from}::timestamp AS current, count(*)::int AS count
    FROM "Case" WHERE "resolvedAt" >= ${prev.from}::timestamp AND "resolvedAt" < ${to}::timestamp
    GROUP BY 1`;
  const backlogRows = await db.$queryRaw<{ status: CaseStatus; count: number }[]>`
    SELECT status, count(*)::int AS count FROM "Case" WHERE status IN ('new', 'claimed') GROUP BY status`;

  // The first-response clock of the cases opened in the period; resolve time of those resolved in it.
  const [sla] = await db.$queryRaw<{ breached: number; median: number | null; p90: number | null }[]>`
    SELECT count(*) FILTER (WHERE "breachedAt" IS NOT NULL)::int AS breached,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "firstReplyAt" - "createdAt")) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM "firstReplyAt" - "createdAt")) AS p90
    FROM "Case" WHERE "createdAt" >= ${from}::timestamp AND "createdAt" < ${to}::timestamp`;
  const [resolveTime] = await db.$queryRaw<{ median: number | null }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "resolvedAt" - "createdAt")) AS median
    FROM "Case" WHERE "resolvedAt" >= ${from}::timestamp AND "resolvedAt" < ${to}::timestamp`;

  // The products behind the most cases, and why.
  const asins = await db.$queryRaw<{ asin: string; count: number; total: number }[]>`
    SELECT asin, count(*)::int AS count, (count(*) OVER ())::int AS total
    FROM "Case" WHERE "createdAt" >= ${from}::timestamp AND "createdAt" < ${to}::timestamp AND asin IS NOT NULL
    GROUP BY asin ORDER BY count(*) DESC, asin LIMIT ${TOP_ASINS}`;
  const causes = asins.length
    ? await db.$queryRaw<{ asin: string; rootCause: RootCause; count: number }[]>`
        SELECT asin, "rootCause", count(*)::int AS count
        FROM "Case" WHERE asin = ANY(${asins.map((a) => a.asin)}) AND "rootCause" IS NOT NULL
          AND "createdAt" >= ${from}::timestamp AND "createdAt" < ${to}::timestamp
        GROUP BY 1, 2 ORDER BY count(*) DESC, "rootCause"::text`
    : [];

  // How cases were resolved in the period, and the money that went back to buyers.
  const outcomes = await db.$queryRaw<
    { resolution: Resolution; currency: string | null; count: number; total: string | null }[]
  >`
    SELECT resolution, "resolutionCurrency" AS currency, count(*)::int AS count, sum("resolutionAmount")::text AS total
    FROM "Case" WHERE "resolvedAt" >= ${from}::timestamp AND "resolvedAt" < ${to}::timestamp AND resolution IS NOT NULL
    GROUP BY 1, 2`;

  const agents = await db.$queryRaw<{ userId: string; open: number; resolved: number }[]>`
    SELECT "ownerId" AS "userId",
           count(*) FILTER (WHERE status = 'claimed')::int AS open,
           count(*) FILTER (WHERE "resolvedAt" >= ${from}::timestamp AND "resolvedAt" < ${to}::timestamp)::int AS resolved
    FROM "Case" WHERE "ownerId" IS NOT NULL AND (status = 'claimed' OR ("resolvedAt" >= ${from}::timestamp AND "resolvedAt" < ${to}::timestamp))
    GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1`;

  const oldestOpen = await db.$queryRaw<CaseRef[]>`
    SELECT ${caseRefColumns} FROM "Case" WHERE status IN ('new', 'claimed') ORDER BY "createdAt", id LIMIT ${OLDEST}`;
  const oldestUnclaimed = await db.$queryRaw<CaseRef[]>`
    SELECT ${caseRefColumns} FROM "Case" WHERE status = 'new' ORDER BY "createdAt", id LIMIT ${OLDEST}`;

  const marketplaces = await db.$queryRaw<
    { marketplace: string }[]
  >`SELECT marketplace FROM "OrderVolume" UNION SELECT marketplace FROM "AccountHealth" ORDER BY marketplace`;
  const odr: OdrReading[] = [];
  for (const m of marketplaces) {
    const reading = await readOdr(db, m.marketplace, to, odrLimitPercent);
    if (reading) odr.push(reading);
  }

  // What Amazon's account health report flags besides ODR (late shipments, policy violations…).
  const health = await db.$queryRaw<{ marketplace: string; detail: MarketplaceHealth }[]>`
    SELECT marketplace, detail FROM "AccountHealth"
    WHERE "reportedAt" > ${new Date(to.getTime() - AMAZON_HEALTH_FRESH_MS)}::timestamp AND "reportedAt" <= ${to}::timestamp
    ORDER BY marketplace`;
  const amazonConcerns = health
    .map((h) => ({ marketplace: h.marketplace, concerns: h.detail.concerns ?? [] }))
    .filter((h) => h.concerns.length);

  const playbook = await playbookReport(db, period);
  const routing = await routingReport(db, period, overload);

  const resolutionCounts = new Map<Resolution, number>();
  for (const o of outcomes) resolutionCounts.set(o.resolution, (resolutionCounts.get(o.resolution) ?? 0) + o.count);
  const backlog = { new: 0, claimed: 0 };
  for (const b of backlogRows) if (b.status !== "resolved") backlog[b.status] = b.count;
  const sum = (rows: { current: boolean; count: number }[], current: boolean) =>
    rows.filter((r) => r.current === current).reduce((n, r) => n + r.count, 0);
  const thisPeriod = opened.filter((r) => r.current);

  return {
    period,
    opened: { count: sum(opened, true), previous: sum(opened, false) },
    resolved: { count: sum(resolvedRows, true), previous: sum(resolvedRows, false) },
    backlog,
    byStatus: tally(opened.map((r) => ({ current: r.current, key: r.status, count: r.count }))),
    byCategory: tally(opened.map((r) => ({ current: r.current, key: r.category, count: r.count }))),
    byPriority: tally(opened.map((r) => ({ current: r.current, key: r.priority, count: r.count }))),
    daily: opened.map(({ current, day, category, count, due, met }) => ({
      current,
      day: day.toISOString().slice(0, 10) as Day,
      category,
      count,
      due,
      met,
    })),
    sla: {
      due: thisPeriod.reduce((n, r) => n + r.due, 0),
      met: thisPeriod.reduce((n, r) => n + r.met, 0),
      breached: sla.breached,
      medianFirstReplyMinutes: minutes(sla.median),
      p90FirstReplyMinutes: minutes(sla.p90),
      medianResolveMinutes: minutes(resolveTime.median),
    },
    topAsins: asins.map((a) => ({
      asin: a.asin,
      count: a.count,
      causes: causes.filter((c) => c.asin === a.asin).map(({ rootCause, count }) => ({ rootCause, count })),
    })),
    asinCount: asins[0]?.total ?? 0,
    resolutions: [...resolutionCounts]
      .map(([resolution, count]) => ({ resolution, count }))
      .sort((a, b) => b.count - a.count || a.resolution.localeCompare(b.resolution)),
    money: outcomes
      .flatMap((o) =>
        o.total !== null && o.currency !== null
          ? [{ resolution: o.resolution, currency: o.currency, count: o.count, total: o.total }]
          : [],
      )
      .sort((a, b) => a.resolution.localeCompare(b.resolution) || a.currency.localeCompare(b.currency)),
    agents,
    oldestOpen,
    unclaimed: { count: backlog.new, oldest: oldestUnclaimed },
    odr,
    amazonConcerns,
    playbook,
    ...(routing ? { routing } : {}),
  };
}

/**
 * The owners of the routing rules with their load now and their first replies in the period, and
 * the types (in which marketplaces) whose cases of the period had no rule to follow; none without rules.
 */
async function routingReport(db: Db, { from, to }: Period, overload: number): Promise<RoutingReport | undefined> {
  const rules = await db.$queryRaw<RoutingReport["rules"]>`
    SELECT category, marketplace, owners FROM "RoutingRule" ORDER BY category, marketplace`;
  if (rules.length === 0) return undefined;
  const owners = [...new Set(rules.flatMap((r) => r.owners))];
  // A person answers for the cases of the period they hold, and for those offered to the group
  // again because they had not answered (those count as due and not in time).
  const people = await db.$queryRaw<RoutingReport["people"]>`
    WITH period AS (
      SELECT id, "ownerId", "firstReplyAt", "responseDueAt" FROM "Case"
      WHERE "createdAt" >= ${from}::timestamp AND "createdAt" < ${to}::timestamp
    ), theirs AS (
      SELECT "ownerId" AS u, id, "firstReplyAt", "responseDueAt", true AS held FROM period
      WHERE "ownerId" = ANY(${owners}::text[])
      UNION ALL
      SELECT e.detail->>'from', p.id, p."firstReplyAt", p."responseDueAt", false FROM period p
      JOIN "CaseEvent" e ON e."caseId" = p.id AND e.kind = 'offered' AND e.detail->>'from' = ANY(${owners}::text[])
    )
    SELECT u AS "userId",
           (SELECT count(*) FROM "Case" WHERE status = 'claimed' AND "ownerId" = u)::int AS open,
           count(DISTINCT t.id) FILTER (WHERE t."firstReplyAt" IS NOT NULL OR t."responseDueAt" <= ${to}::timestamp)::int AS due,
           count(DISTINCT t.id) FILTER (WHERE t.held AND t."firstReplyAt" <= t."responseDueAt")::int AS met
    FROM unnest(${owners}::text[]) AS u LEFT JOIN theirs t USING (u)
    GROUP BY u ORDER BY u`;
  const arrived = await db.$queryRaw<{ category: Category; marketplace: string | null }[]>`
    SELECT DISTINCT category, marketplace FROM "Case"
    WHERE "createdAt" >= ${from}::timestamp AND "createdAt" < ${to}::timestamp`;
  return { rules, people, unowned: unownedTypes(rules, arrived), overload };
}

/** The playbook's figures of the cases resolved (and the appeals and abuse marked) in the period. */
async function playbookReport(db: Db, { from, to }: Period): Promise<PlaybookReport> {
  const inPeriod = (column: string) =>
    Prisma.sql`${Prisma.raw(`"${column}"`)} >= ${from}::timestamp AND ${Prisma.raw(`"${column}"`)} < ${to}::timestamp`;
  // Money back is a refund, partial refund or coupon; a case paid back in another currency than
  // its order is left out altogether (its amount cannot be set against the order's value).
  const moneyByCause = await db.$queryRaw<PlaybookReport["moneyByCause"]>`
    SELECT "rootCause", currency, count(*)::int AS cases,
           coalesce(sum("resolutionAmount") FILTER (WHERE resolution::text = ANY(${MONEY_RESOLUTIONS})), 0)::text AS back,
           sum("orderValue")::text AS value
    FROM "Case"
    WHERE ${inPeriod("resolvedAt")} AND "rootCause" IS NOT NULL AND "orderValue" > 0 AND currency IS NOT NULL
      AND ("resolutionCurrency" IS NULL OR "resolutionCurrency" = currency)
    GROUP BY 1, 2 ORDER BY 1, 2`;
  const [counts] = await db.$queryRaw<
    { made: number; followed: number; kept: number; boughtAgain: number; lost: number }[]
  >`
    SELECT count(*) FILTER (WHERE "suggestedRemedy" IS NOT NULL)::int AS made,
           count(*) FILTER (WHERE "suggestionFollowed")::int AS followed,
           count(*) FILTER (WHERE "buyerOutcome" = 'kept')::int AS kept,
           count(*) FILTER (WHERE "buyerOutcome" = 'bought_again')::int AS "boughtAgain",
           count(*) FILTER (WHERE "buyerOutcome" = 'lost')::int AS lost
    FROM "Case" WHERE ${inPeriod("resolvedAt")}`;
  const [marks] = await db.$queryRaw<{ abuse: number; filed: number; won: number; lost: number; open: number }[]>`
    SELECT count(*) FILTER (WHERE ${inPeriod("abuseSuspectedAt")})::int AS abuse,
           count(*) FILTER (WHERE ${inPeriod("appealFiledAt")})::int AS filed,
           count(*) FILTER (WHERE "appealStage" = 'won' AND ${inPeriod("appealClosedAt")})::int AS won,
           count(*) FILTER (WHERE "appealStage" = 'lost' AND ${inPeriod("appealClosedAt")})::int AS lost,
           count(*) FILTER (WHERE "appealStage" IN ('preparing', 'filed'))::int AS open
    FROM "Case" WHERE "abuseSuspectedAt" IS NOT NULL OR "appealStage" IS NOT NULL`;
  return {
    moneyByCause,
    suggestions: { made: counts.made, followed: counts.followed },
    buyers: { kept: counts.kept, boughtAgain: counts.boughtAgain, lost: counts.lost },
    abuse: marks.abuse,
    appeals: { filed: marks.filed, won: marks.won, lost: marks.lost, open: marks.open },
  };
}
