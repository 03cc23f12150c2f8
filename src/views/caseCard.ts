// The case card in the cases channel: always rendered whole from the case record.
import type { types } from "@slack/bolt";
import { SKU_MAX } from "../domain/amazon.ts";
import { formatMoney } from "../domain/money.ts";
import { type CaseStatus, caseNumber, type Priority } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import type { Key } from "../i18n/catalog.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { categoryName, priorityName, resolutionName, rootCauseName, statusName } from "../i18n/labels.ts";
import { ACTIONS, actionsBlockId, MORE_OPTIONS, type MoreOption } from "../ids.ts";
import { amazonClockLine, responseClockLine, waitingLine } from "./clockLines.ts";
import { type CardSettings, DEFAULT_CARD_SETTINGS, isReturnCase, playbookLines } from "./playbookLines.ts";
import { routingCardLine } from "./routing.ts";
import { escapeMrkdwn, mrkdwnSection, plain, slackDate, trimText } from "./text.ts";

type Block = types.KnownBlock;

const PRIORITY_MARK: Record<Priority, string> = {
  urgent: ":rotating_light:",
  high: ":large_orange_circle:",
  normal: ":white_circle:",
};
const STATUS_MARK: Record<CaseStatus, string> = {
  new: ":new:",
  claimed: ":technologist:",
  resolved: ":white_check_mark:",
};

/** Card description is kept short; the full text stays in the record. */
export const CARD_DESCRIPTION_MAX = 600;

export type { CardSettings };

export function caseCard(
  c: Case,
  now: Date,
  settings: CardSettings = DEFAULT_CARD_SETTINGS,
  /** How many earlier cases the same order or buyer name had. */
  extras: { earlierCases?: number } = {},
): { text: string; blocks: Block[] } {
  const w = settings.words ?? ENGLISH;
  const number = caseNumber(c.number);
  const category = categoryName(w, c.category);
  const { status, priority } = c;
  const field = (label: Key, value: string) => `*${w.t(label)}*\n${value}`;

  const fields = [
    field("card.field.priority", `${PRIORITY_MARK[priority]} ${priorityName(w, priority)}`),
    field("card.field.status", `${STATUS_MARK[status]} ${statusName(w, status)}`),
    field("card.field.orderId", c.orderId),
    field("card.field.asin", `${c.asin ?? "—"}${c.sku ? ` · SKU ${escapeMrkdwn(trimText(c.sku, SKU_MAX))}` : ""}`),
    field(
      "card.field.orderValue",
      `${formatMoney(c.orderValue, c.currency) ?? "—"}${c.marketplace ? ` · ${c.marketplace}` : ""}`,
    ),
    field("card.field.buyer", c.buyerName ? escapeMrkdwn(trimText(c.buyerName, 200)) : "—"),
    field("card.field.owner", c.ownerId ? `<@${c.ownerId}>` : w.t("card.unclaimed")),
  ];

  const blocks: Block[] = [
    { type: "header", text: plain(`${number} · ${category}`, 150) },
    { type: "section", fields: fields.map((text) => ({ type: "mrkdwn", text })) },
    mrkdwnSection(`>${escapeMrkdwn(trimText(c.description, CARD_DESCRIPTION_MAX)).replace(/\n/g, "\n>")}`),
  ];

  if (status === "resolved") blocks.push(resolutionSection(c, w));
  const playbook = playbookLines(c, now, settings);
  if (playbook.length) blocks.push(mrkdwnSection(playbook.join("\n")));

  const risk = c.riskPhrases
    ? w.t("card.riskWords", { phrases: escapeMrkdwn(trimText(c.riskPhrases, 200)) })
    : undefined;
  const earlier = extras.earlierCases
    ? w.t(c.buyerName ? "card.earlierCasesOrName" : "card.earlierCases", {
        count: extras.earlierCases,
        orderId: c.orderId,
      })
    : undefined;
  const clocks = [
    routingCardLine(c, w),
    risk,
    responseClockLine(c, w),
    amazonClockLine(c, now, w),
    waitingLine(c, now, w),
    earlier,
  ].filter((l): l is string => Boolean(l));
  blocks.push({
    type: "context",
    elements: [contextLine(c, w), ...clocks].map((text) => ({ type: "mrkdwn" as const, text })),
  });

  const actions = caseActions(c, w);
  if (actions.length) blocks.push({ type: "actions", block_id: actionsBlockId("case", c.id), elements: actions });

  const overdue = Boolean(c.breachedAt && !c.firstReplyAt && status !== "resolved");
  const summary: Key = c.ownerId
    ? overdue
      ? "card.summary.ownedOverdue"
      : "card.summary.owned"
    : overdue
      ? "card.summary.unclaimedOverdue"
      : "card.summary.unclaimed";
  const text = w.t(summary, {
    number,
    category,
    priority: priorityName(w, priority),
    orderId: c.orderId,
    status: statusName(w, status),
    owner: c.ownerId ?? undefined,
  });
  return { text, blocks };
}

