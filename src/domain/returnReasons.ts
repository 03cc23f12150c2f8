// Amazon return reason codes → the team's case type, root cause and urgency.
// Unknown codes are kept verbatim on the case and treated as needing a look.
import type { Category, RootCause } from "./vocabulary.ts";

export type ReasonMapping = {
  category: Category;
  rootCause?: RootCause;
  sellerFault: boolean;
  group: "seller" | "buyer" | "undeliverable" | "unknown";
};

const SELLER: Record<string, RootCause> = {
  DEFECTIVE: "defect",
  QUALITY_UNACCEPTABLE: "defect",
  NOT_AS_DESCRIBED: "not_as_described",
  "AMZ-PG-BAD-DESC": "not_as_described",
  SWITCHEROO: "wrong_item",
  MISSING_PARTS: "defect",
  DAMAGED_BY_FC: "damaged_in_transit",
  DAMAGED_BY_CARRIER: "damaged_in_transit",
  MISSED_ESTIMATED_DELIVERY: "late_or_lost",
  NEVER_ARRIVED: "late_or_lost",
};

const BUYER = new Set([
  "UNWANTED_ITEM",
  "ORDERED_WRONG_ITEM",
  "MISORDERED",
  "FOUND_BETTER_PRICE",
  "NOT_COMPATIBLE",
  "PART_NOT_COMPATIBLE",
  "EXCESSIVE_INSTALLATION",
  "UNAUTHORIZED_PURCHASE",
  "NO_REASON_GIVEN",
  "APPAREL_TOO_SMALL",
  "APPAREL_TOO_LARGE",
  "APPAREL_STYLE",
  "AMZ-PG-APP-TOO-SMALL",
  "AMZ-PG-APP-TOO-LARGE",
  "AMZ-PG-WJ-TOO-SMALL",
  "POOR_FIT",
  "DID_NOT_LIKE_COLOR",
  "DID_NOT_LIKE_FABRIC",
  "EXTRA_ITEM",
]);

export function mapReason(code: string): ReasonMapping {
  const c = code.trim().toUpperCase();
  const seller = SELLER[c];
  if (seller) {
    const delivery = c === "NEVER_ARRIVED" || c === "MISSED_ESTIMATED_DELIVERY";
    return { category: delivery ? "delivery_issue" : "return", rootCause: seller, sellerFault: true, group: "seller" };
  }
  if (c.startsWith("UNDELIVERABLE_"))
    return { category: "delivery_issue", rootCause: "late_or_lost", sellerFault: false, group: "undeliverable" };
  if (BUYER.has(c)) return { category: "return", rootCause: "buyer_remorse", sellerFault: false, group: "buyer" };
  return { category: "return", sellerFault: false, group: "unknown" };
}
