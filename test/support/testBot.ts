// The real bot, started in HTTP mode on a free port against a stand-in Slack, plus helpers
// to click, type and submit exactly as Slack would.
import { LogLevel } from "@slack/bolt";
import { type Config, loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db.ts";
import { type RunningBot, startBot } from "../../src/server.ts";
import type { TestDatabase } from "./database.ts";
import {
  buttonPayload,
  interactionBody,
  postSigned,
  SIGNING_SECRET,
  slashCommandBody,
  viewSubmission,
} from "./signedRequests.ts";
import { type SlackStandIn, startSlackStandIn } from "./slackStandIn.ts";

export const CASES_CHANNEL = "C0CASES";
export const INTAKE_TOKEN = "intake-token-for-tests-0123456789";
export const LEAD = "U0LEAD1";

export type TestBot = {
  bot: RunningBot;
  slack: SlackStandIn;
  config: Config;
  baseUrl: string;
  db: Database;
  command(text: string, userId?: string): ReturnType<typeof postSigned>;
  click(actionId: string, caseId: number, userId: string, channel?: string): ReturnType<typeof postSigned>;
  submit(opts: Parameters<typeof viewSubmission>[0]): ReturnType<typeof postSigned>;
  api(
    path: string,
    init?: { method?: string; body?: unknown; token?: string | null; rawBody?: string },
  ): Promise<{ status: number; json: any }>;
  /** Lets the outbox deliver everything that is due. */
  flush(): Promise<void>;
  stop(): Promise<void>;
};

export async function startTestBot(
  testDb: TestDatabase,
  opts: { env?: Record<string, string>; now?: () => Date; slack?: SlackStandIn; channelIntervalMs?: number } = {},
): Promise<TestBot> {
  const slack = opts.slack ?? (await startSlackStandIn());
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    PORT: "0",
    CASES_CHANNEL,
    INTAKE_TOKEN,
    LEAD_USER_IDS: LEAD,
    DATA_DIR: testDb.settings.dataDir,
    ...(testDb.settings.databaseUrl ? { DATABASE_URL: testDb.settings.databaseUrl } : {}),
    ...opts.env,
  });
  const bot = await startBot(config, {
    now: opts.now,
    logLevel: LogLevel.ERROR,
    outbox: { channelIntervalMs: opts.channelIntervalMs ?? 0, pollMs: 50 },
  });
  const baseUrl = `http://127.0.0.1:${bot.port}`;
  return {
    bot,
    slack,
    config,
    baseUrl,
    db: bot.database,
    command: (text, userId = "U0AGENT1") =>
      postSigned(
        baseUrl,
        slashCommandBody({ text, user_id: userId, response_url: slack.url.replace(/api\/$/, "response/cmd") }),
      ),
    click: (actionId, caseId, userId, channel) =>
      postSigned(baseUrl, interactionBody(buttonPayload({ actionId, value: String(caseId), userId, channel }))),
    submit: (o) => postSigned(baseUrl, interactionBody(viewSubmission(o))),
    async api(path, init = {}) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (init.token !== null) headers.authorization = `Bearer ${init.token ?? INTAKE_TOKEN}`;
      const res = await fetch(`${baseUrl}${path}`, {
        method: init.method ?? "POST",
        headers,
        body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      });
      return { status: res.status, json: await res.json().catch(() => undefined) };
    },
    async flush() {
      while ((await bot.outbox.runOnce()) > 0) {
        /* deliver until nothing is due */
      }
    },
    async stop() {
      await bot.stop();
      if (!opts.slack) await slack.close();
    },
  };
}

/** Polls until the condition holds (the outbox works in the background), or fails after a timeout. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
