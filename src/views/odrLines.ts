// Amazon's own Order Defect Rate beside the team's estimate, in the words every ODR message uses.
import type { AmazonOdr, OdrReading } from "../domain/odr.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { escapeMrkdwn, slackDate, trimText } from "./text.ts";

/** "Amazon: 1.20% (merchant-fulfilled, 36 of 3,000 orders, BAD) as of …" */
export function amazonOdrText(a: AmazonOdr, w: Words = ENGLISH): string {
  const when = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(a.reportedAt) ? a.reportedAt : `${a.reportedAt}Z`);
  const figures = {
    percent: w.num(a.percent, 2),
    channel: w.t(a.channel === "afn" ? "reports.odr.channel.afn" : "reports.odr.channel.mfn"),
    defects: w.num(a.defects),
    orders: w.num(a.orders),
    status: escapeMrkdwn(trimText(a.status, 20)),
  };
  return Number.isNaN(when.getTime())
    ? w.t("reports.odr.amazon", figures)
    : w.t("reports.odr.amazonAsOf", { ...figures, date: slackDate(when, "{date_short_pretty}") });
}

/** What follows the team's estimate: Amazon's figure, and where the order count came from. */
export function amazonOdrSuffix(r: OdrReading, w: Words = ENGLISH): string {
  const parts = [
    ...(r.amazon ? [amazonOdrText(r.amazon, w)] : []),
    ...(r.ordersFrom === "amazon" ? [w.t("reports.odr.ordersFromAmazon")] : []),
  ];
  return parts.length ? ` · ${parts.join(" · ")}` : "";
}
