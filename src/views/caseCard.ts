// The case card in the cases channel: always rendered whole from the case record.
import type { types } from "@slack/bolt";
import { SKU_MAX } from "../domain/amazon.ts";
import { formatMoney } from "../domain/money.ts";
import { BUYER_OUTCOMES } from "../domain/playbook.ts";
import {
  type CaseStatus,
  caseNumber,
  categoryLabel,
  type Priority,
  priorityLabel,
  resolutionLabel,
  rootCauseLabel,
  statusLabel,
} from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import { ACTIONS, actionsBlockId, MORE_OPTIONS, type MoreOption } from "../ids.ts";
import { amazonClockLine, responseClockLine, waitingLine } from "./clockLines.ts";
import { type CardSettings, DEFAULT_CARD_SETTINGS, isReturnCase, playbookLines } from "./playbookLines.ts";
import { escapeMrkdwn, mrkdwnSection, plain, slackDate, trimText } from "./text.ts";

type Block = types.KnownBlock;

const PRIORITY_MARK: Record<Priority, string> = {
  urgent: ":rotating_light: Urgent",
  high: ":large_orange_circle: High",
  normal: ":white_circle: Normal",
};
const STATUS_MARK: Record<CaseStatus, string> = {
  new: ":new: New",
  claimed: ":technologist: Claimed",
  resolved: ":white_check_mark: Resolved",
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
  const number = caseNumber(c.number);
  const category = categoryLabel(c.category);
  const { status, priority } = c;

  const fields = [
    `*Priority*\n${PRIORITY_MARK[priority]}`,
    `*Status*\n${STATUS_MARK[status]}`,
    `*Order ID*\n${c.orderId}`,
    `*ASIN*\n${c.asin ?? "—"}${c.sku ? ` · SKU ${escapeMrkdwn(trimText(c.sku, SKU_MAX))}` : ""}`,
    `*Order value*\n${formatMoney(c.orderValue, c.currency) ?? "—"}${c.marketplace ? ` · ${c.marketplace}` : ""}`,
    `*Buyer*\n${c.buyerName ? escapeMrkdwn(trimText(c.buyerName, 200)) : "—"}`,
    `*Owner*\n${c.ownerId ? `<@${c.ownerId}>` : "Unclaimed"}`,
  ];

  const blocks: Block[] = [
    { type: "header", text: plain(`${number} · ${category}`, 150) },
    { type: "section", fields: fields.map((text) => ({ type: "mrkdwn", text })) },
    mrkdwnSection(`>${escapeMrkdwn(trimText(c.description, CARD_DESCRIPTION_MAX)).replace(/\n/g, "\n>")}`),
  ];

  if (status === "resolved") blocks.push(resolutionSection(c));
  const playbook = playbookLines(c, now, settings);
  if (playbook.length) blocks.push(mrkdwnSection(playbook.join("\n")));

  const risk = c.riskPhrases
    ? `:warning: Risk words: “${escapeMrkdwn(trimText(c.riskPhrases, 200))}” — contact the buyer before a claim`
    : undefined;
  const earlier = extras.earlierCases
    ? `:busts_in_silhouette: ${extras.earlierCases} earlier case${extras.earlierCases === 1 ? "" : "s"} for this buyer or order: \`/case find ${c.orderId}\`${c.buyerName ? " or the buyer's name" : ""}`
    : undefined;
  const clocks = [risk, responseClockLine(c), amazonClockLine(c, now), waitingLine(c, now), earlier].filter(
    (l): l is string => Boolean(l),
  );
  blocks.push({
    type: "context",
    elements: [contextLine(c), ...clocks].map((text) => ({ type: "mrkdwn" as const, text })),
  });

  const actions = caseActions(c);
  if (actions.length) blocks.push({ type: "actions", block_id: actionsBlockId("case", c.id), elements: actions });

  const owner =
    (c.ownerId ? `, owner <@${c.ownerId}>` : ", unclaimed") +
    (c.breachedAt && !c.firstReplyAt && status !== "resolved" ? ", overdue" : "");
  const text = `${number} ${category} (${priorityLabel(priority)}) for order ${c.orderId}: ${statusLabel(status)}${owner}`;
  return { text, blocks };
}

