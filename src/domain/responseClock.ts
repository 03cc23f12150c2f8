// The first-response clock and Amazon's own deadlines: when each is due, when to remind, what
// stops them, and firing the notices that have come due (claimed in the database first).
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { addWorkingMinutes, type BusinessHours } from "./businessHours.ts";
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

/** Amazon's deadlines, counted around the clock as Amazon counts them. */
export const AMAZON_DEADLINES = {
  buyer_message: { hours: 24, task: "answer the buyer's message", metBy: "first_reply" },
  a_to_z_claim: { hours: 72, task: "respond to the A-to-z claim", metBy: "resolution" },
  chargeback: { hours: 7 * 24, task: "respond to the chargeback", metBy: "resolution" },
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

export type TimerKind = "response_warning" | "response_breach" | "amazon_warning" | "amazon_due" | "stalled_parcel";
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
  if (after.status === "resolved") return [...RESPONSE_TIMERS, ...AMAZON_TIMERS, "stalled_parcel"];
  if (!before.firstReplyAt && after.firstReplyAt) {
    return before.amazonDeadline === "buyer_message" ? [...RESPONSE_TIMERS, ...AMAZON_TIMERS] : RESPONSE_TIMERS;
  }
  return [];
}

export type NoticeKind = "sla_reminder" | "escalation" | "amazon_reminder" | "amazon_overdue" | "stalled_reminder";
/** What each timer does when it fires: the message it queues, the event it records, and whether the card changes. */
const ON_FIRE: Record<TimerKind, { notice: NoticeKind; event: string; rerenderCard: boolean }> = {
  response_warning: { notice: "sla_reminder", event: "response_reminder", rerenderCard: false },
  response_breach: { notice: "escalation", event: "breached", rerenderCard: true },
  amazon_warning: { notice: "amazon_reminder", event: "amazon_reminder", rerenderCard: false },
  amazon_due: { notice: "amazon_overdue", event: "amazon_overdue", rerenderCard: true },
  stalled_parcel: { notice: "stalled_reminder", event: "stalled_reminder", rerenderCard: false },
};

type FiredTimer = { caseId: number; kind: TimerKind };

/**
 * Fires every timer that has come due, as one SQL statement (so it is atomic and costs one round
 * trip): the timers are claimed with FOR UPDATE SKIP LOCKED, so two copies of the bot take
 * disjoint sets; breaches are recorded on the cases; events and Slack messages are queued.
 * A reminder that comes due together with its deadline (the bot was down) is dropped.
 */
export async function fireDueTimers(
  prisma: PrismaClient,
  now: Date,
  channels: { casesChannel: string; escalationChannel: string },
  limit = 1000,
): Promise<FiredTimer[]> {
  const kinds = Object.keys(ON_FIRE) as TimerKind[];
  const notices = kinds.map((k) => ON_FIRE[k].notice);
  const events = kinds.map((k) => ON_FIRE[k].event);
  const rerender = kinds.map((k) => ON_FIRE[k].rerenderCard);
  const noticeChannels = notices.map((n) => (n === "escalation" ? channels.escalationChannel : channels.casesChannel));
  // The outbox runs on the wall clock (retries, pacing), whatever clock the deadlines use.
  const queuedAt = new Date();
  return prisma.$queryRaw<FiredTimer[]>`
    WITH fired AS (
      UPDATE "CaseTimer" SET status = 'fired', "firedAt" = ${now}
      WHERE id IN (
        SELECT id FROM "CaseTimer"
        WHERE status = 'pending' AND "fireAt" <= ${now}
        ORDER BY "fireAt" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING "caseId", kind
    ), breached AS (
      UPDATE "Case" c SET "breachedAt" = c."responseDueAt"
      FROM fired f WHERE f.kind = 'response_breach' AND c.id = f."caseId" AND c."breachedAt" IS NULL
      RETURNING c.id
    ), todo AS (
      SELECT f."caseId", m.notice, m.event, m.rerender, m.channel
      FROM fired f
      JOIN unnest(${kinds}::text[], ${notices}::text[], ${events}::text[], ${rerender}::boolean[], ${noticeChannels}::text[])
        AS m(kind, notice, event, rerender, channel) ON m.kind = f.kind
      WHERE NOT (f.kind = 'response_warning' AND EXISTS (
        SELECT 1 FROM fired b WHERE b.kind = 'response_breach' AND b."caseId" = f."caseId"))
    ), events AS (
      INSERT INTO "CaseEvent" ("caseId", kind, "createdAt") SELECT "caseId", event, ${now}::timestamp FROM todo
    ), messages AS (
      INSERT INTO "OutboxMessage" (kind, "caseId", "channelId", payload, "dedupeKey", "nextAttemptAt", "createdAt")
      SELECT notice, "caseId", channel, '{}'::jsonb, notice || ':' || "caseId", ${queuedAt}::timestamp, ${queuedAt}::timestamp FROM todo
      UNION ALL
      SELECT 'update_card', "caseId", NULL, '{}'::jsonb, NULL, ${queuedAt}::timestamp, ${queuedAt}::timestamp FROM todo WHERE rerender
      ON CONFLICT ("dedupeKey") DO NOTHING
    )
    SELECT "caseId", kind FROM fired`;
}

export async function stopClocks(tx: Prisma.TransactionClient, caseId: number, kinds: TimerKind[]): Promise<void> {
  if (kinds.length === 0) return;
  await tx.caseTimer.updateMany({
    where: { caseId, status: "pending", kind: { in: kinds } },
    data: { status: "cancelled" },
  });
}
