// The playbook's compensation guidance as a suggestion: the remedy that fits the root cause, the
// item's price and how bad the problem is. The resolve form preselects it and the agent may choose
// anything else; the point is to avoid both over- and under-compensating, not to decide for them.
import type { Key } from "../i18n/catalog.ts";
import { type Said, say, type Words } from "../i18n/i18n.ts";
import { rootCauseName } from "../i18n/labels.ts";
import { formatMoney, parseAmount } from "./money.ts";
import { mapReason } from "./returnReasons.ts";
import type { Category, Resolution, RootCause } from "./vocabulary.ts";

export type Severity = "minor" | "serious";
/** The severities in English (the resolve form's options; `severityName` says them in a reader's language). */
export const SEVERITIES: Record<Severity, string> = {
  minor: "Minor: still usable, or only cosmetic",
  serious: "Serious: unusable, unsafe, or not what was ordered",
};
export const severityName = (w: Words, s: Severity): string => w.t(`playbook.severity.${s}` as Key);

export type RemedySettings = {
  /** Per currency: an item priced under this is low-priced. */
  lowPriceLimits: Record<string, number>;
  /** Percent of the order value for a low-priced item with a minor problem. */
  partialRefundPercent: [number, number];
  /** Percent of the order value for the larger coupon a higher-priced item gets. */
  couponPercent: [number, number];
};

export const DEFAULT_REMEDY_SETTINGS: RemedySettings = {
  lowPriceLimits: { USD: 25, EUR: 25, GBP: 20, JPY: 3000, CAD: 35, MXN: 500 },
  partialRefundPercent: [5, 10],
  couponPercent: [10, 20],
};

export type RemedyInput = {
  category: Category;
  rootCause: RootCause | null;
  severity: Severity;
  orderValue: string | null;
  currency: string | null;
};

export type RemedySuggestion = {
  /** Preselected in the resolve form. */
  resolution: Resolution;
  /** Also fitting, best first. */
  alternatives: Resolution[];
  /** One line: what to offer (say it with `sayRemedy`). */
  summary: Said;
  /** One line: why this fits (say it with `sayRemedy`: its {{cause}} is a root cause to name). */
  reason: Said;
  /** Exact decimal strings in the currency's minor unit (none for JPY). */
  amountRange?: { from: string; to: string; currency: string };
};

/** Causes the seller answers for: a buyer who claims over them is likely to win. */
const SELLER_FAULT = new Set<RootCause>([
  "defect",
  "not_as_described",
  "wrong_item",
  "damaged_in_transit",
  "late_or_lost",
]);

type Claim = "a_to_z_claim" | "chargeback";
const isClaim = (c: Category): c is Claim => c === "a_to_z_claim" || c === "chargeback";

const said = (key: Key, params?: Said["params"]): Said => (params ? { key, params } : { key });
const ABUSE_SUMMARY = said("playbook.remedy.summary.abuse");

/** A suggestion's line in a reader's language; a {{cause}} (a root cause) is named in it too. */
export function sayRemedy(w: Words, s: Said): string {
  const cause = s.params?.cause;
  return say(
    w,
    cause === undefined ? s : { ...s, params: { ...s.params, cause: rootCauseName(w, cause as RootCause) } },
  );
}

