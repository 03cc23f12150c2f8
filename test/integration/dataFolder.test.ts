// The embedded database belongs to one process: a second bot (or an import) on a data folder in
// use stops at once and says who has it; the first keeps every case; a lock left by a killed bot
// is taken over. Bots run as real processes, as `npm start` runs them.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect } from "vitest";
import { CASES_CHANNEL, isolatedBotTest, waitFor } from "../support/botTest.ts";
import { backend, databaseEnv, type TestDatabase } from "../support/database.ts";
import { freePort } from "../support/freePort.ts";
import { fbaReport } from "../support/returnsFiles.ts";
import type { SlackStandIn } from "../support/slackStandIn.ts";
import { runTsx } from "../support/tsxProcess.ts";

const INTAKE_TOKEN = "data-folder-intake-token";

function startBot(testDb: TestDatabase, slack: SlackStandIn, port: number) {
  return runTsx("src/main.ts", {
    cwd: testDb.settings.dataDir,
    env: {
      HOME: process.env.HOME ?? "",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: slack.url,
      CASES_CHANNEL,
      INTAKE_TOKEN,
      PORT: String(port),
      ...databaseEnv(testDb),
    },
  });
}

const healthy = (port: number) =>
  waitFor(
    () =>
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
    "the bot to answer /healthz",
    30_000,
  );

async function newCase(port: number, externalId: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/cases`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${INTAKE_TOKEN}` },
    body: JSON.stringify({ orderId: "114-2962899-5762619", category: "return", description: "Wrong size", externalId }),
  });
  return res.status;
}

describe.runIf(backend === "pglite")("the embedded database's data folder", () => {
  isolatedBotTest(
    "a second bot on a folder in use stops at once, naming the folder and the process; the first keeps every case",
    async ({ testDb, slack }) => {
      const firstPort = await freePort();
      const first = startBot(testDb, slack, firstPort);
      await healthy(firstPort);
      expect(await newCase(firstPort, "before")).toBe(201);

      const second = startBot(testDb, slack, await freePort());
      expect(await second.exited).toBe(1);
      const said = second.output();
      expect(said).toContain(`The data folder ${path.resolve(testDb.settings.dataDir)} is in use by another process`);
      expect(said).toContain(`pid ${first.child.pid} (npm start, port ${firstPort})`);
      expect(said).toContain("set DATABASE_URL to a PostgreSQL database to run several copies");
      expect(said).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace

      expect(await newCase(firstPort, "after")).toBe(201);
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
    const killed = startBot(testDb, slack, port);
    await healthy(port);
    expect(await newCase(port, "kept")).toBe(201);
    killed.child.kill("SIGKILL");
    await killed.exited;
    const lock = JSON.parse(readFileSync(path.join(testDb.settings.dataDir, "pglite.lock"), "utf8"));
    expect(lock.pid).toBe(killed.child.pid); // left behind by the killed bot

    const next = startBot(testDb, slack, port);
    await healthy(port);
    expect(await newCase(port, "kept")).toBe(200); // the case stored before the kill is there
    next.child.kill("SIGTERM");
    expect(await next.exited).toBe(0);
  });
});

describe("npm run import while the bot runs", () => {
  isolatedBotTest(
    "imports the file once, with the same summary printed, and the bot posts the summary and cards once",
    async ({ testDb, slack }) => {
      const port = await freePort();
      const bot = startBot(testDb, slack, port);
      await healthy(port);
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
          INTAKE_TOKEN,
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
