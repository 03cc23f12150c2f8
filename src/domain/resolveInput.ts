// What the resolve form must contain: money only where money moves, always a root cause.
import { z } from "zod";
import { amountField, currencyField, optional } from "./caseInput.ts";
import { BUYER_OUTCOMES } from "./playbook.ts";
import { SEVERITIES } from "./remedy.ts";
import { keysOf, MONEY_RESOLUTIONS, RESOLUTIONS, ROOT_CAUSES } from "./vocabulary.ts";

/** `caseCurrency: "per case"` is for bulk resolving, where each case's own currency applies. */
export function resolveSchema(caseCurrency: string | null | "per case") {
  return z
    .object({
      resolution: z.enum(keysOf(RESOLUTIONS), { error: "Choose how the case was resolved" }),
      rootCause: z.enum(keysOf(ROOT_CAUSES), { error: "Choose the root cause; it feeds the weekly triage" }),
      amount: optional(amountField),
      currency: optional(currencyField),
      note: optional(z.string().trim().max(2000, "Keep the note under 2000 characters")),
      severity: optional(z.enum(keysOf(SEVERITIES), { error: "Choose how bad it is for the buyer" })),
      outcome: optional(z.enum(keysOf(BUYER_OUTCOMES), { error: "Choose whether the buyer stayed" })),
      suggestedProduct: optional(z.string().trim().max(200, "Keep the suggested product under 200 characters")),
    })
    .transform((r, ctx) => {
      const currency = r.currency ?? (caseCurrency === "per case" ? undefined : caseCurrency) ?? undefined;
      if (MONEY_RESOLUTIONS.includes(r.resolution) && !r.amount) {
        ctx.addIssue({
          code: "custom",
          path: ["amount"],
          message: `Say how much the buyer gets back for a ${RESOLUTIONS[r.resolution].toLowerCase()}, e.g. 12.50`,
        });
      }
      if (r.amount && !currency && caseCurrency !== "per case")
        ctx.addIssue({ code: "custom", path: ["currency"], message: "Choose the currency of the amount" });
      return { ...r, currency: r.amount ? currency : undefined };
    });
}
