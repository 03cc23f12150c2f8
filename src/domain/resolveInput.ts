// What the resolve form must contain: money only where money moves, always a root cause. Each
// problem is also said language-free (`resolveProblem`), for the form to show in the reader's words.
import { z } from "zod";
import type { Key } from "../i18n/catalog.ts";
import type { Said } from "../i18n/i18n.ts";
import { amountField, currencyField, optional } from "./caseInput.ts";
import { BUYER_OUTCOMES } from "./playbook.ts";
import { SEVERITIES } from "./remedy.ts";
import { keysOf, MONEY_RESOLUTIONS, RESOLUTIONS, type Resolution, ROOT_CAUSES } from "./vocabulary.ts";

const NOTE_MAX = 2000;
const SUGGESTED_PRODUCT_MAX = 200;

/** `caseCurrency: "per case"` is for bulk resolving, where each case's own currency applies. */
export function resolveSchema(caseCurrency: string | null | "per case") {
  return z
    .object({
      resolution: z.enum(keysOf(RESOLUTIONS), { error: "Choose how the case was resolved" }),
      rootCause: z.enum(keysOf(ROOT_CAUSES), { error: "Choose the root cause; it feeds the weekly triage" }),
      amount: optional(amountField),
      currency: optional(currencyField),
      note: optional(z.string().trim().max(NOTE_MAX, `Keep the note under ${NOTE_MAX} characters`)),
      severity: optional(z.enum(keysOf(SEVERITIES), { error: "Choose how bad it is for the buyer" })),
      outcome: optional(z.enum(keysOf(BUYER_OUTCOMES), { error: "Choose whether the buyer stayed" })),
      suggestedProduct: optional(
        z
          .string()
          .trim()
          .max(SUGGESTED_PRODUCT_MAX, `Keep the suggested product under ${SUGGESTED_PRODUCT_MAX} characters`),
      ),
    })
    .transform((r, ctx) => {
      const currency = r.currency ?? (caseCurrency === "per case" ? undefined : caseCurrency) ?? undefined;
      if (MONEY_RESOLUTIONS.includes(r.resolution) && !r.amount) {
        ctx.addIssue({
          code: "custom",
          path: ["amount"],
          message: `Say how much the buyer gets back for a ${RESOLUTIONS[r.resolution].toLowerCase()}, e.g. 12.50`,
          params: { resolution: r.resolution },
        });
      }
      if (r.amount && !currency && caseCurrency !== "per case")
        ctx.addIssue({
          code: "custom",
          path: ["currency"],
          message: "Choose the currency of the amount",
          params: { needed: true },
        });
      return { ...r, currency: r.amount ? currency : undefined };
    });
}

/**
 * What a problem with the resolve form says, language-free: the form shows it in the reader's
 * words. Undefined for a problem these rules do not make (its own message is shown then).
 */
export function resolveProblem(issue: z.core.$ZodIssue): Said | undefined {
  const custom = issue.code === "custom" ? (issue.params ?? {}) : {};
  switch (issue.path.join(".")) {
    case "resolution":
      return { key: "forms.resolve.errors.resolution" };
    case "rootCause":
      return { key: "forms.resolve.errors.rootCause" };
    case "note":
      return { key: "forms.resolve.errors.noteTooLong", params: { max: NOTE_MAX } };
    case "severity":
      return { key: "forms.resolve.errors.severity" };
    case "outcome":
      return { key: "forms.resolve.errors.outcome" };
    case "suggestedProduct":
      return { key: "forms.resolve.errors.suggestedProductTooLong", params: { max: SUGGESTED_PRODUCT_MAX } };
    case "amount": {
      const resolution = custom.resolution as Resolution | undefined;
      if (resolution && MONEY_RESOLUTIONS.includes(resolution))
        return { key: `forms.resolve.errors.amountNeeded.${resolution}` as Key };
      return { key: issue.code === "custom" ? "forms.errors.amountFormat" : "forms.errors.amount" };
    }
    case "currency":
      if (custom.needed) return { key: "forms.resolve.errors.currencyNeeded" };
      return { key: issue.code === "invalid_format" ? "forms.errors.currencyFormat" : "forms.errors.currency" };
    default:
      return undefined;
  }
}
