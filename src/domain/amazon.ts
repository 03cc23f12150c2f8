// Amazon identifiers and marketplaces, as sellers see them in Seller Central.

export const ORDER_ID_PATTERN = /^\d{3}-\d{7}-\d{7}$/;
export const ORDER_ID_EXAMPLE = "114-2962899-5762619";
// ASINs are B0 + 8 characters; books use their ISBN-10 (9 digits + digit or X).
export const ASIN_PATTERN = /^(B0[A-Z0-9]{8}|\d{9}[\dX])$/;
export const ASIN_EXAMPLE = "B00TZ73MUY";
/** Amazon's limit on a seller's SKU. */
export const SKU_MAX = 40;
/** A product name as kept on a case (Amazon's titles run to 200 characters). */
export const PRODUCT_NAME_MAX = 200;

export const MARKETPLACES = {
  US: { id: "ATVPDKIKX0DER", currency: "USD", name: "United States" },
  CA: { id: "A2EUQ1WTGCTBG2", currency: "CAD", name: "Canada" },
  MX: { id: "A1AM78C64UM0Y8", currency: "MXN", name: "Mexico" },
  UK: { id: "A1F83G8C2ARO7P", currency: "GBP", name: "United Kingdom" },
  DE: { id: "A1PA6795UKMFR9", currency: "EUR", name: "Germany" },
  FR: { id: "A13V1IB3VIYZZH", currency: "EUR", name: "France" },
  IT: { id: "APJ6JRA9NG5V4", currency: "EUR", name: "Italy" },
  ES: { id: "A1RKKUPIHCS9HS", currency: "EUR", name: "Spain" },
  JP: { id: "A1VC38T7YXB528", currency: "JPY", name: "Japan" },
} as const;

export type MarketplaceCode = keyof typeof MARKETPLACES;
export const MARKETPLACE_CODES = Object.keys(MARKETPLACES) as MarketplaceCode[];
export const CURRENCIES = [...new Set(Object.values(MARKETPLACES).map((m) => m.currency))];

/** Accepts a marketplace code (US) or its Amazon id (ATVPDKIKX0DER); returns the code. */
export function marketplaceCode(input: string): MarketplaceCode | undefined {
  const v = input.trim().toUpperCase();
  if (v === "GB") return "UK";
  if (v in MARKETPLACES) return v as MarketplaceCode;
  return MARKETPLACE_CODES.find((c) => MARKETPLACES[c].id === v);
}

/** Finds the first order id and ASIN in free text, e.g. a pasted buyer email. */
export function findIdentifiers(text: string): { orderId?: string; asin?: string } {
  const orderId = text.match(/\b\d{3}-\d{7}-\d{7}\b/)?.[0];
  const asin = text.match(/\bB0[A-Z0-9]{8}\b/)?.[0];
  return { orderId, asin };
}