function resolutionSection(c: Case, w: Words): Block {
  const how = c.resolution ? resolutionName(w, c.resolution) : "—";
  const amount = formatMoney(c.resolutionAmount, c.resolutionCurrency);
  const cause = c.rootCause ? rootCauseName(w, c.rootCause) : "—";
  const lines = [
    c.resolvedAt
      ? w.t("card.resolution.resolvedByAt", { who: c.resolvedById ?? undefined, when: slackDate(c.resolvedAt) })
      : w.t("card.resolution.resolvedBy", { who: c.resolvedById ?? undefined }),
    w.t("card.resolution.howAndCause", { how: `${how}${amount ? ` · ${amount}` : ""}`, cause }),
  ];
  const buyer =
    c.buyerOutcome && c.buyerOutcome !== "unknown" ? w.t(`card.buyerOutcome.${c.buyerOutcome}` as Key) : undefined;
  const product = c.suggestedProduct
    ? w.t("card.resolution.suggestedProduct", { product: escapeMrkdwn(trimText(c.suggestedProduct, 200)) })
    : undefined;
  if (buyer || product)
    lines.push(w.t("card.resolution.buyer", { what: [buyer, product].filter(Boolean).join(" · ") }));
  if (c.suggestedRemedy)
    lines.push(
      w.t(c.suggestionFollowed ? "card.resolution.suggestionFollowed" : "card.resolution.suggestionNotFollowed", {
        remedy: resolutionName(w, c.suggestedRemedy),
      }),
    );
  if (c.resolutionNote)
    lines.push(w.t("card.resolution.note", { note: escapeMrkdwn(trimText(c.resolutionNote, 1500)) }));
  return mrkdwnSection(lines.join("\n"));
}

function contextLine(c: Case, w: Words): string {
  return w.t("card.opened", {
    ago: slackDate(c.createdAt, "{ago}"),
    date: slackDate(c.createdAt),
    source: escapeMrkdwn(c.source),
  });
}

function button(text: string, actionId: string, caseId: number, style?: "primary" | "danger"): types.Button {
  return { type: "button", text: plain(text), action_id: actionId, value: String(caseId), ...(style ? { style } : {}) };
}

function caseActions(c: Case, w: Words): (types.Button | types.Overflow)[] {
  if (c.status === "resolved") return [button(w.t("card.button.reopen"), ACTIONS.reopen, c.id), moreMenu(c, w)];
  const first =
    c.status === "new"
      ? button(w.t("card.button.claim"), ACTIONS.claim, c.id, "primary")
      : button(w.t("card.button.takeOver"), ACTIONS.takeOver, c.id);
  return [
    first,
    button(w.t("card.button.logReply"), ACTIONS.logReply, c.id),
    button(w.t("card.button.resolve"), ACTIONS.resolve, c.id),
    button(w.t("card.button.draftReply"), ACTIONS.draftReply, c.id),
    moreMenu(c, w),
  ];
}

/**
 * The less frequent steps, behind "⋯" (2 to 5 options, as Slack requires): a note, waiting on the
 * buyer, the return (checked first, then received; checked again afterwards), abuse, an appeal.
 */
function moreMenu(c: Case, w: Words): types.Overflow {
  const option = (what: MoreOption, text: Key) => ({ text: plain(w.t(text)), value: `${what}:${c.id}` });
  const open = c.status !== "resolved";
  const returnStep =
    c.returnCheckedAt && !c.returnReceivedAt
      ? option(MORE_OPTIONS.returnReceived, "card.more.returnReceived")
      : option(MORE_OPTIONS.returnCheck, "card.more.returnCheck");
  const options = [
    option(MORE_OPTIONS.addNote, "card.more.addNote"),
    ...(open ? [option(MORE_OPTIONS.waiting, c.waitingUntil ? "card.more.waitingChange" : "card.more.waiting")] : []),
    ...(open && isReturnCase(c) ? [returnStep] : []),
    option(MORE_OPTIONS.suspectAbuse, c.abuseSuspectedAt ? "card.more.abuseEvidence" : "card.more.suspectAbuse"),
    option(MORE_OPTIONS.appeal, c.appealStage ? "card.more.appealUpdate" : "card.more.appeal"),
  ];
  return { type: "overflow", action_id: ACTIONS.more, options };
}
