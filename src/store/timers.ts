// Case timers in the database: firing the ones that have come due (claimed first, so two copies
// of the bot never fire one twice) and cancelling the ones a change makes pointless.
import { noticeDedupeKeySql } from "../domain/outboxMessages.ts";
import { TIMER_EFFECTS, type TimerKind } from "../domain/responseClock.ts";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { enqueueSelected } from "./outbox.ts";

export type FiredTimer = { caseId: number; kind: TimerKind };

/**
 * Fires every timer that has come due, as one SQL statement (atomic, one round trip): the timers
 * are claimed with FOR UPDATE SKIP LOCKED, so two copies of the bot take disjoint sets; breaches
 * are recorded on the cases; events and Slack messages (each notice, then the card re-renders)
 * are queued. A reminder that comes due together with its deadline (the bot was down) is
 * dropped: the escalation says more.
 */
export async function fireDueTimers(
  prisma: PrismaClient,
  now: Date,
  channels: { casesChannel: string; escalationChannel: string },
  limit = 1000,
): Promise<FiredTimer[]> {
  const kinds = Object.keys(TIMER_EFFECTS) as TimerKind[];
  const notices = kinds.map((k) => TIMER_EFFECTS[k].notice);
  const events = kinds.map((k) => TIMER_EFFECTS[k].event);
  const rerender = kinds.map((k) => TIMER_EFFECTS[k].rerenderCard);
  const noticeChannels = notices.map((n) => (n === "escalation" ? channels.escalationChannel : channels.casesChannel));
  const messages = Prisma.sql`
    SELECT notice AS kind, "caseId", channel AS "channelId", '{}'::jsonb AS payload,
           ${Prisma.raw(noticeDedupeKeySql("notice", '"caseId"::text', '"fireMs"'))} AS "dedupeKey"
    FROM todo
    UNION ALL
    SELECT 'update_card', "caseId", NULL, '{}'::jsonb, NULL FROM todo WHERE rerender`;
  return prisma.$queryRaw<FiredTimer[]>`
    WITH fired AS (
      UPDATE "CaseTimer" SET status = 'fired', "firedAt" = ${now}
      WHERE id IN (
        SELECT id FROM "CaseTimer"
        WHERE status = 'pending' AND "fireAt" <= ${now}
        ORDER BY "fireAt" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING "caseId", kind, (extract(epoch FROM "fireAt") * 1000)::bigint::text AS "fireMs"
    ), breached AS (
      UPDATE "Case" c SET "breachedAt" = c."responseDueAt"
      FROM fired f WHERE f.kind = 'response_breach' AND c.id = f."caseId" AND c."breachedAt" IS NULL
      RETURNING c.id
    ), todo AS (
      SELECT f."caseId", f."fireMs", m.notice, m.event, m.rerender, m.channel
      FROM fired f
      JOIN unnest(${kinds}::text[], ${notices}::text[], ${events}::text[], ${rerender}::boolean[], ${noticeChannels}::text[])
        AS m(kind, notice, event, rerender, channel) ON m.kind = f.kind
      WHERE NOT (f.kind = 'response_warning' AND EXISTS (
        SELECT 1 FROM fired b WHERE b.kind = 'response_breach' AND b."caseId" = f."caseId"))
    ), events AS (
      INSERT INTO "CaseEvent" ("caseId", kind, "createdAt") SELECT "caseId", event, ${now}::timestamp FROM todo
    ), messages AS (${enqueueSelected(messages)})
    SELECT "caseId", kind FROM fired`;
}

export async function stopClocks(tx: Prisma.TransactionClient, caseId: number, kinds: TimerKind[]): Promise<void> {
  if (kinds.length === 0) return;
  await tx.caseTimer.updateMany({
    where: { caseId, status: "pending", kind: { in: kinds } },
    data: { status: "cancelled" },
  });
}

/** Sets timers of a case (again): a kind already there is pending once more, at its new time. */
export async function setTimers(
  tx: Prisma.TransactionClient,
  caseId: number,
  timers: { kind: TimerKind; fireAt: Date }[],
): Promise<void> {
  for (const t of timers) {
    await tx.caseTimer.upsert({
      where: { caseId_kind: { caseId, kind: t.kind } },
      create: { caseId, kind: t.kind, fireAt: t.fireAt },
      update: { fireAt: t.fireAt, status: "pending", firedAt: null },
    });
  }
}
