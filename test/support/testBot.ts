// The real bot, started in HTTP mode on a free port against a stand-in Slack, plus helpers
// to click, type and submit exactly as Slack would. It can be stopped and started again on the
// same database and Slack, as a deploy or a crash would do.
import { LogLevel } from "@slack/bolt";
import { type Config, loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db.ts";
import { listenerWorkDone } from "../../src/openRequests.ts";
import type { SlackStandIn } from "../../src/sandbox/slackStandIn.ts";
import { type RunningBot, type StartOptions, startBot } from "../../src/server.ts";
import { databaseEnv, type TestDatabase } from "./database.ts";
import {
  buttonPayload,
  interactionBody,
  postSigned,
  SIGNING_SECRET,
  slashCommandBody,
  viewSubmission,
} from "./signedRequests.ts";

export const CASES_CHANNEL = "C0CASES";
export const INTAKE_TOKEN = "intake-token-for-tests-0123456789";
export const LEAD = "U0LEAD1";

export type BotOptions = {
  /** Settings on top of the defaults below (channels, timezone, agents, an app token…). */
  env?: Record<string, string>;
  /** The bot's clock (see testClock); the real time by default. */
  now?: () => Date;
  /** Pause between two posts to one channel; none by default, Slack asks for about a second. */
  channelIntervalMs?: number;
  /** How the pulls from Amazon run (with AMAZON_* settings): by default only when asked, with short waits. */
  amazon?: StartOptions["amazon"];
};

export type TestBot = {
  /** The stand-in Slack; it is not stopped with the bot. */
  readonly slack: SlackStandIn;
  /** The database as the running bot has it open. */
  readonly db: Database;
  readonly config: Config;
  readonly baseUrl: string;
  /** The response-clock sweep (reminders, escalations, stalled parcels, clearing alerts). */
  readonly sweep: RunningBot["sweep"];
  readonly digest: RunningBot["digest"];
  /** The pulls from Amazon (with AMAZON_* settings). */
  readonly amazon: NonNullable<RunningBot["amazon"]>;
  readonly outbox: RunningBot["outbox"];
  readonly running: boolean;
  command(text: string, userId?: string): ReturnType<typeof postSigned>;
  click(actionId: string, caseId: number, userId: string, channel?: string): ReturnType<typeof postSigned>;
  submit(opts: Parameters<typeof viewSubmission>[0]): ReturnType<typeof postSigned>;
  api(
    path: string,
    init?: { method?: string; body?: unknown; token?: string | null; rawBody?: string },
  ): Promise<{ status: number; json: any }>;
  /** Lets acknowledged clicks finish their work, then the outbox deliver everything that is due. */
  flush(): Promise<void>;
  /** Stops the bot; the database and the stand-in Slack stay. */
  stop(): Promise<void>;
  /** Starts the bot again on the same database and Slack (a restart, or a second start after stop). */
  start(changes?: Pick<BotOptions, "amazon">): Promise<void>;
};

export async function startTestBot(testDb: TestDatabase, slack: SlackStandIn, opts: BotOptions = {}): Promise<TestBot> {
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    PORT: "0",
    CASES_CHANNEL,
    INTAKE_TOKEN,
    LEAD_USER_IDS: LEAD,
    ...databaseEnv(testDb),
    ...opts.env,
  });
  let current: RunningBot | undefined;
  const running = () => {
    if (!current) throw new Error("The bot is stopped; start it first");
    return current;
  };
  const baseUrl = () => `http://127.0.0.1:${running().port}`;

  const bot: TestBot = {
    slack,
    config,
    get db() {
      return running().database;
    },
    get baseUrl() {
      return baseUrl();
    },
    get sweep() {
      return running().sweep;
    },
    get digest() {
      return running().digest;
    },
    get outbox() {
      return running().outbox;
    },
    get amazon() {
      const pull = running().amazon;
      if (!pull) throw new Error("The bot has no AMAZON_* settings");
      return pull;
    },
    get running() {
      return current !== undefined;
    },
    command: (text, userId = "U0AGENT1") =>
      postSigned(
        baseUrl(),
        slashCommandBody({ text, user_id: userId, response_url: slack.url.replace(/api\/$/, "response/cmd") }),
      ),
    click: (actionId, caseId, userId, channel) =>
      postSigned(baseUrl(), interactionBody(buttonPayload({ actionId, value: String(caseId), userId, channel }))),
    submit: (o) => postSigned(baseUrl(), interactionBody(viewSubmission(o))),
    async api(path, init = {}) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (init.token !== null) headers.authorization = `Bearer ${init.token ?? INTAKE_TOKEN}`;
      const res = await fetch(`${baseUrl()}${path}`, {
        method: init.method ?? "POST",
        headers,
        body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      });
      return { status: res.status, json: await res.json().catch(() => undefined) };
    },
    async flush() {
      // What clicks do after their acknowledgement ends first: it may queue messages.
      await listenerWorkDone(10_000);
      while ((await running().outbox.runOnce()) > 0) {
        /* deliver until nothing is due */
      }
    },
    async stop() {
      const stopping = current;
      current = undefined;
      await stopping?.stop();
    },
    async start(changes = {}) {
      if (current) throw new Error("The bot is already running");
      current = await startBot(config, {
        now: opts.now,
        logLevel: LogLevel.ERROR,
        outbox: { channelIntervalMs: opts.channelIntervalMs ?? 0, pollMs: 50 },
        amazon: { schedule: false, pollDelayMs: () => 20, retryMinMs: 10, ...opts.amazon, ...changes.amazon },
        // Another copy's change to the routing rules is seen within a fifth of a second.
        routingRefreshMs: 200,
      });
    },
  };
  await bot.start();
  return bot;
}

/** Polls until the condition holds (the outbox works in the background), or fails after a timeout. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
