// The bot as `npm start` runs it (a process of its own, HTTP mode) against the stand-in Slack and
// a test database, for tests that kill it, restart it or run a second one beside it.

import type { SlackStandIn } from "../../src/sandbox/slackStandIn.ts";
import { CASES_CHANNEL, waitFor } from "./botTest.ts";
import { databaseEnv, type TestDatabase } from "./database.ts";
import { runTsx } from "./tsxProcess.ts";

export const PROCESS_INTAKE_TOKEN = "bot-process-intake-token";

export function startBotProcess(testDb: TestDatabase, slack: SlackStandIn, port: number) {
  return runTsx("src/main.ts", {
    cwd: testDb.settings.dataDir,
    env: {
      HOME: process.env.HOME ?? "",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: slack.url,
      CASES_CHANNEL,
      INTAKE_TOKEN: PROCESS_INTAKE_TOKEN,
      PORT: String(port),
      ...databaseEnv(testDb),
    },
  });
}

/** Waits until the bot on `port` answers /healthz. */
export const untilHealthy = (port: number) =>
  waitFor(
    () =>
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
    "the bot to answer /healthz",
    30_000,
  );

/** Stores a case through the intake API of the bot on `port`; returns the HTTP status. */
export async function postCase(port: number, externalId?: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/cases`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${PROCESS_INTAKE_TOKEN}` },
    body: JSON.stringify({ orderId: "114-2962899-5762619", category: "return", description: "Wrong size", externalId }),
  });
  return res.status;
}
