// `npm run import -- <file>`: imports an Amazon returns report from the command line, with a
// progress bar and the same summary the bot posts in Slack. Cards and the summary are queued in
// the database; the bot delivers them. While the bot runs on the embedded database (which has one
// owner), the file is handed to the bot over its local port with the intake token instead.

import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { Presets, SingleBar } from "cli-progress";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { BOT_COMMAND, DataDirInUse, type LockHolder } from "./dataDirLock.ts";
import { openDatabase } from "./db.ts";
import type { ImportSummary } from "./domain/returnsImport.ts";
import { readReturnsReport } from "./domain/returnsReport.ts";
import { routingOf } from "./handlers/storeNewCase.ts";
import { words } from "./i18n/i18n.ts";
import { ImportStopped, importReturns, queueImportSummary } from "./store/returnsImport.ts";
import { routingRules } from "./store/routing.ts";
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
  }).catch((err) => {
    if (err instanceof DataDirInUse && err.holder.command === BOT_COMMAND) return err.holder;
    throw err;
  });
  if (!("prisma" in db)) return handToRunningBot(file, config, db);
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
      routing: routingOf(config, await routingRules(db.prisma)),
      onProgress: (n) => bar.update(Math.min(n, lines)),
    }).catch((err) => {
      // What was written before it stopped stays, and is summed up like a finished import.
      if (err instanceof ImportStopped && err.partial.summary.created > 0) return err.partial;
      throw err;
    });
    bar.stop();
    const { summary } = imported;
    const name = path.basename(file);
    // Posted in the cases channel: the team's language (the terminal keeps English).
    await queueImportSummary(
      db.prisma,
      config.casesChannel,
      importSummaryMessage(summary, name, words(config.language)),
      imported,
    );
    console.log(importSummaryText(summary, name));
    return !summary.stoppedBy && summary.created + summary.duplicates > 0 ? 0 : 1;
  } finally {
    await db.close();
  }
}

/** Streams the file to the running bot (POST /api/imports), showing how much has gone. */
async function handToRunningBot(file: string, config: Config, bot: LockHolder): Promise<number> {
  if (!config.intakeToken) {
    console.error(
      `The bot is running on this data folder (pid ${bot.pid}) and holds its database. Set INTAKE_TOKEN in .env (the same as the bot's) so the import can hand the file to it, or stop the bot and import again.`,
    );
    return 2;
  }
  const port = bot.port ?? config.port;
  const size = statSync(file).size;
  const bar = new SingleBar(
    { format: "Handing to the running bot |{bar}| {percentage}% of {total} KB", hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(Math.ceil(size / 1024), 0);
  let sent = 0;
  const counted = createReadStream(file).on("data", (chunk) => {
    sent += chunk.length;
    bar.update(Math.ceil(sent / 1024));
  });
  const res = await fetch(`http://127.0.0.1:${port}/api/imports`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${config.intakeToken}`,
      "content-type": "text/tab-separated-values",
      "content-length": String(size),
      "x-file-name": encodeURIComponent(path.basename(file)),
    },
    body: Readable.toWeb(counted) as ReadableStream,
    duplex: "half",
  } as RequestInit).catch((err) => {
    bar.stop();
    throw new Error(`the bot did not answer on port ${port} (${(err as Error).message}); is PORT the bot's?`);
  });
  bar.stop();
  const answer = (await res.json().catch(() => ({}))) as { text?: string; error?: string; summary?: ImportSummary };
  if (!res.ok || !answer.summary) {
    console.error(answer.error ?? `The bot answered HTTP ${res.status}.`);
    return 1;
  }
  console.log(answer.text);
  const { summary } = answer;
  return !summary.stoppedBy && summary.created + summary.duplicates > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `The import stopped: ${(err as Error).message}`);
    process.exit(1);
  },
);
