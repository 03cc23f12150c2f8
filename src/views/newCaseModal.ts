// The "New after-sales case" modal, opened by /case new or the message shortcut, and what it says
// under an input whose value the case's rules refuse.
import type { types } from "@slack/bolt";
import type { z } from "zod";
import { ASIN_EXAMPLE, CURRENCIES, MARKETPLACE_CODES, ORDER_ID_EXAMPLE, SKU_MAX } from "../domain/amazon.ts";
import { CATEGORIES, keysOf, PRIORITIES } from "../domain/vocabulary.ts";
import type { Key } from "../i18n/catalog.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { categoryName, priorityName } from "../i18n/labels.ts";
import { NEW_CASE_BLOCKS as B, CALLBACKS } from "../ids.ts";
import type { NewCaseMetadata } from "./modalMetadata.ts";
import { type FormProblem, optionsOf, selectInput, textInput } from "./modalParts.ts";
import { plain } from "./text.ts";

export type NewCasePrefill = { orderId?: string; asin?: string; description?: string; category?: string };

export function newCaseModal(
  prefill: NewCasePrefill = {},
  metadata: NewCaseMetadata = {},
  w: Words = ENGLISH,
): types.ModalView {
  const marketplaces = optionsOf(MARKETPLACE_CODES, (code) =>
    w.t("forms.newCase.marketplaceOption", { code, name: w.t(`forms.marketplaces.${code}` as Key) }),
  );
  return {
    type: "modal",
    callback_id: CALLBACKS.newCase,
    title: plain(w.t("forms.newCase.title"), 24),
    submit: plain(w.t("forms.newCase.submit"), 24),
    close: plain(w.t("forms.cancel"), 24),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      textInput(B.orderId, w.t("forms.newCase.orderId"), {
        placeholder: ORDER_ID_EXAMPLE,
        initial: prefill.orderId,
        maxLength: 19,
      }),
      selectInput(
        B.category,
        w.t("forms.newCase.category"),
        optionsOf(keysOf(CATEGORIES), (c) => categoryName(w, c)),
        { initial: prefill.category, words: w },
      ),
      textInput(B.description, w.t("forms.newCase.description"), {
        multiline: true,
        initial: prefill.description,
        maxLength: 3000,
        placeholder: w.t("forms.newCase.descriptionPlaceholder"),
      }),
      textInput(B.asin, w.t("forms.newCase.asin"), {
        optional: true,
        placeholder: ASIN_EXAMPLE,
        initial: prefill.asin,
        maxLength: 10,
      }),
      textInput(B.sku, w.t("forms.newCase.sku"), { optional: true, maxLength: 40 }),
      selectInput(B.marketplace, w.t("forms.newCase.marketplace"), marketplaces, {
        optional: true,
        placeholder: w.t("forms.newCase.marketplacePlaceholder"),
      }),
      textInput(B.orderValue, w.t("forms.newCase.orderValue"), { optional: true, placeholder: "29.99" }),
      selectInput(
        B.currency,
        w.t("forms.newCase.currency"),
        CURRENCIES.map((c) => ({ value: c, label: c })),
        { optional: true, hint: w.t("forms.newCase.currencyHint"), words: w },
      ),
      textInput(B.buyerName, w.t("forms.newCase.buyer"), { optional: true, maxLength: 200 }),
      selectInput(
        B.priority,
        w.t("forms.newCase.priority"),
        optionsOf(keysOf(PRIORITIES), (p) => priorityName(w, p)),
        {
          optional: true,
          placeholder: w.t("forms.newCase.priorityPlaceholder"),
          hint: w.t("forms.newCase.priorityHint"),
        },
      ),
    ],
  };
}

type Issue = z.core.$ZodIssue;

/**
 * What the form says under an input the new case's rules refused, in the reader's words. The rules'
 * own messages are also the intake API's English answer, so they are not translated where they are
 * written: each is recognised here by its field and kind. One not known here is shown as written.
 */
export function newCaseProblem(w: Words, issue: Issue): FormProblem {
  const path = issue.path.join(".");
  const text = (key: Key, params?: Record<string, string | number>) => ({ path, text: w.t(key, params) });
  const tooBig = issue.code === "too_big";
  switch (path) {
    case "orderId":
      return issue.code === "invalid_type"
        ? text("forms.newCase.errors.orderIdMissing", { example: ORDER_ID_EXAMPLE })
        : text("forms.newCase.errors.orderIdFormat", { example: ORDER_ID_EXAMPLE });
    case "asin":
      return text("forms.newCase.errors.asinFormat", { example: ASIN_EXAMPLE });
    case "sku":
      return text("forms.newCase.errors.skuTooLong", { max: SKU_MAX });
    case "marketplace":
      return text("forms.newCase.errors.marketplace", { codes: MARKETPLACE_CODES.join(", ") });
    case "category":
      return text("forms.newCase.errors.category", { types: Object.keys(CATEGORIES).join(", ") });
    case "priority":
      return text("forms.newCase.errors.priority");
    case "description":
      return tooBig
        ? text("forms.newCase.errors.descriptionTooLong", { max: 3000 })
        : text("forms.newCase.errors.description");
    case "orderValue":
      return moneyProblem(w, issue) ?? { path, text: issue.message };
    case "currency":
      return issue.code === "custom"
        ? text("forms.newCase.errors.currencyNeeded")
        : (moneyProblem(w, issue) ?? { path, text: issue.message });
    case "buyerName":
      return text("forms.newCase.errors.buyerTooLong", { max: 200 });
    default:
      return { path, text: issue.message };
  }
}

/** An amount or a currency that is not one (the same rules in every form that takes money). */
export function moneyProblem(w: Words, issue: Issue): FormProblem | undefined {
  const path = issue.path.join(".");
  const field = issue.path.at(-1);
  if (field === "orderValue" || field === "amount")
    return {
      path,
      text: w.t(issue.code === "custom" ? "forms.errors.amountFormat" : "forms.errors.amount"),
    };
  if (field === "currency")
    return {
      path,
      text: w.t(issue.code === "invalid_format" ? "forms.errors.currencyFormat" : "forms.errors.currency"),
    };
  return undefined;
}
