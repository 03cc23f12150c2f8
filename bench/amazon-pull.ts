// Benchmark: a 50,000-row FBA returns report brought in two ways, each twice in alternating order
// (file, pull, pull, file): imported from a file as `npm run import` does, and pulled from Amazon's
// Reports API — a local stand-in for Login with Amazon and the Reports API serving it gzipped,
// the other three report types cancelled (no data). Every report has its own order ids, license
// plates and ASINs, so nothing is a duplicate and each import raises the same early warnings.
// The target: the pull imports at no less than the file importer's rate.
// Embedded PGlite by default; set DATABASE_URL=postgres://… to measure PostgreSQL.
//   npm run bench:amazon
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Logger, LogLevel } from "@slack/bolt";
import { type SpApiClient, spApiClient } from "../src/amazon/spApiClient.ts";
import { loadConfig } from "../src/config.ts";
import { FEEDS } from "../src/domain/amazonFeeds.ts";
import { readReturnsReport } from "../src/domain/returnsReport.ts";
import { startAmazonPull } from "../src/jobs/amazonPull.ts";
import { amazonSettingsFor, startAmazonStandIn } from "../src/sandbox/amazonStandIn.ts";
import { importReturns, queueImportSummary } from "../src/store/returnsImport.ts";
import { importSummaryMessage } from "../src/views/importSummary.ts";
import { type FbaRow, fbaReport } from "../test/support/returnsFiles.ts";
import { emptyBenchDatabase } from "./benchDatabase.ts";

const ROWS = 50_000;
const WARM_UP_ROWS = 1_000;
const FBA = FEEDS.fba_returns.reportType;

/** Report `n` (1–9): its own order ids, license plates and 200 ASINs; one in ten seller-fault. */
function report(n: number, rows: number): string {
  const list: FbaRow[] = Array.from({ length: rows }, (_, i) => ({
    date: i % 2 ? "2025-07-01T10:00:00+00:00" : "01-JUL-2025",
    orderId: `113-${n}${String(i).padStart(6, "0")}-0000001`,
    reason: i % 10 === 0 ? "DEFECTIVE" : "UNWANTED_ITEM",
    lpn: `LPN${n}X${i}`,
    asin: `B0R${n}AS${String(i % 200).padStart(3, "0")}X`,
    comment: i % 7 === 0 ? "Box was dented" : "",
  }));
  return fbaReport(list);
}

const quiet = () => {};
const logger: Logger = {
  debug: quiet,
  info: quiet,
  warn: (...msg) => console.warn(...msg),
  error: (...msg) => console.error(...msg),
  getLevel: () => LogLevel.WARN,
  setLevel: quiet,
  setName: quiet,
};

type Result = { method: "file" | "pull"; round: string; rows: number; seconds: number; amazonSeconds?: number };

