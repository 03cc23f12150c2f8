// What Amazon holds for the sandbox's team in the US: a few returns from the last days (FBA and
// merchant-fulfilled), seller feedback with two negative ratings among good ones, and an account
// health report whose Order Defect Rate is fine by Amazon's target but whose late shipment rate is
// not. The stand-in for Amazon answers each report the bot asks for with these documents, shaped
// as Amazon writes them, so the preview shows what a connected team sees.
import { MARKETPLACES } from "../domain/amazon.ts";
import type { ReportOutcome, ReportRequest } from "./amazonStandIn.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;

const FBA_HEADER = [
  "return-date",
  "order-id",
  "sku",
  "asin",
  "fnsku",
  "product-name",
  "quantity",
  "fulfillment-center-id",
  "detailed-disposition",
  "reason",
  "status",
  "license-plate-number",
  "customer-comments",
];
const MFN_HEADER = [
  "Order ID",
  "Order date",
  "Return request date",
  "Return request status",
  "Amazon RMA ID",
  "Merchant RMA ID",
  "Label type",
  "Label cost",
  "Currency code",
  "Return carrier",
  "Tracking ID",
  "Label to be paid by",
  "A-to-Z Claim",
  "Is prime",
  "ASIN",
  "Merchant SKU",
  "Item Name",
  "Return quantity",
  "Return Reason",
  "In policy",
  "Return type",
  "Resolution",
  "Invoice number",
  "Return delivery date",
  "Order Amount",
  "Order quantity",
  "SafeT Action reason",
  "SafeT claim id",
  "SafeT claim state",
  "SafeT claim creation time",
  "SafeT claim reimbursement amount",
  "Refunded Amount",
];
const FEEDBACK_HEADER = ["Date", "Rating", "Comments", "Your Response", "Order ID", "Rater Email"];

