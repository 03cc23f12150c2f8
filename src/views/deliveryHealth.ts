// What /case health (and the weekly digest) says about delivery to Slack: what is waiting, and
// what Slack refused for good, one line per reason and channel with what to do about it.
import type { types } from "@slack/bolt";
import {
  type ChannelSetting,
  type DeliveryHealth,
  FAILED_MESSAGES_KEPT_DAYS,
  type FailedDeliveries,
  type FailedGroup,
  type PendingDeliveries,
  remedyFor,
  settingsFor,
} from "../domain/deliveryHealth.ts";
import { COMMAND } from "../ids.ts";
import { listWithMore } from "./lists.ts";
import { escapeMrkdwn, formatDuration, mrkdwnSection, slackDate, trimText } from "./text.ts";

/** The bot's name as people invite it (manifest.json, display_name). */
export const INVITE_THE_BOT = "`/invite @After-sales desk`";
/** How many groups a list shows before "…and N more". */
export const FAILED_LINES_SHOWN = 10;
/** Room left in one section for the lines, below Slack's 3,000 characters. */
const LINES_MAX_CHARS = 2700;

const MORE = "more reasons or channels";
const messages = (n: number) => `${n} message${n === 1 ? "" : "s"}`;

/** A channel as a link when it is a channel id; anything else stored there stays text. */
export function channelMention(channelId: string | null): string {
  if (!channelId) return "no channel";
  return /^[CG][A-Z0-9]{2,}$/.test(channelId) ? `<#${channelId}>` : escapeMrkdwn(trimText(channelId, 40));
}

/** What to do about one group, naming the setting to check where it can be told. */
export function advice(group: Pick<FailedGroup, "reason" | "channelId" | "kinds">, settings: ChannelSetting[]): string {
  const names = settingsFor(group, settings).map((n) => `\`${n}\``);
  const setting = names.length ? names.join(" or ") : undefined;
  switch (remedyFor(group.reason)) {
    case "invite":
      return `invite the bot to the channel (${INVITE_THE_BOT})${setting ? `, or set ${setting} to a channel it is in` : ""}`;
    case "missing_channel":
      return setting
        ? `check the channel id in ${setting}; a private channel also needs the bot invited (${INVITE_THE_BOT})`
        : `the channel was deleted, or it is private and the bot is not in it: invite the bot (${INVITE_THE_BOT})`;
    case "archived":
      return `the channel is archived: unarchive it${setting ? `, or set ${setting} to another channel` : ""}`;
    case "bug":
      return "a bug: please report it";
    default:
      return "Slack gave this reason; the bot's log has the details";
  }
}

/** "3 messages could not be delivered: not_in_channel in <#C0CRISIS> (latest …) — invite the bot…" */
export function failedLine(group: FailedGroup, settings: ChannelSetting[]): string {
  const reason = escapeMrkdwn(trimText(group.reason, 80));
  const when = `${group.count === 1 ? "on" : "latest"} ${slackDate(group.latestAt)}`;
  return `${messages(group.count)} could not be delivered: ${reason} in ${channelMention(group.channelId)} (${when}) — ${advice(group, settings)}`;
}

/** The groups as a bulleted list, cut with "…and N more" to `limit` lines and to what one section holds. */
export function failedLines(
  failed: FailedDeliveries,
  settings: ChannelSetting[],
  limit = FAILED_LINES_SHOWN,
  maxChars = LINES_MAX_CHARS,
): string {
  const lines = failed.groups.map((g) => `• ${failedLine(g, settings)}`);
  const total = Math.max(failed.groupCount, lines.length);
  let shown = Math.min(limit, lines.length);
  // A line is at most about a thousand characters (its stored parts are cut), so one always fits.
  while (shown > 1 && listWithMore(lines.slice(0, shown), shown, MORE, total).length > maxChars) shown--;
  return listWithMore(lines.slice(0, shown), shown, MORE, total);
}

export function pendingLine(pending: PendingDeliveries, now: Date): string {
  if (pending.count === 0) return "Nothing is waiting to be delivered.";
  const waiting = `${messages(pending.count)} ${pending.count === 1 ? "is" : "are"} waiting to be delivered`;
  const oldest = pending.oldestDue;
  if (!oldest) return `${waiting}; none is due yet (each is tried again after a pause).`;
  const age = formatDuration(now.getTime() - oldest.createdAt.getTime());
  const lastTry = oldest.lastError ? ` (last try: ${escapeMrkdwn(trimText(oldest.lastError, 150))})` : "";
  return `${waiting}; the oldest has waited ${age}${lastTry}.`;
}

/** The private answer to /case health. */
export function deliveryHealthMessage(
  health: DeliveryHealth,
  o: { settings: ChannelSetting[]; now: Date },
): { text: string; blocks: types.KnownBlock[] } {
  const { pending, failed } = health;
  const blocks: types.KnownBlock[] = [
    mrkdwnSection(`*Delivery to Slack*\n:outbox_tray: ${pendingLine(pending, o.now)}`),
  ];
  if (failed.messageCount === 0) {
    blocks.push(mrkdwnSection(":white_check_mark: All messages were delivered."));
  } else {
    blocks.push(
      mrkdwnSection(
        `:warning: *${messages(failed.messageCount)} could not be delivered* (kept ${FAILED_MESSAGES_KEPT_DAYS} days)\n${failedLines(failed, o.settings)}\nFixed it? \`${COMMAND} health retry\` sends them again.`,
      ),
    );
  }
  const text =
    failed.messageCount === 0
      ? `Delivery to Slack: ${pendingLine(pending, o.now)} All messages were delivered.`
      : `Delivery to Slack: ${pendingLine(pending, o.now)} ${messages(failed.messageCount)} could not be delivered.`;
  return { text, blocks };
}

/** The answer to `/case health retry`. */
export function retryAnswer(count: number): string {
  return count === 0
    ? "Nothing to send again: every message was delivered."
    : `Sending ${messages(count)} again. \`${COMMAND} health\` shows how it goes.`;
}

/** The digest's section on refused messages of the period; nothing when there were none. */
export function digestDeliverySection(
  failed: FailedDeliveries,
  settings: ChannelSetting[],
): types.SectionBlock | undefined {
  if (failed.messageCount === 0) return undefined;
  return mrkdwnSection(
    `:warning: *${messages(failed.messageCount)} could not be delivered to Slack in this period*\n${failedLines(failed, settings, 5)}\nMore with \`${COMMAND} health\`.`,
  );
}
