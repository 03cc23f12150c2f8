// The first-response clock and Amazon's own deadlines: when each is due, when to remind, what
// stops them, and what each timer does when it fires (store/timers.ts fires them).
import { addWorkingMinutes, type BusinessHours } from "./businessHours.ts";
import type { NoticeKind } from "./outboxMessages.ts";
import type { Category, Priority } from "./vocabulary.ts";

export type ClockSettings = {
  /** Minutes (of business time, when hours are set) to the first reply, per priority. */
  slaMinutes: Record<Priority, number>;
  /** How long before the deadline the reminder goes out. */
  warningMinutes: number;
  businessHours?: BusinessHours;
  /** A parcel problem still open after this many days gets a reminder to chase the carrier. */
  stalledDays: number;
};

/**
 * Amazon's deadlines, counted around the clock as Amazon counts them. What each asks for is in the
 * catalogs (card.amazonTask.<deadline>).
 */
export const AMAZON_DEADLINES = {
  buyer_message: { hours: 24, metBy: "first_reply" },
  a_to_z_claim: { hours: 72, metBy: "resolution" },
  chargeback: { hours: 7 * 24, metBy: "resolution" },
} as const;
export type AmazonDeadline = keyof typeof AMAZON_DEADLINES;
export const AMAZON_WARNING_HOURS = 12;

/** Cases that start from a buyer's message fall under Amazon's 24-hour reply rule. */
const BUYER_MESSAGE_CATEGORIES: Category[] = [
  "complaint",
  "refund",
  "return",
  "replacement",
  "reshipment",
  "delivery_issue",
  "other",
];

export function amazonDeadlineFor(category: Category): AmazonDeadline | undefined {
  if (category === "a_to_z_claim" || category === "chargeback") return category;
  return BUYER_MESSAGE_CATEGORIES.includes(category) ? "buyer_message" : undefined;
}

export type TimerKind =
  | "response_warning"
  | "response_breach"
  | "amazon_warning"
  | "amazon_due"
  | "stalled_parcel"
  // Set by the playbook: the refund after a return came back, the last days to appeal to Amazon.
  | "refund_due"
  | "appeal_reminder"
  // Set by an agent: waiting on the buyer's answer until then.
  | "follow_up";
export const RESPONSE_TIMERS: TimerKind[] = ["response_warning", "response_breach"];
export const AMAZON_TIMERS: TimerKind[] = ["amazon_warning", "amazon_due"];

export type ClockPlan = {
  responseDueAt: Date;
  amazonDeadline?: AmazonDeadline;
  amazonDueAt?: Date;
  timers: { kind: TimerKind; fireAt: Date }[];
};

export function planClocks(
  c: { createdAt: Date; priority: Priority; category: Category },
  settings: ClockSettings,
): ClockPlan {
  const sla = settings.slaMinutes[c.priority];
  // With a very short clock (demos), remind half-way instead of before the case even exists.
  const warnAfter = sla > settings.warningMinutes ? sla - settings.warningMinutes : sla / 2;
  const responseDueAt = addWorkingMinutes(c.createdAt, sla, settings.businessHours);
  const timers: ClockPlan["timers"] = [
    { kind: "response_warning", fireAt: addWorkingMinutes(c.createdAt, warnAfter, settings.businessHours) },
    { kind: "response_breach", fireAt: responseDueAt },
  ];
  if (c.category === "delivery_issue") {
    timers.push({
      kind: "stalled_parcel",
      fireAt: new Date(c.createdAt.getTime() + settings.stalledDays * 86_400_000),
    });
  }
  const amazonDeadline = amazonDeadlineFor(c.category);
  if (!amazonDeadline) return { responseDueAt, timers };
  const hours = AMAZON_DEADLINES[amazonDeadline].hours;
  const amazonDueAt = new Date(c.createdAt.getTime() + hours * 3_600_000);
  timers.push({ kind: "amazon_warning", fireAt: new Date(amazonDueAt.getTime() - AMAZON_WARNING_HOURS * 3_600_000) });
  timers.push({ kind: "amazon_due", fireAt: amazonDueAt });
  return { responseDueAt, amazonDeadline, amazonDueAt, timers };
}

/** Which pending timers a change makes pointless: a first reply stops the response clock, a resolution all clocks. */
export function clocksToStop(
  before: { firstReplyAt: Date | null; status: string; amazonDeadline: string | null },
  after: { firstReplyAt?: Date | null; status?: string },
): TimerKind[] {
  // An appeal goes on after the case is resolved (its outcome comes later); the refund is settled.
  if (after.status === "resolved")
    return [...RESPONSE_TIMERS, ...AMAZON_TIMERS, "stalled_parcel", "refund_due", "follow_up"];
  if (!before.firstReplyAt && after.firstReplyAt) {
    return before.amazonDeadline === "buyer_message" ? [...RESPONSE_TIMERS, ...AMAZON_TIMERS] : RESPONSE_TIMERS;
  }
  return [];
}

/** What each timer does when it fires: the message it queues, the event it records, and whether the card changes. */
export const TIMER_EFFECTS: Record<TimerKind, { notice: NoticeKind; event: string; rerenderCard: boolean }> = {
  response_warning: { notice: "sla_reminder", event: "response_reminder", rerenderCard: false },
  response_breach: { notice: "escalation", event: "breached", rerenderCard: true },
  amazon_warning: { notice: "amazon_reminder", event: "amazon_reminder", rerenderCard: false },
  amazon_due: { notice: "amazon_overdue", event: "amazon_overdue", rerenderCard: true },
  stalled_parcel: { notice: "stalled_reminder", event: "stalled_reminder", rerenderCard: false },
  refund_due: { notice: "refund_reminder", event: "refund_overdue", rerenderCard: true },
  appeal_reminder: { notice: "appeal_reminder", event: "appeal_reminder", rerenderCard: false },
  follow_up: { notice: "follow_up_reminder", event: "follow_up_due", rerenderCard: true },
};
