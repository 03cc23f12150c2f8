// What a new case must look like, whether it comes from the Slack modal or the intake API.
import { z } from "zod";
import {
  ASIN_EXAMPLE,
  ASIN_PATTERN,
  MARKETPLACE_CODES,
  MARKETPLACES,
  marketplaceCode,
  ORDER_ID_EXAMPLE,
  ORDER_ID_PATTERN,
  PRODUCT_NAME_MAX,
  SKU_MAX,
} from "./amazon.ts";
import { parseAmount } from "./money.ts";
import { MAX_ORDERS } from "./odr.ts";
import { CATEGORIES, keysOf, PRIORITIES } from "./vocabulary.ts";

/** Empty strings and nulls (blank modal fields) count as "not given". */
const blank = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
export const optional = <T extends z.ZodType>(t: T) => z.preprocess(blank, t.optional());

export const amountField = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : v),
  z.string({ error: "Amounts are numbers like 29.99" }).transform((v, ctx) => {
    const amount = parseAmount(v);
    if (!amount) ctx.addIssue({ code: "custom", message: "Amounts are numbers like 29.99 (up to 2 decimals)" });
    return amount ?? "";
  }),
);

/** A marketplace code (US, DE…) or Amazon marketplace id, read as its code. */
export const marketplaceField = z
  .string({ error: `Marketplace is one of ${MARKETPLACE_CODES.join(", ")}` })
  .transform((v, ctx) => {
    const code = marketplaceCode(v);
    if (!code) ctx.addIssue({ code: "custom", message: `Marketplace is one of ${MARKETPLACE_CODES.join(", ")}` });
    return code ?? "US";
  });

export const currencyField = z
  .string({ error: "Currency is a 3-letter code like USD" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Currency is a 3-letter code like USD, EUR or JPY");

export const newCaseSchema = z
  .object({
    orderId: z
      .string({ error: `Order ID is required; Order IDs look like ${ORDER_ID_EXAMPLE}` })
      .trim()
      .regex(ORDER_ID_PATTERN, `Order IDs look like ${ORDER_ID_EXAMPLE} (3-7-7 digits)`),
    asin: optional(z.string().trim().toUpperCase().regex(ASIN_PATTERN, `ASINs are 10 characters like ${ASIN_EXAMPLE}`)),
    sku: optional(z.string().trim().max(SKU_MAX, `SKUs are at most ${SKU_MAX} characters`)),
    marketplace: optional(marketplaceField),
    category: z.enum(keysOf(CATEGORIES), { error: `Case type is one of: ${Object.keys(CATEGORIES).join(", ")}` }),
    priority: optional(z.enum(keysOf(PRIORITIES), { error: "Priority is urgent, high or normal" })),
    description: z
      .string({ error: "Say what happened (the buyer's words or a short summary)" })
      .trim()
      .min(1, "Say what happened (the buyer's words or a short summary)")
      .max(3000, "Keep what happened under 3000 characters; attach the rest in the case thread"),
    orderValue: optional(amountField),
    currency: optional(currencyField),
    buyerName: optional(z.string().trim().max(200, "Buyer name is at most 200 characters")),
    productName: optional(
      z.string().trim().max(PRODUCT_NAME_MAX, `productName is at most ${PRODUCT_NAME_MAX} characters`),
    ),
    externalId: optional(z.string().trim().max(200, "externalId is at most 200 characters")),
    source: optional(
      z
        .string()
        .trim()
        .regex(/^[a-z0-9_.-]{1,40}$/, "source is a short lower-case name like helpdesk"),
    ),
  })
  .transform((c, ctx) => {
    // The marketplace decides the currency unless one was given.
    const currency = c.currency ?? (c.marketplace ? MARKETPLACES[c.marketplace].currency : undefined);
    if (c.orderValue && !currency) {
      ctx.addIssue({
        code: "custom",
        path: ["currency"],
        message: "Give the currency (e.g. USD) or the marketplace of the order",
      });
    }
    return { ...c, currency: c.orderValue ? currency : c.currency };
  });

export type NewCaseInput = z.output<typeof newCaseSchema>;

export type FieldError = { path: string; message: string };

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message }));
}

/** Daily order counts for the Order Defect Rate (POST /api/metrics/orders). */
export const orderVolumeSchema = z.object({
  marketplace: marketplaceField,
  date: z.iso.date({ error: "date is a day like 2026-11-25" }),
  orders: z
    .number({ error: "orders is a whole number of orders" })
    .int("orders is a whole number of orders")
    .min(0, "orders cannot be negative")
    .max(MAX_ORDERS, `orders is at most ${MAX_ORDERS}`),
});
