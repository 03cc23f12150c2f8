// The connection to Amazon's settings and the schedule rules of its feeds.
import { describe, expect, it } from "vitest";
import { type ConfigError, loadConfig } from "../../src/config.ts";
import {
  cronIntervalMs,
  feedDue,
  giveUpOn,
  nextPullAt,
  pollDelayMs,
  reportRange,
  retryDelayMs,
} from "../../src/domain/amazonFeeds.ts";

const slack = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", CASES_CHANNEL: "C0CASES" };
const credentials = {
  AMAZON_LWA_CLIENT_ID: "amzn1.application-oa2-client.abc",
  AMAZON_LWA_CLIENT_SECRET: "secret",
  AMAZON_REFRESH_TOKEN: "Atzr|token",
};
const problems = (env: Record<string, string>) => {
  try {
    loadConfig({ ...slack, ...env });
    return [];
  } catch (err) {
    return (err as ConfigError).problems;
  }
};

describe("the settings of the connection to Amazon", () => {
  it("are optional: without them nothing is pulled", () => {
    expect(loadConfig(slack).amazon).toBeUndefined();
  });

  it("take the region from the marketplaces and default to Amazon's hosts, every 4 hours", () => {
    const a = loadConfig({ ...slack, ...credentials, AMAZON_MARKETPLACES: "de, FR,gb" }).amazon;
    expect(a).toMatchObject({
      region: "eu",
      marketplaces: ["DE", "FR", "UK"],
      apiUrl: "https://sellingpartnerapi-eu.amazon.com",
      tokenUrl: "https://api.amazon.com/auth/o2/token",
      pullCron: "0 */4 * * *",
      pullIntervalMs: 4 * 3_600_000,
    });
  });

  it("send every call where AMAZON_API_URL and AMAZON_TOKEN_URL say", () => {
    const a = loadConfig({
      ...slack,
      ...credentials,
      AMAZON_MARKETPLACES: "US",
      AMAZON_API_URL: "http://proxy.local:8080",
      AMAZON_TOKEN_URL: "http://proxy.local:8080/auth/o2/token",
      AMAZON_PULL_CRON: "30 * * * *",
    }).amazon;
    expect(a).toMatchObject({
      apiUrl: "http://proxy.local:8080",
      tokenUrl: "http://proxy.local:8080/auth/o2/token",
      pullIntervalMs: 3_600_000,
    });
  });

  it("are all three credentials or none, each missing one named", () => {
    expect(problems({ AMAZON_LWA_CLIENT_ID: "x", AMAZON_MARKETPLACES: "US" })).toEqual([
      "AMAZON_LWA_CLIENT_SECRET is missing: set all three of AMAZON_LWA_CLIENT_ID, AMAZON_LWA_CLIENT_SECRET, AMAZON_REFRESH_TOKEN to connect to Amazon, or none of them",
      "AMAZON_REFRESH_TOKEN is missing: set all three of AMAZON_LWA_CLIENT_ID, AMAZON_LWA_CLIENT_SECRET, AMAZON_REFRESH_TOKEN to connect to Amazon, or none of them",
    ]);
  });

  it("refuse what cannot work, each with what to do", () => {
    expect(problems({ ...credentials })).toEqual([
      "AMAZON_MARKETPLACES is required with the Amazon credentials: the marketplaces to pull, e.g. US,CA",
    ]);
    expect(problems({ ...credentials, AMAZON_MARKETPLACES: "US,Mars" })[0]).toMatch(
      /^AMAZON_MARKETPLACES has "Mars", which is not a marketplace/,
    );
    expect(problems({ ...credentials, AMAZON_MARKETPLACES: "US,DE" })[0]).toMatch(
      /^AMAZON_MARKETPLACES mixes regions \(na, eu\)/,
    );
    expect(problems({ ...credentials, AMAZON_MARKETPLACES: "JP", AMAZON_REGION: "na" })).toEqual([
      "AMAZON_REGION is na but JP are in fe",
    ]);
    expect(problems({ ...credentials, AMAZON_MARKETPLACES: "US", AMAZON_REGION: "asia" })[0]).toBe(
      "AMAZON_REGION must be na, eu or fe",
    );
    expect(problems({ ...credentials, AMAZON_MARKETPLACES: "US", AMAZON_REFRESH_TOKEN: "secret" })[0]).toMatch(
      /^AMAZON_REFRESH_TOKEN must be the refresh token from Seller Central, starting with Atzr\|/,
    );
    expect(problems({ ...credentials, AMAZON_MARKETPLACES: "US", AMAZON_PULL_CRON: "every hour" })[0]).toMatch(
      /^AMAZON_PULL_CRON is not a valid schedule .*"0 \*\/4 \* \* \*" for every 4 hours/,
    );
    expect(problems({ ...credentials, AMAZON_MARKETPLACES: "US", AMAZON_API_URL: "not a url" })[0]).toMatch(
      /^AMAZON_API_URL must be an http\(s\) URL/,
    );
    expect(problems({ ...credentials, AMAZON_MARKETPLACES: "US", AMAZON_TOKEN_URL: "ftp://x/token" })[0]).toMatch(
      /^AMAZON_TOKEN_URL must be an http\(s\) URL/,
    );
    expect(problems({ ...credentials, AMAZON_MARKETPLACES: "US", AMAZON_PULL_CRON: "*/5 * * * *" })[0]).toBe(
      'AMAZON_PULL_CRON pulls more often than once an hour; e.g. "0 */4 * * *" for every 4 hours',
    );
    // Settings of a connection without its credentials would be ignored without a word.
    expect(problems({ AMAZON_MARKETPLACES: "US", AMAZON_API_URL: "http://proxy.local" })).toEqual([
      "AMAZON_MARKETPLACES is set, but the Amazon credentials are not: set AMAZON_LWA_CLIENT_ID, AMAZON_LWA_CLIENT_SECRET, AMAZON_REFRESH_TOKEN too, or leave it unset",
      "AMAZON_API_URL is set, but the Amazon credentials are not: set AMAZON_LWA_CLIENT_ID, AMAZON_LWA_CLIENT_SECRET, AMAZON_REFRESH_TOKEN too, or leave it unset",
    ]);
  });
});

