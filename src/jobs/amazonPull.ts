// Pulls the team's reports from Amazon on AMAZON_PULL_CRON (account health once a day): for each
// feed that is due, ask Amazon for the report of the time since the last one, wait for it, fetch
// its document and bring it in — returns through the importer, negative feedback as cases, account
// health beside the team's ODR. Each step is recorded, so a pull stopped half-way goes on with the
// same report, and a lease keeps two copies of the bot from pulling the same feed.

import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { Logger } from "@slack/bolt";
import schedule from "node-schedule";
import {
  AmazonRefused,
  AmazonRequestError,
  AmazonUnavailable,
  type SpApiClient,
  spApiClient,
} from "../amazon/spApiClient.ts";
import type { AppDeps } from "../deps.ts";
import { parseAccountHealth } from "../domain/accountHealth.ts";
import { MARKETPLACES, type MarketplaceCode, marketplaceCode } from "../domain/amazon.ts";
import {
  type AmazonSettings,
  FEEDS,
  type FeedKind,
  feedDue,
  giveUpOn,
  type PullOutcome,
  type PullResult,
  pollDelayMs,
  reportRange,
} from "../domain/amazonFeeds.ts";
import { newCaseSchema } from "../domain/caseInput.ts";
import { FEEDBACK_SOURCE, feedbackDescription, feedbackKey, feedbackPriority } from "../domain/feedbackCases.ts";
import { isNegative, readFeedbackReport } from "../domain/feedbackReport.ts";
import { UnreadableReport } from "../domain/returnsReport.ts";
import type { AmazonFeed, AmazonReport } from "../generated/prisma/client.ts";
import { routingOf } from "../handlers/storeNewCase.ts";
import { saveAccountHealth } from "../store/accountHealth.ts";
import {
  ensureFeeds,
  finishReport,
  leaseFeed,
  lookAgainAt,
  moveReportRange,
  openReport,
  pullFailed,
  type ReportEnd,
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
  pullDue(): Promise<PullResult | undefined>;
  /** Pulls every feed now, whatever its schedule ("Pull now"); resolves when all are done. */
  pullNow(): Promise<PullResult | undefined>;
  /** Waits for the pulls in hand (tests). */
  settle(): Promise<void>;
  stop(): Promise<void>;
};

/** Failures that asking again for the same report cannot mend. */
const isFinal = (err: unknown) => err instanceof AmazonRequestError || err instanceof UnreadableReport;

