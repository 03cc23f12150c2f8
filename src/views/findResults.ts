// "/case find" answers (a page of matches, newest first, with previous/next) and "/case show"
// (the case's card, its history and a link to its thread), both only for the person who asked.
import type { types } from "@slack/bolt";
import { FIND_HELP } from "../domain/caseFind.ts";
import { caseNumber, categoryLabel, statusLabel } from "../domain/vocabulary.ts";
import type { Case, CaseEvent } from "../generated/prisma/client.ts";
import { ACTIONS } from "../ids.ts";
import type { FoundCase } from "../store/caseFind.ts";
import { type CardSettings, caseCard } from "./caseCard.ts";
import { historyLine } from "./historyLine.ts";
import { caseLink } from "./lists.ts";
import { escapeMrkdwn, mrkdwnSection, plain, slackDate, trimText } from "./text.ts";

const totalText = (n: number) => n.toLocaleString("en");

export function findMessage(opts: {
  query: string;
  cases: FoundCase[];
  total: number;
  page: number;
  pageSize: number;
}): { text: string; blocks: types.KnownBlock[] } {
  const q = escapeMrkdwn(trimText(opts.query, 100));
  if (opts.total === 0)
    return { text: `No case matches “${q}”.`, blocks: [mrkdwnSection(`No case matches “${q}”. ${FIND_HELP}`)] };
  const first = opts.page * opts.pageSize + 1;
  const last = opts.page * opts.pageSize + opts.cases.length;
  const lines = opts.cases.map((c) => {
    const buyer = c.buyerName ? ` · ${escapeMrkdwn(trimText(c.buyerName, 60))}` : "";
    const owner = c.ownerId ? ` · <@${c.ownerId}>` : "";
    return `${caseLink(c)} · ${categoryLabel(c.category)} · ${statusLabel(c.status)} · order ${c.orderId}${buyer}${owner} · ${slackDate(c.createdAt, "{date_short}")}`;
  });
  const blocks: types.KnownBlock[] = [
    mrkdwnSection(`*Cases matching “${q}”* — ${first}–${last} of ${totalText(opts.total)}, newest first`),
    mrkdwnSection(lines.join("\n")),
  ];
  const value = (p: number) => JSON.stringify({ q: opts.query.slice(0, 200), p });
  const buttons: types.Button[] = [];
  if (opts.page > 0)
    buttons.push({
      type: "button",
      text: plain("‹ Previous"),
      action_id: ACTIONS.findPrevious,
      value: value(opts.page - 1),
    });
  if (last < opts.total)
    buttons.push({ type: "button", text: plain("Next ›"), action_id: ACTIONS.findNext, value: value(opts.page + 1) });
  if (buttons.length) blocks.push({ type: "actions", elements: buttons });
  return { text: `Cases matching “${q}”: ${first}–${last} of ${totalText(opts.total)}`, blocks };
}

/** The card as the channel shows it (without its buttons: they act in the channel), its history and its thread. */
export function showMessage(
  c: Case,
  events: CaseEvent[],
  opts: { now: Date; settings: CardSettings; permalink?: string; isLead?: boolean },
): { text: string; blocks: types.KnownBlock[] } {
  const card = caseCard(c, opts.now, opts.settings);
  const blocks: types.KnownBlock[] = card.blocks.filter((b) => b.type !== "actions");
  const lines = events.map((e) => `${slackDate(e.createdAt, "{date_short} {time}")} — ${historyLine(e, c.number)}`);
  blocks.push({ type: "divider" });
  blocks.push(mrkdwnSection(`*History* (latest ${lines.length})\n${lines.join("\n") || "—"}`));
  const where = opts.permalink
    ? `<${opts.permalink}|Open ${caseNumber(c.number)} in the cases channel> to act on it and see its thread.`
    : `${caseNumber(c.number)} has no card in a channel yet.`;
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: where }] });
  // A lead may hand any open case to another agent from here.
  if (opts.isLead && c.status !== "resolved")
    blocks.push({
      type: "actions",
      elements: [{ type: "button", text: plain("Reassign"), action_id: ACTIONS.reassign, value: String(c.id) }],
    });
  return { text: card.text, blocks };
}
