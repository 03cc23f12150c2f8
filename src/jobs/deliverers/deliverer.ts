// What a deliverer is: given one queued message of its kind, it renders from the database and
// calls Slack, or says to try again shortly (e.g. a thread line whose card is not posted yet).
import type { Logger, webApi } from "@slack/bolt";
import type { CrisisSettings } from "../../domain/crisis.ts";
import type { OutboxKind, OutboxPayloads } from "../../domain/outboxMessages.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { cardPostPending } from "../../store/outbox.ts";
import type { Audience } from "../../views/clockNotices.ts";

/** Delivered; or to be tried again after `waitMs` (not a failed attempt); or impossible, for `failed`. */
export type Outcome = { done: true } | { done: false; waitMs: number } | { done: false; failed: string };
export const DONE: Outcome = { done: true };

/** A queued message as its deliverer receives it: the payload typed for its kind. */
export type Queued<K extends OutboxKind> = {
  id: number;
  kind: K;
  caseId: number | null;
  channelId: string | null;
  payload: OutboxPayloads[K];
};

export type DeliveryContext = {
  prisma: PrismaClient;
  client: webApi.WebClient;
  logger: Logger;
  now: () => Date;
  /** Who reminders and escalations mention. */
  audience: Audience;
  crisis: CrisisSettings;
  stalledDays: number;
  /** Waits until the channel may take another message (about one per second). */
  pace: (channel: string) => Promise<void>;
};

export type Deliverer<K extends OutboxKind> = (m: Queued<K>, ctx: DeliveryContext) => Promise<Outcome>;
/** One deliverer per kind: a kind without one does not compile. */
export type Deliverers = { [K in OutboxKind]: Deliverer<K> };

const WAIT_FOR_CARD_MS = 1000;

/** A thread line needs its card: wait while the card is still to be posted, otherwise give up. */
export async function waitingForCard(prisma: PrismaClient, caseId: number): Promise<Outcome> {
  return (await cardPostPending(prisma, caseId)) ? { done: false, waitMs: WAIT_FOR_CARD_MS } : DONE;
}

/** Messages of these kinds are always queued with a channel; one without fails, never marked sent. */
export const NO_CHANNEL: Outcome = { done: false, failed: "the message has no channel" };
