// Amazon's account health report (GET_V2_SELLER_PERFORMANCE_REPORT, schema accountHealthReport
// 2020-11-18): the Order Defect Rate per fulfilment channel and every metric Amazon rates, per
// marketplace. Read leniently: Amazon adds metrics and leaves out the ones that do not apply, and
// its own example uses other key names than its schema (warningState, documentRequest…). Only
// values the bot uses are checked, so a wrong type there is refused rather than misread.
import { z } from "zod";
import { type MarketplaceCode, marketplaceCode } from "./amazon.ts";

export type OdrByChannel = {
  channel: "afn" | "mfn";
  from: string;
  to: string;
  orders: number;
  defects: number;
  claims: number;
  chargebacks: number;
  negativeFeedback: number;
  /** Amazon's rate × 100. */
  percent: number;
  targetPercent: number;
  status: string;
};
export type HealthConcern = {
  /** The report's key, e.g. lateShipmentRate. */
  metric: string;
  label: string;
  status: string;
  percent?: number;
  count?: number;
  targetPercent?: number;
};
export type MarketplaceHealth = {
  marketplaceId: string;
  marketplace?: MarketplaceCode;
  accountStatus?: string;
  odr: OdrByChannel[];
  concerns: HealthConcern[];
};
export type AccountHealth = { marketplaces: MarketplaceHealth[] };

/**
 * What Seller Central calls each metric, in the order its Account Health page lists them (customer
 * service, policy compliance, shipping). Both spellings are listed where Amazon uses two.
 */
export const METRIC_LABELS: Record<string, string> = {
  accountStatus: "Account status",
  accountHealthRating: "Account health rating",
  orderDefectRate: "Order defect rate",
  suspectedIntellectualPropertyViolations: "Suspected intellectual property violations",
  receivedIntellectualPropertyComplaints: "Intellectual property complaints",
  productAuthenticityCustomerComplaints: "Product authenticity complaints",
  productConditionCustomerComplaints: "Product condition complaints",
  productSafetyCustomerComplaints: "Product safety complaints",
  foodAndProductSafetyIssues: "Food and product safety issues",
  listingPolicyViolations: "Listing policy violations",
  restrictedProductPolicyViolations: "Restricted product policy violations",
  otherPolicyViolations: "Other policy violations",
  documentRequest: "Document requests",
  documentRequests: "Document requests",
  lateShipmentRate: "Late shipment rate",
  prefulfillmentCancelRate: "Pre-fulfilment cancel rate",
  preFulfillmentCancellationRate: "Pre-fulfilment cancel rate",
  validTrackingRate: "Valid tracking rate",
  onTimeDeliveryRate: "On-time delivery rate",
  unitOnTimeDeliveryRate: "Unit on-time delivery rate",
  invoiceDefectRate: "Invoice defect rate",
};

/** Keys that are not metrics of their own, or are read apart from the rest. */
const NOT_METRICS = [
  "marketplaceId",
  "accountStatus",
  "accountHealthRating",
  "orderDefectRate",
  "warningState",
  "warningStates",
];

const CHANNEL_LABELS = { afn: "Fulfilled by Amazon", mfn: "seller-fulfilled" } as const;
/** Amazon's ODR target when a channel does not state one: under 1% in every marketplace. */
const ODR_TARGET_PERCENT = 1;

/** A metric Amazon did not have when this was written: "someNewMetric" → "Some new metric". */
export function labelFromKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A fraction as a percentage; rounded so 0.009 reads 0.9, not 0.8999999999999999. */
const toPercent = (rate: number) => Number((rate * 100).toPrecision(12));

const wholeNumber = z.number({ error: "should be a whole number" }).int("should be a whole number").min(0, {
  error: "should not be negative",
});
const fraction = z.number({ error: "should be a number (a fraction like 0.009)" });
const text = z.string({ error: "should be text" });
const dateRange = z.object({ reportingDateFrom: text.nullish(), reportingDateTo: text.nullish() });
const countAndStatus = z.object({ count: wholeNumber.nullish(), status: text.nullish() });

/** One of the metrics: a rate (lateShipmentRate…) or a count (listingPolicyViolations…). */
const metricSchema = z.looseObject(
  {
    status: text.nullish(),
    rate: fraction.nullish(),
    targetValue: z.number({ error: "should be a number" }).nullish(),
    orderCount: wholeNumber.nullish(),
    defectsCount: wholeNumber.nullish(),
  },
  { error: "should be an object with the metric's status and figures" },
);