function resolutionSection(c: Case): Block {
  const how = c.resolution ? resolutionLabel(c.resolution) : "—";
  const amount = formatMoney(c.resolutionAmount, c.resolutionCurrency);
  const cause = c.rootCause ? rootCauseLabel(c.rootCause) : "—";
  const lines = [
    `:white_check_mark: *Resolved* by <@${c.resolvedById}>${c.resolvedAt ? ` ${slackDate(c.resolvedAt)}` : ""}`,
    `*How:* ${how}${amount ? ` · ${amount}` : ""}   *Root cause:* ${cause}`,
  ];
  const buyer = c.buyerOutcome && c.buyerOutcome !== "unknown" ? BUYER_OUTCOMES[c.buyerOutcome] : undefined;
  const product = c.suggestedProduct ? `suggested ${escapeMrkdwn(trimText(c.suggestedProduct, 200))}` : undefined;
  if (buyer || product) lines.push(`*Buyer:* ${[buyer, product].filter(Boolean).join(" · ")}`);
  if (c.suggestedRemedy)
    lines.push(
      `*Playbook suggested:* ${resolutionLabel(c.suggestedRemedy)} (${c.suggestionFollowed ? "followed" : "not followed"})`,
    );
  if (c.resolutionNote) lines.push(`*Note:* ${escapeMrkdwn(trimText(c.resolutionNote, 1500))}`);
  return mrkdwnSection(lines.join("\n"));
}

function contextLine(c: Case): string {
  return `Opened ${slackDate(c.createdAt, "{ago}")} (${slackDate(c.createdAt)}) via ${escapeMrkdwn(c.source)}`;
}

function button(text: string, actionId: string, caseId: number, style?: "primary" | "danger"): types.Button {
  return { type: "button", text: plain(text), action_id: actionId, value: String(caseId), ...(style ? { style } : {}) };
}

function caseActions(c: Case): (types.Button | types.Overflow)[] {
  if (c.status === "resolved") return [button("Reopen", ACTIONS.reopen, c.id), moreMenu(c)];
  const first =
    c.status === "new" ? button("Claim", ACTIONS.claim, c.id, "primary") : button("Take over", ACTIONS.takeOver, c.id);
  return [
    first,
    button("Log reply", ACTIONS.logReply, c.id),
    button("Resolve", ACTIONS.resolve, c.id),
    button("Draft reply", ACTIONS.draftReply, c.id),
    moreMenu(c),
  ];
}

/**
 * The less frequent steps, behind "⋯" (2 to 5 options, as Slack requires): a note, waiting on the
 * buyer, the return (checked first, then received; checked again afterwards), abuse, an appeal.
 */
function moreMenu(c: Case): types.Overflow {
  const option = (what: MoreOption, text: string) => ({ text: plain(text), value: `${what}:${c.id}` });
  const open = c.status !== "resolved";
  const returnStep =
    c.returnCheckedAt && !c.returnReceivedAt
      ? option(MORE_OPTIONS.returnReceived, "Return received: start the refund clock")
      : option(MORE_OPTIONS.returnCheck, "Check the return window");
  const options = [
    option(MORE_OPTIONS.addNote, "Add a note"),
    ...(open
      ? [option(MORE_OPTIONS.waiting, c.waitingUntil ? "Waiting on the buyer: change" : "Waiting on the buyer")]
      : []),
    ...(open && isReturnCase(c) ? [returnStep] : []),
    option(MORE_OPTIONS.suspectAbuse, c.abuseSuspectedAt ? "Suspected abuse: evidence" : "Suspect abuse"),
    option(MORE_OPTIONS.appeal, c.appealStage ? "Appeal to Amazon: update" : "Appeal to Amazon"),
  ];
  return { type: "overflow", action_id: ACTIONS.more, options };
}
