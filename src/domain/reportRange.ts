// Reading "/case summary" ranges: 7d, 30d, or YYYY-MM-DD..YYYY-MM-DD in the team's time zone.
import { DateTime } from "luxon";
import type { Said } from "../i18n/i18n.ts";
import type { Period } from "./triage.ts";

const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** Words that ask "/case summary" for its pictures too. */
const CHART_WORDS = ["chart", "charts", "图表", "图"];

/** "30d chart" (or "30d图表", Chinese needing no space) → the range "30d" and that pictures were asked for. */
export function splitChartWord(text: string): { rangeText: string; chart: boolean } {
  let chart = false;
  const rest = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => {
      if (CHART_WORDS.includes(word.toLowerCase())) {
        chart = true;
        return [];
      }
      if (!word.endsWith("图表")) return [word];
      chart = true;
      return [word.slice(0, -"图表".length)];
    });
  return { rangeText: rest.join(" "), chart };
}

export function parseReportRange(text: string, now: Date, zone: string): { period: Period } | { error: Said } {
  const t = text.trim().toLowerCase();
  if (t === "") return { period: { from: new Date(now.getTime() - 7 * 86_400_000), to: now } };
  const days = t.match(/^(\d{1,3})d$/);
  if (days) {
    const n = Number(days[1]);
    if (n < 1 || n > 365) return { error: { key: "commands.parse.range.outOfRange", params: { text } } };
    return { period: { from: new Date(now.getTime() - n * 86_400_000), to: now } };
  }
  const range = t.match(/^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|to|–|-\s)\s*(\d{4}-\d{2}-\d{2})$/);
  if (range) {
    const from = DateTime.fromISO(range[1], { zone });
    const to = DateTime.fromISO(range[2], { zone });
    if (!from.isValid || !to.isValid) return { error: { key: "commands.parse.range.noSuchDate", params: { text } } };
    // A year like 0226 is a typo; the report also reads the period before, which must stay a date
    // the database holds.
    if (from.year < FIRST_YEAR || to.year > LAST_YEAR)
      return {
        error: { key: "commands.parse.range.yearOutside", params: { text, first: FIRST_YEAR, last: LAST_YEAR } },
      };
    if (to < from) return { error: { key: "commands.parse.range.endsBeforeStart", params: { text } } };
    // Whole days in the team's time zone, the last day included.
    return { period: { from: from.startOf("day").toJSDate(), to: to.plus({ days: 1 }).startOf("day").toJSDate() } };
  }
  return { error: { key: "commands.parse.range.unreadable", params: { text } } };
}
