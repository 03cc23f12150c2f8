// Pulls the team's reports from Amazon on AMAZON_PULL_CRON (account health once a day): for each
// feed that is due, ask Amazon for the report of the time since the last one, wait for it, fetch
// its document and bring it in — returns through the importer, negative feedback as cases, account
// health beside the team's ODR. Each step is recorded, so a pull stopped half-way goes on with the
// same report, and a lease keeps two copies of the bot from pulling the same feed.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { Logger } from "@slack/bolt";
import schedule from "node-schedule";
import { AmazonRefused, type SpApiClient, spApiClient } from "../amazon/spApiClient.ts";
import { parseAccountHealth } from "../domain/accountHealth.ts";
import { MARKETPLACES, type MarketplaceCode, marketplaceCode } from "../domain/amazon.ts";
import { type AmazonSettings, FEEDS, type FeedKind, feedDue, pollDelayMs, reportRange } from "../domain/amazonFeeds.ts";
import { newCaseSchema } from "../domain/caseInput.ts";
import { FEEDBACK_SOURCE, feedbackDescription, feedbackKey, feedbackPriority } from "../domain/feedbackCases.ts";
import { isNegative, readFeedbackReport } from "../domain/feedbackReport.ts";
import type { AmazonFeed, AmazonReport } from "../generated/prisma/client.ts";
import { saveAccountHealth } from "../store/accountHealth.ts";
import {
  ensureFeeds,
  finishReport,
  leaseFeed,
  lookAgainAt,
  openReport,
  pullFailed,
  releaseFeed,
  reportPolled,
  reportRequested,
  startReport,
} from "../store/amazonFeeds.ts";
import { createCase } from "../store/cases.ts";
import { checkOdr } from "../store/odr.ts";
import { type ImportDeps, runImport } from "./importReport.ts";

/** How long a copy holds a feed without renewing; a copy that stopped loses it after this. */
const LEASE_MS = 10 * 60_000;
/** How long one pass waits in-process for a report; longer waits go on at the feed's next look. */
const MAX_WAIT_MS = 15 * 60_000;
/** Feeds pulled at the same time: Amazon lets a seller ask for about 15 reports at once. */
const CONCURRENT_FEEDS = 4;

export type AmazonPull = {
  /** Pulls every feed that is due or has a pull to finish. */
  pullDue(): Promise<void>;
  /** Pulls every feed now, whatever its schedule ("Pull now"); resolves when all are done. */
  pullNow(): Promise<void>;
  /** Waits for the pulls in hand (tests). */
  settle(): Promise<void>;
  stop(): Promise<void>;
};

export type AmazonPullOptions = {
  deps: ImportDeps & { defectIn: (marketplace: string) => void };
  settings: AmazonSettings;
  logger: Logger;
  client?: SpApiClient;
  /** Waits between retries of one call to Amazon (tests shorten them). */
  retryMinMs?: number;
  /** Waits between looks at a report Amazon is still preparing (tests shorten them). */
  pollDelayMs?: (polls: number) => number;
  /** Set false to pull only when asked (tests). */
  schedule?: boolean;
};

