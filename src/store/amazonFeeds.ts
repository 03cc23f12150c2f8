// What the bot has pulled from Amazon: one row per feed (report type × marketplace) with its
// cursor, lease and last outcome, and one row per report asked of Amazon. Changes are
// conditional, so two copies of the bot on one database never pull a feed at the same time.
import type { MarketplaceCode } from "../domain/amazon.ts";
import { FEED_KINDS, type FeedKind, type FeedStatus, retryDelayMs } from "../domain/amazonFeeds.ts";
import type { AmazonFeed, AmazonReport, PrismaClient } from "../generated/prisma/client.ts";

/** The feeds of these marketplaces, created the first time they are asked for. */
export async function ensureFeeds(prisma: PrismaClient, marketplaces: MarketplaceCode[]): Promise<AmazonFeed[]> {
  const wanted = marketplaces.flatMap((marketplace) => FEED_KINDS.map((kind) => ({ kind, marketplace })));
  await prisma.amazonFeed.createMany({ data: wanted, skipDuplicates: true });
  const feeds = await prisma.amazonFeed.findMany({
    where: { marketplace: { in: marketplaces } },
    orderBy: { id: "asc" },
  });
  return feeds.filter((f) => FEED_KINDS.includes(f.kind as FeedKind));
}

/**
 * Takes the feed for `owner` until `until`, unless another copy holds it: true when taken. A
 * lease that ran out (its holder stopped) is taken over.
 */
export async function leaseFeed(
  prisma: PrismaClient,
  feedId: number,
  owner: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  const { count } = await prisma.amazonFeed.updateMany({
    where: { id: feedId, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }, { leaseOwner: owner }] },
    data: { leaseOwner: owner, leaseUntil: until },
  });
  return count === 1;
}

export async function releaseFeed(prisma: PrismaClient, feedId: number, owner: string): Promise<void> {
  await prisma.amazonFeed.updateMany({
    where: { id: feedId, leaseOwner: owner },
    data: { leaseOwner: null, leaseUntil: null },
  });
}

/** The report a pull stopped in the middle of (asked for, or waiting for Amazon), if any. */
export function openReport(prisma: PrismaClient, feedId: number): Promise<AmazonReport | null> {
  return prisma.amazonReport.findFirst({
    where: { feedId, status: { in: ["requested", "waiting"] } },
    orderBy: { id: "desc" },
  });
}

export function startReport(
  prisma: PrismaClient,
  feedId: number,
  range: { start: Date; end: Date },
  now: Date,
): Promise<AmazonReport> {
  return prisma.amazonReport.create({
    data: { feedId, dataStart: range.start, dataEnd: range.end, createdAt: now },
  });
}

/** Amazon's id for the report, recorded the moment Amazon gives it. */
export async function reportRequested(prisma: PrismaClient, id: number, reportId: string): Promise<void> {
  await prisma.amazonReport.update({ where: { id }, data: { reportId, status: "waiting" } });
}

export async function reportPolled(prisma: PrismaClient, id: number): Promise<number> {
  const r = await prisma.amazonReport.update({ where: { id }, data: { polls: { increment: 1 } } });
  return r.polls;
}

export type ReportEnd =
  | { status: "imported"; rows: number; created: number }
  | { status: "cancelled" }
  | { status: "fatal" | "abandoned"; error: string };

/**
 * Ends a report and the pull: imported or cancelled (Amazon had no data) moves the feed's cursor to
 * the report's end, and counts the pull from when it began (a pull that took ten minutes is not
 * late for the next tick); a report Amazon could not prepare, or one given up on, leaves the
 * cursor, so the same period is asked for again. Only the copy holding the feed ends its report,
 * and only once.
 */
export async function finishReport(
  prisma: PrismaClient,
  report: AmazonReport,
  end: ReportEnd,
  now: Date,
  owner: string,
): Promise<boolean> {
  const done = end.status === "imported" || end.status === "cancelled";
  return prisma.$transaction(async (tx) => {
    const held = await tx.amazonFeed.count({ where: { id: report.feedId, leaseOwner: owner } });
    if (!held) return false;
    const { count } = await tx.amazonReport.updateMany({
      where: { id: report.id, status: { in: ["requested", "waiting"] } },
      data: {
        status: end.status,
        finishedAt: now,
        rows: end.status === "imported" ? end.rows : end.status === "cancelled" ? 0 : null,
        created: end.status === "imported" ? end.created : null,
        error: done ? null : end.error,
      },
    });
    if (!count) return false;
    await tx.amazonFeed.update({
      where: { id: report.feedId },
      data: done
        ? {
            cursor: report.dataEnd,
            lastPullAt: report.createdAt,
            lastRows: end.status === "imported" ? end.rows : 0,
            lastCreated: end.status === "imported" ? end.created : 0,
            lastError: null,
            lastErrorAt: null,
            failures: 0,
            retryAt: null,
          }
        : { lastError: end.error, lastErrorAt: now, failures: { increment: 1 }, retryAt: null },
    });
    return true;
  });
}

/** A report not yet asked of Amazon asks for the period up to now, however long ago it was made. */
export async function moveReportRange(
  prisma: PrismaClient,
  id: number,
  range: { start: Date; end: Date },
  now: Date,
): Promise<AmazonReport> {
  return prisma.amazonReport.update({
    where: { id },
    data: { dataStart: range.start, dataEnd: range.end, createdAt: now },
  });
}

/** A pull that failed: the reason is kept for /case amazon, and it is tried again after a wait. */
export async function pullFailed(
  prisma: PrismaClient,
  feed: AmazonFeed,
  message: string,
  now: Date,
  retry: boolean,
): Promise<void> {
  const failures = feed.failures + 1;
  await prisma.amazonFeed.update({
    where: { id: feed.id },
    data: {
      lastError: message,
      lastErrorAt: now,
      failures,
      retryAt: retry ? new Date(now.getTime() + retryDelayMs(failures)) : null,
    },
  });
}

/** A pull that will go on later (Amazon is still preparing the report): when to look again. */
export async function lookAgainAt(prisma: PrismaClient, feedId: number, at: Date): Promise<void> {
  await prisma.amazonFeed.update({ where: { id: feedId }, data: { retryAt: at } });
}

/** Every feed with the report it is waiting for, for /case amazon. */
export async function feedStatuses(prisma: PrismaClient, marketplaces: MarketplaceCode[]): Promise<FeedStatus[]> {
  const feeds = await ensureFeeds(prisma, marketplaces);
  const open = await prisma.amazonReport.findMany({
    where: { feedId: { in: feeds.map((f) => f.id) }, status: { in: ["requested", "waiting"] } },
    select: { feedId: true, status: true, reportId: true, createdAt: true },
  });
  return feeds.map((f) => ({ ...f, open: open.find((o) => o.feedId === f.id) ?? null }));
}
