// "Draft reply": a template for the case's type and stage, filled with the case, checked against
// Amazon's messaging rules; and the check form for any text an agent pastes.
import type { types } from "@slack/bolt";
import { checkReply, type PolicyProblem } from "../domain/messagingPolicy.ts";
import { formatMoney } from "../domain/money.ts";
import { fillTemplate, REPLY_STAGES, type ReplyTemplate, templatesFor } from "../domain/replyTemplates.ts";
import { caseNumber } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
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
export function policyProblemsText(problems: PolicyProblem[], shown = 4): string {
  const listed = problems.slice(0, shown).map((p) => `“${p.found}”: ${p.why}`);
  const more = problems.length - listed.length;
  return [...listed, ...(more > 0 ? [`…and ${more} more.`] : [])].join(" ");
}

export function draftReplyModal(c: Case, settings: CardSettings, templateId?: string): types.ModalView {
  const templates = templatesFor(settings.playbook.templates, c).slice(0, 100);
  const chosen = templates.find((t) => t.id === templateId) ?? templates[0];
  const text = chosen ? trimText(draftText(c, chosen, settings), REPLY_MAX, "") : "";
  const problems = checkReply(text);
  const status = problems.length
    ? `:warning: This text breaks Amazon's messaging rules: ${escapeMrkdwn(policyProblemsText(problems))}`
    : ":white_check_mark: Passes Amazon's messaging rules (no outside links, contact details, review requests or marketing).";
  return {
    type: "modal",
    callback_id: CALLBACKS.draftReply,
    title: plain(`Reply ${caseNumber(c.number)}`, 24),
    submit: plain("Sent: log reply", 24),
    close: plain("Close", 24),
    private_metadata: JSON.stringify({ caseId: c.id } satisfies ResolveCaseMetadata),
    blocks: [
      mrkdwnSection(
        `*${caseNumber(c.number)}* · order ${c.orderId}${c.buyerName ? ` · ${escapeMrkdwn(trimText(c.buyerName, 100))}` : ""}\nCopy the text into the buyer's message in Seller Central, send it there, then press *Sent: log reply*.`,
      ),
      selectInput(
        B.template,
        "Template",
        templates.map((t) => ({ value: t.id, label: `${REPLY_STAGES[t.stage]}: ${t.title}` })),
        { initial: chosen?.id, dispatchActionId: ACTIONS.draftTemplate },
      ),
      // Another template gives the text a new block id, or Slack would keep the text shown before.
      textInput(`${B.text}${VARIANT}${chosen?.id ?? "none"}`, "Reply to the buyer", {
        multiline: true,
        maxLength: REPLY_MAX,
        initial: text,
      }),
      { type: "context", elements: [{ type: "mrkdwn", text: trimText(status, 2000) }] },
      // Sent already with words the check flags: the reply is still logged, so the clock stops.
      checkboxesInput(B.sentAnyway, "Already sent?", [{ value: "yes", label: "I sent it as it is: log it anyway" }], {
        optional: true,
      }),
    ],
  };
}

export function policyCheckModal(): types.ModalView {
  return {
    type: "modal",
    callback_id: CALLBACKS.policyCheck,
    title: plain("Check a reply", 24),
    submit: plain("Check", 24),
    close: plain("Close", 24),
    blocks: [
      mrkdwnSection(
        "Paste what you want to send a buyer. It is checked against Amazon's buyer-seller messaging rules: no links but the order's own Amazon pages, no e-mail addresses or phone numbers, no asking for a positive review or offering anything for one, no marketing, no contact outside Amazon.",
      ),
      textInput(B.text, "Your reply", { multiline: true, maxLength: REPLY_MAX }),
    ],
  };
}

/** The answer of the check form when the text passes. */
export function policyPassedModal(text: string): types.ModalView {
  return {
    type: "modal",
    title: plain("Check a reply", 24),
    close: plain("Done", 24),
    blocks: [
      mrkdwnSection(":white_check_mark: *This reply follows Amazon's messaging rules.*"),
      mrkdwnSection(`>${escapeMrkdwn(trimText(text, 2500)).replace(/\n/g, "\n>")}`),
    ],
  };
}
