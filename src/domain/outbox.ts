// Messages to Slack are written to the outbox in the same transaction as the change they report.
// The outbox worker (jobs/outbox.ts) renders them from the database when it delivers them.
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

export type OutboxKind = "post_card" | "update_card" | "history_note";

/** The card of a case is posted once, ever: the dedupe key makes a second request a no-op. */
export async function queueCardPost(tx: Tx, caseId: number, channelId: string): Promise<void> {
  await tx.outboxMessage.createMany({
    data: [{ kind: "post_card", caseId, channelId, payload: {}, dedupeKey: `card:${caseId}` }],
    skipDuplicates: true,
  });
}

/**
 * After a change: re-render the card (the worker reads the record as it is when delivering, and
 * folds several pending re-renders of one card into one) and add the event's line to its thread.
 */
export async function queueChangeMessages(tx: Tx, caseId: number, eventId: number): Promise<void> {
  await tx.outboxMessage.createMany({
    data: [
      { kind: "update_card", caseId, payload: {} },
      { kind: "history_note", caseId, payload: { eventId }, dedupeKey: `note:${eventId}` },
    ],
  });
}

/** A finished message (a report, an import summary): posted as it is, once. */
export async function queueMessage(
  tx: Tx | PrismaClient,
  channelId: string,
  message: { text: string; blocks: unknown[] },
  dedupeKey?: string,
): Promise<void> {
  await tx.outboxMessage.create({
    data: { kind: "message", channelId, payload: message as Prisma.InputJsonValue, dedupeKey },
  });
}
