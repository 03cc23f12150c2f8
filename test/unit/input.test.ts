import { describe, expect, it } from "vitest";
import { findIdentifiers, marketplaceCode } from "../../src/domain/amazon.ts";
import { fieldErrors, newCaseSchema } from "../../src/domain/caseInput.ts";
import { formatMoney, parseAmount } from "../../src/domain/money.ts";
import { resolveProblem, resolveSchema } from "../../src/domain/resolveInput.ts";
import { ENGLISH, say, words } from "../../src/i18n/i18n.ts";
import { newCaseProblem } from "../../src/views/newCaseModal.ts";

describe("Amazon identifiers", () => {
  it("finds order ids and ASINs in a pasted email", () => {
    expect(findIdentifiers("Order #114-2962899-5762619 for B00TZ73MUY was late")).toEqual({
      orderId: "114-2962899-5762619",
      asin: "B00TZ73MUY",
    });
    expect(findIdentifiers("nothing here 12-34")).toEqual({ orderId: undefined, asin: undefined });
  });
  it("accepts marketplace codes and Amazon marketplace ids", () => {
    expect(marketplaceCode("de")).toBe("DE");
    expect(marketplaceCode("ATVPDKIKX0DER")).toBe("US");
    expect(marketplaceCode("GB")).toBe("UK");
    expect(marketplaceCode("XX")).toBeUndefined();
  });
});

describe("money", () => {
  it("parses amounts exactly, with either decimal mark", () => {
    expect(parseAmount("29.99")).toBe("29.99");
    expect(parseAmount("1,299.50")).toBe("1299.50");
    expect(parseAmount("29,99")).toBe("29.99");
    expect(parseAmount("12.345")).toBeUndefined();
    expect(parseAmount("-5")).toBeUndefined();
    expect(parseAmount("abc")).toBeUndefined();
  });
  it("formats with the currency's minor unit", () => {
    expect(formatMoney("1299.5", "USD")).toBe("1,299.50 USD");
    expect(formatMoney("1500", "JPY")).toBe("1,500 JPY");
    expect(formatMoney(null, "USD")).toBeUndefined();
  });
});

describe("new case input", () => {
  it("fills the currency from the marketplace and the blanks as absent", () => {
    const r = newCaseSchema.parse({
      orderId: " 114-2962899-5762619 ",
      category: "refund",
      description: "x",
      marketplace: "JP",
      orderValue: 1500,
      asin: "",
      sku: null,
    });
    expect(r).toMatchObject({ orderId: "114-2962899-5762619", currency: "JPY", orderValue: "1500", marketplace: "JP" });
    expect(r.asin).toBeUndefined();
  });
  it("names each bad field", () => {
    const r = newCaseSchema.safeParse({ orderId: "1", category: "x", description: "", orderValue: "10" });
    expect(r.success).toBe(false);
    const paths = fieldErrors(r.error!).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["orderId", "category", "description"]));
  });
  it("asks for a currency when a value is given without one", () => {
    const r = newCaseSchema.safeParse({
      orderId: "114-2962899-5762619",
      category: "refund",
      description: "x",
      orderValue: "10",
    });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual([
      { path: "currency", message: "Give the currency (e.g. USD) or the marketplace of the order" },
    ]);
  });
});

describe("resolve input", () => {
  it("requires an amount where money moves and takes the case's currency", () => {
    expect(resolveSchema("EUR").safeParse({ resolution: "refund", rootCause: "defect" }).success).toBe(false);
    expect(resolveSchema("EUR").parse({ resolution: "refund", rootCause: "defect", amount: "5" })).toMatchObject({
      amount: "5",
      currency: "EUR",
    });
    const noMoney = resolveSchema(null).parse({ resolution: "replacement", rootCause: "wrong_item" });
    expect(noMoney.amount).toBeUndefined();
    expect(noMoney.currency).toBeUndefined();
    expect(resolveSchema(null).safeParse({ resolution: "coupon", rootCause: "other", amount: "5" }).success).toBe(
      false,
    );
  });
});

describe("what the forms say under a refused input", () => {
  const zh = words("zh-CN");
  const CHINESE = /[\u4e00-\u9fff]/;
  const badNewCases = [
    { category: "refund", description: "x" },
    { orderId: "1", category: "x", description: "", orderValue: "10" },
    { orderId: "114-2962899-5762619", category: "refund", description: "x", orderValue: "10" },
    { orderId: "114-2962899-5762619", category: "refund", description: "x", orderValue: "1.234", currency: "US" },
    { orderId: 7, asin: "B0", sku: "S".repeat(41), marketplace: "XX", priority: "low", description: "y".repeat(3001) },
    { orderId: "114-2962899-5762619", category: "refund", description: "x", currency: 5, buyerName: "b".repeat(201) },
    { orderId: "114-2962899-5762619", category: "refund", orderValue: {}, marketplace: 3 },
  ];
  const newCaseIssues = badNewCases.flatMap((input) => newCaseSchema.safeParse(input).error?.issues ?? []);

  it("says each new-case problem in English exactly as the intake API does", () => {
    expect(newCaseIssues.length).toBeGreaterThan(15);
    for (const issue of newCaseIssues) {
      expect(newCaseProblem(ENGLISH, issue)).toEqual({ path: issue.path.join("."), text: issue.message });
    }
  });
  it("says each new-case problem in Chinese", () => {
    for (const issue of newCaseIssues) expect(newCaseProblem(zh, issue).text).toMatch(CHINESE);
  });

  const badResolutions = [
    { resolution: "refund", rootCause: "defect" },
    { resolution: "partial_refund", rootCause: "defect" },
    { resolution: "coupon", rootCause: "defect" },
    { resolution: "nope", rootCause: "nope", severity: "x", outcome: "x" },
    {
      resolution: "refund",
      rootCause: "defect",
      amount: "1.234",
      note: "n".repeat(2001),
      suggestedProduct: "p".repeat(201),
    },
    { resolution: "refund", rootCause: "defect", amount: {}, currency: "E" },
    { resolution: "refund", rootCause: "defect", amount: "5", currency: 3 },
  ];
  const resolveIssues = [
    ...badResolutions.flatMap((input) => resolveSchema("EUR").safeParse(input).error?.issues ?? []),
    ...(resolveSchema(null).safeParse({ resolution: "coupon", rootCause: "other", amount: "5" }).error?.issues ?? []),
  ];

  it("says each resolve problem language-free, its English as the rules write it", () => {
    expect(resolveIssues.length).toBeGreaterThan(12);
    for (const issue of resolveIssues) {
      const said = resolveProblem(issue);
      expect(said, issue.message).toBeDefined();
      if (!said) continue;
      expect(say(ENGLISH, said)).toBe(issue.message);
      expect(say(zh, said)).toMatch(CHINESE);
    }
  });
  it("names the resolution whose amount is missing", () => {
    const issue = resolveSchema("EUR").safeParse({ resolution: "partial_refund", rootCause: "defect" }).error
      ?.issues[0];
    const said = issue && resolveProblem(issue);
    expect(said && say(zh, said)).toBe("请填写部分退款的金额，例如 12.50");
  });
});
