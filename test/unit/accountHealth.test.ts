import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  labelFromKey,
  type MarketplaceHealth,
  type OdrByChannel,
  odrSummary,
  parseAccountHealth,
} from "../../src/domain/accountHealth.ts";

const fixture = () =>
  JSON.parse(readFileSync(new URL("../fixtures/amazon/account-health-us.json", import.meta.url), "utf8"));

const range = (from: string, to: string) => ({ reportingDateFrom: from, reportingDateTo: to });
const listing = (defectsCount: number, status: string) => ({
  reportingDateRange: range("2020-05-24T00:00Z", "2020-11-19T23:59Z"),
  defectsCount,
  status,
  targetValue: 0,
  targetCondition: "EQUALS",
});
const odrExample = {
  reportingDateRange: range("2020-09-06T00:00Z", "2020-11-04T23:59Z"),
  orderCount: 539000,
  orderWithDefects: { count: 1078, status: "GOOD" },
  claims: { count: 442, status: "NONE" },
  chargebacks: { count: 15, status: "NONE" },
  negativeFeedback: { count: 628, status: "NONE" },
  fulfillmentType: "mfn",
  status: "GOOD",
  rate: 0.009,
  targetValue: 0.01,
  targetCondition: "LESS_THAN",
};

/**
 * The example document of Amazon's published schema (amzn/selling-partner-api-models,
 * schemas/reports/accountHealthReport-2020-11-18.json, Apache-2.0), key for key. Its afn channel
 * says "fulfillmentType": "mfn", and it spells prefulfillmentCancelRate, warningState and
 * documentRequest unlike the schema's properties.
 */
const schemaExample = {
  accountStatuses: [
    { marketplaceId: "ATVPDKIKX0DER", status: "AT_RISK" },
    { marketplaceId: "A2EUQ1WTGCTBG2", status: "NORMAL" },
    { marketplaceId: "A1AM78C64UM0Y8", status: "SUSPENDED" },
  ],
  performanceMetrics: [
    {
      invoiceDefectRate: {
        reportingDateRange: range("2020-10-21T00:00Z", "2020-10-27T23:59Z"),
        orderCount: 9001,
        invoiceDefect: { count: 315, status: "GOOD" },
        missingInvoice: { count: 214, status: "NONE" },
        lateInvoice: { count: 101, status: "NONE" },
        status: "GOOD",
        rate: 0.03499611,
        targetValue: 0.05,
        targetCondition: "LESS_THAN",
      },
      lateShipmentRate: {
        reportingDateRange: range("2020-10-21T00:00Z", "2020-11-19T23:59Z"),
        orderCount: 870669,
        lateShipmentCount: 27896,
        status: "GOOD",
        rate: 0.03203973037,
        targetValue: 0.04,
        targetCondition: "LESS_THAN",
      },
      productSafetyCustomerComplaints: {
        ...listing(165, "BAD"),
        reportingDateRange: range("2020-05-22T00:00Z", "2020-11-17T23:59Z"),
      },
      prefulfillmentCancelRate: {
        reportingDateRange: range("2020-11-12T00:00Z", "2020-11-18T23:59Z"),
        orderCount: 17197,
        cancellationCount: 551,
        status: "GOOD",
        rate: 0.005,
        targetValue: 0.01,
        targetCondition: "LESS_THAN",
      },
      receivedIntellectualPropertyComplaints: listing(75, "BAD"),
      onTimeDeliveryRate: {
        reportingDateRange: range("2020-10-11T00:00Z", "2020-11-09T23:59Z"),
        shipmentCountWithValidTracking: 808046,
        onTimeDeliveryCount: 847987,
        status: "GOOD",
        rate: 0.9529,
        targetValue: 0.95,
        targetCondition: "GREATER_THAN",
      },
      unitOnTimeDeliveryRate: {
        reportingDateRange: range("2020-10-11T00:00Z", "2020-11-09T23:59Z"),
        status: "GOOD",
        targetValue: 0.9,
        targetCondition: "GREATER_THAN",
        unitOnTimeDeliveryCount: 146,
        totalUnitCount: 165,
        rate: 0.8848,
      },
      listingPolicyViolations: listing(86, "BAD"),
      accountHealthRating: {
        ahrStatus: "WARNED",
        reportingDateRange: range("2020-05-23T00:00Z", "2020-11-19T23:59Z"),
      },
      foodAndProductSafetyIssues: listing(37, "BAD"),
      productAuthenticityCustomerComplaints: {
        ...listing(212, "BAD"),
        reportingDateRange: range("2020-05-22T00:00Z", "2020-11-17T23:59Z"),
      },
      marketplaceId: "ATVPDKIKX0DER",
      orderDefectRate: { mfn: odrExample, afn: odrExample },
      documentRequest: { ...listing(8, "GOOD"), reportingDateRange: range("2020-11-21T00:00Z", "2020-11-19T23:59Z") },
      validTrackingRate: {
        reportingDateRange: range("2020-10-11T00:00Z", "2020-11-09T23:59Z"),
        shipmentCount: 878443,
        validTrackingCount: 896462,
        status: "GOOD",
        rate: 0.9529,
        targetValue: 0.95,
        targetCondition: "GREATER_THAN",
      },
      productConditionCustomerComplaints: {
        ...listing(337, "BAD"),
        reportingDateRange: range("2020-05-22T00:00Z", "2020-11-17T23:59Z"),
      },
      otherPolicyViolations: listing(86, "BAD"),
      warningState: [{ warningType: "spammingSellerMessaging", status: "BAD" }],
    },
  ],
};

