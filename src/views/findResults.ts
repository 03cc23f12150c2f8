// "/case find" answers (a page of matches, newest first, with previous/next) and "/case show"
// (the case's card, its history and a link to its thread), both only for the person who asked.
import type { types } from "@slack/bolt";
import { caseNumber } from "../domain/vocabulary.ts";
import type { Case, CaseEvent } from "../generated/prisma/client.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { categoryName, statusName } from "../i18n/labels.ts";
import { ACTIONS } from "../ids.ts";
import type { FoundCase } from "../store/caseFind.ts";
import { type CardSettings, caseCard } from "./caseCard.ts";
import { historyLine } from "./historyLine.ts";
import { caseLink } from "./lists.ts";
import { escapeMrkdwn, mrkdwnSection, plain, slackDate, trimText } from "./text.ts";

export function findMessage(opts: {
  query: string;
  cases: FoundCase[];
  total: number;
  page: number;
  pageSize: number;
  /** The asker's words. */
  words?: Words;
}): { text: string; blocks: types.KnownBlock[] } {
  const w = opts.words ?? ENGLISH;
  const q = escapeMrkdwn(trimText(opts.query, 100));
  if (opts.total === 0)
    return {
      text: w.t("commands.find.noMatch", { query: q }),
      blocks: [mrkdwnSection(w.t("commands.find.noMatchHelp", { query: q, help: w.t("commands.find.help") }))],
    };
  const first = opts.page * opts.pageSize + 1;
  const last = opts.page * opts.pageSize + opts.cases.length;
  const lines = opts.cases.map((c) => {
    const buyer = c.buyerName ? ` · ${escapeMrkdwn(trimText(c.buyerName, 60))}` : "";
    const owner = c.ownerId ? ` · <@${c.ownerId}>` : "";
    return w.t("commands.find.line", {
      case: caseLink(c),
      category: categoryName(w, c.category),
      status: statusName(w, c.status),
      order: c.orderId,
      buyer,
      owner,
      date: slackDate(c.createdAt, "{date_short}"),
    });
  });
  const range = { query: q, first, last, total: w.num(opts.total) };
  const blocks: types.KnownBlock[] = [
    mrkdwnSection(w.t("commands.find.title", range)),
    mrkdwnSection(lines.join("\n")),
  ];
  const value = (p: number) => JSON.stringify({ q: opts.query.slice(0, 200), p });
  const buttons: types.Button[] = [];
  if (opts.page > 0)
    buttons.push({
      type: "button",
      text: plain(w.t("commands.find.previous")),
      action_id: ACTIONS.findPrevious,
      value: value(opts.page - 1),
    });
  if (last < opts.total)
    buttons.push({
      type: "button",
      text: plain(w.t("commands.find.next")),
      action_id: ACTIONS.findNext,
      value: value(opts.page + 1),
    });
  if (buttons.length) blocks.push({ type: "actions", elements: buttons });
  return { text: w.t("commands.find.text", range), blocks };
}

/** The card as the channel shows it (without its buttons: they act in the channel), its history and its thread. */
export function showMessage(
  c: Case,
  events: CaseEvent[],
  opts: { now: Date; settings: CardSettings; permalink?: string; isLead?: boolean },
): { text: string; blocks: types.KnownBlock[] } {
  const w = opts.settings.words ?? ENGLISH;
  const card = caseCard(c, opts.now, opts.settings);
  const blocks: types.KnownBlock[] = card.blocks.filter((b) => b.type !== "actions");
  const lines = events.map((e) => `${slackDate(e.createdAt, "{date_short} {time}")} — ${historyLine(e, c.number, w)}`);
  blocks.push({ type: "divider" });
  blocks.push(mrkdwnSection(`${w.t("commands.show.history", { n: lines.length })}\n${lines.join("\n") || "—"}`));
  const where = opts.permalink
    ? w.t("commands.show.open", { link: opts.permalink, case: caseNumber(c.number) })
    : w.t("commands.show.noCard", { case: caseNumber(c.number) });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: where }] });
  // A lead may hand any open case to another agent from here.
  if (opts.isLead && c.status !== "resolved")
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          text: plain(w.t("commands.show.reassign")),
          action_id: ACTIONS.reassign,
          value: String(c.id),
        },
      ],
    });
  return { text: card.text, blocks };
}
