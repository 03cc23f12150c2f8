// Property tests of what reads people's and files' input: the returns report reader, the new-case
// and resolve forms (and the intake API, which shares their rules) and the /case arguments. On any
// input each gives a value within the limits checked at the edge, or a message that says what is
// wrong; none throws anything else.
// A failure prints the counterexample and the seed to replay it with ({ seed, path } in fc.assert);
// PROPERTY_RUNS=5000 searches longer than the default runs.

import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASIN_PATTERN, MARKETPLACE_CODES, ORDER_ID_PATTERN, SKU_MAX } from "../../src/domain/amazon.ts";
import { newCaseSchema, orderVolumeSchema } from "../../src/domain/caseInput.ts";
import { parseListFilter } from "../../src/domain/caseLists.ts";
import { subcommand } from "../../src/domain/commandWords.ts";
import { DEFAULT_RISK_PHRASES } from "../../src/domain/crisis.ts";
import { AMOUNT_PATTERN } from "../../src/domain/money.ts";
import { parseOrdersArgs } from "../../src/domain/odr.ts";
import { parseReportRange } from "../../src/domain/reportRange.ts";
import { resolveSchema } from "../../src/domain/resolveInput.ts";
import { DEFAULT_CARD_RULES, planReturn, returnDescription } from "../../src/domain/returnsImport.ts";
import { type ReturnRow, type RowRejection, readReturnsReport } from "../../src/domain/returnsReport.ts";
import { previousPeriod } from "../../src/domain/triage.ts";
import {
  CATEGORIES,
  keysOf,
  MONEY_RESOLUTIONS,
  PRIORITIES,
  RESOLUTIONS,
  ROOT_CAUSES,
} from "../../src/domain/vocabulary.ts";
import { ENGLISH, say, words } from "../../src/i18n/i18n.ts";
import { halfCharacter } from "../../src/sandbox/blockKitLimits.ts";
import { hostileText, shortHostileText } from "../support/hostileText.ts";
import { amount, asin, currency, date, marketplace, orderId } from "../support/recordArbitraries.ts";
import { FBA_HEADER, fbaReport, MFN_HEADER } from "../support/returnsFiles.ts";

const runs = (numRuns: number) => ({ numRuns: Number(process.env.PROPERTY_RUNS) || numRuns });

/** A value a field expects, or anything else a person, a program or a file could send instead. */
const either = <T>(expected: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: expected },
    { weight: 2, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.constantFrom("", " ", null, undefined) },
    { weight: 1, arbitrary: fc.anything() },
  );

