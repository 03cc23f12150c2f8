// A page of "/case list": one line per case, with previous/next buttons.
import type { types } from "@slack/bolt";
import { describeFilter, filterText, type ListFilter } from "../domain/caseLists.ts";
import type { CaseRef } from "../domain/triage.ts";
import { STATUSES } from "../domain/vocabulary.ts";
import { ACTIONS } from "../ids.ts";
import { caseLine } from "./lists.ts";
import { mrkdwnSection, plain } from "./text.ts";

export function caseListMessage(opts: {
  filter: ListFilter;
  cases: CaseRef[];
  total: number;
  page: number;
  pageSize: number;
  now: Date;
}): { text: string; blocks: types.KnownBlock[] } {
  const { cases, total, page, pageSize } = opts;
  const title = describeFilter(opts.filter);
  if (total === 0)
    return {
      text: `${title}: none.`,
      blocks: [mrkdwnSection(`*${title}:* none right now.`)],
    };
  const first = page * pageSize + 1;
  const last = page * pageSize + cases.length;
  const lines = cases.map((c) => `${caseLine(c, opts.now)}${c.status === "resolved" ? ` · ${STATUSES.resolved}` : ""}`);
  const blocks: types.KnownBlock[] = [mrkdwnSection(`*${title}* — ${first}–${last} of ${total}`)];
  // Ten lines a section keeps each well under Slack's 3,000 characters.
  for (let i = 0; i < lines.length; i += 10) blocks.push(mrkdwnSection(lines.slice(i, i + 10).join("\n")));
  const buttons: types.Button[] = [];
  // The filter as read, not as typed: a person's display name could make the value too long.
  const value = (p: number) => JSON.stringify({ f: filterText(opts.filter), p });
  if (page > 0)
    buttons.push({
      type: "button",
      text: plain("‹ Previous"),
      action_id: ACTIONS.listPrevious,
      value: value(page - 1),
    });
  if (last < total)
    buttons.push({ type: "button", text: plain("Next ›"), action_id: ACTIONS.listNext, value: value(page + 1) });
  if (buttons.length) blocks.push({ type: "actions", elements: buttons });
  return { text: `${title}: ${first}–${last} of ${total}`, blocks };
}
