// A page of "/case list": one line per case, with previous/next buttons.
import type { types } from "@slack/bolt";
import { describeFilter, filterText, type ListFilter } from "../domain/caseLists.ts";
import type { CaseRef } from "../domain/triage.ts";
import { ENGLISH, say, type Words } from "../i18n/i18n.ts";
import { statusName } from "../i18n/labels.ts";
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
  /** The reader's words (a private answer). */
  words?: Words;
}): { text: string; blocks: types.KnownBlock[] } {
  const { cases, total, page, pageSize } = opts;
  const w = opts.words ?? ENGLISH;
  const title = say(w, describeFilter(opts.filter));
  if (total === 0)
    return {
      text: w.t("card.list.none", { title }),
      blocks: [mrkdwnSection(w.t("card.list.noneNow", { title }))],
    };
  const first = page * pageSize + 1;
  const last = page * pageSize + cases.length;
  const resolved = statusName(w, "resolved");
  const lines = cases.map((c) => `${caseLine(c, opts.now, w)}${c.status === "resolved" ? ` · ${resolved}` : ""}`);
  const range = { title, first: w.num(first), last: w.num(last), total: w.num(total) };
  const blocks: types.KnownBlock[] = [mrkdwnSection(w.t("card.list.pageTitle", range))];
  // Ten lines a section keeps each well under Slack's 3,000 characters.
  for (let i = 0; i < lines.length; i += 10) blocks.push(mrkdwnSection(lines.slice(i, i + 10).join("\n")));
  const buttons: types.Button[] = [];
  // The filter as read, not as typed: a person's display name could make the value too long.
  const value = (p: number) => JSON.stringify({ f: filterText(opts.filter), p });
  if (page > 0)
    buttons.push({
      type: "button",
      text: plain(w.t("card.list.previous")),
      action_id: ACTIONS.listPrevious,
      value: value(page - 1),
    });
  if (last < total)
    buttons.push({
      type: "button",
      text: plain(w.t("card.list.next")),
      action_id: ACTIONS.listNext,
      value: value(page + 1),
    });
  if (buttons.length) blocks.push({ type: "actions", elements: buttons });
  return { text: w.t("card.list.pageText", range), blocks };
}
