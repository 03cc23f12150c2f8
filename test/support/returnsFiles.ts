// Sample Amazon returns reports built from the documented headers, for tests and benchmarks.

export const FBA_HEADER = [
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
export const MFN_HEADER = [
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

export type FbaRow = {
  date: string;
  orderId: string;
  sku?: string;
  asin?: string;
  reason: string;
  lpn: string;
  comment?: string;
  quantity?: string;
  disposition?: string;
};

export function fbaReport(rows: FbaRow[], headerName = "order-id"): string {
  const header = FBA_HEADER.map((h) => (h === "order-id" ? headerName : h));
  const lines = rows.map((r) =>
    [
      r.date,
      r.orderId,
      r.sku ?? "LVA1004-UPC",
      r.asin ?? "B00TZ73MUY",
      r.asin ?? "B00TZ73MUY",
      "Vive Alternating Air Pressure Mattress Pad",
      r.quantity ?? "1",
      "LEX1",
      r.disposition ?? "CUSTOMER_DAMAGED",
      r.reason,
      "Unit returned to inventory",
      r.lpn,
      r.comment ?? "",
    ].join("\t"),
  );
  return `${[header.join("\t"), ...lines].join("\n")}\n`;
}

export type MfnRow = {
  orderId: string;
  requestDate: string;
  rma: string;
  reason: string;
  asin?: string;
  sku?: string;
  aToZ?: "Y" | "N";
  amount?: string;
  currency?: string;
};

export function mfnReport(rows: MfnRow[]): string {
  const lines = rows.map((r) => {
    const rec: Record<string, string> = {
      "Order ID": r.orderId,
      "Order date": "2025-05-20",
      "Return request date": r.requestDate,
      "Return request status": "Approved",
      "Amazon RMA ID": r.rma,
      "Currency code": r.currency ?? "USD",
      "A-to-Z Claim": r.aToZ ?? "N",
      ASIN: r.asin ?? "B0CXYZ1234",
      "Merchant SKU": r.sku ?? "MUG-01",
      "Item Name": "Travel mug",
      "Return quantity": "1",
      "Return Reason": r.reason,
      "Order Amount": r.amount ?? "24.99",
    };
    return MFN_HEADER.map((h) => rec[h] ?? "").join("\t");
  });
  return `${[MFN_HEADER.join("\t"), ...lines].join("\n")}\n`;
}
