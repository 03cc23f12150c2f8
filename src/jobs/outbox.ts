// Delivers the outbox to Slack. Each channel is a lane of its own: one message at a time, paced to
// about one a second, the most urgent first (reminders, escalations, alerts, digests, summaries,
// then what people just did, then an import's cards), so a busy channel never holds back another
// and a big import never delays an escalation. Rows are claimed with a conditional update and

import type { Logger, webApi } from "@slack/bolt";
import type { CrisisSettings } from "../domain/crisis.ts";
import { isOutboxKind, type OutboxKind, type OutboxPayloads } from "../domain/outboxMessages.ts";
import { DEFAULT_PLAYBOOK, type PlaybookSettings } from "../domain/playbook.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
// finished only while the claim is still held, so several running copies share the work without
// sending anything twice; what each kind of message becomes is up to its deliverer.
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { whenRequestsAnswered } from "../openRequests.ts";
import {
  type Claim,
  claimOutboxMessage,
  type DueMessage,
  dueHeads,
  markFailed,
  markSent,
  retryLater,
} from "../store/outbox.ts";
import type { Audience } from "../views/clockNotices.ts";
import { DELIVERERS } from "./deliverers/byKind.ts";
import { type DeliveryContext, type Outcome, type Queued, stillUncertainSince } from "./deliverers/deliverer.ts";
import type { HomeTabs } from "./homeTabs.ts";
import { retryPlan, SLACK_CALL_TIMEOUT_MS } from "./slackErrors.ts";

export type OutboxWorker = {
  /** Deliver now rather than at the next poll (called after a change is stored). */
  wake(): void;
  /** Delivers what is due now, one message per free channel, and waits for it; returns how many. */
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
  /** The playbook behind the card's suggestion, return and appeal lines (defaults when not given). */
  playbook?: PlaybookSettings;
  /** The team's time zone, in which return windows count days. */
  zone?: string;
  /** Home tabs to bring up to date when a case changes. */
  homes?: Pick<HomeTabs, "refresh">;
  /** The team's language, in which channel messages are written (English when not given). */
  words?: Words;
  now?: () => Date;
  /** Minimum gap between two messages posted to one channel (Slack allows about one per second). */
  channelIntervalMs?: number;
  pollMs?: number;
  /**
   * How long a claimed row stays reserved for the copy that claimed it. A delivery never starts
   * a post that could outlast it (each Slack call times out after SLACK_CALL_TIMEOUT_MS).
   */
  leaseMs?: number;
};

/** Channels delivered to at the same time. */
const PARALLEL_CHANNELS = 4;

function deliverKind<K extends OutboxKind>(
  kind: K,
  row: DueMessage,
  claim: Claim,
  ctx: DeliveryContext,
): Promise<Outcome> {
  // The payload was written for this kind by enqueue (domain/outboxMessages.ts).
  const queued: Queued<K> = {
    id: row.id,
    kind,
    caseId: row.caseId,
    channelId: row.channelId,
    payload: row.payload as OutboxPayloads[K],
    uncertainSince: claim.uncertainSince,
    postBy: new Date(claim.lease.lockedUntil.getTime() - 2000),
    lockedUntil: claim.lease.lockedUntil,
  };
  return DELIVERERS[kind](queued, ctx);
}

