// Lists of cases shared by reports, alerts and pages: one line per case, cut with "…and N more"
// so a long list never makes Slack reject the message.
import type { CaseRef } from "../domain/triage.ts";
import { caseNumber } from "../domain/vocabulary.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { categoryName, priorityName } from "../i18n/labels.ts";
import { formatDuration } from "./text.ts";

/** How many lines a short list shows before "…and N more". */
export const LIST_LIMIT = 8;

/** A link to a case's card (Slack redirects archive links to the workspace). */
export function caseLink(c: Pick<CaseRef, "number" | "channelId" | "messageTs">): string {
  const n = caseNumber(c.number);
  return c.channelId && c.messageTs
    ? `<https://slack.com/archives/${c.channelId}/p${c.messageTs.replace(".", "")}|${n}>`
    : n;
}

/** "#12 · Return · High · 3 h old · @owner" */
export function caseLine(c: CaseRef, now: Date, w: Words = ENGLISH): string {
  return w.t("card.list.line", {
    link: caseLink(c),
    category: categoryName(w, c.category),
    priority: priorityName(w, c.priority),
    age: formatDuration(now.getTime() - new Date(c.createdAt).getTime(), w),
    owner: c.ownerId ? `<@${c.ownerId}>` : w.t("card.list.unclaimed"),
  });
}

/**
 * Lines cut to `limit`, with "…and N more" for the rest; a `noun` other than "more" (already in
 * `w`'s language, e.g. "more people") makes it "…and N more people".
 */
export function listWithMore(
  lines: string[],
  limit = LIST_LIMIT,
  noun = "more",
  total = lines.length,
  w: Words = ENGLISH,
): string {
  if (total <= limit) return lines.slice(0, limit).join("\n");
  const count = total - limit;
  const more = noun === "more" ? w.t("card.list.andMore", { count }) : w.t("card.list.andMoreOf", { count, noun });
  return [...lines.slice(0, limit), more].join("\n");
}