describe("reading a returns report", () => {
  async function readAll(input: string | Uint8Array) {
    const report = await readReturnsReport(Readable.from([Buffer.from(input)]));
    const rows: (ReturnRow | RowRejection)[] = [];
    for await (const r of report.rows) rows.push(r);
    return { format: report.format, rows };
  }

  /** What any row must look like: a checked return, or a rejection saying which line and why. */
  function expectRowWithinLimits(r: ReturnRow | RowRejection, format: "fba" | "mfn") {
    expect(Number.isInteger(r.line) && r.line >= 2).toBe(true);
    if (!("orderId" in r)) {
      expect(r.reason.trim()).not.toBe("");
      return;
    }
    expect(r.orderId).toMatch(ORDER_ID_PATTERN);
    if (r.asin !== undefined) expect(r.asin).toMatch(ASIN_PATTERN);
    if (r.sku !== undefined) expect(r.sku.length).toBeLessThanOrEqual(SKU_MAX);
    expect(r.reason.length).toBeGreaterThan(0);
    expect(r.reason.length).toBeLessThanOrEqual(64);
    expect(r.reason).toBe(r.reason.toUpperCase());
    if (r.currency !== undefined) expect(r.currency).toMatch(/^[A-Z]{3}$/);
    if (r.orderAmount !== undefined) expect(r.orderAmount).toMatch(AMOUNT_PATTERN);
    expect(Number.isInteger(r.quantity) && r.quantity >= 1).toBe(true);
    expect(Number.isNaN(r.returnDate.getTime())).toBe(false);
    if (format === "fba") expect([r.aToZClaim, r.currency, r.orderAmount]).toEqual([false, undefined, undefined]);
    // What the import stores as the case's description fits a case.
    const description = returnDescription(r);
    expect(description.length).toBeGreaterThan(0);
    expect(description.length).toBeLessThanOrEqual(3000);
    expect(halfCharacter(description)).toBe(false);
    const plan = planReturn(r, DEFAULT_CARD_RULES, {
      channelId: "C0CRISIS",
      wave: { minCases: 5, windowHours: 24, multiplier: 3, baselineDays: 28, quietHours: 12 },
      odr: { alertPercent: 1, warningPercent: 0.8 },
      riskPhrases: DEFAULT_RISK_PHRASES,
    });
    expect(Object.keys(CATEGORIES)).toContain(plan.category);
    expect(Object.keys(PRIORITIES)).toContain(plan.priority);
  }

  /** The reader's own refusals: a sentence saying what to upload instead. */
  const REFUSALS =
    /^(The file is empty|The file looks binary|The file could not be read|This is not an Amazon returns report)/;

  it("reads any bytes as a report or refuses them with a readable message", async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((b) => b as Uint8Array),
      hostileText,
      // A real header followed by anything.
      fc.tuple(fc.constantFrom(FBA_HEADER, MFN_HEADER), hostileText).map(([h, rest]) => `${h.join("\t")}\n${rest}`),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (input) => {
        const read = await readAll(input).catch((err: Error) => err);
        if (read instanceof Error) {
          expect(read.message).toMatch(REFUSALS);
          return;
        }
        for (const r of read.rows) expectRowWithinLimits(r, read.format);
      }),
      runs(150),
    );
  });

  it("turns every row into a return within Amazon's limits or a rejection with its line", async () => {
    const reasons = fc.constantFrom("DEFECTIVE", "NOT_COMPATIBLE", "SWITCHEROO", "UNWANTED_ITEM", "NEVER_ARRIVED");
    const dates = fc.oneof(
      date.map((d) => d.toISOString()),
      date.map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom("05-JUN-2025", "5-jun-2025", "31-FEB-2025"),
    );
    // The columns the reader checks hold what Amazon writes, or now and then something else; the
    // free-text columns hold anything; the rest hold short text (a tab or line break in any cell
    // shifts the columns, as in a damaged file).
    const checked: Record<string, fc.Arbitrary<string>> = {
      "return-date": dates,
      "order-id": orderId,
      sku: fc.string({ maxLength: 45 }),
      asin,
      quantity: fc.oneof(fc.integer({ min: -2, max: 20 }).map(String), fc.constantFrom("1.5", "two", "1e2")),
      reason: reasons,
      "license-plate-number": fc.stringMatching(/^LPN[A-Z0-9]{6}$/),
      "Order ID": orderId,
      "Return request date": dates,
      "Amazon RMA ID": fc.stringMatching(/^D[A-Za-z0-9]{3}$/),
      "Currency code": fc.oneof(currency, fc.constantFrom("usd", "10.00 <@U0VICTIM>", "€")),
      "A-to-Z Claim": fc.constantFrom("Y", "N", "yes", ""),
      ASIN: asin,
      "Merchant SKU": fc.string({ maxLength: 45 }),
      "Return Reason": fc.oneof(reasons, fc.string({ minLength: 60, maxLength: 70 })),
      "Order Amount": fc.oneof(amount, fc.constantFrom("1,299.00", "29,99", "-5")),
    };
    const freeText = ["customer-comments", "product-name", "detailed-disposition", "Item Name"];
    const cell = (name: string) =>
      freeText.includes(name)
        ? hostileText
        : fc.oneof(
            { weight: 12, arbitrary: checked[name] ?? fc.string({ maxLength: 10 }) },
            { weight: 1, arbitrary: shortHostileText },
            { weight: 1, arbitrary: fc.constant("") },
          );
    const report = fc
      .constantFrom(FBA_HEADER, MFN_HEADER)
      .chain((header) =>
        fc
          .array(fc.tuple(...header.map(cell)), { minLength: 1, maxLength: 10 })
          .map((rows) => [header, ...rows].map((r) => r.join("\t")).join("\n")),
      );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(report, async (text) => {
        const read = await readAll(text).catch((err: Error) => err);
        if (read instanceof Error) {
          expect(read.message).toMatch(REFUSALS);
          return;
        }
        for (const r of read.rows) expectRowWithinLimits(r, read.format);
        const lines = read.rows.map((r) => r.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
        accepted += read.rows.filter((r) => "orderId" in r).length;
      }),
      runs(100),
    );
    // The reports are close enough to real ones that many rows get through.
    expect(accepted).toBeGreaterThan(20);
  });
});