export function startAmazonPull(opts: AmazonPullOptions): AmazonPull {
  const { deps, settings, logger } = opts;
  const { prisma } = deps;
  const client = opts.client ?? spApiClient(settings, { retryMinMs: opts.retryMinMs });
  const owner = randomUUID();
  const pollDelay = opts.pollDelayMs ?? pollDelayMs;
  let stopped = false;
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  let nextForced = false;
  let wake: NodeJS.Timeout | undefined;
  const sleepers = new Set<() => void>();
  // A refusal of the credentials is said once in the log, not at every pull.
  let lastRefusal: string | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });

  /** Brings a finished report's document in; returns its rows and the cases it created. */
  async function bringIn(
    kind: FeedKind,
    marketplace: MarketplaceCode,
    report: AmazonReport,
    doc: Buffer,
  ): Promise<{ rows: number; created: number }> {
    const text = doc.toString("utf8");
    if (!text.trim()) return { rows: 0, created: 0 }; // Amazon's document for a period without data
    if (kind === "fba_returns" || kind === "mfn_returns") {
      const day = (d: Date) => d.toISOString().slice(0, 10);
      const name = `Amazon's ${FEEDS[kind].label} report, ${marketplace} ${day(report.dataStart)} – ${day(report.dataEnd)}`;
      const summary = await runImport(deps, Readable.from(doc), name, deps.config.casesChannel, {
        quietWhenNothingNew: true,
      });
      if (summary.stoppedBy) throw new Error(`the import stopped part-way: ${summary.stoppedBy}`);
      return { rows: summary.rowsRead, created: summary.created };
    }
    if (kind === "feedback") {
      const read = readFeedbackReport(text, marketplace);
      let created = 0;
      for (const row of read.rows.filter(isNegative)) {
        // Checked like a case from the intake API; the reader already refused what would fail here.
        const input = newCaseSchema.parse({
          category: "negative_review",
          priority: feedbackPriority(row, deps.now()),
          orderId: row.orderId,
          marketplace,
          description: feedbackDescription(row),
          externalId: feedbackKey(marketplace, row),
        });
        const r = await createCase(
          prisma,
          { ...input, source: FEEDBACK_SOURCE },
          {
            channelId: deps.config.casesChannel,
            clock: deps.config.clock,
            crisis: deps.config.crisis,
            now: deps.now(),
            logger,
            onDefect: deps.defectIn,
          },
        );
        if (r.created) created++;
      }
      if (created) deps.wakeOutbox();
      return { rows: read.rows.length + read.rejected.length, created };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error("the account health report is not JSON");
    }
    const parsed = parseAccountHealth(json);
    if (!parsed.ok) throw new Error(`the account health report could not be read: ${parsed.message}`);
    let rows = 0;
    for (const m of parsed.health.marketplaces) {
      const code = m.marketplace ?? marketplaceCode(m.marketplaceId);
      if (!code || !settings.marketplaces.includes(code)) continue;
      await saveAccountHealth(prisma, code, m, deps.now());
      await checkOdr(prisma, code, deps.now(), deps.config.crisis);
      rows++;
    }
    deps.wakeOutbox();
    return { rows, created: 0 };
  }

  /** Whether a feed should be pulled now: a report to go on with, a retry that is due, or its schedule. */
  function wanted(feed: AmazonFeed, open: AmazonReport | null, force: boolean, now: Date): boolean {
    if (force) return true;
    if (feed.retryAt) return feed.retryAt <= now; // waiting to look at a report again, or to retry
    return open !== null || feedDue(feed.kind as FeedKind, feed.lastPullAt, now, settings.pullIntervalMs);
  }

  async function pullFeed(listed: AmazonFeed, force: boolean): Promise<void> {
    const kind = listed.kind as FeedKind;
    const marketplace = listed.marketplace as MarketplaceCode;
    const now = deps.now();
    if (!wanted(listed, null, force, now) && !(await openReport(prisma, listed.id))) return;
    if (!(await leaseFeed(prisma, listed.id, owner, now, new Date(now.getTime() + LEASE_MS)))) return;
    // Read again under the lease: another copy may have pulled it since it was listed.
    const feed = await prisma.amazonFeed.findUniqueOrThrow({ where: { id: listed.id } });
    const open = await openReport(prisma, feed.id);
    const pulledMeanwhile = (feed.lastPullAt?.getTime() ?? 0) > (listed.lastPullAt?.getTime() ?? 0);
    if (!wanted(feed, open, force && !pulledMeanwhile, now)) {
      await releaseFeed(prisma, feed.id, owner);
      return;
    }
    try {
      let report = open ?? (await startReport(prisma, feed.id, reportRange(kind, feed.cursor, now), now));
      let reportId = report.reportId;
      if (!reportId) {
        reportId = await client.createReport({
          reportType: FEEDS[kind].reportType,
          marketplaceIds: [MARKETPLACES[marketplace].id],
          // Account health is a snapshot: Amazon refuses a period for it.
          ...(FEEDS[kind].daily ? {} : { start: report.dataStart, end: report.dataEnd }),
        });
        await reportRequested(prisma, report.id, reportId);
        report = { ...report, reportId, status: "waiting" };
      }
      const giveUpAt = Date.now() + MAX_WAIT_MS;
      for (;;) {
        if (stopped) return; // the report id is kept: the next start goes on with it
        const state = await client.getReport(reportId);
        if (state.processingStatus === "DONE" && state.reportDocumentId) {
          const doc = await client.downloadDocument(state.reportDocumentId);
          const { rows, created } = await bringIn(kind, marketplace, report, doc);
          await finishReport(prisma, report, { status: "imported", rows, created }, deps.now());
          return;
        }
        if (state.processingStatus === "CANCELLED" || state.processingStatus === "DONE") {
          // Amazon cancels a report that has no data for the period.
          await finishReport(prisma, report, { status: "cancelled" }, deps.now());
          return;
        }
        if (state.processingStatus === "FATAL") {
          const error = `Amazon could not prepare the ${FEEDS[kind].label.toLowerCase()} report (FATAL); it is asked for again at the next pull.`;
          logger.warn(`${marketplace} ${error}`);
          await finishReport(prisma, report, { status: "fatal", error }, deps.now());
          return;
        }
        const wait = pollDelay(await reportPolled(prisma, report.id));
        if (Date.now() + wait > giveUpAt) {
          await lookAgainAt(prisma, feed.id, new Date(deps.now().getTime() + wait));
          return;
        }
        await sleep(wait);
        await leaseFeed(prisma, feed.id, owner, deps.now(), new Date(deps.now().getTime() + LEASE_MS));
      }
    } catch (err) {
      const message = (err as Error).message;
      if (err instanceof AmazonRefused) {
        if (message !== lastRefusal) logger.error(`${message} The bot goes on without Amazon's reports until then.`);
        lastRefusal = message;
      } else logger.warn(`Pulling ${FEEDS[kind].label} for ${marketplace} failed: ${message}`);
      // Refused credentials are tried again at the next scheduled pull, not sooner.
      await pullFailed(prisma, feed, message, deps.now(), !(err instanceof AmazonRefused));
    } finally {
      await releaseFeed(prisma, feed.id, owner).catch(() => {});
    }
  }

  async function pass(force: boolean): Promise<void> {
    const feeds = await ensureFeeds(prisma, settings.marketplaces);
    const queue = [...feeds];
    const worker = async () => {
      for (let feed = queue.shift(); feed && !stopped; feed = queue.shift()) await pullFeed(feed, force);
    };
    await Promise.all(Array.from({ length: CONCURRENT_FEEDS }, worker));
    await armWake();
  }

  /** Wakes for the earliest feed waiting to look at a report again or to retry. */
  async function armWake(): Promise<void> {
    if (stopped) return;
    const next = await prisma.amazonFeed.findFirst({
      where: { marketplace: { in: settings.marketplaces }, retryAt: { not: null } },
      orderBy: { retryAt: "asc" },
      select: { retryAt: true },
    });
    if (wake) clearTimeout(wake);
    wake = undefined;
    if (!next?.retryAt) return;
    const ms = Math.max(1_000, next.retryAt.getTime() - deps.now().getTime());
    wake = setTimeout(() => void run(false), Math.min(ms, 2 ** 31 - 1));
  }

  /**
   * One pass at a time in this process. A pass asked for while one runs comes after it (one for
   * all who asked meanwhile, forced if any of them forced it), and its promise is theirs.
   */
  function run(force: boolean): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      nextForced = nextForced || force;
      next ??= running.then(() => {
        const forced = nextForced;
        next = undefined;
        nextForced = false;
        return run(forced);
      });
      return next;
    }
    const current = pass(force)
      .catch((err) => logger.error(`Pulling from Amazon failed: ${(err as Error).message}`))
      .finally(() => {
        running = undefined;
      });
    running = current;
    return current;
  }

  const job =
    opts.schedule === false
      ? undefined
      : schedule.scheduleJob({ rule: settings.pullCron, tz: "UTC" }, () => void run(false));
  // At start, what is due (never pulled, or not for longer than its interval) is pulled at once.
  if (opts.schedule !== false) void run(false);

  return {
    pullDue: () => run(false),
    pullNow: () => run(true),
    async settle() {
      while (running || next) await (next ?? running);
    },
    async stop() {
      stopped = true;
      job?.cancel();
      if (wake) clearTimeout(wake);
      for (const done of [...sleepers]) done();
      while (running || next) await (next ?? running);
    },
  };
}