function read(json: unknown) {
  const result = parseAccountHealth(json);
  if (!result.ok) throw new Error(result.message);
  return result.health;
}
const refusal = (json: unknown) => {
  const result = parseAccountHealth(json);
  return result.ok ? undefined : result.message;
};
const channel = (over: Partial<OdrByChannel>): OdrByChannel => ({
  channel: "afn",
  from: "",
  to: "",
  orders: 0,
  defects: 0,
  claims: 0,
  chargebacks: 0,
  negativeFeedback: 0,
  percent: 0,
  targetPercent: 1,
  status: "GOOD",
  ...over,
});

describe("reading the account health report", () => {
  it("reads Amazon's own example: both ODR channels (trusting the key), every concern", () => {
    const { marketplaces } = read(schemaExample);
    expect(marketplaces.map((m) => [m.marketplaceId, m.marketplace, m.accountStatus])).toEqual([
      ["ATVPDKIKX0DER", "US", "AT_RISK"],
      ["A2EUQ1WTGCTBG2", "CA", "NORMAL"],
      ["A1AM78C64UM0Y8", "MX", "SUSPENDED"],
    ]);
    const us = marketplaces[0]!;
    expect(us.odr).toEqual([
      {
        channel: "afn",
        from: "2020-09-06T00:00Z",
        to: "2020-11-04T23:59Z",
        orders: 539000,
        defects: 1078,
        claims: 442,
        chargebacks: 15,
        negativeFeedback: 628,
        percent: 0.9,
        targetPercent: 1,
        status: "GOOD",
      },
      expect.objectContaining({ channel: "mfn", orders: 539000, percent: 0.9 }),
    ]);
    expect(us.concerns).toEqual([
      { metric: "accountStatus", label: "Account status", status: "AT_RISK" },
      { metric: "accountHealthRating", label: "Account health rating", status: "WARNED" },
      {
        metric: "receivedIntellectualPropertyComplaints",
        label: "Intellectual property complaints",
        status: "BAD",
        count: 75,
      },
      {
        metric: "productAuthenticityCustomerComplaints",
        label: "Product authenticity complaints",
        status: "BAD",
        count: 212,
      },
      {
        metric: "productConditionCustomerComplaints",
        label: "Product condition complaints",
        status: "BAD",
        count: 337,
      },
      { metric: "productSafetyCustomerComplaints", label: "Product safety complaints", status: "BAD", count: 165 },
      { metric: "foodAndProductSafetyIssues", label: "Food and product safety issues", status: "BAD", count: 37 },
      { metric: "listingPolicyViolations", label: "Listing policy violations", status: "BAD", count: 86 },
      { metric: "otherPolicyViolations", label: "Other policy violations", status: "BAD", count: 86 },
      { metric: "spammingSellerMessaging", label: "Warning: Spamming seller messaging", status: "BAD" },
    ]);
    // Marketplaces with a status but no metrics.
    expect(marketplaces[1]).toEqual({
      marketplaceId: "A2EUQ1WTGCTBG2",
      marketplace: "CA",
      accountStatus: "NORMAL",
      odr: [],
      concerns: [],
    });
    expect(marketplaces[2]?.concerns).toEqual([
      { metric: "accountStatus", label: "Account status", status: "SUSPENDED" },
    ]);
  });

  it("reads the report as downloaded for the US: ODR per channel, the late shipment rate", () => {
    const [us] = read(fixture()).marketplaces;
    expect(us?.accountStatus).toBe("NORMAL");
    expect(us?.odr.map((c) => [c.channel, c.orders, c.defects, c.percent, c.targetPercent, c.status])).toEqual([
      ["afn", 12000, 96, 0.8, 1, "GOOD"],
      ["mfn", 3000, 36, 1.2, 1, "BAD"],
    ]);
    expect(us?.concerns).toEqual([
      {
        metric: "orderDefectRate",
        label: "Order defect rate (seller-fulfilled)",
        status: "BAD",
        percent: 1.2,
        count: 36,
        targetPercent: 1,
      },
      { metric: "lateShipmentRate", label: "Late shipment rate", status: "BAD", percent: 4.8, targetPercent: 4 },
    ]);
    expect(odrSummary(us!)).toEqual({ orders: 15000, defects: 132, worst: us?.odr[1] });
  });

  it("reads the ODR given as an array, each channel by its fulfillmentType", () => {
    const doc = fixture();
    const { afn, mfn } = doc.performanceMetrics[0].orderDefectRate;
    doc.performanceMetrics[0].orderDefectRate = [mfn, { ...afn, fulfillmentType: "AFN" }, { fulfillmentType: "other" }];
    const [us] = read(doc).marketplaces;
    expect(us?.odr.map((c) => [c.channel, c.orders])).toEqual([
      ["afn", 12000],
      ["mfn", 3000],
    ]);
  });

  it("is lenient: metrics left out, nulls, unknown keys and new metrics", () => {
    const health = read({
      performanceMetrics: [
        {
          marketplaceId: "A1PA6795UKMFR9",
          orderDefectRate: { afn: { orderCount: 400, rate: 0.005 }, mfn: null },
          lateShipmentRate: null,
          somethingElse: "ignored",
          someNewMetric: { status: "AT_RISK", defectsCount: 3, extra: { nested: true } },
          anotherNewRate: { status: "FAIR", rate: 0.02, targetValue: "odd" },
          brandNewGood: { status: "GOOD" },
          preFulfillmentCancellationRate: { status: "BAD", rate: 0.031, targetValue: 0.025 },
          documentRequests: { status: "NONE", defectsCount: 0 },
          warningStates: [{ warningType: "listingAbuse", status: "GOOD" }, { status: "BAD" }],
          accountHealthRating: { accountHealthRatingStatus: "AT_RISK" },
        },
      ],
    });
    const [de] = health.marketplaces;
    expect(de).toMatchObject({ marketplace: "DE", accountStatus: undefined });
    // No defect count: read back from Amazon's rate.
    expect(de?.odr).toEqual([channel({ orders: 400, defects: 2, percent: 0.5, status: "NONE" })]);
    // Known metrics first, new ones after them; the new rate's odd target is left out, not refused.
    expect(de?.concerns).toEqual([
      { metric: "accountHealthRating", label: "Account health rating", status: "AT_RISK" },
      {
        metric: "preFulfillmentCancellationRate",
        label: "Pre-fulfilment cancel rate",
        status: "BAD",
        percent: 3.1,
        targetPercent: 2.5,
      },
      { metric: "someNewMetric", label: "Some new metric", status: "AT_RISK", count: 3 },
      { metric: "anotherNewRate", label: "Another new rate", status: "FAIR", percent: 2 },
    ]);
    expect(read({ performanceMetrics: [] })).toEqual({ marketplaces: [] });
    expect(read({ performanceMetrics: [{ marketplaceId: "X1" }] }).marketplaces).toEqual([
      { marketplaceId: "X1", marketplace: undefined, accountStatus: undefined, odr: [], concerns: [] },
    ]);
  });

  it.each([
    [null, /not an account health report.*\(this is empty \(null\)\)/],
    ["text", /not an account health report.*the text "text"/],
    [[schemaExample], /not an account health report.*a list/],
    [{}, /performanceMetrics is missing/],
    [{ performanceMetrics: {} }, /performanceMetrics is an object/],
    [
      { performanceMetrics: [{ marketplaceId: "ATVPDKIKX0DER", orderDefectRate: { afn: { orderCount: "12000" } } }] },
      'performanceMetrics[0].orderDefectRate.afn.orderCount should be a whole number (it is the text "12000")',
    ],
    [
      {
        performanceMetrics: [
          { marketplaceId: "ATVPDKIKX0DER", orderDefectRate: [{ fulfillmentType: "mfn", orderCount: 1.5 }] },
        ],
      },
      "performanceMetrics[0].orderDefectRate.mfn.orderCount should be a whole number (it is the number 1.5)",
    ],
    [
      { performanceMetrics: [{ orderDefectRate: {} }] },
      "performanceMetrics[0].marketplaceId should be the marketplace id",
    ],
    [
      { performanceMetrics: [{ marketplaceId: "ATVPDKIKX0DER", lateShipmentRate: { rate: "4%" } }] },
      "performanceMetrics[0].lateShipmentRate.rate should be a number (a fraction like 0.009)",
    ],
    [
      { performanceMetrics: ["US"] },
      `performanceMetrics[0] should be an object with one marketplace's metrics (it is the text "US")`,
    ],
    [
      { performanceMetrics: [{ marketplaceId: "ATVPDKIKX0DER", lateShipmentRate: 0.05 }] },
      "performanceMetrics[0].lateShipmentRate should be an object with the metric's status and figures (it is the number 0.05)",
    ],
  ])("refuses %j with a plain message", (json, message) => {
    const text = refusal(json);
    expect(text).toBeDefined();
    if (typeof message === "string") expect(text).toContain(message);
    else expect(text).toMatch(message);
  });
});

describe("ODR over the channels", () => {
  const health = (odr: OdrByChannel[]): MarketplaceHealth => ({ marketplaceId: "ATVPDKIKX0DER", odr, concerns: [] });

  it("sums orders and defects and picks the channel with the highest rate", () => {
    const afn = channel({ orders: 12000, defects: 96, percent: 0.8 });
    const mfn = channel({ channel: "mfn", orders: 3000, defects: 36, percent: 1.2 });
    expect(odrSummary(health([afn, mfn]))).toEqual({ orders: 15000, defects: 132, worst: mfn });
    expect(odrSummary(health([mfn, afn]))?.worst).toBe(mfn);
    expect(odrSummary(health([afn]))).toEqual({ orders: 12000, defects: 96, worst: afn });
  });

  it("has nothing to say without ODR figures", () => {
    expect(odrSummary(health([]))).toBeUndefined();
  });
});

describe("metric labels", () => {
  it.each([
    ["someNewMetric", "Some new metric"],
    ["ratingV2", "Rating v2"],
    ["late_shipment", "Late shipment"],
  ])("names %s %j", (key, label) => {
    expect(labelFromKey(key)).toBe(label);
  });
});
