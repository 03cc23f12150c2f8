// Order volume and the Order Defect Rate per marketplace: reading it from the cases, and keeping
// its warning and alert in step with the reading (the transitions are decided in domain/odr.ts).
import { ACTIVE_STATUS, CLEARED_STATUS, type CrisisSettings, clearedWindow, RUNNING_WINDOW } from "../domain/crisis.ts";
import {
  AMAZON_HEALTH_FRESH_MS,
  alertPercent,
  CLAIM_NOT_HELD,
  DEFECT_CATEGORIES,
  ODR_ALERT_KINDS,
  ODR_DAYS,
  type OdrCounts,
  type OdrReading,
  odrLevel,
  odrReading,
  odrTransitions,
} from "../domain/odr.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { enqueue } from "./outbox.ts";

export async function recordOrders(
  prisma: PrismaClient,
  v: { marketplace: string; date: string; orders: number; span: "day" | "60d" },
): Promise<void> {
  await prisma.orderVolume.upsert({
    where: { marketplace_date_span: { marketplace: v.marketplace, date: v.date, span: v.span } },
    create: v,
    update: { orders: v.orders },
  });
}

/** The marketplaces with known order volume, given to the bot or from Amazon's account health. */
export async function marketplacesWithOrders(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.orderVolume.findMany({ distinct: ["marketplace"], select: { marketplace: true } });
  const amazon = await prisma.accountHealth.findMany({ select: { marketplace: true } });
  return [...new Set([...rows.map((r) => r.marketplace), ...amazon.map((r) => r.marketplace)])].sort();
}

/**
 * One query: orders in the last 60 days (a 60-day total given since the last daily figure wins,
 * otherwise the daily figures) and the defective orders, each order counted once.
 */
export async function readOdr(
  prisma: Pick<PrismaClient, "$queryRaw">,
  marketplace: string,
  now: Date,
  limitPercent: number,
): Promise<OdrReading | undefined> {
  const since = new Date(now.getTime() - ODR_DAYS * 86_400_000);
  const sinceDay = since.toISOString().slice(0, 10);
  const [d] = await prisma.$queryRaw<OdrCounts[]>`
    WITH total AS (
      SELECT orders, date FROM "OrderVolume" WHERE marketplace = ${marketplace} AND span = '60d' ORDER BY date DESC, "updatedAt" DESC LIMIT 1
    ), days AS (
      SELECT max(date) AS last_day, sum(orders) FILTER (WHERE date > ${sinceDay})::int AS orders
      FROM "OrderVolume" WHERE marketplace = ${marketplace} AND span = 'day'
    ), defects AS (
      -- One row per order (an order counts once), remembering which kinds of defect it had.
      SELECT count(*)::int AS defects,
             count(*) FILTER (WHERE review)::int AS reviews,
             count(*) FILTER (WHERE claim)::int AS claims,
             count(*) FILTER (WHERE chargeback)::int AS chargebacks
      FROM (
        SELECT "orderId", bool_or(category = 'negative_review') AS review, bool_or(category = 'a_to_z_claim') AS claim, bool_or(category = 'chargeback') AS chargeback
        FROM "Case"
        WHERE marketplace = ${marketplace} AND category = ANY(${DEFECT_CATEGORIES}::"Category"[]) AND "createdAt" > ${since}::timestamp
          AND NOT (category = 'a_to_z_claim' AND resolution IS NOT NULL AND resolution = ANY(${CLAIM_NOT_HELD}::"Resolution"[]))
        GROUP BY "orderId"
      ) orders_with_defects
    )
    SELECT (SELECT orders FROM total) AS total, (SELECT date FROM total) AS "lastTotalDate",
           days.last_day AS "lastDay", days.orders AS "dayOrders", defects.*,
           (SELECT json_build_object('reportedAt', "reportedAt", 'detail', detail) FROM "AccountHealth"
            WHERE marketplace = ${marketplace} AND "reportedAt" > ${new Date(now.getTime() - AMAZON_HEALTH_FRESH_MS)}::timestamp AND "reportedAt" <= ${now}::timestamp) AS health
    FROM days, defects`;
  return odrReading(marketplace, d, limitPercent);
}

/**
 * Re-reads a marketplace's ODR and brings its warning and alert in step: raised once when
 * crossed, updated while it holds, cleared when the rate falls back.
 */
export async function checkOdr(
  prisma: PrismaClient,
  marketplace: string,
  now: Date,
  s: CrisisSettings,
): Promise<OdrReading | undefined> {
  const reading = await readOdr(prisma, marketplace, now, s.odr.alertPercent);
  // No reading any more (Amazon's figure went stale and no volume was given): what runs is cleared.
  const level = reading ? odrLevel(alertPercent(reading), s.odr) : undefined;
  const detail = reading ? (reading as unknown as Prisma.InputJsonValue) : undefined;
  const runningWhere = { kind: { in: [...ODR_ALERT_KINDS] }, subject: marketplace, windowKey: RUNNING_WINDOW };
  // Below both thresholds with nothing to clear: no transaction needed.
  if (!level && (await prisma.crisisAlert.count({ where: runningWhere })) === 0) return reading;
  await prisma.$transaction(async (tx) => {
    const running = await tx.crisisAlert.findMany({ where: runningWhere });
    for (const t of odrTransitions(running, level)) {
      if (t.action === "update") {
        await tx.crisisAlert.update({ where: { id: t.alert.id }, data: { lastSeenAt: now, detail } });
        await enqueue(tx, [{ kind: "crisis_update", alertId: t.alert.id, channelId: t.alert.channelId }]);
      } else if (t.action === "clear") {
        await tx.crisisAlert.update({
          where: { id: t.alert.id },
          data: { status: CLEARED_STATUS, clearedAt: now, windowKey: clearedWindow(t.alert.startedAt), detail },
        });
        await enqueue(tx, [{ kind: "crisis_update", alertId: t.alert.id, channelId: t.alert.channelId }]);
      } else {
        const { count } = await tx.crisisAlert.createMany({
          data: [
            {
              kind: t.kind,
              subject: marketplace,
              windowKey: RUNNING_WINDOW,
              status: ACTIVE_STATUS,
              startedAt: now,
              lastSeenAt: now,
              channelId: s.channelId,
              detail,
            },
          ],
          skipDuplicates: true,
        });
        if (count === 1) {
          const created = await tx.crisisAlert.findUniqueOrThrow({
            where: { kind_subject_windowKey: { kind: t.kind, subject: marketplace, windowKey: RUNNING_WINDOW } },
          });
          await enqueue(tx, [{ kind: "crisis_post", alertId: created.id, channelId: s.channelId }]);
        }
      }
    }
  });
  return reading;
}
