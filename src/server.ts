// Starts the whole bot: database (migrated) → Bolt app → outbox worker → listening.

import { Server as HttpServer } from "node:http";
import type { AddressInfo, Server } from "node:net";
import type { Logger, LogLevel } from "@slack/bolt";
import { createApp } from "./app.ts";
import type { Config } from "./config.ts";
import { type Database, openBotDatabase } from "./db.ts";
import { actorFor } from "./domain/people.ts";
import { words } from "./i18n/i18n.ts";
import { type AmazonPull, type AmazonPullOptions, startAmazonPull } from "./jobs/amazonPull.ts";
import { type ClockSweep, startClockSweep } from "./jobs/clockSweep.ts";
import { type HomeTabs, startHomeTabs } from "./jobs/homeTabs.ts";
import { type OdrWatch, startOdrWatch } from "./jobs/odrWatch.ts";
import { type OutboxOptions, type OutboxWorker, startOutbox } from "./jobs/outbox.ts";
import { type RoutingRulesBook, startRoutingRules } from "./jobs/routingRules.ts";
import { startWeeklyDigest, type WeeklyDigest } from "./jobs/weeklyDigest.ts";
import { countSlackRequests, listenerWorkDone } from "./openRequests.ts";
import { botIdentity } from "./slackIdentity.ts";
import { replaceRules } from "./store/routing.ts";

export type RunningBot = {
  /** The HTTP port actually listened on (useful with PORT=0). */
  port: number;
  database: Database;
  outbox: OutboxWorker;
  sweep: ClockSweep;
  digest: WeeklyDigest;
  odrWatch: OdrWatch;
  /** The pulls from Amazon, when the connection is set up. */
  amazon?: AmazonPull;
  /** The routing rules as this copy has them (reload after changing them elsewhere). */
  routingRules: RoutingRulesBook;
  stop(): Promise<void>;
};

export type StartOptions = {
  /** An already opened database, left open when the bot stops (tests); otherwise opened from the config. */
  database?: Database;
  /** The bot's own database, already being opened (so it starts while the bot's code loads). */
  opening?: Promise<Database>;
  now?: () => Date;
  outbox?: Pick<OutboxOptions, "channelIntervalMs" | "pollMs" | "leaseMs">;
  logger?: Logger;
  logLevel?: LogLevel;
  amazon?: Pick<AmazonPullOptions, "pollDelayMs" | "schedule" | "retryMinMs">;
  /** How often the routing rules are read again (changes made by another copy of the bot). */
  routingRefreshMs?: number;
};

export async function startBot(config: Config, opts: StartOptions = {}): Promise<RunningBot> {
  // Slack is asked who the bot is while the database opens; a database that cannot be opened (a
  // data folder another process holds) is still what stops the start and what is reported.
  const checking = botIdentity(config, (m) => (opts.logger ? opts.logger.warn(m) : console.warn(m)));
  checking.catch(() => {}); // awaited below, once the database is open
  const database = opts.database ?? (await (opts.opening ?? openBotDatabase(config)));
  const identity = await checking.catch(async (err) => {
    await database.close();
    throw err;
  });
  const routingRules = await (async () => {
    // ROUTING_FILE is the team's rules at every start (changes made in Slack last until the next).
    if (config.routing.fileRules) await replaceRules(database.prisma, config.routing.fileRules);
    return startRoutingRules({
      prisma: database.prisma,
      logger: opts.logger ?? console,
      refreshMs: opts.routingRefreshMs,
    });
  })().catch(async (err) => {
    if (!opts.database) await database.close();
    throw err;
  });
  let outbox: OutboxWorker | undefined;
  let odrWatch: OdrWatch | undefined;
  const now = opts.now ?? (() => new Date());
  let homes: HomeTabs | undefined;
  let amazon: AmazonPull | undefined;
  const app = createApp(
    {
      config,
      prisma: database.prisma,
      now,
      wakeOutbox: () => outbox?.wake(),
      defectIn: (m) => odrWatch?.touch(m),
      homes: { refresh: (ids) => homes?.refresh(ids), publish: async (u, q) => homes?.publish(u, q) },
      pullFromAmazon: () => amazon?.pullNow() ?? Promise.resolve(undefined),
      routingRules,
    },
    { logger: opts.logger, logLevel: opts.logLevel, identity },
  );
  homes = startHomeTabs({ prisma: database.prisma, client: app.client, config, now, logger: app.logger });
  const started = (await app.start(config.port)) as unknown;
  // Cards that were stored but not posted before a restart go out now.
  outbox = startOutbox({
    prisma: database.prisma,
    client: app.client,
    logger: app.logger,
    now,
    audience: { leadUserIds: config.leadUserIds, agentGroupId: config.agentGroupId },
    crisis: config.crisis,
    stalledDays: config.clock.stalledDays,
    playbook: config.playbook,
    zone: config.teamTimezone,
    homes,
    words: words(config.language),
    ...opts.outbox,
  });
  odrWatch = startOdrWatch({
    prisma: database.prisma,
    now,
    crisis: config.crisis,
    wakeOutbox: () => outbox?.wake(),
    logger: app.logger,
  });
  const sweep = startClockSweep({
    prisma: database.prisma,
    now,
    intervalSeconds: config.sweepIntervalSeconds,
    channels: { casesChannel: config.casesChannel, escalationChannel: config.escalationChannel },
    crisis: config.crisis,
    mayWork: (userId) => actorFor(userId, config).isAgent,
    wakeOutbox: () => outbox?.wake(),
    logger: app.logger,
  });
  const digest = startWeeklyDigest({
    prisma: database.prisma,
    now,
    cron: config.digestCron,
    zone: config.teamTimezone,
    channelId: config.digestChannel,
    odrLimitPercent: config.crisis.odr.alertPercent,
    replyTargetPercent: config.replyTargetPercent,
    routingOverload: config.routing.overload,
    channelSettings: config.channelSettings,
    language: config.language,
    wakeOutbox: () => outbox?.wake(),
    logger: app.logger,
  });
  if (config.amazon)
    amazon = startAmazonPull({
      deps: {
        prisma: database.prisma,
        config,
        now,
        wakeOutbox: () => outbox?.wake(),
        defectIn: (m) => odrWatch?.touch(m),
        routingRules,
      },
      settings: config.amazon,
      logger: app.logger,
      ...opts.amazon,
    });
  // Background work gives way to Slack requests waiting for their answer (HTTP mode).
  if (started instanceof HttpServer) countSlackRequests(started);
  const address = (started as Server | undefined)?.address?.() as AddressInfo | null | undefined;
  return {
    port: address?.port ?? config.port,
    database,
    outbox,
    sweep,
    digest,
    odrWatch,
    amazon,
    routingRules,
    async stop() {
      // Stopping goes on whatever the listener says: the jobs and the database must still be closed.
      await app
        .stop()
        .catch((err) => app.logger.warn(`The Slack listener did not stop cleanly: ${(err as Error).message}`));
      // Clicks already acknowledged get their change stored before the database closes.
      if (!(await listenerWorkDone()))
        app.logger.warn("Some Slack requests were still being worked on after 10 s; stopping without them.");
      digest.stop();
      homes?.stop();
      await routingRules.stop();
      await amazon?.stop();
      await odrWatch.settle();
      odrWatch.stop();
      await sweep.stop();
      await outbox?.stop();
      if (!opts.database && !(await database.close())) {
        app.logger.warn("Some database connections did not close in time; stopping without them.");
      }
    },
  };
}