describe("the new-case form and the intake API", () => {
  const body = fc.record(
    {
      orderId: either(orderId),
      asin: either(asin),
      sku: either(fc.string({ maxLength: 45 })),
      marketplace: either(fc.oneof(marketplace, fc.constantFrom("gb", "ATVPDKIKX0DER", " de "))),
      category: either(fc.constantFrom(...keysOf(CATEGORIES))),
      priority: either(fc.constantFrom(...keysOf(PRIORITIES))),
      description: either(fc.string({ minLength: 1, maxLength: 3100 })),
      orderValue: either(fc.oneof(amount, fc.double(), fc.constantFrom("1,299.50", "29,99", "12.345"))),
      currency: either(fc.oneof(currency, fc.constantFrom("usd", " eur ", "US$", "EURO"))),
      buyerName: either(fc.string({ maxLength: 210 })),
      externalId: either(fc.string({ maxLength: 210 })),
      source: either(fc.stringMatching(/^[a-z0-9_.-]{1,41}$/)),
    },
    { requiredKeys: ["orderId", "category", "description"] },
  );

  // Limits count characters as people (and PostgreSQL) do: an emoji is one, not two UTF-16 units.
  const characters = (s: string) => [...s].length;

  it("accepts only values within the limits, and names each field it refuses", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: body }, { weight: 1, arbitrary: fc.anything() }), (input) => {
        const r = newCaseSchema.safeParse(input);
        if (!r.success) {
          for (const issue of r.error.issues) expect(issue.message.trim()).not.toBe("");
          return;
        }
        accepted++;
        const c = r.data;
        expect(c.orderId).toMatch(ORDER_ID_PATTERN);
        if (c.asin !== undefined) expect(c.asin).toMatch(ASIN_PATTERN);
        if (c.sku !== undefined) expect(characters(c.sku)).toBeLessThanOrEqual(SKU_MAX);
        if (c.marketplace !== undefined) expect(MARKETPLACE_CODES).toContain(c.marketplace);
        expect(Object.keys(CATEGORIES)).toContain(c.category);
        expect(c.description.length).toBeGreaterThan(0);
        expect(characters(c.description)).toBeLessThanOrEqual(3000);
        expect(c.description).toBe(c.description.trim());
        if (c.orderValue !== undefined) {
          expect(c.orderValue).toMatch(AMOUNT_PATTERN);
          expect(c.currency).toMatch(/^[A-Z]{3}$/);
        }
        if (c.currency !== undefined) expect(c.currency).toMatch(/^[A-Z]{3}$/);
        if (c.buyerName !== undefined) expect(characters(c.buyerName)).toBeLessThanOrEqual(200);
        if (c.externalId !== undefined) expect(characters(c.externalId)).toBeLessThanOrEqual(200);
        if (c.source !== undefined) expect(c.source).toMatch(/^[a-z0-9_.-]{1,40}$/);
      }),
      // A body known to be good goes first: whatever the random ones hold, the checks above run.
      { ...runs(200), examples: [[{ orderId: "114-2962899-5762619", category: "return", description: "Broken zip" }]] },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it("records daily order volume only as a whole number the database can hold", () => {
    const volume = fc.record(
      {
        marketplace: either(marketplace),
        date: either(date.map((d) => d.toISOString().slice(0, 10))),
        orders: either(fc.oneof(fc.nat(), fc.integer({ min: -5, max: Number.MAX_SAFE_INTEGER }), fc.double())),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(volume, (input) => {
        const r = orderVolumeSchema.safeParse(input);
        if (!r.success) {
          for (const issue of r.error.issues) expect(issue.message.trim()).not.toBe("");
          return;
        }
        expect(MARKETPLACE_CODES).toContain(r.data.marketplace);
        expect(r.data.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isInteger(r.data.orders)).toBe(true);
        expect(r.data.orders).toBeGreaterThanOrEqual(0);
        expect(r.data.orders).toBeLessThanOrEqual(2_147_483_647);
      }),
      runs(200),
    );
  });
});

