// Small helpers that keep text within Slack's limits.

/** Cuts text to max characters with an ellipsis; never returns an empty string. */
export function trimText(text: string | null | undefined, max: number, fallback = "—"): string {
  const t = (text ?? "").trim();
  if (!t) return fallback;
  return t.length <= max ? t : t.slice(0, max - 1).trimEnd() + "…";
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

export const plain = (text: string, max = 75) => ({ type: "plain_text" as const, text: trimText(text, max), emoji: true });
