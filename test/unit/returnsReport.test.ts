import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { mapReason } from "../../src/domain/returnReasons.ts";
import {
  parseReportDate,
  type ReturnRow,
  type RowRejection,
  readReturnsReport,
} from "../../src/domain/returnsReport.ts";
import { fbaReport, mfnReport } from "../support/returnsFiles.ts";

async function readAll(text: string | Buffer) {
  const report = await readReturnsReport(Readable.from([text]));
  const rows: (ReturnRow | RowRejection)[] = [];
  for await (const r of report.rows) rows.push(r);
  return { format: report.format, rows };
}

describe("reading returns reports", () => {
  it("reads the FBA report with both date styles and either order-id column name", async () => {
    const text = fbaReport(
      [
        {
          date: "2025-06-05T15:31:40+00:00",
          orderId: "114-2962899-5762619",
          reason: "NOT_COMPATIBLE",
          lpn: "LPNNC5N165ZVR",
        },
        {
          date: "05-JUN-2025",
          orderId: "114-2962899-5762620",
          reason: "DEFECTIVE",
          lpn: "LPN2",
          comment: "Arrived broken",
        },
      ],
      "amazon-order-id",
    );
    const { format, rows } = await readAll(text);
    expect(format).toBe("fba");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      line: 2,
      orderId: "114-2962899-5762619",
      asin: "B00TZ73MUY",
      sku: "LVA1004-UPC",
      reason: "NOT_COMPATIBLE",
      returnRef: "LPNNC5N165ZVR",
      aToZClaim: false,
    });
    expect((rows[0] as ReturnRow).returnDate.toISOString()).toBe("2025-06-05T15:31:40.000Z");
    expect((rows[1] as ReturnRow).returnDate.toISOString()).toBe("2025-06-05T00:00:00.000Z");
    expect(rows[1]).toMatchObject({ line: 3, comment: "Arrived broken" });
  });

  it("reads the merchant-fulfilled report, its A-to-z flag, amount and currency", async () => {
    const { format, rows } = await readAll(
      mfnReport([
        {
          orderId: "205-1234567-7654321",
          requestDate: "2025-06-07",
          rma: "DkZ1",
          reason: "SWITCHEROO",
          aToZ: "Y",
          amount: "24.99",
          currency: "EUR",
        },
      ]),
    );
    expect(format).toBe("mfn");
    expect(rows[0]).toMatchObject({
      orderId: "205-1234567-7654321",
      returnRef: "DkZ1",
      reason: "SWITCHEROO",
      aToZClaim: true,
      orderAmount: "24.99",
      currency: "EUR",
      asin: "B0CXYZ1234",
      sku: "MUG-01",
    });
  });

  it("rejects bad rows with their line numbers and reasons, keeping the good ones and unknown codes", async () => {
    const text = `${fbaReport([
      { date: "2025-06-05", orderId: "114-2962899-5762619", reason: "BRAND_NEW_CODE", lpn: "A" },
      { date: "yesterday", orderId: "114-2962899-5762619", reason: "DEFECTIVE", lpn: "B" },
      { date: "2025-06-05", orderId: "12345", reason: "DEFECTIVE", lpn: "C" },
      { date: "2025-06-05", orderId: "114-2962899-5762619", reason: "DEFECTIVE", lpn: "D", quantity: "two" },
    ])}2025-06-05\t114-2962899-5762619\tSKU\n`;
    const { rows } = await readAll(text);
    expect(rows[0]).toMatchObject({ line: 2, reason: "BRAND_NEW_CODE" });
    expect(rows.slice(1)).toEqual([
      { line: 3, reason: '"yesterday" is not a date (ISO like 2025-06-05 or 05-JUN-2025)' },
      { line: 4, reason: '"12345" is not an Amazon order id (like 114-2962899-5762619)' },
      { line: 5, reason: 'quantity "two" is not a whole number of items' },
      { line: 6, reason: "the row has 3 columns where the header has 13 (cut off?)" },
    ]);
  });

  it("keeps cells within what Amazon writes: a currency is three letters, a SKU 40 characters, a reason 64", async () => {
    const { rows } = await readAll(
      mfnReport([
        {
          orderId: "205-1234567-7654321",
          requestDate: "2025-06-07",
          rma: "R1",
          reason: "DEFECTIVE",
          currency: "10.00 <@U0VICTIM>",
        },
        {
          orderId: "205-1234567-7654322",
          requestDate: "2025-06-07",
          rma: "R2",
          reason: "DEFECTIVE",
          sku: "S".repeat(41),
        },
        { orderId: "205-1234567-7654323", requestDate: "2025-06-07", rma: "R3", reason: "R".repeat(65) },
        { orderId: "205-1234567-7654324", requestDate: "2025-06-07", rma: "R4", reason: "DEFECTIVE", currency: "eur" },
      ]),
    );
    expect(rows[0]).toMatchObject({ orderId: "205-1234567-7654321", currency: undefined });
    expect(rows[1]).toEqual({ line: 3, reason: "the SKU is longer than 40 characters" });
    expect(rows[2]).toEqual({ line: 4, reason: "the return reason is longer than 64 characters" });
    expect(rows[3]).toMatchObject({ currency: "EUR" });
  });

  it("stops, saying why, when the download fails midway, rather than reading on", async () => {
    const text = fbaReport([{ date: "2025-06-05", orderId: "114-2962899-5762619", reason: "DEFECTIVE", lpn: "L1" }]);
    const cut = new Readable({ read() {} });
    cut.push(text);
    setTimeout(() => cut.destroy(new Error("The file is larger than 50 MB; split the report by date range.")), 10);
    const report = await readReturnsReport(cut);
    const read: unknown[] = [];
    await expect(
      (async () => {
        for await (const r of report.rows) read.push(r);
      })(),
    ).rejects.toThrow("The file is larger than 50 MB");
    // Not turned into a "row could not be read" rejection: the whole import stops.
    expect(read.filter((r) => !(r as { orderId?: string }).orderId)).toEqual([]);
  });

  it("explains files that are not reports: wrong format, empty, binary", async () => {
    await expect(readAll("name\temail\nJane\tj@x\n")).rejects.toThrow("not an Amazon returns report I know");
    await expect(readAll("")).rejects.toThrow("The file is empty");
    await expect(readAll(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x09, 0x0a]))).rejects.toThrow(
      /binary|not an Amazon returns report/,
    );
  });

  it("reads dates in both documented styles", () => {
    expect(parseReportDate("2025-06-05")?.toISOString()).toBe("2025-06-05T00:00:00.000Z");
    expect(parseReportDate("5-Jun-2025")?.toISOString()).toBe("2025-06-05T00:00:00.000Z");
    expect(parseReportDate("31-FEB-2025")).toBeUndefined();
  });
});

describe("reason codes", () => {
  it("maps seller-fault, buyer-side, undeliverable and unknown codes", () => {
    expect(mapReason("DEFECTIVE")).toEqual({
      category: "return",
      rootCause: "defect",
      sellerFault: true,
      group: "seller",
    });
    expect(mapReason("AMZ-PG-BAD-DESC").rootCause).toBe("not_as_described");
    expect(mapReason("SWITCHEROO").rootCause).toBe("wrong_item");
    expect(mapReason("DAMAGED_BY_CARRIER").rootCause).toBe("damaged_in_transit");
    expect(mapReason("NEVER_ARRIVED")).toMatchObject({
      category: "delivery_issue",
      rootCause: "late_or_lost",
      sellerFault: true,
    });
    expect(mapReason("UNDELIVERABLE_REFUSED")).toMatchObject({
      category: "delivery_issue",
      sellerFault: false,
      group: "undeliverable",
    });
    expect(mapReason("APPAREL_TOO_SMALL")).toMatchObject({ rootCause: "buyer_remorse", sellerFault: false });
    expect(mapReason("SOMETHING_NEW")).toEqual({ category: "return", sellerFault: false, group: "unknown" });
  });
});
