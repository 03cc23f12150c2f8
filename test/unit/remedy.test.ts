import { describe, expect, it } from "vitest";
import {
  DEFAULT_REMEDY_SETTINGS,
  defaultSeverity,
  likelyRootCause,
  parseLowPriceLimits,
  parsePercentRange,
  type RemedyInput,
  sayRemedy,
  suggestRemedy as suggest,
} from "../../src/domain/remedy.ts";
import { ENGLISH, words } from "../../src/i18n/i18n.ts";

/** The suggestion with its lines said in English, as the card shows them. */
const suggestRemedy = (...args: Parameters<typeof suggest>) => {
  const s = suggest(...args);
  return s && { ...s, summary: sayRemedy(ENGLISH, s.summary), reason: sayRemedy(ENGLISH, s.reason) };
};

const defect = (orderValue: string | null, currency: string | null, severity: RemedyInput["severity"] = "minor") =>
  suggestRemedy({ category: "return", rootCause: "defect", severity, orderValue, currency });

describe("remedy for a defect: low-priced or not, at each currency's limit", () => {
  it.each([
    ["24.99", "USD", true],
    ["25.00", "USD", false],
    ["25.01", "USD", false],
    ["24.99", "EUR", true],
    ["25", "EUR", false],
    ["25.01", "EUR", false],
    ["19.99", "GBP", true],
    ["20.00", "GBP", false],
    ["20.01", "GBP", false],
    ["2999", "JPY", true],
    ["3000", "JPY", false],
    ["3001", "JPY", false],
    ["34.99", "CAD", true],
    ["35.00", "CAD", false],
    ["35.01", "CAD", false],
    ["499.99", "MXN", true],
    ["500.00", "MXN", false],
    ["500.01", "MXN", false],
  ])("%s %s is low-priced: %s", (value, currency, low) => {
    const s = defect(value, currency);
    expect(s?.resolution).toBe(low ? "partial_refund" : "coupon");
    expect(s?.reason).toMatch(
      low ? /^Low-priced item .* is under the .* limit\) with a minor defect$/ : /^Higher-priced/,
    );
  });

  it.each([
    // value, currency, minor defect range, limit tier percent
    ["24.99", "USD", "1.25", "2.50"], // 1.2495 → 1.25 (half up), 2.499 → 2.50
    ["19.99", "GBP", "1.00", "2.00"], // 0.9995 → 1.00
    ["10.10", "EUR", "0.51", "1.01"], // 0.505 → 0.51
    ["2999", "JPY", "150", "300"], // 149.95 → 150; no decimals
    ["2990", "JPY", "150", "299"], // 149.5 → 150 (half up), 299.0
    ["34.99", "CAD", "1.75", "3.50"],
    ["499.99", "MXN", "25.00", "50.00"],
  ])("a low-priced %s %s gets a partial refund of %s–%s", (value, currency, from, to) => {
    expect(defect(value, currency)?.amountRange).toEqual({ from, to, currency });
  });

  it("computes the range exactly and says it in one line", () => {
    const s = suggestRemedy(
      { category: "complaint", rootCause: "defect", severity: "minor", orderValue: "29.99", currency: "CAD" },
      DEFAULT_REMEDY_SETTINGS,
    );
    expect(s).toEqual({
      resolution: "partial_refund",
      alternatives: ["coupon"],
      summary: "Partial refund 5–10% (≈ 1.50–3.00 CAD) or a small gift",
      reason: "Low-priced item (29.99 CAD is under the 35.00 CAD limit) with a minor defect",
      amountRange: { from: "1.50", to: "3.00", currency: "CAD" },
    });
  });

  it("gives a higher-priced item with a minor defect a larger coupon or a free repair, with amounts", () => {
    const s = defect("29.99", "USD");
    expect(s?.resolution).toBe("coupon");
    expect(s?.alternatives).toEqual(["repair"]);
    expect(s?.summary).toBe("A larger coupon 10–20% (≈ 3.00–6.00 USD) or a free repair");
    expect(s?.amountRange).toEqual({ from: "3.00", to: "6.00", currency: "USD" });
    expect(defect("12999", "JPY")?.summary).toBe("A larger coupon 10–20% (≈ 1,300–2,600 JPY) or a free repair");
  });

  it.each([
    ["19.99", "USD", "replacement", ["refund"]],
    ["199.00", "USD", "replacement", ["repair", "refund"]],
  ] as const)("a serious defect at %s %s gets a %s", (value, currency, resolution, alternatives) => {
    const s = defect(value, currency, "serious");
    expect(s?.resolution).toBe(resolution);
    expect(s?.alternatives).toEqual(alternatives);
    expect(s?.amountRange).toBeUndefined();
  });

  it("reads order values written with a thousands separator", () => {
    expect(defect("1,299.00", "USD")?.amountRange).toEqual({ from: "129.90", to: "259.80", currency: "USD" });
  });

  it("uses the team's own limits and percents", () => {
    const settings = {
      lowPriceLimits: { USD: 50 },
      partialRefundPercent: [7.5, 15] as [number, number],
      couponPercent: [15, 25] as [number, number],
    };
    const s = suggestRemedy(
      { category: "return", rootCause: "defect", severity: "minor", orderValue: "40.00", currency: "USD" },
      settings,
    );
    expect(s?.summary).toBe("Partial refund 7.5–15% (≈ 3.00–6.00 USD) or a small gift");
  });
});

