// The "Resolve case" modal: how the case ended, what it cost, and why it happened.
import type { types } from "@slack/bolt";
import { CURRENCIES } from "../domain/amazon.ts";
import { formatMoney } from "../domain/money.ts";
import { caseNumber, RESOLUTIONS, ROOT_CAUSES } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import { RESOLVE_BLOCKS as B, CALLBACKS } from "../ids.ts";
import type { ResolveCaseMetadata } from "./modalMetadata.ts";
import { optionsFrom, selectInput, textInput } from "./modalParts.ts";
import { escapeMrkdwn, mrkdwnSection, plain, trimText } from "./text.ts";

export function resolveModal(c: Case): types.ModalView {
  const currencies = [...new Set([...(c.currency ? [c.currency] : []), ...CURRENCIES])];
  const value = formatMoney(c.orderValue, c.currency);
  return {
    type: "modal",
    callback_id: CALLBACKS.resolveCase,
    title: plain(`Resolve ${caseNumber(c.number)}`, 24),
    submit: plain("Resolve", 24),
    close: plain("Cancel", 24),
    private_metadata: JSON.stringify({ caseId: c.id } satisfies ResolveCaseMetadata),
    blocks: [
      mrkdwnSection(
        `*${caseNumber(c.number)}* · order ${c.orderId}${value ? ` · ${value}` : ""}\n${escapeMrkdwn(trimText(c.description, 300))}`,
      ),
      selectInput(B.resolution, "Resolution", optionsFrom(RESOLUTIONS)),
      textInput(B.amount, "Amount", {
        optional: true,
        placeholder: "12.50",
        hint: "Required for refunds, partial refunds and coupons: what the buyer gets back.",
      }),
      selectInput(
        B.currency,
        "Currency",
        currencies.map((v) => ({ value: v, label: v })),
        { optional: true, initial: c.currency ?? undefined },
      ),
      selectInput(B.rootCause, "Root cause", optionsFrom(ROOT_CAUSES)),
      textInput(B.note, "Note", {
        optional: true,
        multiline: true,
        maxLength: 2000,
        placeholder: "What was agreed with the buyer, follow-ups, evidence",
      }),
    ],
  };
}
