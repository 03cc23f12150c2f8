// The "New after-sales case" modal, opened by /case new or the message shortcut.
import type { types } from "@slack/bolt";
import { ASIN_EXAMPLE, CURRENCIES, MARKETPLACE_CODES, MARKETPLACES, ORDER_ID_EXAMPLE } from "../domain/amazon.ts";
import { CATEGORIES, PRIORITIES } from "../domain/vocabulary.ts";
import { NEW_CASE_BLOCKS as B, CALLBACKS } from "../ids.ts";
import type { NewCaseMetadata } from "./modalMetadata.ts";
import { optionsFrom, selectInput, textInput } from "./modalParts.ts";
import { plain } from "./text.ts";

export type NewCasePrefill = { orderId?: string; asin?: string; description?: string; category?: string };

export function newCaseModal(prefill: NewCasePrefill = {}, metadata: NewCaseMetadata = {}): types.ModalView {
  const marketplaces = MARKETPLACE_CODES.map((code) => ({
    value: code,
    label: `${code} · ${MARKETPLACES[code].name}`,
  }));
  return {
    type: "modal",
    callback_id: CALLBACKS.newCase,
    title: plain("New after-sales case", 24),
    submit: plain("Create case", 24),
    close: plain("Cancel", 24),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      textInput(B.orderId, "Order ID", { placeholder: ORDER_ID_EXAMPLE, initial: prefill.orderId, maxLength: 19 }),
      selectInput(B.category, "Case type", optionsFrom(CATEGORIES), { initial: prefill.category }),
      textInput(B.description, "What happened", {
        multiline: true,
        initial: prefill.description,
        maxLength: 3000,
        placeholder: "The buyer's words, or a short summary of the problem",
      }),
      textInput(B.asin, "ASIN", { optional: true, placeholder: ASIN_EXAMPLE, initial: prefill.asin, maxLength: 10 }),
      textInput(B.sku, "SKU", { optional: true, maxLength: 40 }),
      selectInput(B.marketplace, "Marketplace", marketplaces, {
        optional: true,
        placeholder: "Where the order was placed",
      }),
      textInput(B.orderValue, "Order value", { optional: true, placeholder: "29.99" }),
      selectInput(
        B.currency,
        "Currency",
        CURRENCIES.map((c) => ({ value: c, label: c })),
        {
          optional: true,
          hint: "Leave empty to use the marketplace's currency.",
        },
      ),
      textInput(B.buyerName, "Buyer", { optional: true, maxLength: 200 }),
      selectInput(B.priority, "Priority", optionsFrom(PRIORITIES), {
        optional: true,
        placeholder: "Automatic from the case type",
        hint: "A-to-z claims and chargebacks are urgent; complaints, refunds and negative reviews high.",
      }),
    ],
  };
}