describe("remedy when the price is unknown", () => {
  it.each([
    [null, "USD", "order value unknown: add it for amounts"],
    ["0", "USD", "order value unknown: add it for amounts"],
    ["not a number", "USD", "order value unknown: add it for amounts"],
    ["29.99", null, "currency unknown: add it for amounts"],
    ["29.99", "BRL", "no low-price limit is set for BRL, so the price tier is unknown"],
  ])("value %s %s: says why and gives no amounts", (value, currency, why) => {
    const minor = defect(value, currency);
    expect(minor).toMatchObject({
      resolution: "partial_refund",
      alternatives: ["coupon", "repair"],
      summary: "Partial refund 5–10% if low-priced; a coupon 10–20% or a free repair if not",
      reason: `Minor defect; ${why}`,
    });
    expect(minor?.amountRange).toBeUndefined();
    const serious = defect(value, currency, "serious");
    expect(serious).toMatchObject({ resolution: "replacement", alternatives: ["repair", "refund"] });
    expect(serious?.reason).toBe(`Serious defect; ${why}`);
  });
});

describe("remedy by root cause", () => {
  it.each([
    ["wrong_item", "replacement", ["refund"], /prepaid return/],
    ["not_as_described", "replacement", ["refund"], /prepaid return/],
    ["late_or_lost", "reshipment", ["refund"], /^Reshipment/],
    ["damaged_in_transit", "replacement", ["reshipment", "refund"], /claim with the carrier/],
    ["buyer_remorse", "return_accepted", ["declined"], /return window.*outside the window/],
    ["suspected_abuse", "appealed", [], /Collect evidence.*appeal to Amazon; do not argue with the buyer/],
  ] as const)("%s → %s", (rootCause, resolution, alternatives, summary) => {
    for (const severity of ["minor", "serious"] as const) {
      const s = suggestRemedy({ category: "return", rootCause, severity, orderValue: "9.99", currency: "USD" });
      expect(s?.resolution).toBe(resolution);
      expect(s?.alternatives).toEqual(alternatives);
      expect(s?.summary).toMatch(summary);
      expect(s?.amountRange).toBeUndefined();
    }
  });

  it("suggests nothing for other or no root cause, unless the case type says", () => {
    const base = { severity: "minor", orderValue: "9.99", currency: "USD" } as const;
    expect(suggestRemedy({ ...base, category: "return", rootCause: "other" })).toBeUndefined();
    expect(suggestRemedy({ ...base, category: "complaint", rootCause: null })).toBeUndefined();
    expect(suggestRemedy({ ...base, category: "a_to_z_claim", rootCause: null })).toBeUndefined();
    expect(suggestRemedy({ ...base, category: "delivery_issue", rootCause: null })?.resolution).toBe("reshipment");
  });
});

describe("remedy for A-to-z claims and chargebacks", () => {
  it.each([
    ["a_to_z_claim", "defect", "refund", ["appealed"]],
    ["a_to_z_claim", "not_as_described", "refund", ["appealed"]],
    ["a_to_z_claim", "wrong_item", "refund", ["appealed"]],
    ["a_to_z_claim", "damaged_in_transit", "refund", ["appealed"]],
    ["a_to_z_claim", "late_or_lost", "refund", ["appealed"]],
    ["a_to_z_claim", "suspected_abuse", "appealed", []],
    ["a_to_z_claim", "buyer_remorse", "appealed", ["refund"]],
    ["chargeback", "defect", "refund", ["appealed"]],
    ["chargeback", "late_or_lost", "refund", ["appealed"]],
    ["chargeback", "suspected_abuse", "appealed", []],
    ["chargeback", "buyer_remorse", "appealed", ["refund"]],
  ] as const)("%s with %s → %s", (category, rootCause, resolution, alternatives) => {
    const s = suggestRemedy({ category, rootCause, severity: "minor", orderValue: "9.99", currency: "USD" });
    expect(s?.resolution).toBe(resolution);
    expect(s?.alternatives).toEqual(alternatives);
  });

  it("says the full amount and the deadline", () => {
    const claim = suggestRemedy({
      category: "a_to_z_claim",
      rootCause: "defect",
      severity: "minor",
      orderValue: "129.99",
      currency: "EUR",
    });
    expect(claim?.summary).toBe("Full refund (129.99 EUR): it stops the claim; appeal only with proof");
    expect(claim?.reason).toBe(
      "A-to-z claim with a seller-fault cause (Defect): the buyer is likely to win it; answer Amazon within 72 hours",
    );
    const chargeback = suggestRemedy({
      category: "chargeback",
      rootCause: "wrong_item",
      severity: "serious",
      orderValue: null,
      currency: null,
    });
    expect(chargeback?.summary).toBe("Full refund: it stops the claim; appeal only with proof");
    expect(chargeback?.reason).toMatch(/^Chargeback .*answer within 7 days$/);
  });
});