export function suggestRemedy(
  input: RemedyInput,
  settings: RemedySettings = DEFAULT_REMEDY_SETTINGS,
): RemedySuggestion | undefined {
  // A cause the category alone implies (a delivery issue) is good enough to suggest from.
  const cause = input.rootCause ?? likelyRootCause({ category: input.category, returnReason: null });
  if (!cause || cause === "other") return undefined;
  const price = priceOf(input, settings);

  if (isClaim(input.category)) return claimRemedy(input.category, cause, price);

  switch (cause) {
    case "suspected_abuse":
      return {
        resolution: "appealed",
        alternatives: [],
        summary: ABUSE_SUMMARY,
        reason: said("playbook.remedy.reason.abuse"),
      };
    case "wrong_item":
      return {
        resolution: "replacement",
        alternatives: ["refund"],
        summary: said("playbook.remedy.summary.wrongItem"),
        reason: said("playbook.remedy.reason.wrongItem"),
      };
    case "not_as_described":
      return {
        resolution: "replacement",
        alternatives: ["refund"],
        summary: said("playbook.remedy.summary.notAsDescribed"),
        reason: said("playbook.remedy.reason.notAsDescribed"),
      };
    case "late_or_lost":
      return {
        resolution: "reshipment",
        alternatives: ["refund"],
        summary: said("playbook.remedy.summary.lateOrLost"),
        reason: said("playbook.remedy.reason.lateOrLost"),
      };
    case "damaged_in_transit":
      return {
        resolution: "replacement",
        alternatives: ["reshipment", "refund"],
        summary: said("playbook.remedy.summary.damagedInTransit"),
        reason: said("playbook.remedy.reason.damagedInTransit"),
      };
    case "buyer_remorse":
      return {
        resolution: "return_accepted",
        alternatives: ["declined"],
        summary: said("playbook.remedy.summary.buyerRemorse"),
        reason: said("playbook.remedy.reason.buyerRemorse"),
      };
    case "defect":
      return defectRemedy(input.severity, price, settings);
  }
}

/**
 * A-to-z claims and chargebacks count against the account, so the remedy is about ending the claim:
 * a refund when the seller is at fault, evidence for Amazon otherwise.
 */
function claimRemedy(claim: Claim, cause: RootCause, price: Price): RemedySuggestion {
  if (cause === "suspected_abuse") {
    return {
      resolution: "appealed",
      alternatives: [],
      summary: ABUSE_SUMMARY,
      reason: said(CLAIM_REASONS.abuse[claim]),
    };
  }
  if (SELLER_FAULT.has(cause)) {
    return {
      resolution: "refund",
      alternatives: ["appealed"],
      summary: price.known
        ? said("playbook.remedy.summary.claimRefund", { amount: formatMoney(price.value, price.currency) })
        : said("playbook.remedy.summary.claimRefundNoAmount"),
      reason: said(CLAIM_REASONS.sellerFault[claim], { cause }),
    };
  }
  // Buyer remorse: the seller did nothing wrong, so the claim is worth contesting.
  return {
    resolution: "appealed",
    alternatives: ["refund"],
    summary: said("playbook.remedy.summary.claimContest"),
    reason: said(CLAIM_REASONS.buyerSide[claim]),
  };
}

const CLAIM_REASONS: Record<"abuse" | "sellerFault" | "buyerSide", Record<Claim, Key>> = {
  abuse: {
    a_to_z_claim: "playbook.remedy.reason.claimAbuse.a_to_z_claim",
    chargeback: "playbook.remedy.reason.claimAbuse.chargeback",
  },
  sellerFault: {
    a_to_z_claim: "playbook.remedy.reason.claimSellerFault.a_to_z_claim",
    chargeback: "playbook.remedy.reason.claimSellerFault.chargeback",
  },
  buyerSide: {
    a_to_z_claim: "playbook.remedy.reason.claimBuyerSide.a_to_z_claim",
    chargeback: "playbook.remedy.reason.claimBuyerSide.chargeback",
  },
};

/**
 * Defects scale with price and severity. When the price tier is unknown, a serious defect still
 * gets a replacement (both tiers agree); a minor one gets the low-priced remedy first — the smaller
 * offer, which the agent can raise — with the higher-priced ones beside it, and no amounts.
 */
