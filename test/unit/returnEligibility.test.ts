import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  checkEligibility as check_,
  DEFAULT_RETURN_SETTINGS,
  type ItemCondition,
  parseHolidayWindow,
  type ReturnSettings,
  refundDueAt,
} from "../../src/domain/returnEligibility.ts";
import { ENGLISH, say, words } from "../../src/i18n/i18n.ts";

/** Slack writes a date token in the reader's language; its fallback is the day, read here as "10 Jul 2026". */
const untokened = (text: string) =>
  text.replace(/<!date\^\d+\^\{date_short\}\|(\d{4}-\d\d-\d\d)>/g, (_, iso: string) =>
    DateTime.fromISO(iso).setLocale("en").toFormat("d LLL yyyy"),
  );
/** The verdict with its summary and advice said in English. */
const checkEligibility = (...args: Parameters<typeof check_>) => {
  const e = check_(...args);
  return { ...e, summary: untokened(say(ENGLISH, e.summary)), advice: say(ENGLISH, e.advice) };
};

const at = (iso: string, zone = "UTC") => DateTime.fromISO(iso, { zone }).toJSDate();
const local = (d: Date | undefined, zone = "UTC") =>
  d && DateTime.fromJSDate(d, { zone }).toFormat("ccc yyyy-MM-dd HH:mm:ss.SSS");
const noHoliday: ReturnSettings = { ...DEFAULT_RETURN_SETTINGS, holiday: undefined };

describe("the return window ends at the end of day 30, in the team's zone", () => {
  it.each([
    // delivered, requested, verdict, days outside — zone UTC
    ["2026-06-10T09:00", "2026-06-11T09:00", "eligible", undefined],
    ["2026-06-10T09:00", "2026-07-09T12:00", "eligible", undefined], // day 29
    ["2026-06-10T09:00", "2026-07-10T12:00", "eligible", undefined], // day 30
    ["2026-06-10T09:00", "2026-07-11T00:00", "outside", 1], // day 31
    ["2026-06-10T09:00", "2026-07-16T08:00", "outside", 6],
  ])("delivered %s, requested %s → %s", (delivered, requested, verdict, daysOutside) => {
    const e = checkEligibility({ deliveredAt: at(delivered), requestedAt: at(requested) }, noHoliday, "UTC");
    expect(e.verdict).toBe(verdict);
    expect(e.daysOutside).toBe(daysOutside);
    expect(local(e.windowEndsAt)).toBe("Fri 2026-07-10 23:59:59.999");
  });

  it("counts the last day in Asia/Shanghai, not in UTC", () => {
    const zone = "Asia/Shanghai";
    // Delivered on 10 June in Shanghai, though it was still 9 June in UTC.
    const deliveredAt = at("2026-06-10T07:00", zone);
    const last = checkEligibility({ deliveredAt, requestedAt: at("2026-07-10T23:59:59", zone) }, noHoliday, zone);
    expect(last.verdict).toBe("eligible");
    expect(last.windowEndsAt?.toISOString()).toBe("2026-07-10T15:59:59.999Z");
    // Midnight in Shanghai is still 10 July in UTC: outside all the same.
    const next = checkEligibility({ deliveredAt, requestedAt: at("2026-07-11T00:00:00", zone) }, noHoliday, zone);
    expect(next).toMatchObject({ verdict: "outside", daysOutside: 1 });
    expect(next.summary).toBe("Outside the window by 1 day (it ended 10 Jul 2026)");
  });

  it("counts the last day in America/Los_Angeles across the end of summer time", () => {
    const zone = "America/Los_Angeles";
    const deliveredAt = at("2026-10-05T18:00", zone); // 30 days later is after the clocks go back (1 Nov)
    const last = checkEligibility({ deliveredAt, requestedAt: at("2026-11-04T23:59:59", zone) }, noHoliday, zone);
    expect(last.verdict).toBe("eligible");
    expect(last.windowEndsAt?.toISOString()).toBe("2026-11-05T07:59:59.999Z"); // PST, UTC−8
    const next = checkEligibility({ deliveredAt, requestedAt: at("2026-11-05T00:00:00", zone) }, noHoliday, zone);
    expect(next).toMatchObject({ verdict: "outside", daysOutside: 1 });
  });

  it("says when it ended and by how many days it was missed", () => {
    const deliveredAt = at("2026-12-13T10:00");
    expect(checkEligibility({ deliveredAt, requestedAt: at("2027-01-05T10:00") }, noHoliday, "UTC").summary).toBe(
      "Eligible: returnable until 12 Jan 2027",
    );
    expect(checkEligibility({ deliveredAt, requestedAt: at("2027-01-18T10:00") }, noHoliday, "UTC")).toMatchObject({
      summary: "Outside the window by 6 days (it ended 12 Jan 2027)",
      advice: "Decline politely, or offer a partial refund instead.",
    });
  });

  it("uses the team's own window length", () => {
    const e = checkEligibility(
      { deliveredAt: at("2026-06-10T09:00"), requestedAt: at("2026-06-25T09:00") },
      { ...noHoliday, windowDays: 14 },
      "UTC",
    );
    expect(e).toMatchObject({ verdict: "outside", daysOutside: 1 });
  });
});

