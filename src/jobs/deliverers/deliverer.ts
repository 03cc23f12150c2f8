// What a deliverer is: given one queued message of its kind, it renders from the database and
// calls Slack, or says to try again shortly (e.g. a thread line whose card is not posted yet).
// Every post goes through `postOnce`, so a retry never posts a message Slack already has.

import type { Logger, webApi } from "@slack/bolt";
import type { CrisisSettings } from "../../domain/crisis.ts";
import type { OutboxKind, OutboxPayloads } from "../../domain/outboxMessages.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Words } from "../../i18n/i18n.ts";
import { cardPost, type ParentPost } from "../../store/outbox.ts";
import type { CardSettings } from "../../views/caseCard.ts";
import type { Audience } from "../../views/clockNotices.ts";
import type { HomeTabs } from "../homeTabs.ts";
import { clearlyRefused, retryPlan, SLACK_CALL_TIMEOUT_MS } from "../slackErrors.ts";

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
  /**
   * Set when an earlier attempt may have reached Slack (it timed out, Slack answered 5xx, or the
   * bot stopped mid-call): when it started. A post then looks for itself before posting again.
   */
  uncertainSince: Date | null;
  /** Past this the copy's reservation could run out during the post: it must not start one. */
  postBy: Date;
  /** The end of this copy's reservation: a write to the row while it holds it names it. */
  lockedUntil: Date;
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
  /** What the card needs besides the case: the playbook's settings and the team's time zone. */
  card: CardSettings;
  /** The team's language: every channel message is written in it. */
  words: Words;
  /** Home tabs to bring up to date when a case changes (none in tools that only deliver). */
  homes?: Pick<HomeTabs, "refresh">;
  /** Waits until the channel may take another message (about one per second). */
  pace: (channel: string) => Promise<void>;
};

export type Deliverer<K extends OutboxKind> = (m: Queued<K>, ctx: DeliveryContext) => Promise<Outcome>;
/** One deliverer per kind: a kind without one does not compile. */
export type Deliverers = { [K in OutboxKind]: Deliverer<K> };

const WAIT_FOR_PARENT_MS = 1000;

/**
 * What a message does while the message it belongs under is not posted: wait while that one is
 * still to go, fail with the same reason when it could not be posted (so leads see one cause, e.g.
 * "not_in_channel in #crisis", counting every message it stopped), and drop out when there is
 * none (e.g. an imported case that has no card).
 */
export function followParent(parent: ParentPost): Outcome {
  if (parent?.status === "pending") return { done: false, waitMs: WAIT_FOR_PARENT_MS };
  if (parent?.status === "failed") return { done: false, failed: parent.reason };
  return DONE;
}

/** A thread line needs its card: wait for it, or fail as it did. */
export async function waitingForCard(prisma: PrismaClient, caseId: number): Promise<Outcome> {
  return followParent(await cardPost(prisma, caseId));
}

/** Marks the bot's own posts, so one whose outcome was unknown can be found in the channel. */
export const POST_MARK = "aftersales_outbox";
/** How far before the uncertain attempt to look (Slack's clock and ours may differ a little). */
const LOOKUP_MARGIN_S = 60;
/** Pages of 200 messages read at most (the bot posts about one a second per channel). */
const LOOKUP_PAGES = 20;

const STILL_UNCERTAIN = Symbol("stillUncertainSince");
type Settled = { [STILL_UNCERTAIN]?: Date | null };

/** Marks an error after which the post certainly is not in Slack, but an earlier one may be since `since`. */
export function notPosted(err: unknown, since: Date | null): unknown {
  if (err && typeof err === "object") (err as Settled)[STILL_UNCERTAIN] = since;
  return err;
}

/**
 * What a failed delivery leaves uncertain: undefined when the post itself may have reached Slack
 * (keep what the row says), otherwise since when an earlier attempt may have (null: none).
 */
export function stillUncertainSince(err: unknown): Date | null | undefined {
  return err && typeof err === "object" ? (err as Settled)[STILL_UNCERTAIN] : undefined;
}

/** A delivery that ran so long that its reservation could end during the post: tried again. */
export function outOfTime(m: Queued<OutboxKind>): unknown {
  return notPosted(new Error("took too long before posting; trying again"), m.uncertainSince);
}

type PostArgs = { channel: string; text: string; thread_ts?: string; blocks?: unknown[]; unfurl_links?: boolean };
export type Posted = { channel: string; ts: string | undefined };

type Listed = { messages?: { ts?: string; metadata?: { event_type?: string; event_payload?: unknown } }[] };

/** The post of this outbox message if Slack already has it (the thread's replies, or the channel's history). */
async function findPosted(m: Queued<OutboxKind>, args: PostArgs, since: Date, ctx: DeliveryContext) {
  const oldest = String(Math.floor(since.getTime() / 1000) - LOOKUP_MARGIN_S);
  let cursor: string | undefined;
  for (let page = 0; page < LOOKUP_PAGES; page++) {
    if (Date.now() + SLACK_CALL_TIMEOUT_MS > m.postBy.getTime()) throw outOfTime(m);
    const query = { channel: args.channel, oldest, include_all_metadata: true, limit: 200, cursor };
    const res: Listed & { response_metadata?: { next_cursor?: string } } = args.thread_ts
      ? await ctx.client.conversations.replies({ ...query, ts: args.thread_ts })
      : await ctx.client.conversations.history(query);
    const mine = res.messages?.find(
      (msg) =>
        msg.metadata?.event_type === POST_MARK &&
        (msg.metadata.event_payload as { outbox_id?: unknown } | undefined)?.outbox_id === m.id,
    );
    if (mine?.ts) return { channel: args.channel, ts: mine.ts };
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) return undefined;
  }
  return undefined;
}

/**
 * Posts a message exactly once. The post carries the outbox id in its metadata; when an earlier
 * attempt may have reached Slack, the channel (or thread) is searched for it first and, if it is
 * there, that post is the answer. A search Slack refuses for good (e.g. a missing history scope)
 * is logged and the message posted: a rare duplicate is better than a lost message.
 */
export async function postOnce(m: Queued<OutboxKind>, args: PostArgs, ctx: DeliveryContext): Promise<Posted> {
  // Whether an earlier post is known not to be in Slack once this post is refused.
  let earlierRuledOut = m.uncertainSince === null;
  if (m.uncertainSince) {
    try {
      const found = await findPosted(m, args, m.uncertainSince, ctx);
      if (found) {
        ctx.logger.info(`Outbox message ${m.id} (${m.kind}) was already in Slack; not posted again`);
        return found;
      }
      earlierRuledOut = true;
    } catch (err) {
      if (retryPlan(err, 1).retry) throw notPosted(err, m.uncertainSince);
      ctx.logger.warn(`Could not look for outbox message ${m.id} in ${args.channel}: ${(err as Error).message}`);
    }
  }
  await ctx.pace(args.channel);
  if (Date.now() + SLACK_CALL_TIMEOUT_MS > m.postBy.getTime()) throw outOfTime(m);
  try {
    const res = await ctx.client.chat.postMessage({
      ...args,
      blocks: args.blocks as never[] | undefined,
      metadata: { event_type: POST_MARK, event_payload: { outbox_id: m.id } },
    });
    return { channel: res.channel ?? args.channel, ts: res.ts };
  } catch (err) {
    throw clearlyRefused(err) ? notPosted(err, earlierRuledOut ? null : m.uncertainSince) : err;
  }
}

/** Messages of these kinds are always queued with a channel; one without fails, never marked sent. */
export const NO_CHANNEL: Outcome = { done: false, failed: "the message has no channel" };
