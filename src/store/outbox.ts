// The outbox table: queueing messages (in the transaction of the change they report) and the
// worker's reads and guarded writes. What each kind carries is in domain/outboxMessages.ts.
import { kindPrioritySql, ON_CARD_KINDS, type OutboxMessageInput, outboxRow } from "../domain/outboxMessages.ts";
import { type OutboxMessage, Prisma, type PrismaClient } from "../generated/prisma/client.ts";

type Db = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Queues messages as one statement, in the given order (each channel gets its messages in id
 * order, urgent ones first), however many there are. A message whose dedupe key is already stored
 * is skipped: a repeat is a no-op. Pass the transaction of the change the messages report, so they
 * exist exactly when it does. `holdUntil` keeps them back until then unless released earlier.
 */
export async function enqueue(
  db: Db,
  messages: OutboxMessageInput[],
  opts: { holdUntil?: Date } = {},
): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = messages.map(outboxRow);
  // The outbox runs on the wall clock (retries, pacing), whatever clock the deadlines use; set
  // here rather than by a column default, which would follow the database session's time zone.
  const queuedAt = new Date();
  const due = opts.holdUntil ?? queuedAt;
  return db.$executeRaw`
    INSERT INTO "OutboxMessage" (kind, "caseId", "channelId", payload, "dedupeKey", priority, "nextAttemptAt", "createdAt")
    SELECT kind, "caseId", "channelId", payload::jsonb, "dedupeKey", priority, ${due}::timestamp, ${queuedAt}::timestamp
    FROM unnest(
      ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.caseId)}::int[], ${rows.map((r) => r.channelId)}::text[],
      ${rows.map((r) => JSON.stringify(r.payload))}::text[], ${rows.map((r) => r.dedupeKey)}::text[], ${rows.map((r) => r.priority)}::int[]
    ) WITH ORDINALITY AS m(kind, "caseId", "channelId", payload, "dedupeKey", priority, position)
    ORDER BY position
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/** Messages as the SELECT `enqueueSelected` takes, for a statement that queues them with its change. */
export function selectMessages(messages: OutboxMessageInput[]): Prisma.Sql {
  const rows = messages.map(outboxRow);
  return Prisma.sql`
    SELECT kind, "caseId", "channelId", payload::jsonb AS payload, "dedupeKey"
    FROM unnest(${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.caseId)}::int[], ${rows.map((r) => r.channelId)}::text[],
      ${rows.map((r) => JSON.stringify(r.payload))}::text[], ${rows.map((r) => r.dedupeKey)}::text[])
      AS m(kind, "caseId", "channelId", payload, "dedupeKey")`;
}

/** Lets held cards go now (an import's cards, once its summary is in Slack). */
export async function releaseHeldCards(db: Db, caseIds: number[]): Promise<void> {
  if (caseIds.length === 0) return;
  await db.$executeRaw`
    UPDATE "OutboxMessage" SET "nextAttemptAt" = ${new Date()}::timestamp
    WHERE kind = 'post_card' AND status = 'pending' AND "caseId" = ANY(${caseIds}::int[]) AND "lockedUntil" IS NULL`;
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
    INSERT INTO "OutboxMessage" (kind, "caseId", "channelId", payload, "dedupeKey", priority, "nextAttemptAt", "createdAt")
    SELECT kind, "caseId", "channelId", payload, "dedupeKey", ${Prisma.raw(kindPrioritySql("kind"))}, ${queuedAt}::timestamp, ${queuedAt}::timestamp
    FROM (${rows}) AS m
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/** A due message with the channel it goes to (its lane: one message at a time per channel). */
export type DueMessage = OutboxMessage & { lane: string };

/**
 * The next message of each channel that is due: the most urgent, then the oldest. Channels in
 * `busy` (delivering here, or paced) and channels where another running copy holds a message are
 * left out, so one busy channel never holds back another and a channel gets one message at a time
 * whichever copy sends it. A message for a card (or linking to it) or alert still waiting to be posted is not due
 * yet (nor a picture whose message or alert is): thousands of reminders of an import's cases must
 * not take turns asking.
 */
export function dueHeads(prisma: PrismaClient, now: Date, busy: string[], take: number): Promise<DueMessage[]> {
  return prisma.$queryRaw<DueMessage[]>`
    WITH open AS (
      SELECT o.*, c."messageTs" AS "cardTs",
             CASE WHEN o.kind = ANY(${ON_CARD_KINDS}::text[]) THEN COALESCE(c."channelId", o."channelId", '')
                  ELSE COALESCE(o."channelId", c."channelId", '') END AS lane
      FROM "OutboxMessage" o LEFT JOIN "Case" c ON c.id = o."caseId"
      WHERE o.status = 'pending' AND (o."nextAttemptAt" <= ${now}::timestamp OR o."lockedUntil" >= ${now}::timestamp)
    ), held AS (
      SELECT DISTINCT lane FROM open WHERE "lockedUntil" >= ${now}::timestamp
    )
    SELECT * FROM (
      SELECT DISTINCT ON (lane) * FROM open m
      WHERE "nextAttemptAt" <= ${now}::timestamp AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}::timestamp)
        AND lane <> ALL(${busy}::text[]) AND lane NOT IN (SELECT lane FROM held)
        AND NOT ((kind = ANY(${ON_CARD_KINDS}::text[]) OR kind = 'routed_dm') AND "cardTs" IS NULL AND EXISTS (
          SELECT 1 FROM "OutboxMessage" card
          WHERE card."caseId" = m."caseId" AND card.kind = 'post_card' AND card.status = 'pending'))
        AND NOT (kind IN ('crisis_update', 'crisis_note') AND EXISTS (
          SELECT 1 FROM "OutboxMessage" alert
          WHERE alert.kind = 'crisis_post' AND alert.status = 'pending' AND alert.payload->>'alertId' = m.payload->>'alertId'))
        AND NOT (kind = 'chart' AND EXISTS (
          SELECT 1 FROM "OutboxMessage" parent
          WHERE parent.status = 'pending' AND (
            parent."dedupeKey" = m.payload->'place'->>'after'
            OR (parent.kind = 'crisis_post' AND parent.payload->>'alertId' = m.payload->'place'->>'alertId'))))
      ORDER BY lane, priority, id
    ) heads
    ORDER BY priority, id
    LIMIT ${take}`;
}

/** A row reserved by one copy: its final write only lands while the reservation is still its own. */
export type Lease = { id: number; lockedUntil: Date };

/** A claimed row, and how it stood before the claim (restored when the pass turns out not to count). */
export type Claim = {
  lease: Lease;
  priorAttempts: number;
  /** When the earliest attempt that may have reached Slack started; null when none may have. */
  uncertainSince: Date | null;
};

/**
 * Reserves a row until `lockedUntil`; null when another copy has it or it is no longer pending.
 * The row keeps the start of the earliest attempt whose outcome is unknown (`attemptedAt`) until
 * an attempt settles it, so a later search for an earlier post looks back far enough.
 */
export async function claimOutboxMessage(
  prisma: PrismaClient,
  id: number,
  now: Date,
  lockedUntil: Date,
): Promise<Claim | null> {
  const [prior] = await prisma.$queryRaw<{ attempts: number; attemptedAt: Date | null }[]>`
    UPDATE "OutboxMessage" o
    SET "lockedUntil" = ${lockedUntil}::timestamp, attempts = o.attempts + 1,
        "attemptedAt" = COALESCE(o."attemptedAt", ${now}::timestamp)
    FROM (SELECT id, attempts, "attemptedAt" FROM "OutboxMessage" WHERE id = ${id} FOR UPDATE) before
    WHERE o.id = before.id AND o.status = 'pending'
      AND (o."lockedUntil" IS NULL OR o."lockedUntil" < ${now}::timestamp)
    RETURNING before.attempts, before."attemptedAt"`;
  if (!prior) return null;
  return { lease: { id, lockedUntil }, priorAttempts: prior.attempts, uncertainSince: prior.attemptedAt };
}

// Each final write is fenced by the lease: a copy whose reservation ran out (a stalled call) and
// was taken over must not overwrite what the new holder does. False when the lease was lost.
async function finish(prisma: PrismaClient, lease: Lease, data: Prisma.OutboxMessageUpdateManyMutationInput) {
  const { count } = await prisma.outboxMessage.updateMany({
    where: { id: lease.id, status: "pending", lockedUntil: lease.lockedUntil },
    data: { ...data, lockedUntil: null },
  });
  return count === 1;
}

export function markSent(prisma: PrismaClient, lease: Lease): Promise<boolean> {
  return finish(prisma, lease, { status: "sent", sentAt: new Date(), lastError: null });
}

/**
 * Tries again at `at`. With `lastError` the pass was an attempt; `attemptedAt` given when it
 * settled what the next attempt must look for (null: nothing). With `attempts` and `attemptedAt`
 * the pass did not count (it waited for another message) and the row is put back as it was.
 */
export function retryLater(
  prisma: PrismaClient,
  lease: Lease,
  at: Date,
  change: { lastError: string; attemptedAt?: Date | null } | { attempts: number; attemptedAt: Date | null },
): Promise<boolean> {
  return finish(prisma, lease, { nextAttemptAt: at, ...change });
}

export function markFailed(prisma: PrismaClient, lease: Lease, reason: string): Promise<boolean> {
  return finish(prisma, lease, { status: "failed", lastError: reason });
}

/** Where a message another one depends on stands (a card for its thread lines, an alert for its notes). */
export type ParentPost = { status: "pending" } | { status: "failed"; reason: string } | null;

/** Where the one message `where` names stands: waiting, failed (with why), or null once posted or never queued. */
async function parentPost(prisma: PrismaClient, where: Prisma.OutboxMessageWhereInput): Promise<ParentPost> {
  const row = await prisma.outboxMessage.findFirst({
    where: { ...where, status: { in: ["pending", "failed"] } },
    select: { status: true, lastError: true },
  });
  if (row?.status === "pending") return { status: "pending" };
  if (row?.status === "failed") return { status: "failed", reason: row.lastError ?? "unknown reason" };
  return null;
}

/** The card post of a case. */
export const cardPost = (prisma: PrismaClient, caseId: number) => parentPost(prisma, { caseId, kind: "post_card" });

/** The post of an alert. */
export const alertPost = (prisma: PrismaClient, alertId: number) =>
  parentPost(prisma, { kind: "crisis_post", payload: { equals: { alertId } } });

/** The message with this dedupe key. */
export const messagePost = (prisma: PrismaClient, dedupeKey: string) => parentPost(prisma, { dedupeKey });

/**
 * Adds the files an upload made to the ones earlier attempts made, before they are shared, so a
 * later attempt can look every one of them up. False when the reservation `lockedUntil` is no
 * longer this copy's (the files must then not be shared).
 */
export async function recordUploadedFiles(
  prisma: PrismaClient,
  id: number,
  lockedUntil: Date,
  fileIds: string[],
): Promise<boolean> {
  const count = await prisma.$executeRaw`
    UPDATE "OutboxMessage"
    SET payload = payload || jsonb_build_object('fileIds', COALESCE(payload->'fileIds', '[]'::jsonb) || ${JSON.stringify(fileIds)}::jsonb)
    WHERE id = ${id} AND status = 'pending' AND "lockedUntil" = ${lockedUntil}::timestamp`;
  return count === 1;
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