describe("the holiday window", () => {
  it.each([
    // ordered (shipped), delivered, requested, verdict, last day
    ["2026-10-31", "2026-11-05", "2026-12-05", "eligible", "2026-12-05"],
    ["2026-10-31", "2026-11-05", "2027-01-31", "outside", "2026-12-05"],
    ["2026-11-01", "2026-11-05", "2027-01-31", "eligible_holiday", "2027-01-31"],
    ["2026-11-01", "2026-11-05", "2027-02-01", "outside", "2027-01-31"],
    ["2026-11-15", "2026-11-20", "2026-11-25", "eligible_holiday", "2027-01-31"],
    ["2026-12-31", "2026-12-31", "2027-01-31", "eligible_holiday", "2027-01-31"],
    ["2026-12-31", "2026-12-31", "2027-02-01", "outside", "2027-01-31"],
    // Shipped late in December but delivered in January: the normal 30 days end later.
    ["2026-12-31", "2027-01-04", "2027-02-01", "eligible", "2027-02-03"],
    ["2027-01-01", "2027-01-02", "2027-02-01", "eligible", "2027-02-01"],
    ["2027-01-01", "2027-01-02", "2027-02-02", "outside", "2027-02-01"],
  ])("shipped %s, delivered %s, requested %s → %s until %s", (ordered, delivered, requested, verdict, lastDay) => {
    const e = checkEligibility(
      {
        orderDate: at(`${ordered}T12:00`),
        deliveredAt: at(`${delivered}T12:00`),
        requestedAt: at(`${requested}T12:00`),
      },
      DEFAULT_RETURN_SETTINGS,
      "UTC",
    );
    expect(e.verdict).toBe(verdict);
    expect(local(e.windowEndsAt)?.slice(4, 14)).toBe(lastDay);
  });

  it("says the holiday window in the summary", () => {
    const e = checkEligibility(
      { orderDate: at("2026-11-20T12:00"), deliveredAt: at("2026-11-24T12:00"), requestedAt: at("2027-01-20T12:00") },
      DEFAULT_RETURN_SETTINGS,
      "UTC",
    );
    expect(e.summary).toBe("Eligible — holiday window: returnable until 31 Jan 2027");
  });

  it.each([
    ["2026-11-03", "eligible", "2026-12-03"], // shipped about 29 Oct
    ["2026-11-06", "eligible_holiday", "2027-01-31"], // shipped about 1 Nov
  ])(
    "without an order date, takes the shipment as delivery − 5 days (delivered %s → %s)",
    (delivered, verdict, last) => {
      const e = checkEligibility(
        { deliveredAt: at(`${delivered}T12:00`), requestedAt: at("2026-11-20T12:00") },
        DEFAULT_RETURN_SETTINGS,
        "UTC",
      );
      expect(e.verdict).toBe(verdict);
      expect(local(e.windowEndsAt)?.slice(4, 14)).toBe(last);
    },
  );

  it("applies no holiday window when it is off", () => {
    const e = checkEligibility(
      { orderDate: at("2026-11-01T12:00"), deliveredAt: at("2026-11-05T12:00"), requestedAt: at("2027-01-31T12:00") },
      noHoliday,
      "UTC",
    );
    expect(e).toMatchObject({ verdict: "outside", daysOutside: 57 });
  });

  it("handles a holiday range that crosses the new year", () => {
    const holiday = parseHolidayWindow("12-15..01-10:02-15");
    const settings = { ...DEFAULT_RETURN_SETTINGS, holiday };
    for (const ordered of ["2026-12-15", "2027-01-05", "2027-01-10"]) {
      const e = checkEligibility(
        { orderDate: at(`${ordered}T12:00`), requestedAt: at("2027-02-15T12:00") },
        settings,
        "UTC",
      );
      expect(e.verdict, ordered).toBe("eligible_holiday");
      expect(local(e.windowEndsAt)?.slice(4, 14)).toBe("2027-02-15");
    }
    const before = checkEligibility(
      { orderDate: at("2026-12-14T12:00"), requestedAt: at("2027-02-15T12:00") },
      settings,
      "UTC",
    );
    expect(before.verdict).toBe("outside");
  });
});