describe("when feeds are pulled", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  const hours = (h: number) => new Date(now.getTime() - h * 3_600_000);

  it("reaches back a week for returns at first, then from the last end less the overlap", () => {
    expect(reportRange("fba_returns", null, now).start.toISOString()).toBe("2026-11-20T12:00:00.000Z");
    expect(reportRange("feedback", null, now).start.toISOString()).toBe("2026-10-28T12:00:00.000Z");
    const next = reportRange("fba_returns", hours(4), now);
    expect(next.start.toISOString()).toBe("2026-11-25T08:00:00.000Z");
    expect(next.end.toISOString()).toBe("2026-11-27T11:59:00.000Z"); // never in the future
  });

  it("is due when never pulled or older than its interval; account health once a day", () => {
    const fourHours = 4 * 3_600_000;
    expect(feedDue("fba_returns", null, now, fourHours)).toBe(true);
    expect(feedDue("fba_returns", hours(3.99), now, fourHours)).toBe(true); // within the few minutes' grace
    expect(feedDue("fba_returns", hours(3.5), now, fourHours)).toBe(false);
    expect(feedDue("account_health", hours(8), now, fourHours)).toBe(false);
    expect(feedDue("account_health", hours(24), now, fourHours)).toBe(true);
  });

  it("says when each is pulled next", () => {
    const s = { pullCron: "0 */4 * * *", pullIntervalMs: 4 * 3_600_000 };
    expect(nextPullAt("feedback", { lastPullAt: now, retryAt: null }, s, now).toISOString()).toBe(
      "2026-11-27T16:00:00.000Z",
    );
    expect(nextPullAt("account_health", { lastPullAt: now, retryAt: null }, s, now).toISOString()).toBe(
      "2026-11-28T12:00:00.000Z",
    );
    const retry = new Date("2026-11-27T12:10:00Z");
    expect(nextPullAt("feedback", { lastPullAt: null, retryAt: retry }, s, now)).toBe(retry);
  });

  it("gives up on a report after 5 failed pulls in a row, or a day without Amazon finishing it", () => {
    const asked = { createdAt: hours(2), reportId: "5001" };
    expect(giveUpOn(asked, 4, now)).toBeUndefined();
    expect(giveUpOn(asked, 5, now)).toMatch(/after 5 failed pulls/);
    expect(giveUpOn({ createdAt: hours(25), reportId: "5001" }, 0, now)).toMatch(/within a day/);
    // A report never asked of Amazon is not late: it is asked for now, for the period up to now.
    expect(giveUpOn({ createdAt: hours(25), reportId: null }, 0, now)).toBeUndefined();
  });

  it("backs off between looks at a report and between failed pulls", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(pollDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 120_000, 120_000]);
    expect([1, 2, 3, 4, 9].map((n) => retryDelayMs(n) / 60_000)).toEqual([2, 10, 30, 60, 60]);
    expect(cronIntervalMs("0 9 * * 1")).toBe(7 * 86_400_000);
    expect(cronIntervalMs("0 8,20 * * *")).toBe(12 * 3_600_000);
  });
});