async function main() {
  const { db, done } = await emptyBenchDatabase("amazon-pull");
  const files = mkdtempSync(path.join(tmpdir(), "aftersales-bench-amazon-files-"));
  const amazon = await startAmazonStandIn();
  amazon.pollsPerStep = 0; // the first look finds the report done
  // A database kept from an earlier run (PostgreSQL) may still know that run's feeds and reports.
  await db.prisma.amazonReport.deleteMany();
  await db.prisma.amazonFeed.deleteMany();

  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: "s",
    CASES_CHANNEL: "C0CASES",
    ...amazonSettingsFor(amazon),
  });
  const settings = config.amazon!;

  // Amazon's side of the FBA report (token, create, looks, document address, download, gunzip),
  // timed around each call of the same client the pull builds by itself.
  const sp = spApiClient(settings);
  const fbaReportIds = new Set<string>();
  let amazonMs = 0;
  const timed = async <T>(counts: () => boolean, call: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await call();
    } finally {
      if (counts()) amazonMs += performance.now() - t;
    }
  };
  const client: SpApiClient = {
    createReport: (r) =>
      timed(
        () => r.reportType === FBA,
        async () => {
          const id = await sp.createReport(r);
          if (r.reportType === FBA) fbaReportIds.add(id);
          return id;
        },
      ),
    getReport: (id) =>
      timed(
        () => fbaReportIds.has(id),
        () => sp.getReport(id),
      ),
    downloadDocument: (id) =>
      timed(
        () => true, // only the FBA report has a document
        () => sp.downloadDocument(id),
      ),
  };

  const pull = startAmazonPull({
    deps: {
      prisma: db.prisma,
      config,
      now: () => new Date(),
      wakeOutbox: quiet,
      defectIn: quiet,
      routingRules: { current: () => [], reload: async () => {} },
    },
    settings,
    logger,
    client,
    schedule: false,
    pollDelayMs: () => 0,
  });

  let next = 1;
  async function viaFile(rows: number, round: string): Promise<Result> {
    const name = `returns-${next}.txt`;
    const file = path.join(files, name);
    writeFileSync(file, report(next++, rows));
    const t = performance.now();
    const imported = await importReturns(db.prisma, await readReturnsReport(createReadStream(file)), {
      now: new Date(),
      channelId: config.casesChannel,
      clock: config.clock,
      crisis: config.crisis,
      cardRules: config.importCardRules,
      cardLimit: config.importCardLimit,
    });
    await queueImportSummary(db.prisma, config.casesChannel, importSummaryMessage(imported.summary, name), imported);
    const seconds = (performance.now() - t) / 1000;
    const s = imported.summary;
    if (s.created !== rows) throw new Error(`the file import created ${s.created} cases of ${rows} rows`);
    return { method: "file", round, rows, seconds };
  }

  async function viaPull(rows: number, round: string): Promise<Result> {
    const document = report(next++, rows);
    amazon.onReport((req) =>
      req.reportType === FBA ? { status: "DONE", document, compressed: true } : { status: "CANCELLED" },
    );
    amazonMs = 0;
    const t = performance.now();
    await pull.pullNow();
    const seconds = (performance.now() - t) / 1000;
    const pulled = await db.prisma.amazonReport.findFirstOrThrow({
      where: { feed: { kind: "fba_returns" } },
      orderBy: { id: "desc" },
    });
    if (pulled.status !== "imported" || pulled.created !== rows)
      throw new Error(`the pull ended ${pulled.status} with ${pulled.created} cases of ${rows} rows: ${pulled.error}`);
    return { method: "pull", round, rows, seconds, amazonSeconds: amazonMs / 1000 };
  }

  // Untimed: the first import of each kind also pays for loading and compiling its code.
  await viaFile(WARM_UP_ROWS, "warm-up");
  await viaPull(WARM_UP_ROWS, "warm-up");

  const results: Result[] = [];
  for (const [method, round] of [
    ["file", "1"],
    ["pull", "1"],
    ["pull", "2"],
    ["file", "2"],
  ] as const) {
    const r = await (method === "file" ? viaFile : viaPull)(ROWS, round);
    results.push(r);
    console.log(
      `${method} ${round}: ${r.seconds.toFixed(2)} s${r.amazonSeconds === undefined ? "" : ` (Amazon's side ${r.amazonSeconds.toFixed(2)} s)`}`,
    );
  }

  const rate = (r: Result) => r.rows / r.seconds;
  console.log(`\n${ROWS}-row FBA returns report, ${db.kind}:`);
  console.table(
    results.map((r) => ({
      method: r.method === "file" ? "file importer" : "pull from Amazon",
      round: r.round,
      rows: r.rows,
      seconds: Number(r.seconds.toFixed(2)),
      "rows/s": Math.round(rate(r)),
      "Amazon's side (s)": r.amazonSeconds === undefined ? "" : Number(r.amazonSeconds.toFixed(2)),
    })),
  );
  const of = (method: string, round: string) => results.find((r) => r.method === method && r.round === round)!;
  for (const round of ["1", "2"]) {
    console.log(`round ${round}: pull/file rows/s = ${(rate(of("pull", round)) / rate(of("file", round))).toFixed(2)}`);
  }
  // file, pull, pull, file: summed over both rounds, a steady slowdown as the tables grow evens out.
  const both = (method: string) => {
    const rs = results.filter((r) => r.method === method);
    return rs.reduce((n, r) => n + r.rows, 0) / rs.reduce((t, r) => t + r.seconds, 0);
  };
  console.log(
    `both rounds: file ${Math.round(both("file"))} rows/s, pull ${Math.round(both("pull"))} rows/s, pull/file = ${(both("pull") / both("file")).toFixed(2)}`,
  );

  await pull.stop();
  await amazon.close();
  await done();
  rmSync(files, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
