// Case timers in the database: firing the ones that have come due (claimed first, so two copies
// of the bot never fire one twice) and cancelling the ones a change makes pointless.
import type { OutboxMessageInput } from "../domain/outboxMessages.ts";
import { TIMER_EFFECTS, type TimerKind } from "../domain/responseClock.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { enqueue } from "./outbox.ts";

export type FiredTimer = { caseId: number; kind: TimerKind };

/**
 * Fires every timer that has come due, in one transaction: the timers are claimed with FOR UPDATE
 * SKIP LOCKED, so two copies of the bot take disjoint sets; breaches are recorded on the cases,
 * events in the same statement; then the Slack messages are queued. A reminder that comes due
 * together with its deadline (the bot was down) is dropped: the escalation says more.
 */
export async function fireDueTimers(
  prisma: PrismaClient,
  now: Date,
  channels: { casesChannel: string; escalationChannel: string },
  limit = 1000,
): Promise<FiredTimer[]> {
  const kinds = Object.keys(TIMER_EFFECTS) as TimerKind[];
  const events = kinds.map((k) => TIMER_EFFECTS[k].event);
  return prisma.$transaction(
    async (tx) => {
      const fired = await tx.$queryRaw<(FiredTimer & { dropped: boolean })[]>`
        WITH fired AS (
          UPDATE "CaseTimer" SET status = 'fired', "firedAt" = ${now}
          WHERE id IN (
            SELECT id FROM "CaseTimer"
            WHERE status = 'pending' AND "fireAt" <= ${now}
            ORDER BY "fireAt" LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
          RETURNING "caseId", kind
        ), breached AS (
          UPDATE "Case" c SET "breachedAt" = c."responseDueAt"
          FROM fired f WHERE f.kind = 'response_breach' AND c.id = f."caseId" AND c."breachedAt" IS NULL
          RETURNING c.id
        ), judged AS (
          SELECT f."caseId", f.kind, (f.kind = 'response_warning' AND EXISTS (
            SELECT 1 FROM fired b WHERE b.kind = 'response_breach' AND b."caseId" = f."caseId")) AS dropped
          FROM fired f
        ), events AS (
          INSERT INTO "CaseEvent" ("caseId", kind, "createdAt")
          SELECT j."caseId", m.event, ${now}::timestamp
          FROM judged j JOIN unnest(${kinds}::text[], ${events}::text[]) AS m(kind, event) ON m.kind = j.kind
          WHERE NOT j.dropped
        )
        SELECT "caseId", kind, dropped FROM judged`;
      await enqueue(tx, noticesOf(fired, channels));
      return fired.map(({ caseId, kind }) => ({ caseId, kind }));
    },
    // On the embedded database a long import or digest transaction holds the one connection:
    // wait for it rather than miss this sweep.
    { maxWait: 60_000, timeout: 60_000 },
  );
}

/** Each fired timer's notice, then the re-render of the cards it changed (the worker delivers in that order). */
function noticesOf(
  fired: (FiredTimer & { dropped: boolean })[],
  channels: { casesChannel: string; escalationChannel: string },
): OutboxMessageInput[] {
  const kept = fired.filter((f) => !f.dropped && Object.hasOwn(TIMER_EFFECTS, f.kind));
  const notices = kept.map(({ caseId, kind }): OutboxMessageInput => {
    const notice = TIMER_EFFECTS[kind].notice;
    const channelId = notice === "escalation" ? channels.escalationChannel : channels.casesChannel;
    return { kind: notice, caseId, channelId };
  });
  const rerenders = kept
    .filter((f) => TIMER_EFFECTS[f.kind].rerenderCard)
    .map(({ caseId }): OutboxMessageInput => ({ kind: "update_card", caseId }));
  return [...notices, ...rerenders];
}

export async function stopClocks(tx: Prisma.TransactionClient, caseId: number, kinds: TimerKind[]): Promise<void> {
  if (kinds.length === 0) return;
  await tx.caseTimer.updateMany({
    where: { caseId, status: "pending", kind: { in: kinds } },
    data: { status: "cancelled" },
  });
}
