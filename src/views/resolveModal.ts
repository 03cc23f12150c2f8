// The "Resolve case" modal: why it happened and how bad it is (which drive the playbook's
// suggested remedy), how the case ended, what it cost, and whether the buyer stayed.
import type { types } from "@slack/bolt";
import { CURRENCIES } from "../domain/amazon.ts";
import { formatMoney } from "../domain/money.ts";
import { BUYER_OUTCOMES } from "../domain/playbook.ts";
import { type RemedySuggestion, SEVERITIES } from "../domain/remedy.ts";
import { caseNumber, RESOLUTIONS, ROOT_CAUSES, type RootCause } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import { ACTIONS, RESOLVE_BLOCKS as B, CALLBACKS } from "../ids.ts";
import type { ResolveCaseMetadata } from "./modalMetadata.ts";
import { optionsFrom, selectInput, textInput, VARIANT } from "./modalParts.ts";
import { type CardSettings, DEFAULT_CARD_SETTINGS, type ResolvePicks, suggestionFor } from "./playbookLines.ts";
import { escapeMrkdwn, mrkdwnSection, plain, trimText } from "./text.ts";

export function resolveModal(
  c: Case,
  settings: CardSettings = DEFAULT_CARD_SETTINGS,
  picks: ResolvePicks = {},
): types.ModalView {
  const currencies = [...new Set([...(c.currency ? [c.currency] : []), ...CURRENCIES])];
  const value = formatMoney(c.orderValue, c.currency);
  const { rootCause, severity, suggestion } = suggestionFor(c, settings, picks);
  const range = suggestion?.amountRange;
  const rangeText = range
    ? `${formatMoney(range.from, range.currency)} – ${formatMoney(range.to, range.currency)}`
    : undefined;
  const hint = "Required for refunds, partial refunds and coupons: what the buyer gets back.";
  return {
    type: "modal",
    callback_id: CALLBACKS.resolveCase,
    title: plain(`Resolve ${caseNumber(c.number)}`, 24),
    submit: plain("Resolve", 24),
    close: plain("Cancel", 24),
    private_metadata: JSON.stringify({
      caseId: c.id,
      ...(suggestion ? { suggested: { resolution: suggestion.resolution, amountRange: suggestion.amountRange } } : {}),
    } satisfies ResolveCaseMetadata),
    blocks: [
      mrkdwnSection(
        `*${caseNumber(c.number)}* · order ${c.orderId}${value ? ` · ${value}` : ""}\n${escapeMrkdwn(trimText(c.description, 300))}`,
      ),
      selectInput(B.rootCause, "Root cause", optionsFrom(ROOT_CAUSES), {
        initial: rootCause,
        dispatchActionId: ACTIONS.resolveRecompute,
      }),
      selectInput(B.severity, "How bad is it for the buyer?", optionsFrom(SEVERITIES), {
        initial: severity,
        dispatchActionId: ACTIONS.resolveRecompute,
      }),
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: suggestionLine(suggestion, rootCause) }],
      },
      // A new suggestion starts the resolution anew: a new block id, or Slack would keep the old pick.
      selectInput(
        suggestion ? `${B.resolution}${VARIANT}${suggestion.resolution}` : B.resolution,
        "Resolution",
        optionsFrom(RESOLUTIONS),
        { initial: suggestion?.resolution },
      ),
      textInput(B.amount, "Amount", {
        optional: true,
        placeholder: range ? `${range.from}–${range.to}` : "12.50",
        hint: rangeText ? `Suggested: ${rangeText}. ${hint}` : hint,
      }),
      selectInput(
        B.currency,
        "Currency",
        currencies.map((v) => ({ value: v, label: v })),
        { optional: true, initial: c.currency ?? undefined },
      ),
      selectInput(B.outcome, "Did we keep the buyer?", optionsFrom(BUYER_OUTCOMES), {
        optional: true,
        initial: "unknown",
      }),
      textInput(B.suggestedProduct, "Product suggested to the buyer", {
        optional: true,
        maxLength: 200,
        placeholder: "e.g. the same jacket one size up",
        hint: "A better-fitting product turns a problem order into a value order.",
      }),
      textInput(B.note, "Note", {
        optional: true,
        multiline: true,
        maxLength: 2000,
        placeholder: "What was agreed with the buyer, follow-ups, evidence",
      }),
    ],
  };
}

function suggestionLine(suggestion: RemedySuggestion | undefined, rootCause: RootCause | undefined): string {
  if (suggestion) return `:bulb: *Suggested:* ${suggestion.summary} — ${suggestion.reason}`;
  if (!rootCause) return ":bulb: Pick the root cause to see what the playbook suggests.";
  return ":bulb: The playbook has no suggestion for this cause: choose what fits the buyer.";
}