describe("likely root cause", () => {
  it.each([
    ["DEFECTIVE", "return", "defect"],
    ["QUALITY_UNACCEPTABLE", "return", "defect"],
    ["MISSING_PARTS", "return", "defect"],
    ["NOT_AS_DESCRIBED", "return", "not_as_described"],
    ["AMZ-PG-BAD-DESC", "return", "not_as_described"],
    ["SWITCHEROO", "return", "wrong_item"],
    ["DAMAGED_BY_FC", "return", "damaged_in_transit"],
    ["DAMAGED_BY_CARRIER", "return", "damaged_in_transit"],
    ["MISSED_ESTIMATED_DELIVERY", "delivery_issue", "late_or_lost"],
    ["NEVER_ARRIVED", "delivery_issue", "late_or_lost"],
    ["UNDELIVERABLE_REFUSED", "delivery_issue", "late_or_lost"],
    ["UNDELIVERABLE_UNKNOWN", "return", "late_or_lost"],
    ["UNWANTED_ITEM", "return", "buyer_remorse"],
    ["APPAREL_TOO_SMALL", "return", "buyer_remorse"],
    ["AMZ-PG-APP-TOO-LARGE", "return", "buyer_remorse"],
    [" defective ", "return", "defect"],
    [null, "delivery_issue", "late_or_lost"],
    ["SOMETHING_NEW", "delivery_issue", "late_or_lost"],
    ["SOMETHING_NEW", "return", undefined],
    ["", "complaint", undefined],
    [null, "a_to_z_claim", undefined],
  ] as const)("reason %s on a %s → %s", (returnReason, category, cause) => {
    expect(likelyRootCause({ category, returnReason })).toBe(cause);
  });
});

describe("default severity", () => {
  it.each([
    ["normal", null, undefined, "minor"],
    ["high", null, "defect", "minor"],
    ["normal", "  ", null, "minor"],
    ["normal", "broken, poor quality", "defect", "serious"],
    ["urgent", null, "defect", "serious"],
    ["normal", null, "wrong_item", "serious"],
    ["normal", null, "not_as_described", "serious"],
    ["normal", null, "buyer_remorse", "minor"],
  ] as const)("priority %s, risk phrases %j, cause %s → %s", (priority, riskPhrases, cause, severity) => {
    expect(defaultSeverity({ priority, riskPhrases }, cause)).toBe(severity);
  });
});

describe("reading the settings", () => {
  it("reads low-price limits", () => {
    expect(parseLowPriceLimits("USD:25,EUR:25,GBP:20,JPY:3000")).toEqual({ USD: 25, EUR: 25, GBP: 20, JPY: 3000 });
    expect(parseLowPriceLimits(" USD : 24.5 , CAD:35, ")).toEqual({ USD: 24.5, CAD: 35 });
  });

  it.each([
    ["", /no low-price limits given; write them like "USD:25/],
    ["USD25", /"USD25" is not a currency and a limit/],
    ["usd:25", /"usd" is not a currency; use 3 upper-case letters/],
    ["DOLLAR:25", /"DOLLAR" is not a currency/],
    ["USD:0", /the limit for USD must be a positive number like 25/],
    ["USD:-5", /the limit for USD must be a positive number/],
    ["USD:abc", /the limit for USD must be a positive number/],
    ["USD:25,USD:30", /USD is given twice/],
  ])("refuses low-price limits %j", (spec, message) => {
    expect(() => parseLowPriceLimits(spec)).toThrow(message);
  });

  it.each([
    ["5-10", [5, 10]],
    ["5–10", [5, 10]],
    ["5 - 10", [5, 10]],
    ["5%-10%", [5, 10]],
    ["7.5-7.5", [7.5, 7.5]],
    ["10-100", [10, 100]],
  ])("reads the percent range %j", (spec, range) => {
    expect(parsePercentRange(spec)).toEqual(range);
  });

  it.each([
    ["5", /"5" is not a percent range; write it like "5-10"/],
    ["five-ten", /is not a percent range/],
    ["0-10", /above 0 and at most 100/],
    ["5-101", /above 0 and at most 100/],
    ["10-5", /the first percent must not be larger than the second/],
  ])("refuses the percent range %j", (spec, message) => {
    expect(() => parsePercentRange(spec)).toThrow(message);
  });
});

describe("the suggestion in Chinese", () => {
  it("says the same remedy with the root cause named in Chinese", () => {
    const s = suggest({
      category: "a_to_z_claim",
      rootCause: "defect",
      severity: "minor",
      orderValue: "129.99",
      currency: "EUR",
    });
    const zh = words("zh-CN");
    expect(sayRemedy(zh, s?.summary ?? { key: "playbook.abuseRule" })).toBe(
      "全额退款（129.99 EUR）：可终止索赔；只有证据充分时才申诉",
    );
    expect(sayRemedy(zh, s?.reason ?? { key: "playbook.abuseRule" })).toContain("A-to-z 索赔，原因在卖家（");
    expect(sayRemedy(zh, s?.reason ?? { key: "playbook.abuseRule" })).not.toMatch(/defect|\{\{/);
  });
});
