// Small helpers that keep text within Slack's limits.
import type { types } from "@slack/bolt";
import { cutText } from "../domain/cutText.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";

/** Cuts text to max characters with an ellipsis; never returns an empty string. */
export function trimText(text: string | null | undefined, max: number, fallback = "—"): string {
  const t = (text ?? "").trim();
  if (!t) return fallback;
  return t.length <= max ? t : `${cutText(t, max - 1).trimEnd()}…`;
}

/**
 * Cuts mrkdwn that is already escaped to max characters with an ellipsis, never inside an escape
 * (`&amp;`), a mention, date or link (`<…>`) or a character, which Slack would show broken.
 */
export function cutMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const open = text.lastIndexOf("<", end - 1);
  if (open > text.lastIndexOf(">", end - 1)) end = open;
  const amp = text.lastIndexOf("&", end - 1);
  if (amp >= 0 && end - amp < "&amp;".length && !text.slice(amp, end).includes(";")) end = amp;
  return `${cutText(text, end).trimEnd()}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Slack renders this in each reader's own time zone; the fallback is shown where it cannot. */
export function slackDate(date: Date, format = "{date_short_pretty} {time}"): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return `<!date^${seconds}^${format}|${date.toISOString().slice(0, 16).replace("T", " ")} UTC>`;
}

export const plain = (text: string, max = 75) => ({
  type: "plain_text" as const,
  text: trimText(text, max),
  emoji: true,
});

/** "45 min", "1 h 5 min", "2 d 3 h": how long something took or how late it is. */
export function formatDuration(ms: number, w: Words = ENGLISH): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 1) return w.t("card.duration.underMinute");
  if (minutes < 60) return w.t("card.duration.minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24)
    return minutes % 60
      ? w.t("card.duration.hoursMinutes", { hours, minutes: minutes % 60 })
      : w.t("card.duration.hours", { hours });
  const days = Math.floor(hours / 24);
  return hours % 24 ? w.t("card.duration.daysHours", { days, hours: hours % 24 }) : w.t("card.duration.days", { days });
}

/** A section of mrkdwn text, cut to the 3,000 characters Slack allows in one. */
export function mrkdwnSection(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: cutMrkdwn(text, 3000) } };
}
