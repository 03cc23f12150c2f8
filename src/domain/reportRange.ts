// Reading "/case summary" ranges: 7d, 30d, or YYYY-MM-DD..YYYY-MM-DD in the team's time zone.
import { DateTime } from "luxon";
import type { Period } from "./triage.ts";

const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

export const RANGE_HELP = "Use `7d`, `30d` (up to `365d`) or dates like `2026-11-01..2026-11-30`.";

export function parseReportRange(text: string, now: Date, zone: string): { period: Period } | { error: string } {
  const t = text.trim().toLowerCase();
  if (t === "") return { period: { from: new Date(now.getTime() - 7 * 86_400_000), to: now } };
  const days = t.match(/^(\d{1,3})d$/);
  if (days) {
    const n = Number(days[1]);
    if (n < 1 || n > 365) return { error: `\`${text}\` is out of range. ${RANGE_HELP}` };
    return { period: { from: new Date(now.getTime() - n * 86_400_000), to: now } };
  }
  const range = t.match(/^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|to|–|-\s)\s*(\d{4}-\d{2}-\d{2})$/);
  if (range) {
    const from = DateTime.fromISO(range[1], { zone });
    const to = DateTime.fromISO(range[2], { zone });
    if (!from.isValid || !to.isValid) return { error: `\`${text}\` has a date that does not exist. ${RANGE_HELP}` };
    // A year like 0226 is a typo; the report also reads the period before, which must stay a date
    // the database holds.
    if (from.year < FIRST_YEAR || to.year > LAST_YEAR)
      return { error: `\`${text}\` has a year outside ${FIRST_YEAR}–${LAST_YEAR}. ${RANGE_HELP}` };
    if (to < from) return { error: `\`${text}\` ends before it starts. ${RANGE_HELP}` };
    // Whole days in the team's time zone, the last day included.
    return { period: { from: from.startOf("day").toJSDate(), to: to.plus({ days: 1 }).startOf("day").toJSDate() } };
  }
  return { error: `I can't read \`${text}\` as a period. ${RANGE_HELP}` };
}
