// Messages to Slack are written to the outbox in the same transaction as the change they report.
// The outbox worker (jobs/outbox.ts) renders them from the database when it delivers them.
import type { Prisma } from "../generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

export type OutboxKind = "post_card" | "update_card" | "history_note";

/** The card of a case is posted once, ever: the dedupe key makes a second request a no-op. */
export async function queueCardPost(tx: Tx, caseId: number, channelId: string): Promise<void> {
  await tx.outboxMessage.createMany({
    data: [{ kind: "post_card", caseId, channelId, payload: {}, dedupeKey: `card:${caseId}` }],
    skipDuplicates: true,
  });
}

/** One pending re-render is enough: it reads the record as it is when delivered. */
export async function queueCardUpdate(tx: Tx, caseId: number): Promise<void> {
  const pending = await tx.outboxMessage.findFirst({
    where: { caseId, kind: "update_card", status: "pending", lockedUntil: null },
    select: { id: true },
  });
  if (!pending) await tx.outboxMessage.create({ data: { kind: "update_card", caseId, payload: {} } });
}

export async function queueHistoryNote(tx: Tx, caseId: number, eventId: number): Promise<void> {
  await tx.outboxMessage.create({ data: { kind: "history_note", caseId, payload: { eventId }, dedupeKey: `note:${eventId}` } });
}