describe("the resolve form", () => {
  it("asks for money only where money moves, and accepts only values within the limits", () => {
    const form = fc.record(
      {
        resolution: either(fc.constantFrom(...keysOf(RESOLUTIONS))),
        rootCause: either(fc.constantFrom(...keysOf(ROOT_CAUSES))),
        amount: either(fc.oneof(amount, fc.constantFrom("1,299.50", "12,5", "-3", "1e3"))),
        currency: either(fc.oneof(currency, fc.constantFrom("jpy", "€"))),
        note: either(fc.string({ maxLength: 2100 })),
      },
      { requiredKeys: [] },
    );
    const caseCurrency = fc.oneof(currency, fc.constant(null), fc.constant("per case" as const));
    fc.assert(
      fc.property(form, caseCurrency, (input, cur) => {
        const r = resolveSchema(cur).safeParse(input);
        if (!r.success) {
          for (const issue of r.error.issues) expect(issue.message.trim()).not.toBe("");
          return;
        }
        const v = r.data;
        expect(Object.keys(RESOLUTIONS)).toContain(v.resolution);
        expect(Object.keys(ROOT_CAUSES)).toContain(v.rootCause);
        if (MONEY_RESOLUTIONS.includes(v.resolution)) expect(v.amount).toBeDefined();
        if (v.amount !== undefined) {
          expect(v.amount).toMatch(AMOUNT_PATTERN);
          if (cur !== "per case") expect(v.currency).toMatch(/^[A-Z]{3}$/);
        } else expect(v.currency).toBeUndefined();
        if (v.currency !== undefined) expect(v.currency).toMatch(/^[A-Z]{3}$/);
        // Counted in characters, as the form's field counts them (an emoji is one).
        if (v.note !== undefined) expect([...v.note].length).toBeLessThanOrEqual(2000);
      }),
      runs(200),
    );
  });
});

