// Amazon's own Order Defect Rate beside the team's estimate, in the words every ODR message uses.
import type { AmazonOdr, OdrReading } from "../domain/odr.ts";
import { escapeMrkdwn, slackDate, trimText } from "./text.ts";

const CHANNEL = { afn: "FBA", mfn: "merchant-fulfilled" } as const;

/** "Amazon: 1.20% (merchant-fulfilled, 36 of 3,000 orders, BAD) as of …" */
export function amazonOdrText(a: AmazonOdr): string {
  const when = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(a.reportedAt) ? a.reportedAt : `${a.reportedAt}Z`);
  const asOf = Number.isNaN(when.getTime()) ? "" : ` as of ${slackDate(when, "{date_short_pretty}")}`;
  return `Amazon: ${a.percent.toFixed(2)}% (${CHANNEL[a.channel]}, ${a.defects.toLocaleString("en-US")} of ${a.orders.toLocaleString("en-US")} orders, ${escapeMrkdwn(trimText(a.status, 20))})${asOf}`;
}

/** What follows the team's estimate: Amazon's figure, and where the order count came from. */
export function amazonOdrSuffix(r: OdrReading): string {
  const parts = [
    ...(r.amazon ? [amazonOdrText(r.amazon)] : []),
    ...(r.ordersFrom === "amazon" ? ["orders from Amazon's account health report"] : []),
  ];
  return parts.length ? ` · ${parts.join(" · ")}` : "";
}
