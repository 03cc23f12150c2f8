// Is a return inside Amazon's window? 30 days from delivery, longer for items shipped in the
// holiday season. Dates are calendar days in the team's time zone: a window that ends on 12 Jan
// ends at midnight there, not in UTC. Declining an eligible return escalates into claims, so the
// answer says what to do as well as whether.
import { DateTime } from "luxon";
import type { Key } from "../i18n/catalog.ts";
import type { Said, Words } from "../i18n/i18n.ts";

export type ItemCondition = "unopened" | "opened_resellable" | "damaged_by_buyer";
export const ITEM_CONDITIONS: Record<ItemCondition, string> = {
  unopened: "Unopened",
  opened_resellable: "Opened, resellable",
  damaged_by_buyer: "Damaged by the buyer",
};
export const conditionName = (w: Words, c: ItemCondition): string => w.t(`playbook.returns.condition.${c}` as Key);

export type MonthDay = { month: number; day: number };

export type ReturnSettings = {
  windowDays: number;
  /** Items shipped shippedFrom..shippedTo are returnable until returnBy; undefined: no holiday window. */
  holiday?: { shippedFrom: MonthDay; shippedTo: MonthDay; returnBy: MonthDay };
  /** When the delivery date is unknown, it is taken as the order date plus this. */
  deliveryDays: number;
  refundBusinessDays: number;
};

export const DEFAULT_RETURN_SETTINGS: ReturnSettings = {
  windowDays: 30,
  holiday: { shippedFrom: { month: 11, day: 1 }, shippedTo: { month: 12, day: 31 }, returnBy: { month: 1, day: 31 } },
  deliveryDays: 5,
  refundBusinessDays: 2,
};

export type Eligibility = {
  verdict: "eligible" | "eligible_holiday" | "outside" | "unknown";
  /** The end of the last returnable day, in the team's zone. */
  windowEndsAt?: Date;
  /** Whole days past the window (≥ 1) when outside. */
  daysOutside?: number;
  /** The delivery date was the order date plus deliveryDays. */
  deliveryEstimated: boolean;
  /** Its {{day}} is a Slack date token, which Slack writes in the reader's language. */
  summary: Said;
  advice: Said;
};

const ADVICE = {
  resellable: { key: "playbook.returns.advice.resellable" },
  conditionUnknown: { key: "playbook.returns.advice.conditionUnknown" },
  damaged: { key: "playbook.returns.advice.damaged" },
  outside: { key: "playbook.returns.advice.outside" },
  unknown: { key: "playbook.returns.advice.unknown" },
} satisfies Record<string, Said>;

/**
 * A calendar day as a Slack date token: Slack writes it in each reader's language. It points at
 * noon of that day in the team's zone, so readers within half a day of that zone see the same day.
 */
const dayToken = (d: DateTime): string =>
  `<!date^${Math.floor(d.set({ hour: 12 }).toSeconds())}^{date_short}|${d.toISODate()}>`;

/**
 * `requestedAt` is when the buyer asked to return (the case's creation). The holiday window applies
 * when the shipment date (the order date, else delivery − deliveryDays) falls in
 * shippedFrom..shippedTo; the window then ends at the later of the normal end and returnBy.
 * The verdict is eligible_holiday when the holiday window is the one that sets the end.
 */
export function checkEligibility(
  input: { requestedAt: Date; orderDate?: Date | null; deliveredAt?: Date | null; condition?: ItemCondition | null },
  settings: ReturnSettings,
  zone: string,
): Eligibility {
  const day = (d: Date) => DateTime.fromJSDate(d, { zone }).startOf("day");
  const ordered = input.orderDate ? day(input.orderDate) : undefined;
  const deliveryEstimated = !input.deliveredAt && ordered !== undefined;
  const delivered = input.deliveredAt ? day(input.deliveredAt) : ordered?.plus({ days: settings.deliveryDays });
  if (!delivered) {
    return {
      verdict: "unknown",
      deliveryEstimated: false,
      summary: { key: "playbook.returns.summary.unknown" },
      advice: ADVICE.unknown,
    };
  }

  const normalLastDay = delivered.plus({ days: settings.windowDays });
  const shipped = ordered ?? delivered.minus({ days: settings.deliveryDays });
  const holidayLastDay = settings.holiday ? holidayReturnBy(shipped, settings.holiday) : undefined;
  const holiday = holidayLastDay !== undefined && holidayLastDay > normalLastDay;
  const lastDay = holiday ? holidayLastDay : normalLastDay;
  const windowEndsAt = lastDay.endOf("day").toJSDate();
  const lastDayToken = dayToken(lastDay);

  if (input.requestedAt.getTime() > windowEndsAt.getTime()) {
    const daysOutside = Math.round(day(input.requestedAt).diff(lastDay, "days").days);
    return {
      verdict: "outside",
      windowEndsAt,
      daysOutside,
      deliveryEstimated,
      summary: {
        key: deliveryEstimated ? "playbook.returns.summary.outsideEstimated" : "playbook.returns.summary.outside",
        params: { count: daysOutside, day: lastDayToken },
      },
      advice: ADVICE.outside,
    };
  }
  return {
    verdict: holiday ? "eligible_holiday" : "eligible",
    windowEndsAt,
    deliveryEstimated,
    summary: {
      key: holiday
        ? deliveryEstimated
          ? "playbook.returns.summary.holidayEstimated"
          : "playbook.returns.summary.holiday"
        : deliveryEstimated
          ? "playbook.returns.summary.eligibleEstimated"
          : "playbook.returns.summary.eligible",
      params: { day: lastDayToken },
    },
    advice:
      input.condition === "damaged_by_buyer"
        ? ADVICE.damaged
        : input.condition
          ? ADVICE.resellable
          : ADVICE.conditionUnknown,
  };
}

