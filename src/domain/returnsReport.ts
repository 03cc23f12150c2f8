// Amazon returns reports (FBA customer returns; merchant-fulfilled returns flat file), read as a
// stream with csv-parse. Each row becomes a checked ReturnRow or a rejection with its line
// number (the header is line 1) and the reason.
import { pipeline, type Readable } from "node:stream";
import { parse } from "csv-parse";
import { DateTime } from "luxon";
import { ASIN_PATTERN, ORDER_ID_PATTERN, SKU_MAX } from "./amazon.ts";
import { parseAmount } from "./money.ts";

/** A file that is not a returns report the bot can read; its message says what to do. */
export class UnreadableReport extends Error {}

export type ReportFormat = "fba" | "mfn";
export type ReturnRow = {
  line: number;
  orderId: string;
  asin?: string;
  sku?: string;
  productName?: string;
  returnDate: Date;
  reason: string;
  quantity: number;
  comment?: string;
  /** License plate number (FBA) or Amazon RMA id (merchant-fulfilled): tells two returns of one order apart. */
  returnRef?: string;
  aToZClaim: boolean;
  orderAmount?: string;
  currency?: string;
  disposition?: string;
};
export type RowRejection = { line: number; reason: string };

/** Amazon's reason codes are short words. */
const MAX_REASON = 64;

/** A currency is three letters (USD, EUR…); anything else is left out rather than shown. */
function currencyCode(text: string | undefined): string | undefined {
  const code = text?.trim().toUpperCase();
  return code && /^[A-Z]{3}$/.test(code) ? code : undefined;
}

/** csv-parse's own errors (a malformed file) have codes like CSV_RECORD_INCONSISTENT_COLUMNS. */
const isCsvError = (err: unknown) => String((err as { code?: unknown })?.code ?? "").startsWith("CSV_");

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");

const FBA_REQUIRED = ["return-date", "sku", "asin", "reason"];
const MFN_REQUIRED = ["order-id", "return-request-date", "return-reason", "asin"];

export function detectFormat(header: string[]): { format: ReportFormat } | { error: string } {
  const h = new Set(header.map(norm));
  const hasOrder = h.has("order-id") || h.has("amazon-order-id");
  if (hasOrder && FBA_REQUIRED.every((c) => h.has(c)) && h.has("license-plate-number")) return { format: "fba" };
  if (MFN_REQUIRED.every((c) => h.has(c))) return { format: "mfn" };
  return {
    error:
      "This is not an Amazon returns report I know. Upload the FBA customer returns report or the merchant-fulfilled returns report (Seller Central → Reports), tab-separated as downloaded; its first line must be the column header (e.g. return-date, order-id, sku, asin, … or Order ID, Order date, Return request date, …).",
  };
}

/** ISO-8601 (2025-06-05T15:31:40+00:00, 2025-06-05) or DD-MON-YYYY (05-JUN-2025). */
export function parseReportDate(text: string): Date | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const iso = DateTime.fromISO(t, { zone: "utc" });
  if (iso.isValid) return iso.toJSDate();
  const mon = DateTime.fromFormat(
    t.toUpperCase().replace(/^(\d{1,2})-([A-Z]{3})-/, (_, d, m) => `${d}-${m[0]}${m.slice(1).toLowerCase()}-`),
    "d-LLL-yyyy",
    { zone: "utc" },
  );
  return mon.isValid ? mon.toJSDate() : undefined;
}

