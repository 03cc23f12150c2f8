// The "Resolve case" modal: why it happened and how bad it is (which drive the playbook's
// suggested remedy), how the case ended, what it cost, and whether the buyer stayed.
import type { types } from "@slack/bolt";
import { CURRENCIES } from "../domain/amazon.ts";
import { formatMoney } from "../domain/money.ts";
import { BUYER_OUTCOMES } from "../domain/playbook.ts";
import { type RemedySuggestion, SEVERITIES, type Severity, sayRemedy, severityName } from "../domain/remedy.ts";
import { caseNumber, keysOf, RESOLUTIONS, ROOT_CAUSES, type RootCause } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import type { Key } from "../i18n/catalog.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { resolutionName, rootCauseName } from "../i18n/labels.ts";
import { ACTIONS, RESOLVE_BLOCKS as B, CALLBACKS } from "../ids.ts";
import type { ResolveCaseMetadata } from "./modalMetadata.ts";
import { optionsOf, selectInput, textInput, VARIANT } from "./modalParts.ts";
import { type CardSettings, DEFAULT_CARD_SETTINGS, type ResolvePicks, suggestionFor } from "./playbookLines.ts";
import { escapeMrkdwn, mrkdwnSection, plain, trimText } from "./text.ts";

export function resolveModal(
  c: Case,
  settings: CardSettings = DEFAULT_CARD_SETTINGS,
  picks: ResolvePicks = {},
): types.ModalView {
  const w = settings.words ?? ENGLISH;
  const number = caseNumber(c.number);
  const currencies = [...new Set([...(c.currency ? [c.currency] : []), ...CURRENCIES])];
  const value = formatMoney(c.orderValue, c.currency);
  const { rootCause, severity, suggestion } = suggestionFor(c, settings, picks);
  const range = suggestion?.amountRange;
  const rangeText = range
    ? `${formatMoney(range.from, range.currency)} – ${formatMoney(range.to, range.currency)}`
    : undefined;
  return {
    type: "modal",
    callback_id: CALLBACKS.resolveCase,
    title: plain(w.t("forms.resolve.title", { number }), 24),
    submit: plain(w.t("forms.resolve.submit"), 24),
    close: plain(w.t("forms.cancel"), 24),
    private_metadata: JSON.stringify({
      caseId: c.id,
      ...(suggestion ? { suggested: { resolution: suggestion.resolution, amountRange: suggestion.amountRange } } : {}),
    } satisfies ResolveCaseMetadata),
    blocks: [
      mrkdwnSection(
        `${value ? w.t("forms.resolve.headingWithValue", { number, orderId: c.orderId, value }) : w.t("forms.resolve.heading", { number, orderId: c.orderId })}\n${escapeMrkdwn(trimText(c.description, 300))}`,
      ),
      selectInput(
        B.rootCause,
        w.t("forms.resolve.rootCause"),
        optionsOf(keysOf(ROOT_CAUSES), (r) => rootCauseName(w, r)),
        { initial: rootCause, dispatchActionId: ACTIONS.resolveRecompute, words: w },
      ),
      selectInput(
        B.severity,
        w.t("forms.resolve.severity"),
        optionsOf(keysOf(SEVERITIES) as Severity[], (s) => severityName(w, s)),
        { initial: severity, dispatchActionId: ACTIONS.resolveRecompute, words: w },
      ),
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: suggestionLine(w, suggestion, rootCause) }],
      },
      // A new suggestion starts the resolution anew: a new block id, or Slack would keep the old pick.
      selectInput(
        suggestion ? `${B.resolution}${VARIANT}${suggestion.resolution}` : B.resolution,
        w.t("forms.resolve.resolution"),
        optionsOf(keysOf(RESOLUTIONS), (r) => resolutionName(w, r)),
        { initial: suggestion?.resolution, words: w },
      ),
      textInput(B.amount, w.t("forms.resolve.amount"), {
        optional: true,
        placeholder: range ? `${range.from}–${range.to}` : "12.50",
        hint: rangeText
          ? w.t("forms.resolve.amountHintSuggested", { range: rangeText })
          : w.t("forms.resolve.amountHint"),
      }),
      selectInput(
        B.currency,
        w.t("forms.resolve.currency"),
        currencies.map((v) => ({ value: v, label: v })),
        { optional: true, initial: c.currency ?? undefined, words: w },
      ),
      selectInput(
        B.outcome,
        w.t("forms.resolve.outcome"),
        optionsOf(keysOf(BUYER_OUTCOMES), (o) => w.t(`forms.resolve.outcomes.${o}` as Key)),
        { optional: true, initial: "unknown", words: w },
      ),
      textInput(B.suggestedProduct, w.t("forms.resolve.suggestedProduct"), {
        optional: true,
        maxLength: 200,
        placeholder: w.t("forms.resolve.suggestedProductPlaceholder"),
        hint: w.t("forms.resolve.suggestedProductHint"),
      }),
      textInput(B.note, w.t("forms.resolve.note"), {
        optional: true,
        multiline: true,
        maxLength: 2000,
        placeholder: w.t("forms.resolve.notePlaceholder"),
      }),
    ],
  };
}

function suggestionLine(w: Words, suggestion: RemedySuggestion | undefined, rootCause: RootCause | undefined): string {
  if (suggestion)
    return w.t("forms.resolve.suggested", {
      summary: sayRemedy(w, suggestion.summary),
      reason: sayRemedy(w, suggestion.reason),
    });
  if (!rootCause) return w.t("forms.resolve.pickCause");
  return w.t("forms.resolve.noSuggestion");
}