describe("dates the team does not have", () => {
  it("estimates delivery as the order date + 5 days and says so", () => {
    const e = checkEligibility(
      { orderDate: at("2026-06-01T12:00"), requestedAt: at("2026-07-06T12:00") },
      noHoliday,
      "UTC",
    );
    expect(e).toMatchObject({
      verdict: "eligible",
      deliveryEstimated: true,
      summary: "Eligible: returnable until 6 Jul 2026 (delivery estimated from the order date)",
    });
    const late = checkEligibility(
      { orderDate: at("2026-06-01T12:00"), requestedAt: at("2026-07-07T12:00") },
      noHoliday,
      "UTC",
    );
    expect(late).toMatchObject({ verdict: "outside", daysOutside: 1, deliveryEstimated: true });
  });

  it("prefers the delivery date over the order date", () => {
    const e = checkEligibility(
      { orderDate: at("2026-06-01T12:00"), deliveredAt: at("2026-06-20T12:00"), requestedAt: at("2026-07-15T12:00") },
      noHoliday,
      "UTC",
    );
    expect(e).toMatchObject({ verdict: "eligible", deliveryEstimated: false });
  });

  it.each([{}, { orderDate: null, deliveredAt: null }])("cannot tell without either date (%j)", (dates) => {
    const e = checkEligibility({ ...dates, requestedAt: at("2026-07-15T12:00") }, DEFAULT_RETURN_SETTINGS, "UTC");
    expect(e).toEqual({
      verdict: "unknown",
      deliveryEstimated: false,
      summary: "Unknown: enter the delivery or order date",
      advice: expect.stringMatching(/delivery date.*order date/),
    });
  });
});

describe("advice by the item's condition", () => {
  const check = (condition: ItemCondition | null | undefined, requested = "2026-06-20T12:00") =>
    checkEligibility(
      { deliveredAt: at("2026-06-10T12:00"), requestedAt: at(requested), condition },
      DEFAULT_RETURN_SETTINGS,
      "UTC",
    );

  it.each([
    ["unopened", "Accept the return and remind the buyer to pack it well."],
    ["opened_resellable", "Accept the return and remind the buyer to pack it well."],
    ["damaged_by_buyer", expect.stringMatching(/photos.*accept the return with a partial refund/)],
    [null, expect.stringMatching(/^Accept the return if the item is undamaged and resellable/)],
    [undefined, expect.stringMatching(/^Accept the return if the item is undamaged and resellable/)],
  ] as const)("eligible and %s", (condition, advice) => {
    expect(check(condition).advice).toEqual(advice);
  });

  it.each(["unopened", "opened_resellable", "damaged_by_buyer", null] as const)(
    "outside and %s: decline",
    (condition) => {
      expect(check(condition, "2026-08-01T12:00").advice).toBe("Decline politely, or offer a partial refund instead.");
    },
  );
});

