// `npm run import -- <file>`: imports an Amazon returns report from the command line, with a
// progress bar and the same summary the bot posts in Slack. Cards and the summary are queued in
// the database; the bot delivers them. (With the embedded database, stop the bot first: PGlite
// allows one process at a time. With PostgreSQL both can run.)
import { createReadStream, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Presets, SingleBar } from "cli-progress";
import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase } from "./db.ts";
import { readReturnsReport } from "./domain/returnsReport.ts";
import { ImportStopped, importReturns, queueImportSummary } from "./store/returnsImport.ts";
import { importSummaryMessage, importSummaryText } from "./views/importSummary.ts";

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error(
      "Usage: npm run import -- <returns-report.txt>\nThe FBA customer returns report or the merchant-fulfilled returns report, tab-separated as downloaded from Seller Central.",
    );
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`There is no file ${file}.`);
    return 2;
  }
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    owner: { command: "npm run import" },
  });
  try {
    const lines = Math.max(
      0,
      readFileSync(file)
        .toString("utf8")
        .split("\n")
        .filter((l) => l.trim()).length - 1,
    );
    const report = await readReturnsReport(createReadStream(file));
    const bar = new SingleBar(
      { format: "Importing |{bar}| {value}/{total} rows", hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(lines, 0);
    const imported = await importReturns(db.prisma, report, {
      now: new Date(),
      channelId: config.casesChannel,
      clock: config.clock,
      crisis: config.crisis,
      cardRules: config.importCardRules,
      cardLimit: config.importCardLimit,
      onProgress: (n) => bar.update(Math.min(n, lines)),
    }).catch((err) => {
      // What was written before it stopped stays, and is summed up like a finished import.
      if (err instanceof ImportStopped && err.partial.summary.created > 0) return err.partial;
      throw err;
    });
    bar.stop();
    const { summary } = imported;
    const name = path.basename(file);
    await queueImportSummary(db.prisma, config.casesChannel, importSummaryMessage(summary, name), imported);
    console.log(importSummaryText(summary, name));
    if (summary.stoppedBy) return 1;
    return summary.created + summary.duplicates > 0 ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `The import stopped: ${(err as Error).message}`);
    process.exit(1);
  },
);
