// `npm start`'s entry point as a real process: it explains missing settings, and with them it
// comes up, answers /healthz and stops cleanly on SIGTERM. The file's database and stand-in Slack
// come from the shared fixtures; the bot itself is the process under test, so no bot fixture runs.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect } from "vitest";
import { botTest } from "../support/botTest.ts";
import { databaseEnv } from "../support/database.ts";
import { freePort } from "../support/freePort.ts";
import { runTsx } from "../support/tsxProcess.ts";

function run(cwd: string, env: Record<string, string>) {
  return runTsx("src/main.ts", { cwd, env: { HOME: process.env.HOME ?? "", ...env } });
}

describe("the bot process", () => {
  botTest("without Slack settings, exits non-zero and says exactly what to set", async ({ testDb }) => {
    const p = run(testDb.settings.dataDir, {});
    expect(await p.exited).toBe(2);
    const out = p.output();
    expect(out).toContain("SLACK_BOT_TOKEN is required");
    expect(out).toContain("SLACK_SIGNING_SECRET is required");
    expect(out).toContain("CASES_CHANNEL is required");
    expect(out).toContain("README");
    expect(out).toContain("npm run sandbox"); // the way to try it without a Slack app
    expect(out).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
  });

  botTest("with a bad templates file, exits non-zero naming each problem and its line", async ({ testDb, slack }) => {
    const file = path.join(testDb.settings.dataDir, "templates.yaml");
    writeFileSync(
      file,
      [
        "templates:",
        "  - id: thanks",
        "    title: Thanks",
        "    stage: greeting",
        "    text: Hi {buyer_first_name}",
      ].join("\n"),
    );
    const p = run(testDb.settings.dataDir, {
      SLACK_BOT_TOKEN: "xoxb-process-test",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: slack.url,
      CASES_CHANNEL: "C0CASES",
      TEMPLATES_FILE: file,
      ...databaseEnv(testDb),
    });
    expect(await p.exited).toBe(2);
    const out = p.output();
    expect(out).toContain("templates.yaml line 4");
    expect(out).toContain('"stage" must be one of');
    expect(out).toContain("templates.yaml line 5");
    expect(out).toContain("{buyer_first_name}");
    expect(out).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });

  botTest("with settings, comes up, answers /healthz and stops on SIGTERM", async ({ testDb, slack }) => {
    const port = await freePort();
    const p = run(testDb.settings.dataDir, {
      SLACK_BOT_TOKEN: "xoxb-process-test",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: slack.url,
      CASES_CHANNEL: "C0CASES",
      PORT: String(port),
      ...databaseEnv(testDb),
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

  botTest("stops with a clear message when Slack refuses the bot token", async ({ testDb, slack }) => {
    slack.fail("auth.test", { error: "invalid_auth", times: 1 });
    const p = run(testDb.settings.dataDir, {
      SLACK_BOT_TOKEN: "xoxb-revoked",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: slack.url,
      CASES_CHANNEL: "C0CASES",
      PORT: String(await freePort()),
      ...databaseEnv(testDb),
    });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain("Slack refused SLACK_BOT_TOKEN (invalid_auth)");
  });
});