describe("when the refund is due", () => {
  it.each([
    ["Thu 2026-11-26 15:00", "Europe/Berlin", "Mon 2026-11-30 23:59:59.999"],
    ["Fri 2026-11-27 09:00", "Europe/Berlin", "Tue 2026-12-01 23:59:59.999"],
    ["Sat 2026-11-28 11:00", "Europe/Berlin", "Tue 2026-12-01 23:59:59.999"],
    ["Sun 2026-11-29 23:59", "Europe/Berlin", "Tue 2026-12-01 23:59:59.999"],
    ["Mon 2026-11-30 00:00", "Europe/Berlin", "Wed 2026-12-02 23:59:59.999"],
    // Thursday night in Los Angeles is already Friday in UTC; the team's day counts.
    ["Thu 2026-11-26 23:30", "America/Los_Angeles", "Mon 2026-11-30 23:59:59.999"],
  ])("received %s (%s) → due %s", (received, zone, due) => {
    const receivedAt = DateTime.fromFormat(received, "ccc yyyy-MM-dd HH:mm", { zone, locale: "en" }).toJSDate();
    expect(local(refundDueAt(receivedAt, DEFAULT_RETURN_SETTINGS, zone), zone)).toBe(due);
  });

  it("uses the team's own number of business days", () => {
    const receivedAt = at("2026-11-26T15:00");
    expect(local(refundDueAt(receivedAt, { ...DEFAULT_RETURN_SETTINGS, refundBusinessDays: 5 }, "UTC"))).toBe(
      "Thu 2026-12-03 23:59:59.999",
    );
    expect(local(refundDueAt(receivedAt, { ...DEFAULT_RETURN_SETTINGS, refundBusinessDays: 0 }, "UTC"))).toBe(
      "Thu 2026-11-26 23:59:59.999",
    );
  });
});

describe("reading the holiday window setting", () => {
  it.each([
    ["11-01..12-31:01-31", DEFAULT_RETURN_SETTINGS.holiday],
    [" 11-1 .. 12-31 : 1-31 ", DEFAULT_RETURN_SETTINGS.holiday],
    ["off", undefined],
    [" OFF ", undefined],
  ])("reads %j", (spec, holiday) => {
    expect(parseHolidayWindow(spec)).toEqual(holiday);
  });

  it.each([
    ["", /"" is not a holiday window; write it like "11-01..12-31:01-31"/],
    ["11-01-12-31", /is not a holiday window/],
    ["11-01..12-31", /is not a holiday window/],
    ["Nov 1..Dec 31:Jan 31", /is not a holiday window/],
    ["13-01..12-31:01-31", /"13-01": the month must be 01 to 12/],
    ["11-01..12-32:01-31", /"12-32": month 12 has no day 32/],
    ["11-01..12-31:02-30", /month 2 has no day 30/],
    ["11-01..12-31:02-29", /month 2 has no day 29/],
    ["11-00..12-31:01-31", /month 11 has no day 0/],
  ])("refuses %j", (spec, message) => {
    expect(() => parseHolidayWindow(spec)).toThrow(message);
  });
});

describe("the verdict in each language", () => {
  it("gives the last day as a Slack date token at noon of that day in the team's zone", () => {
    const zone = "Asia/Shanghai";
    const e = check_(
      { deliveredAt: at("2026-06-10T09:00", zone), requestedAt: at("2026-07-20T12:00", zone) },
      noHoliday,
      zone,
    );
    const noon = Math.floor(DateTime.fromISO("2026-07-10T12:00", { zone }).toSeconds());
    expect(say(ENGLISH, e.summary)).toBe(
      `Outside the window by 10 days (it ended <!date^${noon}^{date_short}|2026-07-10>)`,
    );
    expect(say(words("zh-CN"), e.summary)).toBe(`已超出退货期 10 天（截止于 <!date^${noon}^{date_short}|2026-07-10>）`);
    expect(say(words("zh-CN"), e.advice)).toBe("礼貌拒绝，或改为提供部分退款。");
  });
});
