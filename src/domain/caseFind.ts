// "/case find": what a person may search for. One query looks at every key at once: the case
// number (AS-1042), the order id, the ASIN, the SKU, the buyer's name, and words of what happened.
import type { Said } from "../i18n/i18n.ts";

export const FIND_PAGE_SIZE = 10;

export type FindQuery = { text: string; number?: number };

export function parseFindQuery(input: string): FindQuery | { error: Said } {
  const text = input.trim().replace(/\s+/g, " ");
  if (!text) return { error: { key: "commands.parse.find.empty" } };
  if (text.length > 200) return { error: { key: "commands.parse.find.tooLong" } };
  const number = text.match(/^AS-?(\d{1,9})$/i);
  return number ? { text, number: Number(number[1]) } : { text };
}

/** "/case show": a case number or an order id. */
export function parseShowTarget(input: string): { number: number } | { orderId: string } | { error: Said } {
  const t = input.trim();
  const number = t.match(/^AS-?(\d{1,9})$/i);
  if (number) return { number: Number(number[1]) };
  if (/^\d{3}-\d{7}-\d{7}$/.test(t)) return { orderId: t };
  return { error: { key: "commands.parse.find.showWhich" } };
}
