// The outbox as leads see it: messages still waiting, messages Slack refused for good (grouped by
// reason and channel), and the removal of old refused ones. Read-only towards the outbox worker.
import {
  ALERT_KINDS,
  type DeliveryHealth,
  FAILED_GROUPS_SHOWN,
  type FailedDeliveries,
  type PendingDeliveries,
  SLACK_ERROR_PREFIX,
} from "../domain/deliveryHealth.ts";
import { ON_CARD_KINDS } from "../domain/outboxMessages.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

type Db = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * Failed messages grouped by reason and channel, largest groups first. The channel is where the
 * message was going: a card's lines go to the card's channel, an alert's to the alert's, others to
 * the channel they were queued for. `queued` limits them to those queued in [from, to).
 */
export async function failedDeliveries(db: Db, queued?: { from: Date; to: Date }): Promise<FailedDeliveries> {
  const from = queued?.from ?? null;
  const to = queued?.to ?? null;
  const rows = await db.$queryRaw<
    {
      reason: string;
      channelId: string | null;
      count: number;
      latestAt: Date | string;
      kinds: string;
      groupCount: number;
      messageCount: number;
    }[]
  >`
    SELECT reason, "channelId", count(*)::int AS count, max("createdAt") AS "latestAt",
           string_agg(DISTINCT kind, ',') AS kinds,
           (count(*) OVER ())::int AS "groupCount", (sum(count(*)) OVER ())::int AS "messageCount"
    FROM (
      SELECT m.kind, m."createdAt",
             CASE WHEN m."lastError" IS NULL THEN 'unknown reason'
                  WHEN starts_with(m."lastError", ${SLACK_ERROR_PREFIX}) THEN substr(m."lastError", ${SLACK_ERROR_PREFIX.length + 1}::int)
                  ELSE m."lastError" END AS reason,
             CASE WHEN m.kind = ANY(${ALERT_KINDS}::text[]) THEN coalesce(a."channelId", m."channelId")
                  WHEN m.kind = ANY(${ON_CARD_KINDS}::text[]) THEN coalesce(c."channelId", m."channelId")
                  ELSE coalesce(m."channelId", c."channelId") END AS "channelId"
      FROM "OutboxMessage" m
      LEFT JOIN "Case" c ON c.id = m."caseId"
      LEFT JOIN "CrisisAlert" a ON m.kind = ANY(${ALERT_KINDS}::text[]) AND a.id = (m.payload->>'alertId')::int
      WHERE m.status = 'failed'
        AND (${from}::timestamp IS NULL OR m."createdAt" >= ${from}::timestamp)
        AND (${to}::timestamp IS NULL OR m."createdAt" < ${to}::timestamp)
    ) AS failed
    GROUP BY reason, "channelId"
    ORDER BY count(*) DESC, max("createdAt") DESC, reason
    LIMIT ${FAILED_GROUPS_SHOWN}`;
  return {
    groups: rows.map((r) => ({
      reason: r.reason,
      channelId: r.channelId,
      count: r.count,
      latestAt: new Date(r.latestAt),
      kinds: r.kinds.split(","),
    })),
    groupCount: rows[0]?.groupCount ?? 0,
    messageCount: rows[0]?.messageCount ?? 0,
  };
}

/** Messages not delivered yet, and the oldest one due at `now` (the outbox runs on the wall clock). */
export async function pendingDeliveries(prisma: PrismaClient, now: Date): Promise<PendingDeliveries> {
  const count = await prisma.outboxMessage.count({ where: { status: "pending" } });
  const oldestDue = count
    ? await prisma.outboxMessage.findFirst({
        where: { status: "pending", nextAttemptAt: { lte: now } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { createdAt: true, lastError: true },
      })
    : null;
  return { count, oldestDue };
}

export async function deliveryHealth(prisma: PrismaClient, now: Date): Promise<DeliveryHealth> {
  return { pending: await pendingDeliveries(prisma, now), failed: await failedDeliveries(prisma) };
}

/** Removes messages Slack refused for good that were queued before `before`; returns how many. */
export async function removeFailedBefore(prisma: PrismaClient, before: Date): Promise<number> {
  // A card or alert that was never posted stays on record until it is sent again (`/case health
  // retry`): without it, the lines that belong under it could not tell they have nowhere to go.
  return prisma.$executeRaw`
    DELETE FROM "OutboxMessage" m
    WHERE m.status = 'failed' AND m."createdAt" < ${before}::timestamp
      AND NOT (m.kind = 'post_card' AND EXISTS (
        SELECT 1 FROM "Case" c WHERE c.id = m."caseId" AND c."messageTs" IS NULL))
      AND NOT (m.kind = 'crisis_post' AND EXISTS (
        SELECT 1 FROM "CrisisAlert" a WHERE a.id = (m.payload->>'alertId')::int AND a."messageTs" IS NULL))`;
}

/**
 * Queues every message Slack refused for good again, e.g. once the bot has been invited to the
 * channel. Cards go before the lines under them as always; what is no longer needed (a reminder
 * for an answered case) is dropped when it comes up. Returns how many were queued.
 */
export async function sendFailedAgain(prisma: PrismaClient): Promise<number> {
  const { count } = await prisma.outboxMessage.updateMany({
    where: { status: "failed" },
    data: { status: "pending", nextAttemptAt: new Date(), lockedUntil: null, attempts: 0 },
  });
  return count;
}
