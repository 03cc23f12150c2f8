// Importing Amazon returns reports: both formats, both date styles, bad rows, unknown codes,
// re-imports, a 10,000-row file, and the command line.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { PRIORITY } from "../../src/domain/outboxMessages.ts";
import { IMPORT_SOURCE, type ImportSummary } from "../../src/domain/returnsImport.ts";
import { readReturnsReport } from "../../src/domain/returnsReport.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { importReturns } from "../../src/store/returnsImport.ts";
import { importSummaryMessage } from "../../src/views/importSummary.ts";
import { botTest, type TestConnection } from "../support/botTest.ts";
import { databaseEnv, type TestDatabase } from "../support/database.ts";
import { type FbaRow, fbaReport, mfnReport } from "../support/returnsFiles.ts";
import { runTsx } from "../support/tsxProcess.ts";

const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "s", CASES_CHANNEL: "C0CASES" });
const now = new Date("2026-11-26T10:00:00Z");
async function run(db: TestConnection, text: string, cardLimit = config.importCardLimit): Promise<ImportSummary> {
  const report = await readReturnsReport(Readable.from([text]));
  const { summary } = await importReturns(db.prisma, report, {
    now,
    channelId: "C0CASES",
    clock: config.clock,
    crisis: config.crisis,
    cardRules: config.importCardRules,
    cardLimit,
  });
  return summary;
}

const fbaRows: FbaRow[] = [
  { date: "2025-06-05T15:31:40+00:00", orderId: "114-2962899-5762619", reason: "DEFECTIVE", lpn: "LPN1" },
  { date: "05-JUN-2025", orderId: "114-2962899-5762620", reason: "SWITCHEROO", lpn: "LPN2", asin: "B0SWITCH01" },
  { date: "2025-06-06", orderId: "114-2962899-5762621", reason: "NOT_COMPATIBLE", lpn: "LPN3" },
  {
    date: "2025-06-06",
    orderId: "114-2962899-5762622",
    reason: "APPAREL_TOO_SMALL",
    lpn: "LPN4",
    comment: "It arrived broken too",
  },
  { date: "2025-06-07", orderId: "114-2962899-5762623", reason: "ZZ_NEW_AMAZON_CODE", lpn: "LPN5" },
  { date: "June 7th", orderId: "114-2962899-5762624", reason: "DEFECTIVE", lpn: "LPN6" },
];

