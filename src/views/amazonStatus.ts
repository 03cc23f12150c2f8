// /case amazon: the connection to Amazon per report and marketplace — when it was last pulled,
// what it brought, when it is pulled next, and the last error in plain words — with "Pull now".
import type { types } from "@slack/bolt";
import type { MarketplaceCode } from "../domain/amazon.ts";
import {
  type AmazonSettings,
  FEEDS,
  type FeedKind,
  type FeedStatus,
  nextPullAt,
  type PullResult,
} from "../domain/amazonFeeds.ts";
import { ACTIONS } from "../ids.ts";
import { cutMrkdwn, escapeMrkdwn, mrkdwnSection, plain, slackDate } from "./text.ts";

export const NOT_CONNECTED =
  "The bot is not connected to Amazon. To pull returns, negative feedback and account health by itself, set AMAZON_LWA_CLIENT_ID, AMAZON_LWA_CLIENT_SECRET, AMAZON_REFRESH_TOKEN and AMAZON_MARKETPLACES (see the README, “Connect to Amazon”).";

const count = (n: number, noun: string) => `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;

/** What "Pull now" did, in a line above the status. */
export function pullNote(r: PullResult | undefined): string {
  if (!r) return "The pull could not run just now; it is tried again at the next scheduled pull.";
  const parts = [
    `${count(r.pulled, "report")} brought in`,
    ...(r.waiting ? [`${r.waiting} still being prepared by Amazon (looked at again shortly)`] : []),
    ...(r.failed ? [`${r.failed} failed (see below)`] : []),
    ...(r.refused ? ["Amazon refused the bot's credentials (see below)"] : []),
    ...(r.skipped ? [`${r.skipped} being pulled by another copy of the bot`] : []),
  ];
  return `Pulled just now: ${parts.join(", ")}.`;
}

function feedLine(f: FeedStatus, s: AmazonSettings, now: Date): string {
  const kind = f.kind as FeedKind;
  const last = f.lastPullAt
    ? `last pulled ${slackDate(f.lastPullAt)} (${kind === "account_health" ? (f.lastRows ? "Amazon's figures stored" : "no figures for this marketplace") : `${count(f.lastRows ?? 0, "row")}, ${count(f.lastCreated ?? 0, "new case")}`})`
    : "not pulled yet";
  const waiting = f.open ? ` · waiting for Amazon's report since ${slackDate(f.open.createdAt)}` : "";
  const next = ` · next ${slackDate(nextPullAt(kind, f, s, now))}`;
  const error = f.lastError
    ? `\n    :warning: ${f.lastErrorAt ? `${slackDate(f.lastErrorAt)}: ` : ""}${cutMrkdwn(escapeMrkdwn(f.lastError), 400)}`
    : "";
  return `• *${FEEDS[kind].label}* — ${last}${waiting}${next}${error}`;
}

export function amazonStatusMessage(
  feeds: FeedStatus[],
  s: AmazonSettings,
  now: Date,
  note?: string,
): { text: string; blocks: types.KnownBlock[] } {
  const failing = feeds.filter((f) => f.lastError).length;
  const text = `Amazon connection (${s.region}, ${s.marketplaces.join(", ")}): ${failing ? `${failing} reports with errors` : "all reports pulling"}.`;
  const byMarketplace = s.marketplaces.map((m: MarketplaceCode) =>
    mrkdwnSection(
      `*${m}*\n${feeds
        .filter((f) => f.marketplace === m)
        .map((f) => feedLine(f, s, now))
        .join("\n")}`,
    ),
  );
  return {
    text,
    blocks: [
      mrkdwnSection(
        `*Amazon connection* — region ${s.region}, marketplaces ${s.marketplaces.join(", ")}. Returns and feedback are pulled on \`${escapeMrkdwn(s.pullCron)}\` (UTC), account health once a day.${note ? `\n${escapeMrkdwn(note)}` : ""}`,
      ),
      ...byMarketplace,
      {
        type: "actions",
        elements: [{ type: "button", action_id: ACTIONS.amazonPullNow, text: plain("Pull now"), value: "all" }],
      },
    ],
  };
}
