// The team's words for case types, priorities, statuses, resolutions and root causes. The keys are
// the values the database accepts (enums in prisma/schema.prisma; test/unit/vocabulary.test.ts keeps
// the two the same); the labels are what people read. Views call the label helpers below.

export const CATEGORIES = {
  return: "Return",
  refund: "Refund",
  replacement: "Replacement",
  reshipment: "Reshipment",
  complaint: "Complaint",
  a_to_z_claim: "A-to-z claim",
  negative_review: "Negative review",
  chargeback: "Chargeback",
  delivery_issue: "Delivery issue",
  other: "Other",
} as const;
export type Category = keyof typeof CATEGORIES;

export const PRIORITIES = { urgent: "Urgent", high: "High", normal: "Normal" } as const;
export type Priority = keyof typeof PRIORITIES;

/** A-to-z claims and chargebacks count against the account; complaints, refunds and reviews come next. */
export function priorityFor(category: Category): Priority {
  if (category === "a_to_z_claim" || category === "chargeback") return "urgent";
  if (category === "complaint" || category === "refund" || category === "negative_review") return "high";
  return "normal";
}

export const RESOLUTIONS = {
  refund: "Refund",
  partial_refund: "Partial refund",
  replacement: "Replacement",
  reshipment: "Reshipment",
  return_accepted: "Return accepted",
  coupon: "Coupon",
  repair: "Repair",
  declined: "Declined",
  appealed: "Appealed to Amazon",
  claim_denied: "A-to-z claim denied",
  claim_withdrawn: "Claim withdrawn by buyer",
} as const;
export type Resolution = keyof typeof RESOLUTIONS;
/** Resolutions where money moves to the buyer, so an amount is asked for. */
export const MONEY_RESOLUTIONS: Resolution[] = ["refund", "partial_refund", "coupon"];

export const ROOT_CAUSES = {
  defect: "Defect",
  not_as_described: "Not as described",
  wrong_item: "Wrong item",
  damaged_in_transit: "Damaged in transit",
  late_or_lost: "Late/lost delivery",
  buyer_remorse: "Buyer remorse",
  suspected_abuse: "Suspected abuse",
  other: "Other",
} as const;
export type RootCause = keyof typeof ROOT_CAUSES;

export const STATUSES = { new: "New", claimed: "Claimed", resolved: "Resolved" } as const;
export type CaseStatus = keyof typeof STATUSES;

export const categoryLabel = (c: Category): string => CATEGORIES[c];
export const priorityLabel = (p: Priority): string => PRIORITIES[p];
export const statusLabel = (s: CaseStatus): string => STATUSES[s];
export const resolutionLabel = (r: Resolution): string => RESOLUTIONS[r];
export const rootCauseLabel = (r: RootCause): string => ROOT_CAUSES[r];

/** For values read back from JSON (an event's detail), where the database did not check them. */
export const isResolution = (v: unknown): v is Resolution => typeof v === "string" && Object.hasOwn(RESOLUTIONS, v);
export const isRootCause = (v: unknown): v is RootCause => typeof v === "string" && Object.hasOwn(ROOT_CAUSES, v);

export function caseNumber(n: number): string {
  return `AS-${n}`;
}

export function keysOf<T extends object>(o: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(o) as never;
}
