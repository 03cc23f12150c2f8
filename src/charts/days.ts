// Days and hours on a chart's axis, in the reader's language and the team's time zone.
import { DateTime } from "luxon";
import type { Day } from "../domain/charts.ts";
import type { Key } from "../i18n/catalog.ts";
import type { Words } from "../i18n/i18n.ts";
import { periodLabel } from "../views/triageReport.ts";

const locale = (w: Words) => (w.lang === "en" ? "en-US" : w.lang);

const formatted = (dt: DateTime, w: Words, format: Key) => dt.setLocale(locale(w)).toFormat(w.t(format));
/** "Nov 21" / "11月21日". */
export const dayLabel = (dt: DateTime, w: Words) => formatted(dt, w, "charts.dayFormat");
/** "18:00". */
export const hourLabel = (dt: DateTime, w: Words) => formatted(dt, w, "charts.hourFormat");
/** "Nov 21, 18:00" / "11月21日 18:00". */
export const dayHourLabel = (dt: DateTime, w: Words) => formatted(dt, w, "charts.dayHourFormat");

/** The period the days cover, as the digest's header says it ("21 Nov – 27 Nov 2026"). */
export function periodText(days: Day[], zone: string, w: Words): string {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return "—";
  const from = DateTime.fromISO(first, { zone });
  const to = DateTime.fromISO(last, { zone }).plus({ days: 1 });
  return from.isValid && to.isValid ? periodLabel(from.toJSDate(), to.toJSDate(), zone, w) : "—";
}

/**
 * A Vega expression that shows each axis value by its label: the axis keeps the values (ISO days,
 * hours) so that two alike labels stay two places.
 */
export function labelExpr(labels: Map<string, string>): string {
  return `${JSON.stringify(Object.fromEntries(labels))}[datum.value]`;
}

/** At most `max` of the values, evenly spaced and always the first: long periods get fewer labels. */
export function everyFew<T>(values: T[], max: number): T[] {
  const step = Math.max(1, Math.ceil(values.length / max));
  return values.filter((_, i) => i % step === 0);
}
