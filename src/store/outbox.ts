// The outbox table: queueing messages (in the transaction of the change they report) and the
// worker's reads and guarded writes. What each kind carries is in domain/outboxMessages.ts.
import { type OutboxMessageInput, outboxRow } from "../domain/outboxMessages.ts";
import { type OutboxMessage, Prisma, type PrismaClient } from "../generated/prisma/client.ts";

type Db = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Queues messages as one statement, in the given order (the worker delivers in id order), however
 * many there are. A message whose dedupe key is already stored is skipped: a repeat is a no-op.
 * Pass the transaction of the change the messages report, so they exist exactly when it does.
 */
export async function enqueue(db: Db, messages: OutboxMessageInput[]): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = messages.map(outboxRow);
  // The outbox runs on the wall clock (retries, pacing), whatever clock the deadlines use; set
  // here rather than by a column default, which would follow the database session's time zone.
  const queuedAt = new Date();
  return db.$executeRaw`
    INSERT INTO "OutboxMessage" (kind, "caseId", "channelId", payload, "dedupeKey", "nextAttemptAt", "createdAt")
    SELECT kind, "caseId", "channelId", payload::jsonb, "dedupeKey", ${queuedAt}::timestamp, ${queuedAt}::timestamp
    FROM unnest(
      ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.caseId)}::int[], ${rows.map((r) => r.channelId)}::text[],
      ${rows.map((r) => JSON.stringify(r.payload))}::text[], ${rows.map((r) => r.dedupeKey)}::text[]
    ) WITH ORDINALITY AS m(kind, "caseId", "channelId", payload, "dedupeKey", position)
    ORDER BY position
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/**
 * The insert of `enqueue`, for rows that a statement computes itself: `rows` is a SELECT of
 * (kind, "caseId", "channelId", payload, "dedupeKey"), with keys from domain/outboxMessages.ts.
 * Embedded as a CTE, the messages are queued by the very statement that decides them, which
 * keeps the deadline sweep one round trip.
 */
export function enqueueSelected(rows: Prisma.Sql): Prisma.Sql {
  const queuedAt = new Date();
  return Prisma.sql`
    INSERT INTO "OutboxMessage" (kind, "caseId", "channelId", payload, "dedupeKey", "nextAttemptAt", "createdAt")
    SELECT kind, "caseId", "channelId", payload, "dedupeKey", ${queuedAt}::timestamp, ${queuedAt}::timestamp
    FROM (${rows}) AS m
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/** Rows due for delivery, oldest first, not reserved by another running copy. */
export function dueOutboxMessages(prisma: PrismaClient, now: Date, take: number): Promise<OutboxMessage[]> {
  return prisma.outboxMessage.findMany({
    where: {
      status: "pending",
      nextAttemptAt: { lte: now },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
    orderBy: { id: "asc" },
    take,
  });
}

/** Reserves a row until `lockedUntil`; false when another copy has it or it is no longer pending. */
export async function claimOutboxMessage(
  prisma: PrismaClient,
  id: number,
  now: Date,
  lockedUntil: Date,
): Promise<boolean> {
  const { count } = await prisma.outboxMessage.updateMany({
    where: { id, status: "pending", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil, attempts: { increment: 1 } },
  });
  return count === 1;
}

export async function markSent(prisma: PrismaClient, id: number): Promise<void> {
  await prisma.outboxMessage.update({
    where: { id },
    data: { status: "sent", sentAt: new Date(), lockedUntil: null, lastError: null },
  });
}

/** Tries again at `at`; `attempts` given when the pass should not count as an attempt. */
export async function retryLater(
  prisma: PrismaClient,
  id: number,
  at: Date,
  change: { lastError: string } | { attempts: number },
): Promise<void> {
  await prisma.outboxMessage.update({ where: { id }, data: { nextAttemptAt: at, lockedUntil: null, ...change } });
}

export async function markFailed(prisma: PrismaClient, id: number, reason: string): Promise<void> {
  await prisma.outboxMessage.update({
    where: { id },
    data: { status: "failed", lockedUntil: null, lastError: reason },
  });
}

/** Whether the card of a case is still waiting to be posted. */
export async function cardPostPending(prisma: PrismaClient, caseId: number): Promise<boolean> {
  const post = await prisma.outboxMessage.findFirst({
    where: { caseId, kind: "post_card", status: "pending" },
    select: { id: true },
  });
  return post !== null;
}

/** Whether an alert is still waiting to be posted. */
export async function alertPostPending(prisma: PrismaClient, alertId: number): Promise<boolean> {
  const posting = await prisma.outboxMessage.findFirst({
    where: { kind: "crisis_post", status: "pending", payload: { equals: { alertId } } },
    select: { id: true },
  });
  return posting !== null;
}

/** Marks earlier pending re-renders of a card as done: the one being delivered covers them. */
export async function foldEarlierCardUpdates(prisma: PrismaClient, caseId: number, beforeId: number): Promise<void> {
  await prisma.outboxMessage.updateMany({
    where: { caseId, kind: "update_card", status: "pending", lockedUntil: null, id: { lt: beforeId } },
    data: { status: "sent", sentAt: new Date(), lastError: "covered by a later re-render" },
  });
}

/** Removes delivered messages sent before `before`; undelivered ones stay for looking into. */
export async function removeSentBefore(prisma: PrismaClient, before: Date): Promise<void> {
  await prisma.outboxMessage.deleteMany({ where: { status: "sent", sentAt: { lt: before } } });
}
