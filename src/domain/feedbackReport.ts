// Amazon's seller feedback report (GET_SELLER_FEEDBACK_DATA, Feedback Manager's download): one
// row per buyer rating. Each row becomes a checked FeedbackRow or a rejection with its line number
// (the header is line 1) and the reason. The rater's e-mail column is never read: the bot must not
// keep or show buyers' addresses.
import { parse } from "csv-parse/sync";
import { DateTime } from "luxon";
import { type MarketplaceCode, ORDER_ID_EXAMPLE, ORDER_ID_PATTERN } from "./amazon.ts";
import { cutText } from "./cutText.ts";
import { type RowRejection, UnreadableReport } from "./returnsReport.ts";

export type FeedbackRow = {
  line: number;
  /** UTC midnight of the day the feedback was left. */
  date: Date;
  /** Stars, 1 to 5. */
  rating: number;
  comment: string;
  response?: string;
  orderId: string;
};
export type FeedbackReport = { rows: FeedbackRow[]; rejected: RowRejection[] };

/** Longer than any comment Amazon accepts; a card in Slack must stay readable. */
const MAX_COMMENT = 2000;
/** How much of a bad value a rejection quotes. */
const MAX_SHOWN = 40;

/** Header names differ in case, spacing and punctuation between exports: compare letters only. */
const norm = (h: string) => h.toLowerCase().replace(/[^a-z]/g, "");

