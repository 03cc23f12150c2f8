// Lists of cases shared by reports, alerts and pages: one line per case, cut with "…and N more"
// so a long list never makes Slack reject the message.
import type { CaseRef } from "../domain/triage.ts";
import { caseNumber, categoryLabel, priorityLabel } from "../domain/vocabulary.ts";
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
export function caseLine(c: CaseRef, now: Date): string {
  const owner = c.ownerId ? `<@${c.ownerId}>` : "unclaimed";
  const age = formatDuration(now.getTime() - new Date(c.createdAt).getTime());
  return `${caseLink(c)} · ${categoryLabel(c.category)} · ${priorityLabel(c.priority)} · ${age} old · ${owner}`;
}

/** Lines cut to `limit`, with "…and N more" for the rest. */
export function listWithMore(lines: string[], limit = LIST_LIMIT, noun = "more", total = lines.length): string {
  if (total <= limit) return lines.slice(0, limit).join("\n");
  return [...lines.slice(0, limit), `…and ${total - limit} ${noun}`].join("\n");
}
