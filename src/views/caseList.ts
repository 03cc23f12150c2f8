// A page of "/case list": one line per case, with previous/next buttons.
import type { types } from "@slack/bolt";
import type { CaseRef } from "../domain/triage.ts";
import { STATUSES } from "../domain/vocabulary.ts";
import { ACTIONS } from "../ids.ts";
import { caseLine } from "./lists.ts";
import { mrkdwnSection, plain } from "./text.ts";

export function caseListMessage(opts: {
  title: string;
  filterText: string;
  cases: CaseRef[];
  total: number;
  page: number;
  pageSize: number;
  now: Date;
}): { text: string; blocks: types.KnownBlock[] } {
  const { cases, total, page, pageSize } = opts;
  if (total === 0)
    return {
      text: `${opts.title}: none.`,
      blocks: [mrkdwnSection(`*${opts.title}:* none right now.`)],
    };
  const first = page * pageSize + 1;
  const last = page * pageSize + cases.length;
  const lines = cases.map((c) => `${caseLine(c, opts.now)}${c.status === "resolved" ? ` · ${STATUSES.resolved}` : ""}`);
  const blocks: types.KnownBlock[] = [mrkdwnSection(`*${opts.title}* — ${first}–${last} of ${total}`)];
  // Ten lines a section keeps each well under Slack's 3,000 characters.
  for (let i = 0; i < lines.length; i += 10) blocks.push(mrkdwnSection(lines.slice(i, i + 10).join("\n")));
  const buttons: types.Button[] = [];
  const value = (p: number) => JSON.stringify({ f: opts.filterText, p });
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
  return { text: `${opts.title}: ${first}–${last} of ${total}`, blocks };
}
