// "Draft reply": a template for the case's type and stage, filled with the case, checked against
// Amazon's messaging rules; and the check form for any text an agent pastes.
import type { types } from "@slack/bolt";
import { checkReply, type PolicyProblem } from "../domain/messagingPolicy.ts";
import { formatMoney } from "../domain/money.ts";
import {
  fillTemplate,
  type ReplyTemplate,
  replyStageName,
  templateGloss,
  templatesFor,
  templateTitle,
} from "../domain/replyTemplates.ts";
import { caseNumber } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import { ENGLISH, say, type Words } from "../i18n/i18n.ts";
import { ACTIONS, PLAYBOOK_BLOCKS as B, CALLBACKS } from "../ids.ts";
import type { ResolveCaseMetadata } from "./modalMetadata.ts";
import { checkboxesInput, selectInput, textInput, VARIANT } from "./modalParts.ts";
import { type CardSettings, cardSuggestion } from "./playbookLines.ts";
import { escapeMrkdwn, mrkdwnSection, plain, trimText } from "./text.ts";

/** Amazon's buyer messages take up to 4,000 characters; Slack's text input up to 3,000. */
export const REPLY_MAX = 3000;

/** The amount a draft offers: what was refunded, else the top of the suggested range. */
function offeredAmount(c: Case, settings: CardSettings): string | undefined {
  if (c.resolutionAmount) return formatMoney(c.resolutionAmount, c.resolutionCurrency);
  const range = cardSuggestion(c, settings)?.suggestion.amountRange;
  return range ? formatMoney(range.to, range.currency) : undefined;
}

export function draftText(c: Case, t: ReplyTemplate, settings: CardSettings): string {
  return fillTemplate(t, {
    buyerName: c.buyerName,
    orderId: c.orderId,
    product: c.productName,
    amount: offeredAmount(c, settings),
    caseNumber: caseNumber(c.number),
    seller: settings.playbook.signature,
  });
}

/** The problems as shown under the text: the first few, and how many more (an error must stay short). */
export function policyProblemsText(problems: PolicyProblem[], w: Words = ENGLISH, shown = 4): string {
  const listed = problems
    .slice(0, shown)
    .map((p) => w.t("playbook.policy.problem", { found: p.found, why: say(w, p.why) }));
  const more = problems.length - listed.length;
  return [...listed, ...(more > 0 ? [w.t("playbook.policy.more", { count: more })] : [])].join(" ");
}

/**
 * The reply form in the agent's words `w`; the reply itself stays in the marketplace's language.
 * A Chinese-speaking agent sees a one-line gloss of what a shipped template says.
 */
export function draftReplyModal(
  c: Case,
  settings: CardSettings,
  templateId?: string,
  w: Words = ENGLISH,
): types.ModalView {
  const templates = templatesFor(settings.playbook.templates, c).slice(0, 100);
  const chosen = templates.find((t) => t.id === templateId) ?? templates[0];
  const text = chosen ? trimText(draftText(c, chosen, settings), REPLY_MAX, "") : "";
  const problems = checkReply(text);
  const status = problems.length
    ? w.t("playbook.draft.breaks", { problems: escapeMrkdwn(policyProblemsText(problems, w)) })
    : w.t("playbook.draft.passes");
  const gloss = chosen && w.lang !== "en" ? templateGloss(w, chosen) : undefined;
  const number = caseNumber(c.number);
  const intro = c.buyerName
    ? w.t("playbook.draft.introBuyer", {
        number,
        order: c.orderId,
        buyer: escapeMrkdwn(trimText(c.buyerName, 100)),
      })
    : w.t("playbook.draft.intro", { number, order: c.orderId });
  return {
    type: "modal",
    callback_id: CALLBACKS.draftReply,
    title: plain(w.t("playbook.draft.title", { number }), 24),
    submit: plain(w.t("playbook.draft.submit"), 24),
    close: plain(w.t("playbook.draft.close"), 24),
    private_metadata: JSON.stringify({ caseId: c.id } satisfies ResolveCaseMetadata),
    blocks: [
      mrkdwnSection(intro),
      selectInput(
        B.template,
        w.t("playbook.draft.template"),
        templates.map((t) => ({
          value: t.id,
          label: w.t("playbook.draft.templateOption", {
            stage: replyStageName(w, t.stage),
            title: templateTitle(w, t),
          }),
        })),
        { initial: chosen?.id, dispatchActionId: ACTIONS.draftTemplate },
      ),
      ...(gloss
        ? [
            {
              type: "context" as const,
              elements: [{ type: "mrkdwn" as const, text: w.t("playbook.draft.gloss", { gloss }) }],
            },
          ]
        : []),
      // Another template gives the text a new block id, or Slack would keep the text shown before.
      textInput(`${B.text}${VARIANT}${chosen?.id ?? "none"}`, w.t("playbook.draft.text"), {
        multiline: true,
        maxLength: REPLY_MAX,
        initial: text,
      }),
      { type: "context", elements: [{ type: "mrkdwn", text: trimText(status, 2000) }] },
      // Sent already with words the check flags: the reply is still logged, so the clock stops.
      checkboxesInput(
        B.sentAnyway,
        w.t("playbook.draft.alreadySent"),
        [{ value: "yes", label: w.t("playbook.draft.sentAnyway") }],
        { optional: true },
      ),
    ],
  };
}

export function policyCheckModal(w: Words = ENGLISH): types.ModalView {
  return {
    type: "modal",
    callback_id: CALLBACKS.policyCheck,
    title: plain(w.t("playbook.check.title"), 24),
    submit: plain(w.t("playbook.check.submit"), 24),
    close: plain(w.t("playbook.check.close"), 24),
    blocks: [
      mrkdwnSection(w.t("playbook.check.intro")),
      textInput(B.text, w.t("playbook.check.text"), { multiline: true, maxLength: REPLY_MAX }),
    ],
  };
}

/** The answer of the check form when the text passes. */
export function policyPassedModal(text: string, w: Words = ENGLISH): types.ModalView {
  return {
    type: "modal",
    title: plain(w.t("playbook.check.title"), 24),
    close: plain(w.t("playbook.check.done"), 24),
    blocks: [
      mrkdwnSection(w.t("playbook.check.passed")),
      mrkdwnSection(`>${escapeMrkdwn(trimText(text, 2500)).replace(/\n/g, "\n>")}`),
    ],
  };
}