describe("/case arguments", () => {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  const anyDay = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

  /** What follows `/case list`, `/case summary` or `/case orders`, as Slack sends it. */
  const typed = fc.oneof(
    hostileText,
    fc.constantFrom("open", "mine", "unclaimed", "breached", "<@U012ABC|jane>", "b00tz73muy", "7d", "365d", "0d"),
    fc
      .tuple(date, date, fc.constantFrom("..", " to ", " – ", "- "))
      .map(([a, b, sep]) => `${a.toISOString().slice(0, 10)}${sep}${b.toISOString().slice(0, 10)}`),
    // Any four-digit year, as a slip of the finger writes it (0226 for 2026).
    fc.tuple(anyDay, anyDay).map(([a, b]) => `${a}..${b}`),
    fc.tuple(fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), anyDay).map(([a, b]) => `${a}..${b}`),
    fc.integer({ min: 0, max: 1000 }).map((n) => `${n}d`),
  );

  it("/case list: a filter the store understands, or the filters it knows", () => {
    fc.assert(
      fc.property(typed, (text) => {
        const f = parseListFilter(text);
        if ("error" in f) {
          // Said in either language, always with the filters it knows.
          expect(say(ENGLISH, f.error)).toContain("Use `open`, `mine`, `unclaimed`, `breached`");
          expect(say(words("zh-CN"), f.error)).toContain("`unclaimed`（未认领）");
          return;
        }
        if (f.kind === "user") expect(f.userId).toMatch(/^[UW][A-Z0-9]+$/);
        if (f.kind === "asin") expect(f.asin).toMatch(ASIN_PATTERN);
      }),
      runs(200),
    );
  });

  // Found by the property above: "__proto__" read the table of Chinese words' own prototype.
  it("/case list and the subcommands: words that name an object's own parts are words like any other", () => {
    for (const word of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(parseListFilter(word)).toEqual({ error: { key: "commands.parse.list.unknown", params: { text: word } } });
      expect(subcommand(word)).toBe(word.toLowerCase());
    }
  });

  it("/case summary: a period the database can hold (and the one before it), or how to write one", () => {
    const zone = fc.constantFrom("UTC", "Europe/Berlin", "Asia/Shanghai", "Pacific/Kiritimati", "America/Los_Angeles");
    fc.assert(
      fc.property(typed, date, zone, (text, now, tz) => {
        const r = parseReportRange(text, now, tz);
        if ("error" in r) {
          expect(say(ENGLISH, r.error)).toContain("Use `7d`, `30d` (up to `365d`)");
          expect(say(words("zh-CN"), r.error)).toContain("`7d`、`30d`");
          return;
        }
        const { from, to } = r.period;
        expect(from.getTime()).toBeLessThan(to.getTime());
        // Timestamps between the years 1 and 9999 are what the database stores.
        for (const d of [previousPeriod(r.period).from, to]) {
          expect(d.getUTCFullYear()).toBeGreaterThanOrEqual(1);
          expect(d.getUTCFullYear()).toBeLessThanOrEqual(9999);
        }
      }),
      runs(300),
    );
  });

  it("/case orders: a marketplace and a whole number of orders the database can hold, or nothing", () => {
    const args = fc.oneof(
      fc.array(hostileText, { maxLength: 3 }),
      fc.tuple(
        fc.oneof(marketplace, fc.constantFrom("gb", "xx")),
        fc.oneof(
          fc.nat().map(String),
          fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
          fc.constantFrom("48,200", "1_000", "1e3", "-5", "0", "2.5", "Infinity"),
        ),
      ),
    );
    fc.assert(
      fc.property(args, (a) => {
        const r = parseOrdersArgs(a);
        if (!r) return;
        expect(MARKETPLACE_CODES).toContain(r.marketplace);
        expect(Number.isInteger(r.orders)).toBe(true);
        expect(r.orders).toBeGreaterThan(0);
        expect(r.orders).toBeLessThanOrEqual(2_147_483_647);
      }),
      runs(200),
    );
  });
});

describe("counterexamples the properties found, kept as examples", () => {
  it("an imported return's description is cut to 3,000 characters without half an emoji", async () => {
    const report = await readReturnsReport(
      Readable.from([
        fbaReport([
          {
            date: "2025-06-05",
            orderId: "114-2962899-5762619",
            reason: "DEFECTIVE",
            lpn: "L1",
            comment: "😀".repeat(2000),
          },
        ]),
      ]),
    );
    const rows: (ReturnRow | RowRejection)[] = [];
    for await (const r of report.rows) rows.push(r);
    const description = returnDescription(rows[0] as ReturnRow);
    expect(description.length).toBeLessThanOrEqual(3000);
    expect(halfCharacter(description)).toBe(false);
  });

  it("order volume above what the database holds is refused with a reason, by the API and by /case orders", () => {
    const r = orderVolumeSchema.safeParse({ marketplace: "US", date: "2026-11-25", orders: 2_147_483_648 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(["orders is at most 2147483647"]);
    expect(parseOrdersArgs(["US", "2147483648"])).toBeUndefined();
    expect(parseOrdersArgs(["US", "2,147,483,647"])).toEqual({ marketplace: "US", orders: 2_147_483_647 });
    expect(parseOrdersArgs(["gb", "48_200"])).toEqual({ marketplace: "UK", orders: 48_200 });
  });

  it("/case summary refuses a year the database cannot hold (or a typo like 0226) instead of failing", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    for (const text of ["0000-01-01..0000-01-02", "0226-11-01..2026-11-30", "2026-11-01..9999-12-31"])
      expect(parseReportRange(text, now, "UTC")).toEqual({
        error: { key: "commands.parse.range.yearOutside", params: { text, first: 2000, last: 2099 } },
      });
    expect(parseReportRange("2025-01-01..2025-12-31", now, "UTC")).toEqual({
      period: { from: new Date("2025-01-01T00:00:00Z"), to: new Date("2026-01-01T00:00:00Z") },
    });
  });
});
