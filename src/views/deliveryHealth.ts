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
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { COMMAND } from "../ids.ts";
import { listWithMore } from "./lists.ts";
import { escapeMrkdwn, formatDuration, mrkdwnSection, slackDate, trimText } from "./text.ts";

/** The bot's name as people invite it (manifest.json, display_name). */
export const INVITE_THE_BOT = "`/invite @After-sales desk`";
/** How many groups a list shows before "…and N more". */
export const FAILED_LINES_SHOWN = 10;
/** Room left in one section for the lines, below Slack's 3,000 characters. */
const LINES_MAX_CHARS = 2700;

/** A channel as a link when it is a channel id; anything else stored there stays text. */
export function channelMention(channelId: string | null, w: Words = ENGLISH): string {
  if (!channelId) return w.t("reports.delivery.noChannel");
  return /^[CG][A-Z0-9]{2,}$/.test(channelId) ? `<#${channelId}>` : escapeMrkdwn(trimText(channelId, 40));
}

/** What to do about one group, naming the setting to check where it can be told. */
export function advice(
  group: Pick<FailedGroup, "reason" | "channelId" | "kinds">,
  settings: ChannelSetting[],
  w: Words = ENGLISH,
): string {
  const names = settingsFor(group, settings).map((n) => `\`${n}\``);
  const setting = names.length ? names.reduce((a, b) => w.t("reports.delivery.or", { a, b })) : undefined;
  const invite = INVITE_THE_BOT;
  switch (remedyFor(group.reason)) {
    case "invite":
      return setting
        ? w.t("reports.delivery.inviteOrSet", { invite, setting })
        : w.t("reports.delivery.invite", { invite });
    case "missing_channel":
      return setting
        ? w.t("reports.delivery.checkSetting", { setting, invite })
        : w.t("reports.delivery.missingChannel", { invite });
    case "archived":
      return setting ? w.t("reports.delivery.archivedOrSet", { setting }) : w.t("reports.delivery.archived");
    case "scope":
      return w.t("reports.delivery.missingScope");
    case "bug":
      return w.t("reports.delivery.bug");
    default:
      return w.t("reports.delivery.otherReason");
  }
}

/** "3 messages could not be delivered: not_in_channel in <#C0CRISIS> (latest …) — invite the bot…" */
export function failedLine(group: FailedGroup, settings: ChannelSetting[], w: Words = ENGLISH): string {
  return w.t("reports.delivery.failedLine", {
    count: group.count,
    reason: escapeMrkdwn(trimText(group.reason, 80)),
    channel: channelMention(group.channelId, w),
    date: slackDate(group.latestAt),
    advice: advice(group, settings, w),
  });
}

/** The groups as a bulleted list, cut with "…and N more" to `limit` lines and to what one section holds. */
export function failedLines(
  failed: FailedDeliveries,
  settings: ChannelSetting[],
  limit = FAILED_LINES_SHOWN,
  maxChars = LINES_MAX_CHARS,
  w: Words = ENGLISH,
): string {
  const more = w.t("reports.delivery.moreGroups");
  const lines = failed.groups.map((g) => `• ${failedLine(g, settings, w)}`);
  const total = Math.max(failed.groupCount, lines.length);
  let shown = Math.min(limit, lines.length);
  // A line is at most about a thousand characters (its stored parts are cut), so one always fits.
  while (shown > 1 && listWithMore(lines.slice(0, shown), shown, more, total, w).length > maxChars) shown--;
  return listWithMore(lines.slice(0, shown), shown, more, total, w);
}

export function pendingLine(pending: PendingDeliveries, now: Date, w: Words = ENGLISH): string {
  const count = pending.count;
  if (count === 0) return w.t("reports.delivery.nothingWaiting");
  const oldest = pending.oldestDue;
  if (!oldest) return w.t("reports.delivery.noneDue", { count });
  const age = formatDuration(now.getTime() - oldest.createdAt.getTime(), w);
  return oldest.lastError
    ? w.t("reports.delivery.oldestWithError", { count, age, error: escapeMrkdwn(trimText(oldest.lastError, 150)) })
    : w.t("reports.delivery.oldest", { count, age });
}

/** The private answer to /case health. */
export function deliveryHealthMessage(
  health: DeliveryHealth,
  o: { settings: ChannelSetting[]; now: Date; words?: Words },
): { text: string; blocks: types.KnownBlock[] } {
  const w = o.words ?? ENGLISH;
  const { pending, failed } = health;
  const count = failed.messageCount;
  const blocks: types.KnownBlock[] = [
    mrkdwnSection(`${w.t("reports.delivery.title")}\n:outbox_tray: ${pendingLine(pending, o.now, w)}`),
  ];
  if (count === 0) {
    blocks.push(mrkdwnSection(`:white_check_mark: ${w.t("reports.delivery.allDelivered")}`));
  } else {
    blocks.push(
      mrkdwnSection(
        `:warning: ${w.t("reports.delivery.failedTitle", { count, days: FAILED_MESSAGES_KEPT_DAYS })}\n${failedLines(failed, o.settings, FAILED_LINES_SHOWN, LINES_MAX_CHARS, w)}\n${w.t("reports.delivery.fixedIt", { cmd: COMMAND })}`,
      ),
    );
  }
  const text = w.t("reports.delivery.text", {
    pending: pendingLine(pending, o.now, w),
    failed: count === 0 ? w.t("reports.delivery.allDelivered") : w.t("reports.delivery.failedCount", { count }),
  });
  return { text, blocks };
}

/** The answer to `/case health retry`. */
export function retryAnswer(count: number, w: Words = ENGLISH): string {
  return count === 0 ? w.t("reports.delivery.retryNone") : w.t("reports.delivery.retrying", { count, cmd: COMMAND });
}

/** The digest's section on refused messages of the period; nothing when there were none. */
export function digestDeliverySection(
  failed: FailedDeliveries,
  settings: ChannelSetting[],
  w: Words = ENGLISH,
): types.SectionBlock | undefined {
  if (failed.messageCount === 0) return undefined;
  return mrkdwnSection(
    `:warning: ${w.t("reports.delivery.digest", { count: failed.messageCount })}\n${failedLines(failed, settings, 5, LINES_MAX_CHARS, w)}\n${w.t("reports.delivery.digestMore", { cmd: COMMAND })}`,
  );
}