export type AmazonPullOptions = {
  deps: ImportDeps & Pick<AppDeps, "defectIn" | "routingRules">;
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
  const stopping = new AbortController();
  const client = opts.client ?? spApiClient(settings, { retryMinMs: opts.retryMinMs, signal: stopping.signal });
  const owner = randomUUID();
  const pollDelay = opts.pollDelayMs ?? pollDelayMs;
  let stopped = false;
  let running: Promise<PullResult | undefined> | undefined;
  let next: Promise<PullResult | undefined> | undefined;
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
    text: string,
  ): Promise<{ rows: number; created: number }> {
    if (!text.trim()) return { rows: 0, created: 0 }; // Amazon's document for a period without data
    if (kind === "fba_returns" || kind === "mfn_returns") {
      const day = (d: Date) => d.toISOString().slice(0, 10);
      const name = `Amazon's ${FEEDS[kind].label} report, ${marketplace} ${day(report.dataStart)} – ${day(report.dataEnd)}`;
      const summary = await runImport(deps, Readable.from([Buffer.from(text)]), name, deps.config.casesChannel, {
        quietWhenNothingNew: true,
        marketplace,
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
            routing: routingOf(deps.config, deps.routingRules.current()),
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
      throw new UnreadableReport("The account health report is not JSON.");
    }
    const parsed = parseAccountHealth(json);
    if (!parsed.ok) throw new UnreadableReport(parsed.message);
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

  /** Holds the feed a while longer; false when another copy has taken it (this one then stops). */
  const renew = (feedId: number) =>
    leaseFeed(prisma, feedId, owner, deps.now(), new Date(deps.now().getTime() + LEASE_MS));

  async function pullFeed(listed: AmazonFeed, force: boolean): Promise<PullOutcome> {
    const kind = listed.kind as FeedKind;
    const marketplace = listed.marketplace as MarketplaceCode;
    const label = FEEDS[kind].label;
    const now = deps.now();
    if (!wanted(listed, null, force, now) && !(await openReport(prisma, listed.id))) return "skipped";
    if (!(await leaseFeed(prisma, listed.id, owner, now, new Date(now.getTime() + LEASE_MS)))) return "skipped";
    // Read again under the lease: another copy may have pulled it since it was listed.
    const feed = await prisma.amazonFeed.findUniqueOrThrow({ where: { id: listed.id } });
    let open = await openReport(prisma, feed.id);
    const pulledMeanwhile = (feed.lastPullAt?.getTime() ?? 0) > (listed.lastPullAt?.getTime() ?? 0);
    if (!wanted(feed, open, force && !pulledMeanwhile, now)) {
      await releaseFeed(prisma, feed.id, owner);
      return "skipped";
    }
    let report: AmazonReport | undefined;
    const end = (e: ReportEnd) =>
      report ? finishReport(prisma, report, e, deps.now(), owner) : Promise.resolve(false);
    try {
      // A report that keeps failing, or that Amazon never finishes, is given up on.
      const giveUp = open && giveUpOn(open, feed.failures, now);
      if (open && giveUp) {
        logger.warn(`${marketplace} ${label}: ${giveUp}`);
        await finishReport(prisma, open, { status: "abandoned", error: giveUp }, now, owner);
        open = null;
      }
      const range = reportRange(kind, feed.cursor, now);
      report = !open
        ? await startReport(prisma, feed.id, range, now)
        : open.reportId
          ? open
          : await moveReportRange(prisma, open.id, range, now); // never asked: ask for up to now
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
        if (stopped) return "waiting"; // the report id is kept: the next start goes on with it
        const state = await client.getReport(reportId);
        if (state.processingStatus === "DONE") {
          if (!state.reportDocumentId) throw new AmazonUnavailable("Amazon finished the report without its document");
          if (!(await renew(feed.id))) return "skipped";
          const doc = await client.downloadDocument(state.reportDocumentId);
          if (!(await renew(feed.id))) return "skipped";
          const { rows, created } = await bringIn(kind, marketplace, report, doc);
          await end({ status: "imported", rows, created });
          return "pulled";
        }
        if (state.processingStatus === "CANCELLED") {
          // Amazon cancels a report that has no data for the period.
          await end({ status: "cancelled" });
          return "pulled";
        }
        if (state.processingStatus === "FATAL") {
          const error = `Amazon could not prepare the ${label.toLowerCase()} report (FATAL); it is asked for again at the next pull.`;
          logger.warn(`${marketplace} ${error}`);
          await end({ status: "fatal", error });
          return "failed";
        }
        const wait = pollDelay(await reportPolled(prisma, report.id));
        if (Date.now() + wait > giveUpAt) {
          await lookAgainAt(prisma, feed.id, new Date(deps.now().getTime() + wait));
          return "waiting";
        }
        await sleep(wait);
        if (!(await renew(feed.id))) return "skipped";
      }
    } catch (err) {
      const message = (err as Error).message;
      if (stopped) return "waiting";
      if (err instanceof AmazonRefused) {
        if (message !== lastRefusal) logger.error(`${message} The bot goes on without Amazon's reports until then.`);
        lastRefusal = message;
        // Tried again at the next scheduled pull, not sooner: asking again changes nothing.
        await pullFailed(prisma, feed, message, deps.now(), false);
        return "refused";
      }
      logger.warn(`Pulling ${label} for ${marketplace} failed: ${message}`);
      // A document that cannot be read will not read better next time: a new report is asked for
      // at the next pull. Other failures (Amazon busy or unreachable) go on with this one later.
      if (isFinal(err)) await end({ status: "fatal", error: message });
      await pullFailed(prisma, feed, message, deps.now(), true);
      return "failed";
    } finally {
      await releaseFeed(prisma, feed.id, owner).catch(() => {});
    }
  }

  async function pass(force: boolean): Promise<PullResult> {
    const feeds = await ensureFeeds(prisma, settings.marketplaces);
    const queue = [...feeds];
    const result: PullResult = { pulled: 0, waiting: 0, failed: 0, refused: 0, skipped: 0 };
    const worker = async () => {
      // Refused credentials refuse every feed alike: the pass ends at the first refusal.
      for (let feed = queue.shift(); feed && !stopped && !result.refused; feed = queue.shift())
        result[await pullFeed(feed, force)]++;
    };
    await Promise.all(Array.from({ length: CONCURRENT_FEEDS }, worker));
    await armWake();
    return result;
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
  function run(force: boolean): Promise<PullResult | undefined> {
    if (stopped) return Promise.resolve(undefined);
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
      .catch((err) => {
        logger.error(`Pulling from Amazon failed: ${(err as Error).message}`);
        return undefined;
      })
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
      stopping.abort();
      job?.cancel();
      if (wake) clearTimeout(wake);
      for (const done of [...sleepers]) done();
      while (running || next) await (next ?? running);
    },
  };
}