/** The columns read, by their normalised header names; anything else (Rater Email) is left unread. */
const COLUMNS = {
  date: ["date", "arrivaldate"],
  rating: ["rating"],
  comment: ["comments", "comment"],
  response: ["yourresponse", "response"],
  orderId: ["orderid", "amazonorderid"],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: { column: Column; name: string }[] = [
  { column: "date", name: "Date" },
  { column: "rating", name: "Rating" },
  { column: "orderId", name: "Order ID" },
];

/** Day-first marketplaces; the rest of Europe writes dates like the UK. */
const DAY_FIRST = ["d/M/yy", "d/M/yyyy", "d.M.yy", "d.M.yyyy"];
/** How each marketplace's Seller Central writes the feedback date, and an example for messages. */
const DATE_FORMATS: Record<MarketplaceCode, { formats: string[]; example: string }> = {
  US: { formats: ["M/d/yy", "M/d/yyyy"], example: "11/20/26" },
  CA: { formats: ["M/d/yy", "M/d/yyyy"], example: "11/20/26" },
  MX: { formats: ["M/d/yy", "M/d/yyyy"], example: "11/20/26" },
  UK: { formats: DAY_FIRST, example: "20/11/26" },
  DE: { formats: DAY_FIRST, example: "20.11.26" },
  FR: { formats: DAY_FIRST, example: "20/11/26" },
  IT: { formats: DAY_FIRST, example: "20/11/26" },
  ES: { formats: DAY_FIRST, example: "20/11/26" },
  JP: { formats: ["yyyy/M/d"], example: "2026/11/20" },
};

/** The feedback date as UTC midnight of its day: the marketplace's own format, or ISO 8601 anywhere. */
export function parseFeedbackDate(text: string, marketplace: MarketplaceCode): Date | undefined {
  const t = text.trim();
  // setZone keeps the offset written in the date, so "2026-11-20T23:30-08:00" stays the 20th.
  // Only full dates count as ISO: luxon would also read "2026" alone as 1 January.
  const iso = /^\d{4}-\d{2}-\d{2}/.test(t) ? DateTime.fromISO(t, { setZone: true }) : undefined;
  const day = iso?.isValid
    ? iso
    : DATE_FORMATS[marketplace].formats.map((f) => DateTime.fromFormat(t, f, { zone: "utc" })).find((d) => d.isValid);
  return day ? new Date(Date.UTC(day.year, day.month - 1, day.day)) : undefined;
}

/** A bad value as quoted in a rejection: short, and never an e-mail address (a row cut short can shift one in). */
const shown = (value: string) => `"${cutText(value.replace(/\S+@\S+/g, "(e-mail address)"), MAX_SHOWN)}"`;

function toRow(get: (c: Column) => string, marketplace: MarketplaceCode, line: number): FeedbackRow | RowRejection {
  const orderId = get("orderId");
  if (!orderId) return { line, reason: "the order id is missing" };
  if (!ORDER_ID_PATTERN.test(orderId))
    return { line, reason: `the order id ${shown(orderId)} is not an Amazon order id (like ${ORDER_ID_EXAMPLE})` };
  const ratingText = get("rating");
  if (!ratingText) return { line, reason: "the rating is missing" };
  if (!/^[1-5]$/.test(ratingText))
    return { line, reason: `the rating ${shown(ratingText)} is not a star rating from 1 to 5` };
  const dateText = get("date");
  if (!dateText) return { line, reason: "the date is missing" };
  const date = parseFeedbackDate(dateText, marketplace);
  if (!date)
    return {
      line,
      reason: `the date ${shown(dateText)} is not a date (like ${DATE_FORMATS[marketplace].example} or 2026-11-20)`,
    };
  const response = get("response");
  return {
    line,
    date,
    rating: Number(ratingText),
    comment: cutText(get("comment"), MAX_COMMENT),
    response: response ? cutText(response, MAX_COMMENT) : undefined,
    orderId,
  };
}

type Parsed = { record: string[]; info: { lines: number } }[];

function parseText(text: string, quote = true): Parsed {
  try {
    // With info, each record comes with the line it ends on (csv-parse's types do not say so).
    return parse(text, {
      delimiter: "\t",
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      bom: true,
      info: true,
      quote,
    }) as unknown as Parsed;
  } catch (err) {
    const code = String((err as { code?: unknown })?.code ?? "");
    // Amazon does not quote its cells: a comment that opens a quote and never closes it is the
    // buyer's text, so the file is read again with quotes taken literally.
    if (code === "CSV_QUOTE_NOT_CLOSED" && quote) return parseText(text, false);
    if (!code.startsWith("CSV_")) throw err;
    throw new UnreadableReport(`The file could not be read as a tab-separated report (${(err as Error).message}).`);
  }
}

/**
 * Reads the whole feedback report (a few hundred rows at most). Throws UnreadableReport with a
 * readable message for a file that is not a feedback report.
 */
export function readFeedbackReport(text: string, marketplace: MarketplaceCode): FeedbackReport {
  const [head, ...records] = parseText(text);
  if (!head)
    throw new UnreadableReport(
      "The file is empty. Download the feedback report again and upload the .txt file as it is.",
    );
  const header = head.record.map(norm);
  const index = (c: Column) => header.findIndex((h) => (COLUMNS[c] as readonly string[]).includes(h));
  const missing = REQUIRED.filter((r) => index(r.column) < 0).map((r) => r.name);
  if (missing.length)
    throw new UnreadableReport(
      `This is not an Amazon feedback report I know: the header has no ${missing.join(", ")} column. Upload the feedback report from Seller Central (Performance → Feedback → Feedback Manager), tab-separated as downloaded; its first line must be the column header (Date, Rating, Comments, Your Response, Order ID, Rater Email).`,
    );
  const columns = Object.fromEntries(Object.keys(COLUMNS).map((c) => [c, index(c as Column)])) as Record<
    Column,
    number
  >;
  const report: FeedbackReport = { rows: [], rejected: [] };
  for (const { record, info } of records) {
    const line = info.lines;
    if (record.length < header.length - 1) {
      report.rejected.push({
        line,
        reason: `the row has ${record.length} columns where the header has ${header.length} (cut off?)`,
      });
      continue;
    }
    const row = toRow((c) => (columns[c] < 0 ? "" : (record[columns[c]] ?? "").trim()), marketplace, line);
    if ("reason" in row) report.rejected.push(row);
    else report.rows.push(row);
  }
  return report;
}

/** One or two stars: the ratings that count against the seller's Order Defect Rate. */
export function isNegative(row: FeedbackRow): boolean {
  return row.rating <= 2;
}
