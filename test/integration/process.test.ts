// `npm start`'s entry point as a real process: it explains missing settings, and with them it
// comes up, answers /healthz and stops cleanly on SIGTERM.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { freePort } from "../support/freePort.ts";
import { type SlackStandIn, startSlackStandIn } from "../support/slackStandIn.ts";

const mainScript = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
let testDb: TestDatabase;
let slack: SlackStandIn;

beforeAll(async () => {
  testDb = await createTestDatabase();
  slack = await startSlackStandIn();
});
afterAll(async () => {
  await slack.close();
  await testDb.drop();
});

function run(env: Record<string, string>) {
  // Only what the bot needs: nothing from the developer's own environment leaks in.
  // Started from the data directory, so a developer's own .env in the project is not read.
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), mainScript], {
    cwd: testDb.settings.dataDir,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, exited, output: () => output };
}

describe("the bot process", () => {
  it("without Slack settings, exits non-zero and says exactly what to set", async () => {
    const p = run({});
    expect(await p.exited).toBe(2);
    const out = p.output();
    expect(out).toContain("SLACK_BOT_TOKEN is required");
    expect(out).toContain("SLACK_SIGNING_SECRET is required");
    expect(out).toContain("CASES_CHANNEL is required");
    expect(out).toContain("README");
    expect(out).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
  });

  it("with settings, comes up, answers /healthz and stops on SIGTERM", async () => {
    const port = await freePort();
    const p = run({
      SLACK_BOT_TOKEN: "xoxb-process-test",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: slack.url,
      CASES_CHANNEL: "C0CASES",
      PORT: String(port),
      DATA_DIR: testDb.settings.dataDir,
      ...(testDb.settings.databaseUrl ? { DATABASE_URL: testDb.settings.databaseUrl } : {}),
    });
    let status = 0;
    for (let i = 0; i < 200 && status !== 200; i++) {
      status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect(p.output()).toContain("After-sales bot is running in HTTP mode");
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  });

  it("stops with a clear message when Slack refuses the bot token", async () => {
    slack.fail("auth.test", { error: "invalid_auth", times: 1 });
    const p = run({
      SLACK_BOT_TOKEN: "xoxb-revoked",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: slack.url,
      CASES_CHANNEL: "C0CASES",
      PORT: String(await freePort()),
      DATA_DIR: testDb.settings.dataDir,
      ...(testDb.settings.databaseUrl ? { DATABASE_URL: testDb.settings.databaseUrl } : {}),
    });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain("Slack refused SLACK_BOT_TOKEN (invalid_auth)");
  });
});
