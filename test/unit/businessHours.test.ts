import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { addWorkingMinutes, parseBusinessHours } from "../../src/domain/businessHours.ts";

const berlin = parseBusinessHours("Mon-Fri 09:00-18:00", "Europe/Berlin");
const local = (d: Date, zone = "Europe/Berlin") => DateTime.fromJSDate(d, { zone }).toFormat("ccc yyyy-MM-dd HH:mm");
const at = (iso: string, zone = "Europe/Berlin") => DateTime.fromISO(iso, { zone }).toJSDate();

describe("business hours", () => {
  it("without hours, counts plain clock time (as Amazon does, 24/7)", () => {
    expect(addWorkingMinutes(new Date("2026-11-27T17:30:00Z"), 60)).toEqual(new Date("2026-11-27T18:30:00Z"));
    expect(addWorkingMinutes(new Date("2026-11-27T17:30:00Z"), 0.5)).toEqual(new Date("2026-11-27T17:30:30Z"));
  });

  it("counts inside the day", () => {
    expect(local(addWorkingMinutes(at("2026-11-26T10:15"), 60, berlin))).toBe("Thu 2026-11-26 11:15");
  });

  it("carries a Friday-evening case over the weekend to Monday morning", () => {
    // Friday 17:30: 30 minutes left on Friday, 30 more on Monday.
    expect(local(addWorkingMinutes(at("2026-11-27T17:30"), 60, berlin))).toBe("Mon 2026-11-30 09:30");
    // Opened on Saturday: the clock starts Monday 09:00.
    expect(local(addWorkingMinutes(at("2026-11-28T12:00"), 60, berlin))).toBe("Mon 2026-11-30 10:00");
  });

  it("starts the clock at opening time for a case that arrives before opening", () => {
    expect(local(addWorkingMinutes(at("2026-11-26T06:00"), 15, berlin))).toBe("Thu 2026-11-26 09:15");
  });

  it("keeps wall-clock opening hours across a DST change", () => {
    // Europe/Berlin leaves summer time on Sunday 2026-10-25. Friday 17:30 CEST + 60 min → Monday 09:30 CET.
    const due = addWorkingMinutes(at("2026-10-23T17:30"), 60, berlin);
    expect(local(due)).toBe("Mon 2026-10-26 09:30");
    expect(due.toISOString()).toBe("2026-10-26T08:30:00.000Z"); // UTC+1 after the change
    // And into summer time (2026-03-29): Friday 17:30 CET + 60 → Monday 09:30 CEST = 07:30 UTC.
    expect(addWorkingMinutes(at("2026-03-27T17:30"), 60, berlin).toISOString()).toBe("2026-03-30T07:30:00.000Z");
  });

  it("counts across a DST night for round-the-clock hours by real elapsed time", () => {
    const allDay = parseBusinessHours("Mon-Sun 00:00-24:00", "America/New_York");
    // 2026-11-01 01:30 EDT + 60 minutes of real time = 01:30 EST (the clock repeats an hour).
    const due = addWorkingMinutes(at("2026-11-01T05:30:00Z", "UTC"), 60, allDay);
    expect(due.toISOString()).toBe("2026-11-01T06:30:00.000Z");
  });

  it("supports several windows and day lists", () => {
    const h = parseBusinessHours("Mon-Fri 09:00-12:00; Mon-Fri 13:00-18:00; Sat 10:00-14:00", "Asia/Shanghai");
    expect(local(addWorkingMinutes(at("2026-11-26T11:30", "Asia/Shanghai"), 60, h), "Asia/Shanghai")).toBe(
      "Thu 2026-11-26 13:30",
    );
    expect(local(addWorkingMinutes(at("2026-11-27T17:45", "Asia/Shanghai"), 30, h), "Asia/Shanghai")).toBe(
      "Sat 2026-11-28 10:15",
    );
    expect(parseBusinessHours("Sun-Tue 08:00-09:00", "UTC").windows.size).toBe(3);
  });

  it("explains a badly written schedule", () => {
    expect(() => parseBusinessHours("weekdays nine to five", "UTC")).toThrow('is not like "Mon-Fri 09:00-18:00"');
    expect(() => parseBusinessHours("Mon-Fri 18:00-09:00", "UTC")).toThrow(
      "opening time must be before the closing time",
    );
    expect(() => parseBusinessHours("Mon-Fry 09:00-18:00", "UTC")).toThrow("is not a day");
  });
});