function defectRemedy(severity: Severity, price: Price, settings: RemedySettings): RemedySuggestion {
  const [refundFrom, refundTo] = settings.partialRefundPercent;
  const [couponFrom, couponTo] = settings.couponPercent;
  const refundPct = `${refundFrom}–${refundTo}%`;
  const couponPct = `${couponFrom}–${couponTo}%`;
  const replaceRepairRefund = said("playbook.remedy.summary.replaceRepairRefund");

  if (!price.known) {
    const reason = said(`playbook.remedy.reason.${price.why}.${severity}` as Key, price.params);
    if (severity === "serious") {
      return {
        resolution: "replacement",
        alternatives: ["repair", "refund"],
        summary: replaceRepairRefund,
        reason,
      };
    }
    return {
      resolution: "partial_refund",
      alternatives: ["coupon", "repair"],
      summary: said("playbook.remedy.summary.partialOrCoupon", { refundPct, couponPct }),
      reason,
    };
  }

  const reason = said(`playbook.remedy.reason.${price.low ? "low" : "high"}.${severity}` as Key, {
    value: formatMoney(price.value, price.currency),
    limit: formatMoney(String(price.limit), price.currency),
  });

  if (price.low && severity === "minor") {
    const amountRange = percentRange(price, settings.partialRefundPercent);
    return {
      resolution: "partial_refund",
      alternatives: ["coupon"],
      summary: said("playbook.remedy.summary.partialRefund", { refundPct, range: moneyRange(amountRange) }),
      reason,
      amountRange,
    };
  }
  if (price.low) {
    return {
      resolution: "replacement",
      alternatives: ["refund"],
      summary: said("playbook.remedy.summary.replaceOrRefund"),
      reason,
    };
  }
  if (severity === "minor") {
    // A coupon first: the item still works, and a coupon settles it without shipping anything back.
    const amountRange = percentRange(price, settings.couponPercent);
    return {
      resolution: "coupon",
      alternatives: ["repair"],
      summary: said("playbook.remedy.summary.coupon", { couponPct, range: moneyRange(amountRange) }),
      reason,
      amountRange,
    };
  }
  return {
    resolution: "replacement",
    alternatives: ["repair", "refund"],
    summary: replaceRepairRefund,
    reason,
  };
}

type Price =
  | { known: true; low: boolean; value: string; currency: string; limit: number; hundredths: bigint }
  | { known: false; why: "noValue" | "noCurrency" | "noLimit"; params?: Said["params"] };

function priceOf(input: RemedyInput, settings: RemedySettings): Price {
  const value = input.orderValue === null ? undefined : parseAmount(input.orderValue);
  // A zero value has nothing to scale from; it is as good as missing.
  if (value === undefined || toHundredths(value) === 0n) return { known: false, why: "noValue" };
  const currency = input.currency?.trim().toUpperCase();
  if (!currency) return { known: false, why: "noCurrency" };
  if (!Object.hasOwn(settings.lowPriceLimits, currency)) {
    return { known: false, why: "noLimit", params: { currency } };
  }
  const limit = settings.lowPriceLimits[currency];
  const hundredths = toHundredths(value);
  return { known: true, low: hundredths < BigInt(Math.round(limit * 100)), value, currency, limit, hundredths };
}

/** "29.9" → 2990n: integer arithmetic keeps the limits and ranges exact. */
function toHundredths(amount: string): bigint {
  const [whole, frac = ""] = amount.split(".");
  return BigInt(whole) * 100n + BigInt(`${frac}00`.slice(0, 2));
}

function percentRange(price: { hundredths: bigint; currency: string }, [from, to]: [number, number]) {
  return { from: percentOf(price, from), to: percentOf(price, to), currency: price.currency };
}

/** A percent of the price in the currency's minor unit, rounded half up, as an exact decimal string. */
function percentOf(price: { hundredths: bigint; currency: string }, percent: number): string {
  const decimals = hasMinorUnit(price.currency);
  // hundredths × (percent × 100) is the amount in 1/10,000ths of a hundredth.
  const numerator = price.hundredths * BigInt(Math.round(percent * 100));
  const denominator = decimals ? 10_000n : 1_000_000n;
  const minor = (2n * numerator + denominator) / (2n * denominator);
  return decimals ? `${minor / 100n}.${String(minor % 100n).padStart(2, "0")}` : String(minor);
}

