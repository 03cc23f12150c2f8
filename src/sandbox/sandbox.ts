// The sandbox: the bot as `npm start` runs it (same settings check, same database code, same
// startBot, HTTP mode, embedded database in a data folder of its own) wired to stand-ins for
// Slack and for Amazon's Selling Partner API on localhost, and a web page where people use it.
// Nothing reaches the real Slack or Amazon.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../config.ts";
import { type Database, openBotDatabase } from "../db.ts";
import type { RunningBot } from "../server.ts";
import { amazonDemoReports } from "./amazonDemo.ts";
import { amazonSettingsFor, startAmazonStandIn } from "./amazonStandIn.ts";
import { seedDemo } from "./demoData.ts";
import { CHANNELS, PEOPLE } from "./directory.ts";
import { type Manifest, peopleActions } from "./interactions.ts";
import { startSlackStandIn } from "./slackStandIn.ts";
import { buildPage, startWorkspace, type Workspace } from "./workspace.ts";

export type SandboxOptions = {
  /** The page's port (0 for any free one). */
  port?: number;
  /** Minutes the one-hour reply clock takes when the fast clock is on. */
  fastClockMinutes?: number;
  /** Start with the fast clock on. */
  fastClock?: boolean;
  /** Start with the demo story (default) or an empty workspace. */
  demo?: boolean;
  log?: (line: string) => void;
};

export type Sandbox = {
  url: string;
  /** Settles once the demo story is stored (the page is usable before). */
  storyStored: Promise<void>;
  stop(): Promise<void>;
};

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const botToken = `xoxb-sandbox-${randomBytes(8).toString("hex")}`;
  const signingSecret = randomBytes(16).toString("hex");
  // The team is connected to Amazon (US): the stand-in answers its reports with the team's own.
  const [slack, amazon] = await Promise.all([startSlackStandIn({ botToken }), startAmazonStandIn()]);
  amazon.onReport(amazonDemoReports());
  // A data folder of its own, new each time: the sandbox never touches the team's real data.
  const dataDir = mkdtempSync(path.join(tmpdir(), "aftersales-sandbox-"));
  const fastClock = { on: opts.fastClock ?? false, minutes: opts.fastClockMinutes ?? 1 };

  const settings = () =>
    loadConfig({
      SLACK_BOT_TOKEN: botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.url,
      PORT: "0",
      DATA_DIR: dataDir,
      CASES_CHANNEL: CHANNELS.cases.id,
      ESCALATION_CHANNEL: CHANNELS.escalations.id,
      CRISIS_CHANNEL: CHANNELS.crisis.id,
      DIGEST_CHANNEL: CHANNELS.digest.id,
      AGENT_USER_IDS: PEOPLE.filter((p) => p.role === "agent")
        .map((p) => p.id)
        .join(","),
      LEAD_USER_IDS: PEOPLE.filter((p) => p.role === "lead")
        .map((p) => p.id)
        .join(","),
      TEAM_TIMEZONE: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
      ...amazonSettingsFor(amazon),
      // Reminders and escalations show up within seconds of falling due.
      SWEEP_INTERVAL_SECONDS: "5",
      ...(fastClock.on
        ? { RESPONSE_SLA_MINUTES: String(fastClock.minutes), SLA_WARNING_MINUTES: String(fastClock.minutes / 4) }
        : {}),
    });

  let config = settings();
  let database: Database | undefined;
  let bot: RunningBot | undefined;
  let status = "starting";
  // The database, the bot's code and the page are made ready side by side.
  const page = buildPage();
  const botCode = import("../server.ts");
  // Awaited below; a start that fails before then reports its own error, not these.
  page.catch(() => {});
  botCode.catch(() => {});
  let stopped = false;
  const start = async () => {
    const { startBot } = await botCode;
    if (stopped) return;
    // The stand-ins have no rate limits, so cards need not wait Slack's second per channel, and
    // Amazon's reports, ready within a few looks, are looked at every second rather than minutes apart.
    bot = await startBot(config, {
      database,
      outbox: { channelIntervalMs: 100 },
      amazon: { pollDelayMs: () => 1_000 },
    });
    status = "running";
  };
  let seeding: Promise<void> = Promise.resolve();
  let switching: Promise<void> = Promise.resolve();
  let workspace: Workspace | undefined;
  const stop = async () => {
    stopped = true;
    try {
      await seeding;
      await switching;
      await workspace?.close();
      await bot?.stop();
      await database?.close();
      await slack.close();
      await amazon.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };

  try {
    database = await openBotDatabase(config);
    await start();
    // The story is stored while the page opens; its cards arrive as the bot posts them, as after a restart.
    const db = database;
    seeding = ((opts.demo ?? true) ? seedDemo(db.prisma, config) : Promise.resolve())
      // The story reaches back weeks: last week's triage (with its chart) is caught up as after a restart.
      .then(() => bot?.routingRules.reload())
      .then(() => bot?.digest.catchUp())
      .then(() => bot?.outbox.wake())
      .catch((err) => log(`The demo story could not be stored: ${(err as Error).message}`));
    const manifest = JSON.parse(readFileSync(new URL("../../manifest.json", import.meta.url), "utf8")) as Manifest;
    workspace = await startWorkspace({
      port: opts.port ?? 3000,
      slack,
      people: peopleActions({
        slack,
        manifest,
        bot: () => ({ url: `http://127.0.0.1:${bot?.port ?? 9}`, signingSecret }),
      }),
      manifest,
      page: await page,
      controls: {
        fastClock,
        botStatus: () => status,
        // The clock is a setting: the bot restarts with it (the data stays), as a team would restart it.
        setFastClock: (on) =>
          (switching = switching.then(async () => {
            if (on === fastClock.on || stopped) return;
            fastClock.on = on;
            config = settings();
            status = "restarting with the new clock…";
            try {
              await bot?.stop();
              bot = undefined;
              await start();
              log(`Fast clock ${on ? `on: new cases get a ${fastClock.minutes}-minute reply clock` : "off"}.`);
            } catch (err) {
              status = `stopped: ${(err as Error).message}`;
              log(`The bot could not restart with the new clock: ${(err as Error).message}`);
            }
          })),
      },
    });
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
  return { url: workspace.url, storyStored: seeding, stop };
}