const tsv = (header: string[], rows: string[][]) => `${[header, ...rows].map((r) => r.join("\t")).join("\n")}\n`;
/** 2026-11-20T14:05:00+00:00, as the FBA returns report writes its dates. */
const isoSeconds = (d: Date) => `${d.toISOString().slice(0, 19)}+00:00`;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** 11/20/26, as Seller Central writes a US feedback date. */
const usDay = (d: Date) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}`;

/** Returns that came back to Amazon's warehouses: one defect, one damaged on the way, one unwanted. */
function fbaReturns(now: Date): string {
  const rows = [
    {
      at: new Date(now.getTime() - 2 * DAY - 3 * HOUR),
      orderId: "113-8820417-5530912",
      sku: "CHG-65W-WHT",
      asin: "B09G9FPHY6",
      product: "65W USB-C Wall Charger, White",
      disposition: "DEFECTIVE",
      reason: "DEFECTIVE",
      status: "Unit returned to inventory",
      lpn: "LPNRR8820417",
      comment: "Stops charging my laptop after a few minutes.",
    },
    {
      at: new Date(now.getTime() - DAY - 5 * HOUR),
      orderId: "112-9034518-2276403",
      sku: "CBL-USBC-2PK",
      asin: "B08L5TNJHG",
      product: "USB-C to USB-C Cable, 2-Pack, 6 ft",
      disposition: "CARRIER_DAMAGED",
      reason: "DAMAGED_BY_CARRIER",
      status: "Unit returned to inventory",
      lpn: "LPNRR9034518",
      comment: "Box was crushed, one cable bent at the plug.",
    },
    {
      at: new Date(now.getTime() - 7 * HOUR),
      orderId: "114-9517302-8841067",
      sku: "STAND-ALU-SLV",
      asin: "B07PXGQC1Q",
      product: "Aluminium Laptop Stand, Silver",
      disposition: "SELLABLE",
      reason: "UNWANTED_ITEM",
      status: "Unit returned to inventory",
      lpn: "LPNRR9517302",
      comment: "",
    },
  ];
  return tsv(
    FBA_HEADER,
    rows.map((r) => [
      isoSeconds(r.at),
      r.orderId,
      r.sku,
      r.asin,
      r.asin,
      r.product,
      "1",
      "LEX1",
      r.disposition,
      r.reason,
      r.status,
      r.lpn,
      r.comment,
    ]),
  );
}

/** Returns of orders the seller ships itself: one not as described, one ordered by mistake. */
function mfnReturns(now: Date): string {
  const rows = [
    {
      orderId: "111-9275640-1184026",
      ordered: new Date(now.getTime() - 9 * DAY),
      requested: new Date(now.getTime() - DAY),
      rma: "DZ7kQ2mRRMA",
      asin: "B0CXJ4T8QK",
      sku: "MUG-TRAVEL-16",
      item: "Insulated Travel Mug, 16 oz",
      reason: "NOT_AS_DESCRIBED",
      amount: "24.99",
    },
    {
      orderId: "114-8612093-3307751",
      ordered: new Date(now.getTime() - 6 * DAY),
      requested: new Date(now.getTime() - 3 * DAY),
      rma: "Dq4vN8wTRMA",
      asin: "B0CXJ4T9ZP",
      sku: "MUG-TRAVEL-20",
      item: "Insulated Travel Mug, 20 oz",
      reason: "ORDERED_WRONG_ITEM",
      amount: "27.99",
    },
  ];
  return tsv(
    MFN_HEADER,
    rows.map((r) => {
      const rec: Record<string, string> = {
        "Order ID": r.orderId,
        "Order date": isoDay(r.ordered),
        "Return request date": isoDay(r.requested),
        "Return request status": "Approved",
        "Amazon RMA ID": r.rma,
        "Currency code": "USD",
        "A-to-Z Claim": "N",
        ASIN: r.asin,
        "Merchant SKU": r.sku,
        "Item Name": r.item,
        "Return quantity": "1",
        "Return Reason": r.reason,
        "Order Amount": r.amount,
        "Order quantity": "1",
      };
      return MFN_HEADER.map((h) => rec[h] ?? "");
    }),
  );
}

/** The last days' ratings: two negative (one in Chinese), three positive. */
function feedback(now: Date): string {
  const day = (daysAgo: number) => usDay(new Date(now.getTime() - daysAgo * DAY));
  return tsv(FEEDBACK_HEADER, [
    [
      day(4),
      "5",
      "Fast shipping and works as described.",
      "",
      "113-9320581-4471902",
      "t4k8q2mz7wpx@marketplace.amazon.com",
    ],
    [
      day(3),
      "1",
      "Charger gets very hot and stopped working after three days. Seller has not answered my message.",
      "",
      "113-9102744-6620385",
      "r9d3f6g1h5jk@marketplace.amazon.com",
    ],
    [
      day(2),
      "4",
      "Good cable, a bit shorter than I expected.",
      "",
      "112-9648215-0937714",
      "n2b7v5c8x1zq@marketplace.amazon.com",
    ],
    [
      day(1),
      "2",
      "充电线用了一周就接触不良，包装也破了。",
      "",
      "112-8847310-2059146",
      "w6e1r4t9y3ui@marketplace.amazon.com",
    ],
    [day(1), "5", "Second time buying, still great.", "", "111-9783026-5512398", "p5o8i2u7y4tr@marketplace.amazon.com"],
  ]);
}

/** Amazon's account health for the US: both ODR channels under 1%, late shipments over Amazon's 4%. */
function accountHealth(now: Date): string {
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
  // Amazon reports up to yesterday; its ODR window ends two weeks earlier, tracking and delivery ten days.
  const range = (toDaysAgo: number, days: number) => ({
    reportingDateFrom: `${day(toDaysAgo + days - 1)}T00:00Z`,
    reportingDateTo: `${day(toDaysAgo)}T23:59Z`,
  });
  const marketplaceId = MARKETPLACES.US.id;
  const policy = () => ({
    reportingDateRange: range(1, 180),
    defectsCount: 0,
    status: "GOOD",
    targetValue: 0,
    targetCondition: "EQUALS",
  });
  const odrChannel = (
    channel: "afn" | "mfn",
    orders: number,
    defects: number,
    claims: number,
    chargebacks: number,
    negativeFeedback: number,
  ) => ({
    reportingDateRange: range(16, 60),
    orderCount: orders,
    orderWithDefects: { count: defects, status: "GOOD" },
    claims: { count: claims, status: "NONE" },
    chargebacks: { count: chargebacks, status: "NONE" },
    negativeFeedback: { count: negativeFeedback, status: "NONE" },
    fulfillmentType: channel,
    status: "GOOD",
    rate: Number((defects / orders).toFixed(4)),
    targetValue: 0.01,
    targetCondition: "LESS_THAN",
  });
  const report = {
    accountStatuses: [{ marketplaceId, status: "NORMAL" }],
    performanceMetrics: [
      {
        marketplaceId,
        accountHealthRating: { ahrStatus: "GREAT", reportingDateRange: range(1, 180) },
        orderDefectRate: {
          afn: odrChannel("afn", 817, 5, 1, 0, 4),
          mfn: odrChannel("mfn", 333, 3, 1, 1, 1),
        },
        lateShipmentRate: {
          reportingDateRange: range(1, 30),
          orderCount: 164,
          lateShipmentCount: 8,
          status: "BAD",
          rate: 0.0488,
          targetValue: 0.04,
          targetCondition: "LESS_THAN",
        },
        prefulfillmentCancelRate: {
          reportingDateRange: range(1, 7),
          orderCount: 41,
          cancellationCount: 0,
          status: "GOOD",
          rate: 0,
          targetValue: 0.025,
          targetCondition: "LESS_THAN",
        },
        validTrackingRate: {
          reportingDateRange: range(10, 30),
          shipmentCount: 158,
          validTrackingCount: 155,
          status: "GOOD",
          rate: 0.981,
          targetValue: 0.95,
          targetCondition: "GREATER_THAN",
        },
        onTimeDeliveryRate: {
          reportingDateRange: range(10, 30),
          shipmentCountWithValidTracking: 155,
          onTimeDeliveryCount: 146,
          status: "GOOD",
          rate: 0.9419,
          targetValue: 0.9,
          targetCondition: "GREATER_THAN",
        },
        invoiceDefectRate: {
          reportingDateRange: range(1, 7),
          orderCount: 0,
          invoiceDefect: { count: 0, status: "NONE" },
          missingInvoice: { count: 0, status: "NONE" },
          lateInvoice: { count: 0, status: "NONE" },
          status: "NONE",
          rate: 0,
          targetValue: 0.05,
          targetCondition: "LESS_THAN",
        },
        listingPolicyViolations: policy(),
        productAuthenticityCustomerComplaints: policy(),
        productConditionCustomerComplaints: policy(),
        productSafetyCustomerComplaints: policy(),
        receivedIntellectualPropertyComplaints: policy(),
        foodAndProductSafetyIssues: policy(),
        otherPolicyViolations: policy(),
        documentRequests: policy(),
        warningStates: [{ warningType: "spammingSellerMessaging", status: "GOOD" }],
      },
    ],
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * How the stand-in answers each report the bot asks for: the team's documents for the US (the
 * same each time, as Amazon's overlapping periods repeat rows), no data for anything else.
 */
export function amazonDemoReports(now = new Date()): (req: ReportRequest) => ReportOutcome {
  const documents: Record<string, string> = {
    GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: fbaReturns(now),
    GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE: mfnReturns(now),
    GET_SELLER_FEEDBACK_DATA: feedback(now),
    GET_V2_SELLER_PERFORMANCE_REPORT: accountHealth(now),
  };
  return (req) => {
    const document = documents[req.reportType];
    if (document === undefined || !req.marketplaceIds.includes(MARKETPLACES.US.id)) return { status: "CANCELLED" };
    return { status: "DONE", document, compressed: true };
  };
}
