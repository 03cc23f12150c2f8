// How well messages reach Slack: what is still waiting, and what Slack refused for good, grouped
// by reason and channel, with what a lead can do about each reason.
import type { OutboxKind } from "./outboxMessages.ts";

/** The settings that name a channel the bot posts to. */
export type ChannelSettingName = "CASES_CHANNEL" | "ESCALATION_CHANNEL" | "DIGEST_CHANNEL" | "CRISIS_CHANNEL";
export type ChannelSetting = { name: ChannelSettingName; channelId: string };

/** Messages Slack refused with one reason in one channel. */
export type FailedGroup = {
  /** Slack's error code ("not_in_channel"), or the bot's own reason when it is not a Slack error. */
  reason: string;
  /** Where the messages were going; null when that cannot be told. */
  channelId: string | null;
  count: number;
  /** When the latest of them was queued. */
  latestAt: Date;
  kinds: string[];
};

export type FailedDeliveries = {
  /** The largest groups first (at most FAILED_GROUPS_SHOWN of them). */
  groups: FailedGroup[];
  /** All groups and all failed messages, including those not in `groups`. */
  groupCount: number;
  messageCount: number;
};

export type PendingDeliveries = {
  /** Messages not delivered yet, due or waiting for a retry. */
  count: number;
  /** The oldest message that is due now: when it was queued and why its last try failed, if it did. */
  oldestDue: { createdAt: Date; lastError: string | null } | null;
};

export type DeliveryHealth = { pending: PendingDeliveries; failed: FailedDeliveries };

/** How many groups a query returns; a view shows fewer and counts the rest. */
export const FAILED_GROUPS_SHOWN = 50;

/** Messages Slack refused for good are kept this long (for /case health), as delivered ones are. */
export const FAILED_MESSAGES_KEPT_DAYS = 30;

/** The prefix the outbox puts before Slack's error code in `lastError`. */
export const SLACK_ERROR_PREFIX = "Slack error ";

export function reasonOf(lastError: string | null): string {
  if (!lastError) return "unknown reason";
  return lastError.startsWith(SLACK_ERROR_PREFIX) ? lastError.slice(SLACK_ERROR_PREFIX.length) : lastError;
}

/** Where each kind of message goes: the setting that names its channel (none for import summaries). */
export const SETTING_OF_KIND: Record<OutboxKind, ChannelSettingName | null> = {
  post_card: "CASES_CHANNEL",
  update_card: "CASES_CHANNEL",
  history_note: "CASES_CHANNEL",
  sla_reminder: "CASES_CHANNEL",
  amazon_reminder: "CASES_CHANNEL",
  amazon_overdue: "CASES_CHANNEL",
  stalled_reminder: "CASES_CHANNEL",
  refund_reminder: "CASES_CHANNEL",
  appeal_reminder: "CASES_CHANNEL",
  follow_up_reminder: "CASES_CHANNEL",
  escalation: "ESCALATION_CHANNEL",
  digest: "DIGEST_CHANNEL",
  // Import summaries go to the channel the import was run from.
  message: null,
  crisis_post: "CRISIS_CHANNEL",
  crisis_update: "CRISIS_CHANNEL",
  crisis_note: "CRISIS_CHANNEL",
  // Charts go under the digest, under an alert, or to whoever asked for them.
  chart: null,
  routed_dm: null,
};

/** Kinds posted on an alert or in its thread: their channel is the alert's. */
export const ALERT_KINDS: OutboxKind[] = ["crisis_post", "crisis_update", "crisis_note"];

/**
 * The settings a lead should look at for a channel: those that name it, narrowed to the ones the
 * failed kinds go through when several settings share the channel (unset ones default to the
 * cases channel).
 */
export function settingsFor(group: Pick<FailedGroup, "channelId" | "kinds">, settings: ChannelSetting[]) {
  const naming = settings.filter((s) => s.channelId === group.channelId).map((s) => s.name);
  const used = new Set(group.kinds.map((k) => SETTING_OF_KIND[k as OutboxKind] ?? null));
  const narrowed = naming.filter((name) => used.has(name));
  return narrowed.length ? narrowed : naming;
}

/** What a reason calls for: the bot's access to the channel, a fix in the bot, or a look at the log. */
export type Remedy = "invite" | "missing_channel" | "archived" | "scope" | "bug" | "other";

const REMEDY_OF_REASON: Record<string, Remedy> = {
  not_in_channel: "invite",
  channel_not_found: "missing_channel",
  is_archived: "archived",
  // An app installed before a feature needed a new permission (charts: files:write, im:write).
  missing_scope: "scope",
  invalid_blocks: "bug",
  invalid_blocks_format: "bug",
  msg_too_long: "bug",
  invalid_arguments: "bug",
  "the message has no channel": "bug",
};

export function remedyFor(reason: string): Remedy {
  return Object.hasOwn(REMEDY_OF_REASON, reason) ? REMEDY_OF_REASON[reason] : "other";
}
