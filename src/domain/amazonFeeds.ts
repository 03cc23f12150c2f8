// What the bot pulls from Amazon through the Selling Partner API, and when: one feed per report
// type and marketplace. The rules here are pure; the pulling is in jobs/amazonPull.ts.
import cronParser from "cron-parser";
import type { AmazonFeed, AmazonReport } from "../generated/prisma/client.ts";
import { MARKETPLACE_CODES, type MarketplaceCode } from "./amazon.ts";

export const REGIONS = ["na", "eu", "fe"] as const;
export type Region = (typeof REGIONS)[number];

/** Amazon's regional SP-API hosts and the marketplaces each serves (of those the bot knows). */
export const REGION_HOSTS: Record<Region, string> = {
  na: "https://sellingpartnerapi-na.amazon.com",
  eu: "https://sellingpartnerapi-eu.amazon.com",
  fe: "https://sellingpartnerapi-fe.amazon.com",
};
export const REGION_OF: Record<MarketplaceCode, Region> = {
  US: "na",
  CA: "na",
  MX: "na",
  UK: "eu",
  DE: "eu",
  FR: "eu",
  IT: "eu",
  ES: "eu",
  JP: "fe",
};
/** Login with Amazon's token endpoint, the same for every region. */
export const LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token";

export const FEED_KINDS = ["fba_returns", "mfn_returns", "feedback", "account_health"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export type FeedDefinition = {
  reportType: string;
  /** What people call it, in /case amazon. */
  label: string;
  /** How far back the first pull reaches; later pulls start where the last one ended. */
  firstPullDays: number;
  /** Each pull reaches back this far before the last one's end: Amazon adds late rows to past days. */
  overlapHours: number;
  /** Pulled on AMAZON_PULL_CRON, or once a day. */
  daily: boolean;
};

export const FEEDS: Record<FeedKind, FeedDefinition> = {
  fba_returns: {
    reportType: "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA",
    label: "FBA returns",
    firstPullDays: 7,
    overlapHours: 48,
    daily: false,
  },
  mfn_returns: {
    reportType: "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE",
    label: "Merchant-fulfilled returns",
    firstPullDays: 7,
    overlapHours: 48,
    daily: false,
  },
  feedback: {
    reportType: "GET_SELLER_FEEDBACK_DATA",
    label: "Seller feedback",
    firstPullDays: 30,
    overlapHours: 72,
    daily: false,
  },
  account_health: {
    reportType: "GET_V2_SELLER_PERFORMANCE_REPORT",
    label: "Account health",
    firstPullDays: 0,
    overlapHours: 0,
    daily: true,
  },
};

export const DAY_MS = 86_400_000;

/** The period a new report asks for: from the last one's end (less the overlap) to now. */
export function reportRange(kind: FeedKind, cursor: Date | null, now: Date): { start: Date; end: Date } {
  const f = FEEDS[kind];
  // Amazon refuses an end time in the future; a minute back keeps clocks that run ahead from tripping it.
  const end = new Date(now.getTime() - 60_000);
  const from = cursor ? cursor.getTime() - f.overlapHours * 3_600_000 : now.getTime() - f.firstPullDays * DAY_MS;
  return { start: new Date(Math.min(from, end.getTime() - 60_000)), end };
}

/**
 * Whether a feed is due: never pulled, or its last pull is older than its interval (a few
 * minutes' grace, so a pull that ended just after the last tick is not skipped at the next).
 */
export function feedDue(kind: FeedKind, lastPullAt: Date | null, now: Date, cronIntervalMs: number): boolean {
  // lastPullAt is when the last complete pull began.
  if (!lastPullAt) return true;
  const interval = FEEDS[kind].daily ? DAY_MS : cronIntervalMs;
  return now.getTime() - lastPullAt.getTime() >= interval - Math.min(5 * 60_000, interval / 10);
}

/** Waits between looking at a report Amazon is still preparing: 5 s doubling up to 2 minutes. */
export function pollDelayMs(polls: number): number {
  return Math.min(120_000, 5_000 * 2 ** Math.max(0, polls));
}

/** Waits before trying a failed pull again: 2, 10, 30 minutes, then hourly. */
export function retryDelayMs(failures: number): number {
  return [2, 10, 30, 60][Math.min(Math.max(failures, 1), 4) - 1] * 60_000;
}

/** The marketplaces a region serves; used to check AMAZON_MARKETPLACES against AMAZON_REGION. */
export function marketplacesOf(region: Region): MarketplaceCode[] {
  return MARKETPLACE_CODES.filter((m) => REGION_OF[m] === region);
}

export type AmazonSettings = {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  region: Region;
  marketplaces: MarketplaceCode[];
  pullCron: string;
  /** The usual time between two pulls on the cron: a feed pulled longer ago than this is due. */
  pullIntervalMs: number;
  /** Where every SP-API call goes (the region's host, or a proxy). */
  apiUrl: string;
  tokenUrl: string;
};

/** The shortest gap between the next few times of a cron schedule (in UTC). */
export function cronIntervalMs(expression: string): number {
  const it = cronParser.parseExpression(expression, { tz: "UTC", currentDate: new Date(Date.UTC(2026, 0, 5)) });
  const times = Array.from({ length: 8 }, () => it.next().toDate().getTime());
  let shortest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < times.length; i++) shortest = Math.min(shortest, times[i] - times[i - 1]);
  return shortest;
}

/** When a feed is next pulled: its retry or next look if one is set, else its next scheduled time that finds it due. */
export function nextPullAt(
  kind: FeedKind,
  feed: { lastPullAt: Date | null; retryAt: Date | null },
  s: Pick<AmazonSettings, "pullCron" | "pullIntervalMs">,
  now: Date,
): Date {
  if (feed.retryAt) return feed.retryAt;
  const it = cronParser.parseExpression(s.pullCron, { tz: "UTC", currentDate: now });
  for (let i = 0; i < 400; i++) {
    const at = it.next().toDate();
    if (feedDue(kind, feed.lastPullAt, at, s.pullIntervalMs)) return at;
  }
  return it.next().toDate();
}

/** A feed as /case amazon shows it: its last pull, and the report it is waiting for, if any. */
export type FeedStatus = AmazonFeed & { open: Pick<AmazonReport, "status" | "reportId" | "createdAt"> | null };

/** A report is given up on (and a new one asked for) after this many failed pulls in a row… */
export const REPORT_MAX_FAILURES = 5;
/** …or when Amazon has not finished it in this long. */
export const REPORT_MAX_AGE_MS = DAY_MS;

/** Whether to stop waiting for a report and ask for a new one from the feed's cursor. */
export function giveUpOn(
  report: Pick<AmazonReport, "createdAt" | "reportId">,
  failures: number,
  now: Date,
): string | undefined {
  if (failures >= REPORT_MAX_FAILURES)
    return `Given up on a report after ${failures} failed pulls in a row; a new one is asked for.`;
  if (report.reportId && now.getTime() - report.createdAt.getTime() > REPORT_MAX_AGE_MS)
    return "Amazon did not finish a report within a day; a new one is asked for.";
  return undefined;
}

/** How a feed's pull ended: brought in, still being prepared by Amazon, failed, refused, or another copy's. */
export type PullOutcome = "pulled" | "waiting" | "failed" | "refused" | "skipped";
export type PullResult = Record<PullOutcome, number>;