/**
 * The holiday's last day for an item shipped on `shipped`, or undefined when it was shipped outside
 * the holiday. A range like 12-15..01-10 may cross the new year; returnBy is its first occurrence
 * on or after the range's last day (01-31 after 11-01..12-31 is in the following year).
 */
function holidayReturnBy(shipped: DateTime, h: NonNullable<ReturnSettings["holiday"]>): DateTime | undefined {
  const crossesYear = h.shippedTo.month * 100 + h.shippedTo.day < h.shippedFrom.month * 100 + h.shippedFrom.day;
  for (const startYear of [shipped.year, shipped.year - 1]) {
    const from = onDay(shipped, startYear, h.shippedFrom);
    const to = onDay(shipped, crossesYear ? startYear + 1 : startYear, h.shippedTo);
    if (shipped < from || shipped > to) continue;
    const returnBy = onDay(shipped, to.year, h.returnBy);
    return returnBy < to ? onDay(shipped, to.year + 1, h.returnBy) : returnBy;
  }
  return undefined;
}

const onDay = (like: DateTime, year: number, md: MonthDay) =>
  like.set({ year, month: md.month, day: md.day }).startOf("day");

/** The refund is due at the end of the refundBusinessDays-th business day (Mon–Fri in `zone`) after the day the return was received. */
export function refundDueAt(receivedAt: Date, settings: ReturnSettings, zone: string): Date {
  let day = DateTime.fromJSDate(receivedAt, { zone }).startOf("day");
  for (let counted = 0; counted < settings.refundBusinessDays; ) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5) counted++;
  }
  return day.endOf("day").toJSDate();
}

const HOLIDAY_EXAMPLE = '"11-01..12-31:01-31" (shipped 1 Nov – 31 Dec, returnable until 31 Jan) or "off"';

/** "11-01..12-31:01-31" → the holiday window; "off" → undefined; throws an Error that says how to write it. */
export function parseHolidayWindow(spec: string): ReturnSettings["holiday"] {
  const text = spec.trim();
  if (text.toLowerCase() === "off") return undefined;
  const m = text.match(/^(\d{1,2}-\d{1,2})\s*\.\.\s*(\d{1,2}-\d{1,2})\s*:\s*(\d{1,2}-\d{1,2})$/);
  if (!m) throw new Error(`"${text}" is not a holiday window; write it like ${HOLIDAY_EXAMPLE}`);
  return { shippedFrom: monthDay(m[1]), shippedTo: monthDay(m[2]), returnBy: monthDay(m[3]) };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function monthDay(text: string): MonthDay {
  const [month, day] = text.split("-").map(Number);
  if (month < 1 || month > 12)
    throw new Error(`"${text}": the month must be 01 to 12 (dates are month-day, like 11-01)`);
  // 29 February is refused: most years it does not exist, and the window would silently move.
  if (day < 1 || day > DAYS_IN_MONTH[month - 1]) {
    throw new Error(`"${text}": month ${month} has no day ${day} (dates are month-day, like 11-01)`);
  }
  return { month, day };
}

/** The owner is reminded on the morning the refund is due (09:00 in `zone`), while there is still time. */
export function refundReminderAt(dueAt: Date, zone: string): Date {
  return DateTime.fromJSDate(dueAt, { zone }).startOf("day").plus({ hours: 9 }).toJSDate();
}
