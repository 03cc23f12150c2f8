// Delivers the outbox to Slack: in order, paced per channel, retried with backoff until Slack
// takes it. Rows are claimed with a conditional update, so several running copies share the work
// without sending anything twice. What each kind of message becomes is up to its deliverer.
import type { Logger, webApi } from "@slack/bolt";
import { yieldToWaitingRequests } from "../db.ts";
import type { CrisisSettings } from "../domain/crisis.ts";
import { isOutboxKind, type OutboxKind, type OutboxPayloads } from "../domain/outboxMessages.ts";
import type { OutboxMessage, PrismaClient } from "../generated/prisma/client.ts";
import { claimOutboxMessage, dueOutboxMessages, markFailed, markSent, retryLater } from "../store/outbox.ts";
import type { Audience } from "../views/clockNotices.ts";
import { DELIVERERS } from "./deliverers/byKind.ts";
import type { DeliveryContext, Outcome, Queued } from "./deliverers/deliverer.ts";
import { retryPlan } from "./slackErrors.ts";

export type OutboxWorker = {
  /** Deliver now rather than at the next poll (called after a change is stored). */
  wake(): void;
  /** One pass over what is due; returns how many rows it handled. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
};

export type OutboxOptions = {
  prisma: PrismaClient;
  client: webApi.WebClient;
  logger: Logger;
  /** Who reminders and escalations mention. */
  audience: Audience;
  crisis: CrisisSettings;
  stalledDays: number;
  now?: () => Date;
  /** Minimum gap between two messages posted to one channel (Slack allows about one per second). */
  channelIntervalMs?: number;
  pollMs?: number;
  /** How long a claimed row stays reserved for the copy that claimed it. */
  leaseMs?: number;
};

const BATCH = 50;

function deliverKind<K extends OutboxKind>(kind: K, row: OutboxMessage, ctx: DeliveryContext): Promise<Outcome> {
  // The payload was written for this kind by enqueue (domain/outboxMessages.ts).
  const queued: Queued<K> = {
    id: row.id,
    kind,
    caseId: row.caseId,
    channelId: row.channelId,
    payload: row.payload as OutboxPayloads[K],
  };
  return DELIVERERS[kind](queued, ctx);
}

export function startOutbox(opts: OutboxOptions): OutboxWorker {
  const { prisma, logger } = opts;
  const channelIntervalMs = opts.channelIntervalMs ?? 1000;
  const pollMs = opts.pollMs ?? 1000;
  const leaseMs = opts.leaseMs ?? 60_000;
  const lastPostAt = new Map<string, number>();
  let stopped = false;
  let wakeLoop: (() => void) | undefined;
  let woken = false;

  async function pace(channel: string) {
    const wait = (lastPostAt.get(channel) ?? 0) + channelIntervalMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lastPostAt.set(channel, Date.now());
  }

  const ctx: DeliveryContext = {
    prisma,
    client: opts.client,
    logger,
    now: opts.now ?? (() => new Date()),
    audience: opts.audience,
    crisis: opts.crisis,
    stalledDays: opts.stalledDays,
    pace,
  };

  async function deliver(row: OutboxMessage): Promise<Outcome> {
    if (!isOutboxKind(row.kind)) {
      logger.warn(`Outbox message ${row.id} has unknown kind ${row.kind}; skipped`);
      return { done: true };
    }
    return deliverKind(row.kind, row, ctx);
  }

  async function handle(row: OutboxMessage): Promise<void> {
    const now = new Date();
    if (!(await claimOutboxMessage(prisma, row.id, now, new Date(now.getTime() + leaseMs)))) return;
    const attempts = row.attempts + 1;
    try {
      const outcome = await deliver(row);
      if (outcome.done) await markSent(prisma, row.id);
      else if ("failed" in outcome) {
        logger.error(`Outbox message ${row.id} (${row.kind}) cannot be delivered: ${outcome.failed}`);
        await markFailed(prisma, row.id, outcome.failed);
      }
      // Waiting for the card is not a failed attempt.
      else await retryLater(prisma, row.id, new Date(Date.now() + outcome.waitMs), { attempts: row.attempts });
    } catch (err) {
      const plan = retryPlan(err, attempts);
      if (plan.retry) {
        logger.warn(
          `Slack did not take outbox message ${row.id} (${row.kind}, attempt ${attempts}): ${plan.reason}; retrying in ${Math.round(plan.delayMs / 1000)} s`,
        );
        await retryLater(prisma, row.id, new Date(Date.now() + plan.delayMs), { lastError: plan.reason });
      } else {
        logger.error(
          `Slack refused outbox message ${row.id} (${row.kind}, case ${row.caseId}): ${plan.reason}; it will not be retried`,
        );
        await markFailed(prisma, row.id, plan.reason);
      }
    }
  }

  async function runOnce(): Promise<number> {
    const due = await dueOutboxMessages(prisma, new Date(), BATCH);
    for (const row of due) {
      if (stopped) break;
      await yieldToWaitingRequests();
      await handle(row);
    }
    return due.length;
  }

  const loop = (async () => {
    while (!stopped) {
      let handled = 0;
      try {
        handled = await runOnce();
      } catch (err) {
        logger.error(`Outbox pass failed: ${(err as Error).message}`);
      }
      if (stopped) break;
      if (handled > 0 || woken) {
        woken = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeLoop = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeLoop = undefined;
    }
  })();

  return {
    wake() {
      woken = true;
      wakeLoop?.();
    },
    runOnce,
    async stop() {
      stopped = true;
      wakeLoop?.();
      await loop;
    },
  };
}
