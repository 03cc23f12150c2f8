// Order Defect Rate per marketplace: orders with a defect (negative review, A-to-z claim not
// denied or withdrawn, chargeback), each order counted once, over 60 days, against order volume.
import { type MarketplaceHealth, odrSummary } from "./accountHealth.ts";
import { type MarketplaceCode, marketplaceCode } from "./amazon.ts";
import type { Category, Resolution } from "./vocabulary.ts";

export const ODR_DAYS = 60;
/** Amazon's account health is pulled daily; older than this it is no longer shown or alerted on. */
export const AMAZON_HEALTH_FRESH_MS = 3 * 86_400_000;
export const DEFECT_CATEGORIES: Category[] = ["negative_review", "a_to_z_claim", "chargeback"];
/** A-to-z claims that ended like this are not defects. */
export const CLAIM_NOT_HELD: Resolution[] = ["claim_denied", "claim_withdrawn"];

export type OdrReading = {
  marketplace: string;
  orders: number;
  defects: number;
  negativeReviews: number;
  claims: number;
  chargebacks: number;
  percent: number;
  limitPercent: number;
  defectsUntilLimit: number;
  /** Where the order count came from: given to the bot, or Amazon's account health report. */
  ordersFrom: "team" | "amazon";
  /** Amazon's own figure (its worst fulfilment channel), from the last account health report. */
  amazon?: AmazonOdr;
};

export type AmazonOdr = {
  percent: number;
  orders: number;
  defects: number;
  channel: "afn" | "mfn";
  status: string;
  reportedAt: string;
};

/** The account health stored for a marketplace, as the ODR query reads it. */
export type StoredHealth = { reportedAt: string; detail: MarketplaceHealth };

/** Amazon's figure from an account health report, if it has one. */
export function amazonOdr(h: StoredHealth | null | undefined): AmazonOdr | undefined {
  const s = h ? odrSummary(h.detail) : undefined;
  if (!h || !s?.worst) return undefined;
  const w = s.worst;
  return {
    percent: w.percent,
    orders: s.orders,
    defects: s.defects,
    channel: w.channel,
    status: w.status,
    reportedAt: h.reportedAt,
  };
}

/** The rate an alert goes by: the team's estimate or Amazon's own, whichever is higher. */
export function alertPercent(r: OdrReading): number {
  return Math.max(r.percent, r.amazon?.percent ?? 0);
}

/** The most orders one figure can hold: the database stores order counts as 32-bit integers. */
export const MAX_ORDERS = 2_147_483_647;

/** "/case orders US 48200": the marketplace and its orders of the last 60 days, or undefined if unreadable. */
export function parseOrdersArgs(args: string[]): { marketplace: MarketplaceCode; orders: number } | undefined {
  const marketplace = args[0] ? marketplaceCode(args[0]) : undefined;
  const orders = Number((args[1] ?? "").replace(/[,_]/g, ""));
  if (!marketplace || args.length !== 2 || !Number.isInteger(orders) || orders <= 0 || orders > MAX_ORDERS)
    return undefined;
  return { marketplace, orders };
}

/** What the database counts for a marketplace's ODR (see store/odr.ts readOdr). */
export type OdrCounts = {
  /** The last 60-day total given, and the day it was given for. */
  total: number | null;
  lastTotalDate: string | null;
  /** The last day with a daily figure, and the sum of daily figures in the 60 days. */
  lastDay: string | null;
  dayOrders: number | null;
  defects: number;
  reviews: number;
  claims: number;
  chargebacks: number;
  /** Amazon's account health for the marketplace, if pulled. */
  health?: StoredHealth | null;
};

/**
 * A 60-day total given since the last daily figure wins, otherwise the daily figures, otherwise
 * Amazon's order count from its account health report; no orders, no rate.
 */
export function odrReading(marketplace: string, d: OdrCounts, limitPercent: number): OdrReading | undefined {
  const useTotal = d.total !== null && (d.lastDay === null || (d.lastTotalDate ?? "") >= d.lastDay);
  const given = useTotal ? d.total : d.lastDay ? d.dayOrders : null;
  const amazon = amazonOdr(d.health);
  const orders = given || amazon?.orders;
  if (!orders) return undefined;
  const needed = Math.ceil((orders * limitPercent) / 100 - 1e-9);
  return {
    marketplace,
    orders,
    defects: d.defects,
    negativeReviews: d.reviews,
    claims: d.claims,
    chargebacks: d.chargebacks,
    percent: (d.defects / orders) * 100,
    limitPercent,
    defectsUntilLimit: Math.max(0, needed - d.defects),
    ordersFrom: given ? "team" : "amazon",
    ...(amazon ? { amazon } : {}),
  };
}

export const ODR_ALERT_KINDS = ["odr_warning", "odr_alert"] as const;
export type OdrLevel = (typeof ODR_ALERT_KINDS)[number];

/** The alert (ODR_ALERT_PERCENT) or the warning (ODR_WARNING_PERCENT) the rate has reached, if any. */
export function odrLevel(percent: number, t: { alertPercent: number; warningPercent: number }): OdrLevel | undefined {
  if (percent >= t.alertPercent - 1e-9) return "odr_alert";
  if (percent >= t.warningPercent - 1e-9) return "odr_warning";
  return undefined;
}

/** A running ODR alert or warning of the marketplace. */
export type RunningOdrAlert = { id: number; kind: string; channelId: string | null; startedAt: Date };

export type OdrTransition =
  | { action: "raise"; kind: OdrLevel }
  | { action: "update"; alert: RunningOdrAlert }
  | { action: "clear"; alert: RunningOdrAlert };

/**
 * What a reading does to the running alerts: the warning or the alert is raised once when its
 * threshold is crossed, updated while it holds, and cleared when the rate falls back. Above the
 * limit only the alert is kept current; a running warning waits underneath it, none is raised.
 */
export function odrTransitions(running: RunningOdrAlert[], level: OdrLevel | undefined): OdrTransition[] {
  const out: OdrTransition[] = [];
  for (const kind of ODR_ALERT_KINDS) {
    const alert = running.find((a) => a.kind === kind);
    const holds = kind === "odr_alert" ? level === "odr_alert" : level !== undefined;
    const underAlert = kind === "odr_warning" && level === "odr_alert";
    if (alert && holds) {
      if (!underAlert) out.push({ action: "update", alert });
    } else if (alert) out.push({ action: "clear", alert });
    else if (holds && !underAlert) out.push({ action: "raise", kind });
  }
  return out;
}