describe("returns import", () => {
  botTest(
    "creates a case per good row, rejects bad rows with their line, cards only what needs action",
    async ({ db }) => {
      const s = await run(db, fbaReport(fbaRows));
      expect(s).toMatchObject({ format: "fba", rowsRead: 6, created: 5, duplicates: 0, carded: 3, withRiskWords: 1 });
      expect(s.rejected).toEqual([
        { line: 7, reason: '"June 7th" is not a date (ISO like 2025-06-05 or 05-JUN-2025)' },
      ]);
      expect(s.byReason).toEqual({
        DEFECTIVE: 1,
        SWITCHEROO: 1,
        NOT_COMPATIBLE: 1,
        APPAREL_TOO_SMALL: 1,
        ZZ_NEW_AMAZON_CODE: 1,
      });
      const cases = await db.prisma.case.findMany({ where: { source: IMPORT_SOURCE }, orderBy: { orderId: "asc" } });
      expect(cases.map((c) => [c.returnReason, c.category, c.priority, c.rootCause])).toEqual([
        ["DEFECTIVE", "return", "high", "defect"],
        ["SWITCHEROO", "return", "high", "wrong_item"],
        ["NOT_COMPATIBLE", "return", "normal", "buyer_remorse"],
        ["APPAREL_TOO_SMALL", "return", "high", "buyer_remorse"], // risk words raised it
        ["ZZ_NEW_AMAZON_CODE", "return", "high", null], // unknown codes are kept verbatim
      ]);
      expect(cases[0].createdAt.toISOString()).toBe("2025-06-05T15:31:40.000Z");
      expect(cases[1].createdAt.toISOString()).toBe("2025-06-05T00:00:00.000Z");
      const cards = await db.prisma.outboxMessage.findMany({ where: { kind: "post_card" } });
      expect(cards).toHaveLength(3); // DEFECTIVE, SWITCHEROO, and the risk words
      expect(
        await db.prisma.caseTimer.count({ where: { caseId: { in: cards.map((c) => c.caseId!) } } }),
      ).toBeGreaterThan(0);
      expect(blockKitProblems(importSummaryMessage(s, "returns.txt"), "message")).toEqual([]);
    },
  );

  botTest("creates nothing new when the same file, or an overlapping one, is imported again", async ({ db }) => {
    const again = await run(db, fbaReport(fbaRows));
    expect(again).toMatchObject({ rowsRead: 6, created: 0, duplicates: 5 });
    const overlap = await run(
      db,
      fbaReport([
        ...fbaRows.slice(3, 5),
        { date: "2025-06-08", orderId: "114-2962899-5762625", reason: "DEFECTIVE", lpn: "LPN7" },
      ]),
    );
    expect(overlap).toMatchObject({ created: 1, duplicates: 2 });
    expect(await db.prisma.case.count({ where: { source: IMPORT_SOURCE } })).toBe(6);
  });

  botTest("reads the merchant-fulfilled report: an A-to-z claim is urgent and gets a card", async ({ db }) => {
    const s = await run(
      db,
      mfnReport([
        {
          orderId: "205-1234567-7654321",
          requestDate: "2025-06-07",
          rma: "RMA1",
          reason: "NOT_AS_DESCRIBED",
          aToZ: "Y",
          amount: "24.99",
          currency: "EUR",
        },
        { orderId: "205-1234567-7654322", requestDate: "08-JUN-2025", rma: "RMA2", reason: "UNWANTED_ITEM" },
      ]),
    );
    expect(s).toMatchObject({ format: "mfn", created: 2, carded: 1 });
    const claim = await db.prisma.case.findFirstOrThrow({ where: { orderId: "205-1234567-7654321" } });
    expect(claim).toMatchObject({
      category: "a_to_z_claim",
      priority: "urgent",
      rootCause: "not_as_described",
      currency: "EUR",
    });
    expect(claim.orderValue?.toFixed(2)).toBe("24.99");
  });

  botTest("imports a 10,000-row report", async ({ db }) => {
    const rows: FbaRow[] = Array.from({ length: 10_000 }, (_, i) => ({
      date: "2025-07-01",
      orderId: `113-${String(1000000 + i)}-0000001`,
      reason: i % 10 === 0 ? "DEFECTIVE" : "UNWANTED_ITEM",
      lpn: `BIG${i}`,
      asin: `B0BIG${String(i % 50).padStart(5, "0")}`,
    }));
    const cardsBefore = await db.prisma.outboxMessage.count({ where: { kind: "post_card" } });
    const s = await run(db, fbaReport(rows));
    // 1,000 defective returns need a card; the first 200 (the default limit) get one.
    expect(s).toMatchObject({ rowsRead: 10_000, created: 10_000, duplicates: 0, carded: 200, overCardLimit: 800 });
    const cards = await db.prisma.outboxMessage.findMany({
      where: { kind: "post_card" },
      orderBy: { id: "asc" },
      skip: cardsBefore,
    });
    expect(cards).toHaveLength(200);
    // Queued last in line and held until the import's summary is queued ahead of them.
    for (const card of cards) {
      expect(card.priority).toBe(PRIORITY.bulk);
      expect(card.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    }
    const carded = await db.prisma.case.count({
      where: { source: IMPORT_SOURCE, orderId: { startsWith: "113-" }, responseDueAt: { not: null } },
    });
    expect(carded).toBe(200); // the cases over the limit have no clock either
    expect(Object.keys(s.byAsin)).toHaveLength(50);
    expect(blockKitProblems(importSummaryMessage(s, "big.txt"), "message")).toEqual([]);
  });
});

describe("npm run import", () => {
  async function runCli(testDb: TestDatabase, file: string) {
    const cli = runTsx("src/importCli.ts", {
      args: [file],
      cwd: testDb.settings.dataDir,
      env: { SLACK_BOT_TOKEN: "xoxb-cli", SLACK_SIGNING_SECRET: "s", CASES_CHANNEL: "C0CASES", ...databaseEnv(testDb) },
    });
    const code = await cli.exited;
    return { code, out: cli.output() };
  }

  botTest(
    "imports a file, prints the summary, and exits non-zero when nothing could be imported",
    async ({ testDb, db }) => {
      // The embedded database allows one process at a time.
      await db.whileClosed(async () => {
        const good = path.join(testDb.settings.dataDir, "returns.txt");
        writeFileSync(
          good,
          fbaReport([{ date: "2025-08-01", orderId: "114-7777777-0000001", reason: "DEFECTIVE", lpn: "CLI1" }]),
        );
        const ok = await runCli(testDb, good);
        expect(ok.out).toContain(
          "Imported returns.txt (FBA customer returns report): 1 rows read, 1 cases created, 0 duplicates skipped, 0 rows rejected.",
        );
        expect(ok.code).toBe(0);

        const bad = path.join(testDb.settings.dataDir, "contacts.csv");
        writeFileSync(bad, "name\temail\nJane\tj@example.com\n");
        const refused = await runCli(testDb, bad);
        expect(refused.code).toBe(1);
        expect(refused.out).toContain("not an Amazon returns report I know");
      });
      expect(await db.prisma.outboxMessage.count({ where: { kind: "message" } })).toBe(1); // the summary, for the bot to post
    },
  );
});
