import { describe, expect, it } from "vitest";
import { findIdentifiers, marketplaceCode } from "../../src/domain/amazon.ts";
import { fieldErrors, newCaseSchema } from "../../src/domain/caseInput.ts";
import { formatMoney, parseAmount } from "../../src/domain/money.ts";
import { resolveSchema } from "../../src/domain/resolveInput.ts";

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
