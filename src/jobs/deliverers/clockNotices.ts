// Reminders and escalations of the response clock and Amazon's deadlines. Each is checked against
// the record when it goes out: one the case no longer needs (answered, resolved) is dropped.
import type { Case } from "../../generated/prisma/client.ts";
import { findCase } from "../../store/cases.ts";
import { amazonDeadlineMet } from "../../views/clockLines.ts";
import {
  amazonOverdueText,
  amazonReminderText,
  appealReminderText,
  escalationMessage,
  followUpReminderText,
  refundReminderText,
  reminderText,
  whoShouldAct,
} from "../../views/clockNotices.ts";
import { stalledParcelText } from "../../views/crisisAlert.ts";
import { type Deliverer, type DeliveryContext, DONE, NO_CHANNEL, postOnce, waitingForCard } from "./deliverer.ts";

/** A notice in the card's thread; `text` is null when the case no longer needs it. */
function threadNotice<
  K extends
    | "sla_reminder"
    | "amazon_reminder"
    | "amazon_overdue"
    | "stalled_reminder"
    | "refund_reminder"
    | "appeal_reminder"
    | "follow_up_reminder",
>(text: (c: Case, ctx: DeliveryContext) => string | null): Deliverer<K> {
  return async (m, ctx) => {
    const c = m.caseId ? await findCase(ctx.prisma, m.caseId) : null;
    if (!c) return DONE;
    const line = text(c, ctx);
    if (line === null) return DONE;
    if (!c.messageTs || !c.channelId) return waitingForCard(ctx.prisma, c.id);
    await postOnce(m, { channel: c.channelId, thread_ts: c.messageTs, text: line }, ctx);
    return DONE;
  };
}

export const slaReminder = threadNotice<"sla_reminder">((c, ctx) =>
  c.firstReplyAt || c.status === "resolved" ? null : reminderText(c, ctx.audience, ctx.now(), ctx.words),
);
export const amazonReminder = threadNotice<"amazon_reminder">((c, ctx) =>
  amazonDeadlineMet(c) ? null : amazonReminderText(c, ctx.audience, ctx.now(), ctx.words),
);
export const amazonOverdue = threadNotice<"amazon_overdue">((c, ctx) =>
  amazonDeadlineMet(c) ? null : amazonOverdueText(c, ctx.audience, ctx.words),
);
export const stalledReminder = threadNotice<"stalled_reminder">((c, ctx) =>
  c.status === "resolved" ? null : stalledParcelText(c, ctx.stalledDays, whoShouldAct(c, ctx.audience), ctx.words),
);

export const refundReminder = threadNotice<"refund_reminder">((c, ctx) =>
  c.status === "resolved" || !c.returnReceivedAt ? null : refundReminderText(c, ctx.audience, ctx.words),
);
export const appealReminder = threadNotice<"appeal_reminder">((c, ctx) =>
  c.appealStage !== "preparing" || !c.appealDueAt ? null : appealReminderText(c, ctx.audience, ctx.now(), ctx.words),
);

export const followUpReminder = threadNotice<"follow_up_reminder">((c, ctx) =>
  c.status === "resolved" || !c.waitingUntil || c.waitingUntil > ctx.now()
    ? null
    : followUpReminderText(c, ctx.audience, ctx.words),
);

/** The escalation goes to the escalation channel, with a link to the card once it is posted. */
export const escalation: Deliverer<"escalation"> = async (m, ctx) => {
  const c = m.caseId ? await findCase(ctx.prisma, m.caseId) : null;
  if (!c) return DONE;
  // A reply logged since the deadline passed makes the escalation moot; the breach stays on record.
  if (c.firstReplyAt || c.status === "resolved") return DONE;
  // An escalation does not wait for its card (an import's card may be far down the line): without
  // one posted it goes out unlinked; the case number finds it.
  const permalink =
    c.messageTs && c.channelId
      ? await ctx.client.chat.getPermalink({ channel: c.channelId, message_ts: c.messageTs }).then(
          (r) => r.permalink,
          () => undefined,
        )
      : undefined;
  const channel = m.channelId;
  if (!channel) return NO_CHANNEL;
  await postOnce(
    m,
    {
      channel,
      ...escalationMessage(c, ctx.audience, { now: ctx.now(), permalink, words: ctx.words }),
      unfurl_links: false,
    },
    ctx,
  );
  return DONE;
};
