// Money as exact decimal strings; never a float.

export const AMOUNT_PATTERN = /^\d{1,10}(\.\d{1,2})?$/;
const ZERO_DECIMAL = new Set(["JPY"]);

/** Accepts "29.99", "1,299.00" or "29,99" (European comma); returns a canonical "29.99" or undefined. */
export function parseAmount(input: string): string | undefined {
  let v = input.trim().replace(/\s/g, "");
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(v)) v = v.replace(/,/g, "");
  else if (/^\d+,\d{1,2}$/.test(v)) v = v.replace(",", ".");
  return AMOUNT_PATTERN.test(v) ? v : undefined;
}

/** "12.5" + "USD" → "12.50 USD"; JPY has no minor unit. */
export function formatMoney(
  amount: { toString(): string } | null | undefined,
  currency: string | null | undefined,
): string | undefined {
  if (amount === null || amount === undefined) return undefined;
  const [whole, frac = ""] = amount.toString().split(".");
  const cur = currency ?? "";
  const digits = ZERO_DECIMAL.has(cur) ? "" : `.${(`${frac}00`).slice(0, 2)}`;
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${digits}${cur ? ` ${cur}` : ""}`;
}
