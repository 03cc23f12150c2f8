// Delivers the outbox to Slack: in order, paced per channel, retried with backoff until Slack
// takes it. Rows are claimed with a conditional update, so several running copies share the work
// without sending anything twice.
import type { Logger, webApi } from "@slack/bolt";
import { yieldToWaitingRequests } from "../db.ts";
import type { CrisisSettings } from "../domain/crisis.ts";
import type { Case, OutboxMessage, PrismaClient } from "../generated/prisma/client.ts";
import { caseCard } from "../views/caseCard.ts";
import { amazonDeadlineMet } from "../views/clockLines.ts";
import {
  type Audience,
  amazonOverdueText,
  amazonReminderText,
  escalationMessage,
  reminderText,
  whoShouldAct,
} from "../views/clockNotices.ts";
import { stalledParcelText } from "../views/crisisAlert.ts";
import { historyLine } from "../views/historyLine.ts";
import { deliverCrisis } from "./crisisDelivery.ts";
import { retryPlan } from "./slackErrors.ts";

export type OutboxWorker = {
  /** Deliver now rather than at the next poll (called after a change is stored). */
  kick(): void;
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

type Outcome = { done: true } | { done: false; waitMs: number };

const WAIT_FOR_CARD_MS = 1000;

export function startOutbox(opts: OutboxOptions): OutboxWorker {
  const { prisma, client, logger } = opts;
  const channelIntervalMs = opts.channelIntervalMs ?? 1000;
  const pollMs = opts.pollMs ?? 1000;
  const leaseMs = opts.leaseMs ?? 60_000;
  const now = opts.now ?? (() => new Date());
  const lastPostAt = new Map<string, number>();
  let stopped = false;
  let wake: (() => void) | undefined;
  let kicked = false;

  async function pace(channel: string) {
    const wait = (lastPostAt.get(channel) ?? 0) + channelIntervalMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lastPostAt.set(channel, Date.now());
  }

  async function waitingForCard(caseId: number): Promise<Outcome> {
    const post = await prisma.outboxMessage.findFirst({
      where: { caseId, kind: "post_card", status: "pending" },
      select: { id: true },
    });
    return post ? { done: false, waitMs: WAIT_FOR_CARD_MS } : { done: true };
  }

  async function deliver(row: OutboxMessage): Promise<Outcome> {
    if (row.kind === "digest" || row.kind === "message") {
      // Reports and summaries are a snapshot, rendered when they were queued.
      const message = row.payload as { text: string; blocks: never[] };
      await pace(row.channelId!);
      await client.chat.postMessage({
        channel: row.channelId!,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
      });
      return { done: true };
    }
    if (row.kind.startsWith("crisis_"))
      return deliverCrisis(row, { prisma, client, now: now(), crisis: opts.crisis, pace });
    const c = row.caseId ? await prisma.case.findUnique({ where: { id: row.caseId } }) : null;
    if (!c) return { done: true };
    if (row.kind === "post_card") {
      if (c.messageTs) return { done: true };
      const channel = row.channelId!;
      await pace(channel);
      const res = await client.chat.postMessage({ channel, ...caseCard(c, now()), unfurl_links: false });
      await prisma.case.updateMany({
        where: { id: c.id, messageTs: null },
        data: { channelId: res.channel ?? channel, messageTs: res.ts },
      });
      return { done: true };
    }
    if (row.kind === "escalation") {
      // A reply logged since the deadline passed makes the escalation moot; the breach stays on record.
      if (c.firstReplyAt || c.status === "resolved") return { done: true };
      if (!c.messageTs) {
        const waiting = await waitingForCard(c.id);
        if (!waiting.done) return waiting;
      }
      const permalink =
        c.messageTs && c.channelId
          ? await client.chat.getPermalink({ channel: c.channelId, message_ts: c.messageTs }).then(
              (r) => r.permalink,
              () => undefined,
            )
          : undefined;
      await pace(row.channelId!);
      await client.chat.postMessage({
        channel: row.channelId!,
        ...escalationMessage(c, opts.audience, { now: now(), permalink }),
        unfurl_links: false,
      });
      return { done: true };
    }
    const threadText = noticeText(row.kind, c);
    if (threadText === null) return { done: true }; // the reminder is no longer needed
    if (!c.messageTs || !c.channelId) return waitingForCard(c.id);
    if (row.kind === "update_card") {
      // Earlier changes' re-renders are covered by this one: their changes are already in `c`.
      await prisma.outboxMessage.updateMany({
        where: { caseId: c.id, kind: "update_card", status: "pending", lockedUntil: null, id: { lt: row.id } },
        data: { status: "sent", sentAt: new Date(), lastError: "covered by a later re-render" },
      });
      await client.chat.update({ channel: c.channelId, ts: c.messageTs, ...caseCard(c, now()) });
      return { done: true };
    }
    if (threadText) {
      await pace(c.channelId);
      await client.chat.postMessage({ channel: c.channelId, thread_ts: c.messageTs, text: threadText });
      return { done: true };
    }
    if (row.kind === "history_note") {
      const { eventId } = row.payload as { eventId: number };
      const event = await prisma.caseEvent.findUnique({ where: { id: eventId } });
      if (!event) return { done: true };
      await pace(c.channelId);
      await client.chat.postMessage({
        channel: c.channelId,
        thread_ts: c.messageTs,
        text: historyLine(event, c.number),
      });
      return { done: true };
    }
    logger.warn(`Outbox message ${row.id} has unknown kind ${row.kind}; skipped`);
    return { done: true };
  }

  /** Text of a clock notice for the card's thread; null when it no longer applies; undefined for other kinds. */
  function noticeText(kind: string, c: Case): string | null | undefined {
    switch (kind) {
      case "sla_reminder":
        return c.firstReplyAt || c.status === "resolved" ? null : reminderText(c, opts.audience, now());
      case "amazon_reminder":
        return amazonDeadlineMet(c) ? null : amazonReminderText(c, opts.audience, now());
      case "amazon_overdue":
        return amazonDeadlineMet(c) ? null : amazonOverdueText(c, opts.audience);
      case "stalled_reminder":
        return c.status === "resolved" ? null : stalledParcelText(c, opts.stalledDays, whoShouldAct(c, opts.audience));
      default:
        return undefined;
    }
  }

  async function claim(row: OutboxMessage): Promise<boolean> {
    const now = new Date();
    const { count } = await prisma.outboxMessage.updateMany({
      where: { id: row.id, status: "pending", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
    });
    return count === 1;
  }

  async function handle(row: OutboxMessage): Promise<void> {
    if (!(await claim(row))) return;
    const attempts = row.attempts + 1;
    try {
      const outcome = await deliver(row);
      if (outcome.done) {
        await prisma.outboxMessage.update({
          where: { id: row.id },
          data: { status: "sent", sentAt: new Date(), lockedUntil: null, lastError: null },
        });
      } else {
        // Waiting for the card is not a failed attempt.
        await prisma.outboxMessage.update({
          where: { id: row.id },
          data: { nextAttemptAt: new Date(Date.now() + outcome.waitMs), lockedUntil: null, attempts: row.attempts },
        });
      }
    } catch (err) {
      const plan = retryPlan(err, attempts);
      if (plan.retry) {
        logger.warn(
          `Slack did not take outbox message ${row.id} (${row.kind}, attempt ${attempts}): ${plan.reason}; retrying in ${Math.round(plan.delayMs / 1000)} s`,
        );
        await prisma.outboxMessage.update({
          where: { id: row.id },
          data: { nextAttemptAt: new Date(Date.now() + plan.delayMs), lockedUntil: null, lastError: plan.reason },
        });
      } else {
        logger.error(
          `Slack refused outbox message ${row.id} (${row.kind}, case ${row.caseId}): ${plan.reason}; it will not be retried`,
        );
        await prisma.outboxMessage.update({
          where: { id: row.id },
          data: { status: "failed", lockedUntil: null, lastError: plan.reason },
        });
      }
    }
  }

  async function runOnce(): Promise<number> {
    const now = new Date();
    const due = await prisma.outboxMessage.findMany({
      where: {
        status: "pending",
        nextAttemptAt: { lte: now },
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      },
      orderBy: { id: "asc" },
      take: 50,
    });
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
      if (handled > 0 || kicked) {
        kicked = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();

  return {
    kick() {
      kicked = true;
      wake?.();
    },
    runOnce,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
