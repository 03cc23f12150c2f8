// Business-time arithmetic: "60 minutes" inside opening hours, in the team's time zone, so a
// case opened on Friday evening is due on Monday morning. DST is handled by luxon's zone rules.
import { DateTime, IANAZone } from "luxon";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** Opening windows per ISO weekday (1 = Monday), as minutes from local midnight. */
export type BusinessHours = { zone: string; windows: Map<number, [number, number][]> };

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Parses e.g. "Mon-Fri 09:00-18:00" or "Mon-Fri 09:00-18:00; Sat 10:00-14:00".
 * Throws an Error whose message says what is wrong and how to write it.
 */
export function parseBusinessHours(spec: string, zone: string): BusinessHours {
  const windows = new Map<number, [number, number][]>();
  for (const part of spec
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = part.match(/^([A-Za-z,\- ]+?)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/);
    if (!m) throw new Error(`"${part}" is not like "Mon-Fri 09:00-18:00"`);
    const start = Number(m[2]) * 60 + Number(m[3]);
    const end = Number(m[4]) * 60 + Number(m[5]);
    if (Number(m[3]) > 59 || Number(m[5]) > 59 || start >= end || end > 24 * 60) {
      throw new Error(`"${part}": the opening time must be before the closing time, both between 00:00 and 24:00`);
    }
    for (const day of parseDays(m[1])) windows.set(day, [...(windows.get(day) ?? []), [start, end]]);
  }
  if (windows.size === 0) throw new Error('no opening hours given; write e.g. "Mon-Fri 09:00-18:00"');
  for (const list of windows.values()) list.sort((a, b) => a[0] - b[0]);
  return { zone, windows };
}

function parseDays(text: string): number[] {
  const days: number[] = [];
  for (const item of text
    .split(",")
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean)) {
    const [from, to] = item.split("-").map((d) => d.trim().slice(0, 3));
    const a = DAYS.indexOf(from as (typeof DAYS)[number]);
    const b = to === undefined ? a : DAYS.indexOf(to as (typeof DAYS)[number]);
    if (a < 0 || b < 0) throw new Error(`"${item}" is not a day or day range like Mon-Fri`);
    for (let d = a; ; d = (d + 1) % 7) {
      days.push(d + 1);
      if (d === b) break;
    }
  }
  return days;
}

/** The moment `minutes` of working time after `start`; plain clock time when no hours are set. */
export function addWorkingMinutes(start: Date, minutes: number, hours?: BusinessHours): Date {
  if (!hours) return new Date(start.getTime() + minutes * 60_000);
  let remainingMs = minutes * 60_000;
  const cursor = DateTime.fromJSDate(start, { zone: hours.zone });
  // Walk the opening windows day by day; 400 days is far more than any real deadline needs.
  for (let day = 0; day < 400; day++) {
    const date = cursor.startOf("day").plus({ days: day });
    for (const [open, close] of hours.windows.get(date.weekday) ?? []) {
      const windowStart = DateTime.max(localTime(date, open), cursor);
      const windowEnd = localTime(date, close);
      const available = windowEnd.toMillis() - windowStart.toMillis();
      if (available <= 0) continue;
      if (remainingMs <= available) return new Date(windowStart.toMillis() + remainingMs);
      remainingMs -= available;
    }
  }
  throw new Error("Business hours leave no working time within a year");
}

/** Local wall-clock time on a date; 24:00 means the start of the next day. */
function localTime(date: DateTime, minutes: number): DateTime {
  if (minutes === 24 * 60) return date.plus({ days: 1 }).startOf("day");
  return date.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}
