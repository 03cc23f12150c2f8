// The set-up every integration test file shares, as vitest fixtures: a fresh migrated database,
// a stand-in Slack and the real bot started against both. Each is set up once per file, when a
// test (or a botTest.beforeAll) first asks for it, and torn down after the file's last test.
//
//   import { botTest } from "../support/botTest.ts";
//
//   botTest.override("botOptions", { env: { AGENT_USER_IDS: "U0AGENT1" } }); // only if needed
//
//   botTest("explains /case help", async ({ bot }) => {
//     const res = await bot.command("help");
//     expect(res.json.text).toContain("/case new");
//   });
//
// Fixtures:
//   testDb      the file's database (created, migrated, dropped afterwards); its settings serve
//               a process of its own, open() gives a connection of the test's own
//   slack       the stand-in Slack; it outlives restarts of the bot and is shared with secondBot
//   botOptions  how the bot is started: env settings, a clock, channel pacing (BotOptions);
//               set for a file with `botTest.override("botOptions", {...})` at its top level
//               (each test file loads this module afresh, so the setting stays in that file)
//   bot         the real bot (TestBot): command/click/submit/api, flush, db, sweep, digest,
//               and stop()/start() for restarts
//   db          the database opened directly, for files that test the store without a bot
//               (the embedded database takes one user at a time: use bot.db where a bot runs)
//   secondBot   per test: a second copy of the bot on the same database and Slack, as when two
//               instances run side by side; stopped at the end of the test
//
// Fixtures nobody asks for are never set up: a file that only needs a database and Slack (to start
// the bot as a process of its own, say) asks for { testDb, slack } and no bot is started.
// Tests that need a clean slate each use isolatedBotTest below instead.
import { test as base } from "vitest";
import type { Database } from "../../src/db.ts";
import { type SlackStandIn, startSlackStandIn } from "../../src/sandbox/slackStandIn.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { type BotOptions, startTestBot, type TestBot } from "./testBot.ts";

export { CASES_CHANNEL, LEAD, type TestBot, waitFor } from "./testBot.ts";

/** A connection to the file's database that a test can set aside while another process uses it. */
export type TestConnection = {
  readonly prisma: Database["prisma"];
  /** Closes the connection while `work` runs (the embedded database allows one process at a time), then reopens it. */
  whileClosed<T>(work: () => Promise<T>): Promise<T>;
};

type Cleanup = { onCleanup: (cleanup: () => Promise<void>) => void };

// The fixtures themselves, shared by botTest (once per file) and isolatedBotTest (once per test).
const setUp = {
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  async testDb({}, { onCleanup }: Cleanup): Promise<TestDatabase> {
    const testDb = await createTestDatabase();
    onCleanup(() => testDb.drop());
    return testDb;
  },
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  async slack({}, { onCleanup }: Cleanup): Promise<SlackStandIn> {
    const slack = await startSlackStandIn();
    onCleanup(() => slack.close());
    return slack;
  },
  async bot(
    { testDb, slack, botOptions }: { testDb: TestDatabase; slack: SlackStandIn; botOptions: BotOptions },
    { onCleanup }: Cleanup,
  ): Promise<TestBot> {
    claim(testDb, "bot");
    const bot = await startTestBot(testDb, slack, botOptions);
    onCleanup(() => bot.stop());
    return bot;
  },
  async db({ testDb }: { testDb: TestDatabase }, { onCleanup }: Cleanup): Promise<TestConnection> {
    claim(testDb, "db");
    let db: Database | undefined = await testDb.open();
    onCleanup(async () => {
      await db?.close();
    });
    return {
      get prisma() {
        if (!db) throw new Error("The connection is closed while another process uses the database");
        return db.prisma;
      },
      async whileClosed(work) {
        await db?.close();
        db = undefined;
        try {
          return await work();
        } finally {
          db = await testDb.open();
        }
      },
    };
  },
};

// A file's database is used either through the bot or directly, never both at once.
const users = new WeakMap<TestDatabase, "bot" | "db">();
function claim(testDb: TestDatabase, user: "bot" | "db") {
  const other = users.get(testDb);
  if (other && other !== user) throw new Error(`This file's database is already used by the ${other} fixture`);
  users.set(testDb, user);
}

/** An `it`/`test` with one database, stand-in Slack and bot per file. */
export const botTest = base
  .extend("testDb", { scope: "file" }, setUp.testDb)
  .extend("slack", { scope: "file" }, setUp.slack)
  .extend("botOptions", { scope: "file" }, {} as BotOptions)
  .extend("bot", { scope: "file" }, setUp.bot)
  .extend("db", { scope: "file" }, setUp.db)
  .extend("secondBot", async ({ testDb, slack, botOptions }, { onCleanup }) => {
    const second = await startTestBot(testDb, slack, botOptions);
    onCleanup(() => second.stop());
    return second;
  });

/**
 * The same fixtures, but a fresh database, stand-in Slack and bot for every test: slower, for tests
 * that count every call Slack received or restart the bot from a known state. Options for one test
 * are set with `isolatedBotTest.override("botOptions", {...})` inside a describe block.
 */
export const isolatedBotTest = base
  .extend("testDb", setUp.testDb)
  .extend("slack", setUp.slack)
  .extend("botOptions", {} as BotOptions)
  .extend("bot", setUp.bot);