const odrChannelSchema = z.object(
  {
    reportingDateRange: dateRange.nullish(),
    orderCount: wholeNumber.nullish(),
    orderWithDefects: countAndStatus.nullish(),
    claims: countAndStatus.nullish(),
    chargebacks: countAndStatus.nullish(),
    negativeFeedback: countAndStatus.nullish(),
    status: text.nullish(),
    rate: fraction.nullish(),
    targetValue: z.number({ error: "should be a number" }).nullish(),
  },
  { error: "should be an object with the channel's order defect figures" },
);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Some documents list the channels as an array, each naming its fulfillmentType; they are read as
 * the keyed form. In the keyed form the key wins: Amazon's own example has "fulfillmentType": "mfn"
 * under afn.
 */
function keyByChannel(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const keyed: Record<string, unknown> = {};
  for (const item of value) {
    const channel = isObject(item) ? String(item.fulfillmentType ?? "").toLowerCase() : "";
    if ((channel === "afn" || channel === "mfn") && !(channel in keyed)) keyed[channel] = item;
  }
  return keyed;
}

const odrSchema = z.preprocess(
  keyByChannel,
  z.object({ afn: odrChannelSchema.nullish(), mfn: odrChannelSchema.nullish() }).nullish(),
);

const performanceSchema = z.looseObject(
  {
    marketplaceId: z.string({ error: "should be the marketplace id (like ATVPDKIKX0DER)" }),
    orderDefectRate: odrSchema,
    accountHealthRating: z
      .looseObject({ ahrStatus: text.nullish(), accountHealthRatingStatus: text.nullish() })
      .nullish(),
    warningState: z.array(z.looseObject({ warningType: text.nullish(), status: text.nullish() })).nullish(),
    warningStates: z.array(z.looseObject({ warningType: text.nullish(), status: text.nullish() })).nullish(),
    // Every metric the schema names is checked; others are read only if they look like a metric.
    ...Object.fromEntries(
      Object.keys(METRIC_LABELS)
        .filter((k) => !NOT_METRICS.includes(k))
        .map((k) => [k, metricSchema.nullish()]),
    ),
  },
  { error: "should be an object with one marketplace's metrics" },
);

const reportSchema = z.object({
  accountStatuses: z.array(z.object({ marketplaceId: text.nullish(), status: text.nullish() })).nullish(),
  performanceMetrics: z.array(performanceSchema),
});

type Performance = z.infer<typeof performanceSchema>;
type OdrChannel = z.infer<typeof odrChannelSchema>;

/** Statuses that need no one's attention. */
const FINE = ["GOOD", "NONE"];
const FINE_RATING = ["GREAT", "GOOD", "NONE"];

function channelFigures(channel: "afn" | "mfn", c: OdrChannel): OdrByChannel | undefined {
  // Without an order count there is no rate to speak of.
  if (c.orderCount == null) return undefined;
  const orders = c.orderCount;
  // Amazon's rate is defects / orders, so a missing defect count can be read back from it.
  const defects = c.orderWithDefects?.count ?? (c.rate != null ? Math.round(c.rate * orders) : 0);
  return {
    channel,
    from: c.reportingDateRange?.reportingDateFrom ?? "",
    to: c.reportingDateRange?.reportingDateTo ?? "",
    orders,
    defects,
    claims: c.claims?.count ?? 0,
    chargebacks: c.chargebacks?.count ?? 0,
    negativeFeedback: c.negativeFeedback?.count ?? 0,
    percent: c.rate != null ? toPercent(c.rate) : orders ? toPercent(defects / orders) : 0,
    targetPercent: c.targetValue != null ? toPercent(c.targetValue) : ODR_TARGET_PERCENT,
    status: (c.status ?? "NONE").toUpperCase(),
  };
}

/** A number as given, or nothing: new metrics are read for what they plainly say. */
const numberOrNot = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/**
 * A metric's concern when its status is anything but good; rates as percentages, counts as counts.
 * Known metrics were checked by the schema; a new one counts as soon as it has a status.
 */
function metricConcern(metric: string, value: unknown): HealthConcern | undefined {
  if (!isObject(value) || typeof value.status !== "string") return undefined;
  const status = value.status.toUpperCase();
  if (FINE.includes(status)) return undefined;
  const label = METRIC_LABELS[metric] ?? labelFromKey(metric);
  const rate = numberOrNot(value.rate);
  const targetValue = numberOrNot(value.targetValue);
  if (rate !== undefined)
    return {
      metric,
      label,
      status,
      percent: toPercent(rate),
      targetPercent: targetValue !== undefined ? toPercent(targetValue) : undefined,
    };
  return { metric, label, status, count: numberOrNot(value.defectsCount) };
}

/**
 * The marketplace's figures and its concerns, most serious first: the account status, the
 * account health rating, the ODR per channel, the other metrics (known ones in METRIC_LABELS'
 * order, then new ones), then Amazon's warnings.
 */