/** money.ts knows which currencies have no minor unit (JPY); ask it rather than keep a second list. */
function hasMinorUnit(currency: string): boolean {
  return formatMoney("0", currency)?.includes(".") ?? true;
}

/** "1.50–3.00 USD": the currency once, at the end. */
function moneyRange(r: { from: string; to: string; currency: string }): string {
  const from = formatMoney(r.from, r.currency) ?? r.from;
  return `${from.slice(0, -(r.currency.length + 1))}–${formatMoney(r.to, r.currency)}`;
}

/**
 * The likely root cause before anyone chose one: from Amazon's return reason code (seller-fault
 * codes name their cause, buyer-side codes mean buyer remorse, undeliverable ones a late or lost
 * parcel), else from the case type (a delivery issue); undefined when nothing says.
 */
export function likelyRootCause(c: { category: Category; returnReason: string | null }): RootCause | undefined {
  const fromReason = c.returnReason?.trim() ? mapReason(c.returnReason).rootCause : undefined;
  if (fromReason) return fromReason;
  if (c.category === "delivery_issue") return "late_or_lost";
  return undefined;
}

/**
 * Serious when the buyer's words carried risk phrases or the case is urgent, or the root cause is
 * wrong item / not as described (the buyer did not get what was ordered); minor otherwise.
 */
export function defaultSeverity(
  c: { priority: "urgent" | "high" | "normal"; riskPhrases: string | null },
  rootCause?: RootCause | null,
): Severity {
  if (c.priority === "urgent" || c.riskPhrases?.trim()) return "serious";
  if (rootCause === "wrong_item" || rootCause === "not_as_described") return "serious";
  return "minor";
}

const LIMITS_EXAMPLE = '"USD:25,EUR:25,GBP:20,JPY:3000"';

/** "USD:25,EUR:25,GBP:20,JPY:3000" → {USD: 25, …}; throws an Error that says what is wrong and how to write it. */
export function parseLowPriceLimits(spec: string): Record<string, number> {
  const limits: Record<string, number> = {};
  const parts = spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new Error(`no low-price limits given; write them like ${LIMITS_EXAMPLE}`);
  for (const part of parts) {
    const m = part.match(/^([^:]*?)\s*:\s*(.*)$/);
    if (!m) throw new Error(`"${part}" is not a currency and a limit; write them like ${LIMITS_EXAMPLE}`);
    const [, currency, amount] = m;
    if (!/^[A-Z]{3}$/.test(currency)) {
      throw new Error(`"${currency}" is not a currency; use 3 upper-case letters like USD, as in ${LIMITS_EXAMPLE}`);
    }
    if (!/^\d+(\.\d{1,2})?$/.test(amount) || Number(amount) <= 0) {
      throw new Error(`the limit for ${currency} must be a positive number like 25 or 19.99, not "${amount}"`);
    }
    if (Object.hasOwn(limits, currency)) throw new Error(`${currency} is given twice; give each currency once`);
    limits[currency] = Number(amount);
  }
  return limits;
}

/** "5-10" (or "5–10", "5 - 10", "5%-10%") → [5, 10]; throws an Error that says what is wrong. */
export function parsePercentRange(spec: string): [number, number] {
  const m = spec.trim().match(/^(\d+(?:\.\d{1,2})?)\s*%?\s*[-–—]\s*(\d+(?:\.\d{1,2})?)\s*%?$/);
  if (!m) throw new Error(`"${spec.trim()}" is not a percent range; write it like "5-10"`);
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (from <= 0 || to > 100) throw new Error(`"${spec.trim()}": percents must be above 0 and at most 100`);
  if (from > to)
    throw new Error(`"${spec.trim()}": the first percent must not be larger than the second, as in "5-10"`);
  return [from, to];
}
