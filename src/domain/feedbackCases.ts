// Negative seller feedback from Amazon as cases: which ratings become a case, and what the case
// says. The rater's e-mail never gets this far (the report reader drops it).
import type { MarketplaceCode } from "./amazon.ts";
import { cutText } from "./cutText.ts";
import type { FeedbackRow } from "./feedbackReport.ts";
import { ODR_DAYS } from "./odr.ts";
import type { Priority } from "./vocabulary.ts";

export const FEEDBACK_SOURCE = "amazon_feedback";
const DESCRIPTION_MAX = 2000;

/** A buyer leaves one feedback per order: the order identifies it (in its marketplace). */
export const feedbackKey = (marketplace: MarketplaceCode, row: FeedbackRow) => `${marketplace}:${row.orderId}`;

/** A 1–2 star rating counts toward the Order Defect Rate for 60 days: answer those first. */
export function feedbackPriority(row: FeedbackRow, now: Date): Priority | undefined {
  const ageDays = (now.getTime() - row.date.getTime()) / 86_400_000;
  return ageDays <= ODR_DAYS ? "urgent" : undefined;
}

export function feedbackDescription(row: FeedbackRow): string {
  const day = row.date.toISOString().slice(0, 10);
  const said = row.comment ? `: “${row.comment}”` : " (no comment)";
  const answered = row.response ? `\nOur response on Amazon: “${row.response}”` : "";
  return cutText(`${row.rating}-star feedback on Amazon, ${day}${said}${answered}`, DESCRIPTION_MAX);
}