function marketplaceHealth(p: Performance, accountStatus: string | undefined): MarketplaceHealth {
  const odr: OdrByChannel[] = [];
  const concerns: HealthConcern[] = [];
  if (accountStatus && accountStatus !== "NORMAL")
    concerns.push({ metric: "accountStatus", label: METRIC_LABELS.accountStatus, status: accountStatus });
  const rating = (p.accountHealthRating?.ahrStatus ?? p.accountHealthRating?.accountHealthRatingStatus)?.toUpperCase();
  if (rating && !FINE_RATING.includes(rating))
    concerns.push({ metric: "accountHealthRating", label: METRIC_LABELS.accountHealthRating, status: rating });
  for (const channel of ["afn", "mfn"] as const) {
    const c = p.orderDefectRate?.[channel];
    if (!c) continue;
    const figures = channelFigures(channel, c);
    if (figures) odr.push(figures);
    const status = c.status?.toUpperCase();
    if (status && !FINE.includes(status))
      concerns.push({
        metric: "orderDefectRate",
        label: `${METRIC_LABELS.orderDefectRate} (${CHANNEL_LABELS[channel]})`,
        status,
        percent: figures?.percent,
        count: figures?.defects,
        targetPercent: figures?.targetPercent,
      });
  }
  for (const key of new Set([...Object.keys(METRIC_LABELS), ...Object.keys(p)])) {
    if (NOT_METRICS.includes(key) || p[key] == null) continue;
    const concern = metricConcern(key, p[key]);
    if (concern) concerns.push(concern);
  }
  for (const w of [...(p.warningStates ?? []), ...(p.warningState ?? [])])
    if (w.warningType && w.status?.toUpperCase() === "BAD")
      concerns.push({ metric: w.warningType, label: `Warning: ${labelFromKey(w.warningType)}`, status: "BAD" });
  return {
    marketplaceId: p.marketplaceId,
    marketplace: marketplaceCode(p.marketplaceId),
    accountStatus,
    odr,
    concerns,
  };
}

/** A value as the message names it: "the text "12000"", "a list"… */
function described(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "empty (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text "${value.slice(0, 40)}"`;
  if (typeof value === "object") return "an object";
  return typeof value === "number" ? `the number ${value}` : String(value);
}

/** performanceMetrics[0].orderDefectRate.afn.orderCount */
const pathText = (path: PropertyKey[]) =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");

const NOT_A_REPORT =
  "This is not an account health report: upload the JSON document of Amazon's GET_V2_SELLER_PERFORMANCE_REPORT, which has performanceMetrics for each marketplace";

/** Reads the report; the message says in plain words what is wrong with a document it refuses. */
export function parseAccountHealth(
  json: unknown,
): { ok: true; health: AccountHealth } | { ok: false; message: string } {
  if (!isObject(json)) return { ok: false, message: `${NOT_A_REPORT} (this is ${described(json)}).` };
  if (!Array.isArray(json.performanceMetrics))
    return { ok: false, message: `${NOT_A_REPORT} (its performanceMetrics is ${described(json.performanceMetrics)}).` };
  const parsed = reportSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    return {
      ok: false,
      message: `The account health report could not be read: ${pathText(path)} ${issue?.message ?? "is not readable"} (it is ${described(issue?.input)}).`,
    };
  }
  const statuses = new Map<string, string>();
  for (const s of parsed.data.accountStatuses ?? [])
    if (s.marketplaceId && s.status && !statuses.has(s.marketplaceId))
      statuses.set(s.marketplaceId, s.status.toUpperCase());
  const marketplaces = parsed.data.performanceMetrics.map((p) => marketplaceHealth(p, statuses.get(p.marketplaceId)));
  // A marketplace with a status but no metrics (a deactivated one) is still news for the team.
  for (const [marketplaceId, accountStatus] of statuses)
    if (!marketplaces.some((m) => m.marketplaceId === marketplaceId))
      marketplaces.push(marketplaceHealth({ marketplaceId }, accountStatus));
  return { ok: true, health: { marketplaces } };
}

/** Orders and defects over the channels (Amazon counts each channel on its own): the order count for ODR's denominator, and the worst channel for the alert. */
export function odrSummary(
  m: MarketplaceHealth,
): { orders: number; defects: number; worst?: OdrByChannel } | undefined {
  if (!m.odr.length) return undefined;
  let worst: OdrByChannel | undefined;
  for (const c of m.odr) if (!worst || c.percent > worst.percent) worst = c;
  return {
    orders: m.odr.reduce((sum, c) => sum + c.orders, 0),
    defects: m.odr.reduce((sum, c) => sum + c.defects, 0),
    worst,
  };
}
