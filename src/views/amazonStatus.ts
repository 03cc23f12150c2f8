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
import type { Key } from "../i18n/catalog.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { ACTIONS } from "../ids.ts";
import { cutMrkdwn, escapeMrkdwn, mrkdwnSection, plain, slackDate } from "./text.ts";

/** "The bot is not connected to Amazon…", with the settings that connect it. */
export const notConnected = (w: Words = ENGLISH): string => w.t("reports.amazon.notConnected");

/** What "Pull now" did, in a line above the status. */
export function pullNote(r: PullResult | undefined, w: Words = ENGLISH): string {
  if (!r) return w.t("reports.amazon.pullFailed");
  const parts = [
    w.t("reports.amazon.pulled", { count: r.pulled, n: w.num(r.pulled) }),
    ...(r.waiting ? [w.t("reports.amazon.waiting", { n: r.waiting })] : []),
    ...(r.failed ? [w.t("reports.amazon.failed", { n: r.failed })] : []),
    ...(r.refused ? [w.t("reports.amazon.refused")] : []),
    ...(r.skipped ? [w.t("reports.amazon.skipped", { n: r.skipped })] : []),
  ];
  return w.t("reports.amazon.pulledNow", { parts: parts.join(w.t("reports.amazon.separator")) });
}

function feedLine(f: FeedStatus, s: AmazonSettings, now: Date, w: Words): string {
  const kind = f.kind as FeedKind;
  const what =
    kind === "account_health"
      ? w.t(f.lastRows ? "reports.amazon.figuresStored" : "reports.amazon.noFigures")
      : w.t("reports.amazon.rowsAndCases", {
          rows: w.t("reports.amazon.rows", { count: f.lastRows ?? 0, n: w.num(f.lastRows ?? 0) }),
          cases: w.t("reports.amazon.newCases", { count: f.lastCreated ?? 0, n: w.num(f.lastCreated ?? 0) }),
        });
  const last = f.lastPullAt
    ? w.t("reports.amazon.lastPulled", { date: slackDate(f.lastPullAt), what })
    : w.t("reports.amazon.notPulled");
  const waiting = f.open ? ` · ${w.t("reports.amazon.waitingSince", { date: slackDate(f.open.createdAt) })}` : "";
  const next = ` · ${w.t("reports.amazon.next", { date: slackDate(nextPullAt(kind, f, s, now)) })}`;
  const error = f.lastError
    ? `\n    :warning: ${f.lastErrorAt ? `${slackDate(f.lastErrorAt)}: ` : ""}${cutMrkdwn(escapeMrkdwn(f.lastError), 400)}`
    : "";
  const label = kind in FEEDS ? w.t(`reports.amazon.feed.${kind}` as Key) : kind;
  return `• *${label}* — ${last}${waiting}${next}${error}`;
}

export function amazonStatusMessage(
  feeds: FeedStatus[],
  s: AmazonSettings,
  now: Date,
  note?: string,
  w: Words = ENGLISH,
): { text: string; blocks: types.KnownBlock[] } {
  const failing = feeds.filter((f) => f.lastError).length;
  const text = w.t("reports.amazon.text", {
    region: s.region,
    marketplaces: s.marketplaces.join(", "),
    state: failing ? w.t("reports.amazon.failing", { n: failing }) : w.t("reports.amazon.allPulling"),
  });
  const byMarketplace = s.marketplaces.map((m: MarketplaceCode) =>
    mrkdwnSection(
      `*${m}*\n${feeds
        .filter((f) => f.marketplace === m)
        .map((f) => feedLine(f, s, now, w))
        .join("\n")}`,
    ),
  );
  return {
    text,
    blocks: [
      mrkdwnSection(
        `${w.t("reports.amazon.header", {
          region: s.region,
          marketplaces: s.marketplaces.join(", "),
          cron: escapeMrkdwn(s.pullCron),
        })}${note ? `\n${escapeMrkdwn(note)}` : ""}`,
      ),
      ...byMarketplace,
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: ACTIONS.amazonPullNow,
            text: plain(w.t("reports.amazon.pullNow")),
            value: "all",
          },
        ],
      },
    ],
  };
}
