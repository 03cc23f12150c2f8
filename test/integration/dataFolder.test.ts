// The embedded database belongs to one process: a second bot (or an import) on a data folder in
// use stops at once and says who has it; the first keeps every case; a lock left by a killed bot
// is taken over. Bots run as real processes, as `npm start` runs them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect } from "vitest";
import { PROCESS_INTAKE_TOKEN, postCase, startBotProcess, untilHealthy } from "../support/botProcess.ts";
import { CASES_CHANNEL, isolatedBotTest, waitFor } from "../support/botTest.ts";
import { backend, databaseEnv } from "../support/database.ts";
import { freePort } from "../support/freePort.ts";
import { fbaReport } from "../support/returnsFiles.ts";
import { runTsx } from "../support/tsxProcess.ts";

describe.runIf(backend === "pglite")("the embedded database's data folder", () => {
  isolatedBotTest(
    "a second bot on a folder in use stops at once, naming the folder and the process; the first keeps every case",
    async ({ testDb, slack }) => {
      const firstPort = await freePort();
      const first = startBotProcess(testDb, slack, firstPort);
      await untilHealthy(firstPort);
      expect(await postCase(firstPort, "before")).toBe(201);

      const second = startBotProcess(testDb, slack, await freePort());
      expect(await second.exited).toBe(1);
      const said = second.output();
      expect(said).toContain(`The data folder ${path.resolve(testDb.settings.dataDir)} is in use by another process`);
      expect(said).toContain(`pid ${first.child.pid} (npm start, port ${firstPort})`);
      expect(said).toContain("set DATABASE_URL to a PostgreSQL database to run several copies");
      expect(said).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace

      expect(await postCase(firstPort, "after")).toBe(201);
      first.child.kill("SIGTERM");
      expect(await first.exited).toBe(0);
      expect(existsSync(path.join(testDb.settings.dataDir, "pglite.lock"))).toBe(false); // released on stop
      const db = await testDb.open();
      try {
        expect((await db.prisma.case.findMany({ orderBy: { id: "asc" } })).map((c) => c.externalId)).toEqual([
          "before",
          "after",
        ]);
      } finally {
        await db.close();
      }
    },
  );

  isolatedBotTest("a bot started after the last one was killed takes over its lock", async ({ testDb, slack }) => {
    const port = await freePort();
    const killed = startBotProcess(testDb, slack, port);
    await untilHealthy(port);
    expect(await postCase(port, "kept")).toBe(201);
    killed.child.kill("SIGKILL");
    await killed.exited;
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`aftersales-db-${killed.child.pid}-`))).toHaveLength(1);
    const lock = JSON.parse(readFileSync(path.join(testDb.settings.dataDir, "pglite.lock"), "utf8"));
    expect(lock.pid).toBe(killed.child.pid); // left behind by the killed bot

    const next = startBotProcess(testDb, slack, port);
    await untilHealthy(port);
    expect(await postCase(port, "kept")).toBe(200); // the case stored before the kill is there
    // The killed bot's socket folder was removed by the next start.
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`aftersales-db-${killed.child.pid}-`))).toEqual([]);
    next.child.kill("SIGTERM");
    expect(await next.exited).toBe(0);
  });
});

describe("npm run import while the bot runs", () => {
  isolatedBotTest(
    "imports the file once, with the same summary printed, and the bot posts the summary and cards once",
    async ({ testDb, slack }) => {
      const port = await freePort();
      const bot = startBotProcess(testDb, slack, port);
      await untilHealthy(port);
      const file = path.join(testDb.settings.dataDir, "returns-morning.txt");
      writeFileSync(
        file,
        fbaReport([
          { date: "2025-09-01", orderId: "116-0000001-0000001", reason: "DEFECTIVE", lpn: "M1" },
          { date: "2025-09-01", orderId: "116-0000002-0000001", reason: "UNWANTED_ITEM", lpn: "M2" },
        ]),
      );
      const cli = runTsx("src/importCli.ts", {
        args: [file],
        cwd: testDb.settings.dataDir,
        env: {
          SLACK_BOT_TOKEN: "xoxb-test-token",
          SLACK_SIGNING_SECRET: "secret",
          CASES_CHANNEL,
          INTAKE_TOKEN: PROCESS_INTAKE_TOKEN,
          PORT: String(port),
          ...databaseEnv(testDb),
        },
      });
      expect(await cli.exited).toBe(0);
      expect(cli.output()).toContain(
        "Imported returns-morning.txt (FBA customer returns report): 2 rows read, 2 cases created, 0 duplicates skipped, 0 rows rejected.",
      );
      const summaries = () => slack.messages(CASES_CHANNEL).filter((m) => m.text?.startsWith("Returns import"));
      const card = () => slack.messages(CASES_CHANNEL).filter((m) => m.text?.includes("116-0000001-0000001"));
      await waitFor(() => summaries().length === 1 && card().length === 1, "the summary and the card");
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
      expect(summaries()).toHaveLength(1);
      expect(card()).toHaveLength(1);
      const db = await testDb.open();
      try {
        expect(await db.prisma.case.count({ where: { orderId: { startsWith: "116-" } } })).toBe(2);
      } finally {
        await db.close();
      }
    },
  );
});