export function startOutbox(opts: OutboxOptions): OutboxWorker {
  const { prisma, logger } = opts;
  const channelIntervalMs = opts.channelIntervalMs ?? 1000;
  const pollMs = opts.pollMs ?? 1000;
  const leaseMs = opts.leaseMs ?? 4 * SLACK_CALL_TIMEOUT_MS;
  /** When each channel may take its next message. */
  const readyAt = new Map<string, number>();
  /** The delivery under way in each channel. */
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;
  let wakeLoop: (() => void) | undefined;
  let woken = false;

  function kick() {
    woken = true;
    wakeLoop?.();
  }

  async function pace(channel: string) {
    const wait = (readyAt.get(channel) ?? 0) - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    readyAt.set(channel, Date.now() + channelIntervalMs);
  }

  const ctx: DeliveryContext = {
    prisma,
    client: opts.client,
    logger,
    now: opts.now ?? (() => new Date()),
    audience: opts.audience,
    crisis: opts.crisis,
    stalledDays: opts.stalledDays,
    card: { playbook: opts.playbook ?? DEFAULT_PLAYBOOK, zone: opts.zone ?? "UTC", words: opts.words ?? ENGLISH },
    words: opts.words ?? ENGLISH,
    homes: opts.homes,
    pace,
  };

  async function deliver(row: DueMessage, claim: Claim): Promise<Outcome> {
    if (!isOutboxKind(row.kind)) {
      logger.warn(`Outbox message ${row.id} has unknown kind ${row.kind}; skipped`);
      return { done: true };
    }
    return deliverKind(row.kind, row, claim, ctx);
  }

  async function handle(row: DueMessage): Promise<void> {
    const now = new Date();
    const claim = await claimOutboxMessage(prisma, row.id, now, new Date(now.getTime() + leaseMs));
    if (!claim) return;
    const { lease } = claim;
    const attempts = claim.priorAttempts + 1;
    let kept: boolean;
    try {
      await whenRequestsAnswered();
      const outcome = await deliver(row, claim);
      if (outcome.done) kept = await markSent(prisma, lease);
      else if ("failed" in outcome) {
        logger.error(`Outbox message ${row.id} (${row.kind}) cannot be delivered: ${outcome.failed}`);
        kept = await markFailed(prisma, lease, outcome.failed);
      }
      // Waiting for the card is not an attempt: the row is left as it was before this pass.
      else
        kept = await retryLater(prisma, lease, new Date(Date.now() + outcome.waitMs), {
          attempts: claim.priorAttempts,
          attemptedAt: claim.uncertainSince,
        });
    } catch (err) {
      const plan = retryPlan(err, attempts);
      if (plan.retry) {
        logger.warn(
          `Slack did not take outbox message ${row.id} (${row.kind}, attempt ${attempts}): ${plan.reason}; retrying in ${Math.round(plan.delayMs / 1000)} s`,
        );
        // What the next attempt must look for: unchanged when this post may have reached Slack.
        const uncertain = stillUncertainSince(err);
        kept = await retryLater(prisma, lease, new Date(Date.now() + plan.delayMs), {
          lastError: plan.reason,
          ...(uncertain === undefined ? {} : { attemptedAt: uncertain }),
        });
      } else {
        logger.error(
          `Slack refused outbox message ${row.id} (${row.kind}, case ${row.caseId}): ${plan.reason}; it will not be retried`,
        );
        kept = await markFailed(prisma, lease, plan.reason);
      }
    }
    if (!kept)
      logger.warn(`Outbox message ${row.id} (${row.kind}) took longer than its reservation; another copy has it`);
  }

  /** Starts the next message of every channel that is free; returns how many were started. */
  async function startFree(): Promise<number> {
    const room = PARALLEL_CHANNELS - inFlight.size;
    if (room <= 0 || stopped) return 0;
    const now = Date.now();
    for (const [channel, at] of readyAt) if (at <= now) readyAt.delete(channel);
    await whenRequestsAnswered();
    const heads = await dueHeads(prisma, new Date(), [...inFlight.keys(), ...readyAt.keys()], room);
    for (const row of heads) {
      if (inFlight.has(row.lane)) continue;
      const run = handle(row)
        .catch((err) => logger.error(`Outbox message ${row.id} could not be handled: ${(err as Error).message}`))
        .finally(() => {
          inFlight.delete(row.lane);
          kick();
        });
      inFlight.set(row.lane, run);
    }
    return heads.length;
  }

  // One look for free channels at a time (the loop's and runOnce's), so a delivery another look
  // has just claimed is always in `inFlight` by the time the next look runs.
  let looking: Promise<unknown> = Promise.resolve();
  function fill(): Promise<number> {
    const look = looking.then(startFree);
    looking = look.catch(() => undefined);
    return look;
  }

  /** Waits until no delivery is under way; adds the ones it waited for to `seen`. */
  async function settle(seen: Set<Promise<void>>): Promise<void> {
    while (inFlight.size > 0) {
      const running = [...inFlight.values()];
      for (const r of running) seen.add(r);
      await Promise.all(running);
    }
  }

  async function runOnce(): Promise<number> {
    const seen = new Set<Promise<void>>();
    await settle(seen);
    // A paced channel still has its message due: wait for it rather than call the pass empty.
    const nextReady = Math.max(0, ...readyAt.values()) - Date.now();
    if (nextReady > 0) await new Promise((r) => setTimeout(r, nextReady));
    await fill();
    await settle(seen);
    return seen.size;
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        await fill();
      } catch (err) {
        logger.error(`Outbox pass failed: ${(err as Error).message}`);
      }
      if (stopped) break;
      if (woken) {
        woken = false;
        continue;
      }
      // Until a delivery ends, something new is queued, a paced channel is free again, or the poll.
      const nextReady = Math.min(pollMs, ...[...readyAt.values()].map((at) => Math.max(1, at - Date.now())));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, nextReady);
        wakeLoop = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeLoop = undefined;
      woken = false;
    }
    await settle(new Set());
  })();

  return {
    wake: kick,
    runOnce,
    async stop() {
      stopped = true;
      wakeLoop?.();
      await loop;
    },
  };
}