function toRow(rec: Record<string, string>, format: ReportFormat, line: number): ReturnRow | RowRejection {
  const get = (...names: string[]) => {
    for (const n of names) {
      const v = rec[n]?.trim();
      if (v) return v;
    }
    return undefined;
  };
  const orderId = get("order-id", "amazon-order-id");
  if (!orderId) return { line, reason: "the order id is missing" };
  if (!ORDER_ID_PATTERN.test(orderId))
    return { line, reason: `"${orderId}" is not an Amazon order id (like 114-2962899-5762619)` };
  const dateText = format === "fba" ? get("return-date") : get("return-request-date");
  const returnDate = dateText ? parseReportDate(dateText) : undefined;
  if (!returnDate)
    return {
      line,
      reason: dateText
        ? `"${dateText}" is not a date (ISO like 2025-06-05 or 05-JUN-2025)`
        : "the return date is missing",
    };
  const reason = format === "fba" ? get("reason") : get("return-reason");
  if (!reason) return { line, reason: "the return reason is missing" };
  // Cells reach Slack: anything longer than Amazon ever writes is not a report value.
  if (reason.length > MAX_REASON) return { line, reason: `the return reason is longer than ${MAX_REASON} characters` };
  const sku = get("sku", "merchant-sku");
  if (sku && sku.length > SKU_MAX) return { line, reason: `the SKU is longer than ${SKU_MAX} characters` };
  const asinText = get("asin");
  const asin = asinText && ASIN_PATTERN.test(asinText.toUpperCase()) ? asinText.toUpperCase() : undefined;
  if (asinText && !asin) return { line, reason: `"${asinText}" is not an ASIN (10 characters like B00TZ73MUY)` };
  const quantityText = get("quantity", "return-quantity") ?? "1";
  const quantity = Number(quantityText);
  if (!Number.isInteger(quantity) || quantity < 1)
    return { line, reason: `quantity "${quantityText}" is not a whole number of items` };
  const amountText = format === "mfn" ? get("order-amount") : undefined;
  return {
    line,
    orderId,
    asin,
    sku,
    productName: get("product-name", "item-name"),
    returnDate,
    reason: reason.toUpperCase(),
    quantity,
    comment: get("customer-comments"),
    returnRef: format === "fba" ? get("license-plate-number") : get("amazon-rma-id"),
    aToZClaim: format === "mfn" && (get("a-to-z-claim") ?? "").toUpperCase().startsWith("Y"),
    orderAmount: amountText ? parseAmount(amountText) : undefined,
    currency: format === "mfn" ? currencyCode(get("currency-code")) : undefined,
    disposition: get("detailed-disposition"),
  };
}

export type ReportReader = { format: ReportFormat; rows: AsyncIterable<ReturnRow | RowRejection> };

/**
 * Reads the header, detects the format, then yields rows one by one (streaming: a large report is
 * never held in memory). Throws an Error with a readable message for a file that is not a report.
 */
export async function readReturnsReport(input: Readable): Promise<ReportReader> {
  // info: each record carries the line it started on, for the per-row messages.
  const parser = parse({
    delimiter: "\t",
    relax_quotes: true,
    relax_column_count: true,
    // A returns row is well under 2 KB; a runaway quoted field must not be held in memory whole.
    max_record_size: 64 * 1024,
    skip_empty_lines: true,
    bom: true,
    trim: false,
    info: true,
  });
  // pipeline (not pipe): a source that fails midway (a cut download) fails the parser too, so
  // reading stops with that error instead of waiting for rows that never come.
  pipeline(input, parser, () => undefined);
  const it: AsyncIterator<{ record: string[]; info: { lines: number } }> = parser[Symbol.asyncIterator]();
  let first: IteratorResult<{ record: string[]; info: { lines: number } }>;
  try {
    first = await it.next();
  } catch (err) {
    if (!isCsvError(err)) throw err;
    throw new UnreadableReport(`The file could not be read as a tab-separated report (${(err as Error).message}).`);
  }
  if (first.done)
    throw new UnreadableReport(
      "The file is empty. Download the returns report again and upload the .txt/.tsv file as it is.",
    );
  const header = first.value.record.map(norm);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters in the header mean a binary file
  if (header.some((h) => /[\u0000-\u0008\u000e-\u001f]/.test(h)))
    throw new UnreadableReport(
      "The file looks binary (e.g. an Excel .xlsx). Upload the tab-separated text report as downloaded from Seller Central.",
    );
  const detected = detectFormat(header);
  if ("error" in detected) throw new UnreadableReport(detected.error);
  const format = detected.format;
  async function* rows(): AsyncIterable<ReturnRow | RowRejection> {
    let line = 1;
    for (;;) {
      let next: IteratorResult<{ record: string[]; info: { lines: number } }>;
      try {
        next = await it.next();
      } catch (err) {
        // The download itself failed (cut off, too large): the import stops and says why.
        if (!isCsvError(err)) throw err;
        yield { line: line + 1, reason: `the row could not be read (${(err as Error).message})` };
        return;
      }
      if (next.done) return;
      line = next.value.info.lines;
      const fields = next.value.record;
      if (fields.length < header.length - 1) {
        yield { line, reason: `the row has ${fields.length} columns where the header has ${header.length} (cut off?)` };
        continue;
      }
      const rec: Record<string, string> = {};
      header.forEach((h, i) => {
        rec[h] = fields[i] ?? "";
      });
      yield toRow(rec, format, line);
    }
  }
  return { format, rows: rows() };
}
