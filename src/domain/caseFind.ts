// "/case find": what a person may search for. One query looks at every key at once: the case
// number (AS-1042), the order id, the ASIN, the SKU, the buyer's name, and words of what happened.
export const FIND_PAGE_SIZE = 10;
export const FIND_HELP =
  "Search by order id (`114-2962899-5762619`), ASIN, SKU, buyer name or words from the case, e.g. `/case find broken zip`.";

export type FindQuery = { text: string; number?: number };

export function parseFindQuery(input: string): FindQuery | { error: string } {
  const text = input.trim().replace(/\s+/g, " ");
  if (!text) return { error: `What should I look for? ${FIND_HELP}` };
  if (text.length > 200) return { error: "Search for at most 200 characters: an order id, a name or a few words." };
  const number = text.match(/^AS-?(\d{1,9})$/i);
  return number ? { text, number: Number(number[1]) } : { text };
}

/** "/case show": a case number or an order id. */
export function parseShowTarget(input: string): { number: number } | { orderId: string } | { error: string } {
  const t = input.trim();
  const number = t.match(/^AS-?(\d{1,9})$/i);
  if (number) return { number: Number(number[1]) };
  if (/^\d{3}-\d{7}-\d{7}$/.test(t)) return { orderId: t };
  return { error: "Show which case? Give its number (`/case show AS-1042`) or its order id." };
}
