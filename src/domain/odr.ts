// Order Defect Rate per marketplace: orders with a defect (negative review, A-to-z claim not
// denied or withdrawn, chargeback), each order counted once, over 60 days, against order volume.
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import type { CrisisSettings } from "./crisis.ts";

export const ODR_DAYS = 60;
export const DEFECT_CATEGORIES = ["negative_review", "a_to_z_claim", "chargeback"];
/** A-to-z claims that ended like this are not defects. */
export const CLAIM_NOT_HELD = ["claim_denied", "claim_withdrawn"];

export type OdrReading = {
  marketplace: string;
  orders: number;
  defects: number;
  negativeReviews: number;
  claims: number;
  chargebacks: number;
  percent: number;
  limitPercent: number;
  defectsUntilLimit: number;
};

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
  const [d] = await prisma.$queryRaw<
    {
      total: number | null;
      lastTotalDate: string | null;
      lastDay: string | null;
      dayOrders: number | null;
      defects: number;
      reviews: number;
      claims: number;
      chargebacks: number;
    }[]
  >`
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
        WHERE marketplace = ${marketplace} AND category IN (${Prisma.join(DEFECT_CATEGORIES)}) AND "createdAt" > ${since}::timestamp
          AND NOT (category = 'a_to_z_claim' AND resolution IS NOT NULL AND resolution IN (${Prisma.join(CLAIM_NOT_HELD)}))
        GROUP BY "orderId"
      ) orders_with_defects
    )
    SELECT (SELECT orders FROM total) AS total, (SELECT date FROM total) AS "lastTotalDate",
           days.last_day AS "lastDay", days.orders AS "dayOrders", defects.*
    FROM days, defects`;
  const useTotal = d.total !== null && (d.lastDay === null || (d.lastTotalDate ?? "") >= d.lastDay);
  const orders = useTotal ? d.total : d.lastDay ? d.dayOrders : null;
  if (!orders) return undefined;
  const needed = Math.ceil((orders * limitPercent) / 100 - 1e-9);
  return {
    marketplace,
    orders,
    defects: d.defects,
    negativeReviews: d.reviews,
    claims: d.claims,
    chargebacks: d.chargebacks,
    percent: (d.defects / orders) * 100,
    limitPercent,
    defectsUntilLimit: Math.max(0, needed - d.defects),
  };
}

/**
 * Raises the warning (ODR_WARNING_PERCENT) or the alert (ODR_ALERT_PERCENT) once when crossed,
 * updates it while it holds, and clears it when the rate falls back.
 */
export async function checkOdr(
  prisma: PrismaClient,
  marketplace: string,
  now: Date,
  s: CrisisSettings,
): Promise<OdrReading | undefined> {
  const reading = await readOdr(prisma, marketplace, now, s.odr.alertPercent);
  if (!reading) return undefined;
  const level =
    reading.percent >= s.odr.alertPercent - 1e-9
      ? "odr_alert"
      : reading.percent >= s.odr.warningPercent - 1e-9
        ? "odr_warning"
        : undefined;
  const detail = reading as unknown as Prisma.InputJsonValue;
  const activeWhere = { kind: { in: ["odr_warning", "odr_alert"] }, subject: marketplace, windowKey: "active" };
  // Below both thresholds with nothing to clear: no transaction needed.
  if (!level && (await prisma.crisisAlert.count({ where: activeWhere })) === 0) return reading;
  await prisma.$transaction(async (tx) => {
    const current = await tx.crisisAlert.findMany({ where: activeWhere });
    for (const kind of ["odr_warning", "odr_alert"] as const) {
      const active = current.find((a) => a.kind === kind);
      const holds = kind === "odr_alert" ? level === "odr_alert" : level !== undefined;
      if (active && holds) {
        // Above the limit only the alert is kept current; the warning waits underneath it.
        if (kind === "odr_warning" && level === "odr_alert") continue;
        await tx.crisisAlert.update({ where: { id: active.id }, data: { lastSeenAt: now, detail } });
        await tx.outboxMessage.create({
          data: { kind: "crisis_update", channelId: active.channelId, payload: { alertId: active.id } },
        });
      } else if (active) {
        await tx.crisisAlert.update({
          where: { id: active.id },
          data: { status: "cleared", clearedAt: now, windowKey: active.startedAt.toISOString(), detail },
        });
        await tx.outboxMessage.create({
          data: { kind: "crisis_update", channelId: active.channelId, payload: { alertId: active.id } },
        });
      } else if (holds && !(kind === "odr_warning" && level === "odr_alert")) {
        const { count } = await tx.crisisAlert.createMany({
          data: [
            {
              kind,
              subject: marketplace,
              windowKey: "active",
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
            where: { kind_subject_windowKey: { kind, subject: marketplace, windowKey: "active" } },
          });
          await tx.outboxMessage.create({
            data: {
              kind: "crisis_post",
              channelId: s.channelId,
              payload: { alertId: created.id },
              dedupeKey: `crisis_post:${created.id}`,
            },
          });
        }
      }
    }
  });
  return reading;
}
