import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { MarketplaceCode } from "../../src/domain/amazon.ts";
import { isNegative, parseFeedbackDate, readFeedbackReport } from "../../src/domain/feedbackReport.ts";
import { UnreadableReport } from "../../src/domain/returnsReport.ts";

const HEADER = "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email";
const ORDER = "114-2962899-5762619";
const EMAIL = "abc123xyz@marketplace.amazon.com";

/** A report with the header and the given rows, each row's cells joined by tabs. */
const report = (rows: string[][], header = HEADER) => [header, ...rows.map((r) => r.join("\t"))].join("\n");
const row = (over: { date?: string; rating?: string; comment?: string; response?: string; orderId?: string } = {}) => [
  over.date ?? "11/20/26",
  over.rating ?? "1",
  over.comment ?? "Arrived broken",
  over.response ?? "",
  over.orderId ?? ORDER,
  EMAIL,
];
const day = (d: Date | undefined) => d?.toISOString().slice(0, 10);

describe("reading the feedback report", () => {
  it("reads the downloaded report: every row, its line, stars, comment and response", () => {
    const text = readFileSync(new URL("../fixtures/amazon/feedback-us.txt", import.meta.url), "utf8");
    const { rows, rejected } = readFeedbackReport(text, "US");
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({
      line: 2,
      date: new Date("2026-11-20T00:00:00Z"),
      rating: 1,
      comment: "Arrived broken, zipper fell off after one day. Terrible quality.",
      response: undefined,
      orderId: ORDER,
    });
    expect(rows.filter(isNegative).map((r) => r.rating)).toEqual([1, 2, 1]);
    expect(rows.find((r) => r.rating === 2)?.comment).toBe("包装破损，拉链坏了。卖家一直没有回复我的消息。");
    expect(rows[5]).toMatchObject({ line: 7, response: expect.stringMatching(/^We are sorry/) });
  });

  it("never keeps the rater's e-mail address, not even in a rejection", () => {
    const text = readFileSync(new URL("../fixtures/amazon/feedback-us.txt", import.meta.url), "utf8");
    // A row missing its response column puts the e-mail where the order id belongs.
    const shifted = `${report([row()])}\n11/20/26\t1\tBroken\t${ORDER}\t${EMAIL}\textra`;
    const cutShort = `${HEADER}\n11/20/26\t1\tBroken\t${EMAIL}\t${EMAIL}`;
    for (const t of [text, shifted, cutShort]) {
      const out = JSON.stringify(readFeedbackReport(t, "US"));
      expect(out).not.toMatch(/@/);
    }
    expect(readFeedbackReport(cutShort, "US").rejected[0]?.reason).toContain("(e-mail address)");
  });

  it.each<[MarketplaceCode, string, string]>([
    ["US", "11/20/26", "2026-11-20"],
    ["US", "1/5/2026", "2026-01-05"],
    ["US", "03/04/26", "2026-03-04"],
    ["CA", "11/20/26", "2026-11-20"],
    ["MX", "11/20/2026", "2026-11-20"],
    ["UK", "20/11/26", "2026-11-20"],
    ["UK", "5/1/2026", "2026-01-05"],
    ["DE", "20.11.26", "2026-11-20"],
    ["DE", "20.11.2026", "2026-11-20"],
    ["DE", "20/11/26", "2026-11-20"],
    ["DE", "03/04/26", "2026-04-03"],
    ["FR", "20/11/26", "2026-11-20"],
    ["IT", "20/11/2026", "2026-11-20"],
    ["ES", "20/11/26", "2026-11-20"],
    ["JP", "2026/11/20", "2026-11-20"],
    ["JP", "2026/1/5", "2026-01-05"],
    ["US", "2026-11-20", "2026-11-20"],
    ["DE", "2026-11-20T15:31:40+00:00", "2026-11-20"],
    // The day as written where the feedback was left, not the UTC day.
    ["US", "2026-11-20T23:30:00-08:00", "2026-11-20"],
    ["JP", "2026-11-20", "2026-11-20"],
  ])("reads a %s date %s as %s", (marketplace, text, expected) => {
    expect(day(parseFeedbackDate(text, marketplace))).toBe(expected);
    const { rows } = readFeedbackReport(report([row({ date: text })]), marketplace);
    expect(rows[0]?.date.toISOString()).toBe(`${expected}T00:00:00.000Z`);
  });

  it.each<[MarketplaceCode, string]>([
    ["US", "20/11/26"],
    ["UK", "11/20/26"],
    ["JP", "11/20/26"],
    ["US", "2026"],
    ["US", "yesterday"],
    ["DE", "31.02.26"],
  ])("rejects the %s date %s", (marketplace, text) => {
    const { rows, rejected } = readFeedbackReport(report([row({ date: text })]), marketplace);
    expect(rows).toEqual([]);
    expect(rejected).toEqual([{ line: 2, reason: expect.stringContaining(`the date "${text}" is not a date`) }]);
  });

  it.each([
    ["0", false],
    ["1", true],
    ["2", true],
    ["3", true],
    ["5", true],
    ["6", false],
    ["x", false],
    ["4.5", false],
    ["", false],
  ])("rating %j is read: %s", (rating, ok) => {
    const { rows, rejected } = readFeedbackReport(report([row({ rating })]), "US");
    if (ok) expect(rows[0]?.rating).toBe(Number(rating));
    else
      expect(rejected[0]?.reason).toBe(
        rating ? `the rating "${rating}" is not a star rating from 1 to 5` : "the rating is missing",
      );
  });

  it("counts one and two stars as negative, three and up not", () => {
    const { rows } = readFeedbackReport(report(["1", "2", "3", "4", "5"].map((rating) => row({ rating }))), "US");
    expect(rows.map(isNegative)).toEqual([true, true, false, false, false]);
  });

  it.each([
    ["", "the order id is missing"],
    ["114-2962899", 'the order id "114-2962899" is not an Amazon order id (like 114-2962899-5762619)'],
    ["D01-2962899-5762619", 'the order id "D01-2962899-5762619" is not an Amazon order id'],
    ["x".repeat(60), `the order id "${"x".repeat(40)}" is not`],
  ])("rejects the order id %j", (orderId, reason) => {
    const { rows, rejected } = readFeedbackReport(report([row({ orderId })]), "US");
    expect(rows).toEqual([]);
    expect(rejected[0]?.reason).toContain(reason);
  });

  it("keeps the good rows around a bad one, each rejection with its line", () => {
    const text = report([row(), row({ rating: "9" }), row({ orderId: "nope" }), row({ date: "soon" }), row()]);
    const { rows, rejected } = readFeedbackReport(text, "US");
    expect(rows.map((r) => r.line)).toEqual([2, 6]);
    expect(rejected.map((r) => r.line)).toEqual([3, 4, 5]);
  });

  it("trims comments and cuts them to 2,000 characters", () => {
    const { rows } = readFeedbackReport(
      report([row({ comment: "  Broken  ", response: "  Sorry!  " }), row({ comment: "a".repeat(2500) })]),
      "US",
    );
    expect(rows[0]).toMatchObject({ comment: "Broken", response: "Sorry!" });
    expect(rows[1]?.comment).toHaveLength(2000);
  });

  it("skips blank lines, tolerates a BOM, Windows line ends and quotes in comments", () => {
    const text = `\uFEFF${HEADER}\r\n\r\n${row({ comment: '"Great" bag' }).join("\t")}\r\n\t\t\t\t\t\r\n${row({ comment: '"Unclosed' }).join("\t")}\r\n`;
    const { rows, rejected } = readFeedbackReport(text, "US");
    expect(rejected).toEqual([]);
    expect(rows.map((r) => [r.line, r.comment])).toEqual([
      [3, '"Great" bag'],
      [5, '"Unclosed'],
    ]);
  });

  it("accepts other spellings of the header, with or without the e-mail column", () => {
    const text = report([["2026-11-20", "2", "Late", "", ORDER]], "arrival date\tRATING\tcomment\tResponse\torder-id");
    expect(readFeedbackReport(text, "US").rows[0]).toMatchObject({ rating: 2, comment: "Late", orderId: ORDER });
  });

  it("rejects a row cut short", () => {
    const { rejected } = readFeedbackReport(`${HEADER}\n11/20/26\t1\tBroken`, "US");
    expect(rejected).toEqual([{ line: 2, reason: "the row has 3 columns where the header has 6 (cut off?)" }]);
  });

  it.each([
    ["", /file is empty/],
    [`Date\tComments\tOrder ID\n11/20/26\tBroken\t${ORDER}`, /no Rating column/],
    ["Rating\tComments\n1\tBroken", /no Date, Order ID column/],
    [
      `return-date\torder-id\tsku\tasin\treason\n2026-11-20\t${ORDER}\tS\tB00TZ73MUY\tDEFECTIVE`,
      /not an Amazon feedback report/,
    ],
  ])("refuses a file that is not a feedback report (%#)", (text, message) => {
    expect(() => readFeedbackReport(text, "US")).toThrow(UnreadableReport);
    expect(() => readFeedbackReport(text, "US")).toThrow(message);
  });
});
