// Benchmark: importing a 10,000-row FBA returns report (one in ten seller-fault, so carded).
// Embedded PGlite by default; set DATABASE_URL=postgres://… to measure PostgreSQL.
//   npm run bench:import
import { Readable } from "node:stream";
import { loadConfig } from "../src/config.ts";
import { readReturnsReport } from "../src/domain/returnsReport.ts";
import { importReturns } from "../src/store/returnsImport.ts";
import { type FbaRow, fbaReport } from "../test/support/returnsFiles.ts";
import { emptyBenchDatabase } from "./benchDatabase.ts";

const ROWS = 10_000;

async function main() {
  const { db, done } = await emptyBenchDatabase("import");
  const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: "s", CASES_CHANNEL: "C0CASES" });
  const rows: FbaRow[] = Array.from({ length: ROWS }, (_, i) => ({
    date: i % 2 ? "2025-07-01T10:00:00+00:00" : "01-JUL-2025",
    orderId: `113-${String(1000000 + i)}-0000001`,
    reason: i % 10 === 0 ? "DEFECTIVE" : "UNWANTED_ITEM",
    lpn: `LPN${i}`,
    asin: `B0BENCH${String(i % 200).padStart(3, "0")}`,
    comment: i % 7 === 0 ? "Box was dented" : "",
  }));
  const text = fbaReport(rows);
  for (const round of ["first import", "same file again"]) {
    const t = performance.now();
    const { summary: s } = await importReturns(db.prisma, await readReturnsReport(Readable.from([text])), {
      now: new Date(),
      channelId: "C0CASES",
      clock: config.clock,
      crisis: config.crisis,
      cardRules: config.importCardRules,
      cardLimit: config.importCardLimit,
    });
    const seconds = (performance.now() - t) / 1000;
    console.log(
      `${ROWS}-row report, ${round}, ${db.kind}: ${seconds.toFixed(2)} s (${Math.round(ROWS / seconds)} rows/s) — ${s.created} created, ${s.duplicates} duplicates, ${s.carded} carded`,
    );
  }
  await done();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
