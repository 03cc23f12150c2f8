// Messages the response clock sends: the reminder in the card's thread, the escalation to the
// leads, and Amazon-deadline reminders.
import type { types } from "@slack/bolt";
import { formatMoney } from "../domain/money.ts";
import { caseNumber } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { categoryName, priorityName } from "../i18n/labels.ts";
import { ACTIONS, actionsBlockId } from "../ids.ts";
import { amazonTask } from "./clockLines.ts";
import { escapeMrkdwn, formatDuration, mrkdwnSection, plain, slackDate, trimText } from "./text.ts";

export type Audience = { leadUserIds: string[]; agentGroupId?: string };

/** Who should act: the owner, or for an unclaimed case the agents' group (else everyone here). */
export function whoShouldAct(c: Pick<Case, "ownerId">, audience: Audience): string {
  if (c.ownerId) return `<@${c.ownerId}>`;
  return audience.agentGroupId ? `<!subteam^${audience.agentGroupId}>` : "<!here>";
}

const leadMentions = (audience: Audience) => audience.leadUserIds.map((id) => `<@${id}>`).join(" ");

export function reminderText(c: Case, audience: Audience, now: Date, w: Words = ENGLISH): string {
  const due = c.responseDueAt ?? now;
  return w.t(c.ownerId ? "card.notice.reminder" : "card.notice.reminderUnclaimed", {
    who: whoShouldAct(c, audience),
    number: caseNumber(c.number),
    due: slackDate(due, "{time}"),
    left: formatDuration(due.getTime() - now.getTime(), w),
  });
}

export function escalationMessage(
  c: Case,
  audience: Audience,
  opts: { now: Date; permalink?: string; words?: Words },
): { text: string; blocks: types.KnownBlock[] } {
  const w = opts.words ?? ENGLISH;
  const number = caseNumber(c.number);
  const category = categoryName(w, c.category);
  const due = c.responseDueAt ?? c.createdAt;
  const late = formatDuration(opts.now.getTime() - due.getTime(), w);
  const name = opts.permalink ? `<${opts.permalink}|${number} · ${category}>` : `${number} · ${category}`;
  const mentions = leadMentions(audience);
  const leads = mentions ? `${mentions} ` : "";
  const headline = w.t("card.notice.escalationHeadline", { leads, name, due: slackDate(due), late });
  const fields = [
    `*${w.t("card.field.owner")}*\n${c.ownerId ? `<@${c.ownerId}>` : w.t("card.unclaimed")}`,
    `*${w.t("card.field.priority")}*\n${priorityName(w, c.priority)}`,
    `*${w.t("card.field.orderId")}*\n${c.orderId}`,
    `*${w.t("card.field.orderValue")}*\n${formatMoney(c.orderValue, c.currency) ?? "—"}`,
  ];
  const takeButton: types.Button =
    c.status === "new"
      ? {
          type: "button",
          text: plain(w.t("card.button.claim")),
          action_id: ACTIONS.claim,
          value: String(c.id),
          style: "primary",
        }
      : { type: "button", text: plain(w.t("card.button.takeOver")), action_id: ACTIONS.takeOver, value: String(c.id) };
  return {
    text: c.ownerId
      ? w.t("card.notice.escalationText", { leads, number, late, owner: c.ownerId })
      : w.t("card.notice.escalationTextUnclaimed", { leads, number, late }),
    blocks: [
      mrkdwnSection(headline),
      { type: "section", fields: fields.map((text) => ({ type: "mrkdwn", text })) },
      {
        type: "section",
        text: { type: "mrkdwn", text: `>${escapeMrkdwn(trimText(c.description, 300)).replace(/\n/g, "\n>")}` },
      },
      { type: "actions", block_id: actionsBlockId("escalation", c.id), elements: [takeButton] },
    ],
  };
}

export function amazonReminderText(c: Case, audience: Audience, now: Date, w: Words = ENGLISH): string {
  const due = c.amazonDueAt ?? now;
  return w.t("card.notice.amazonReminder", {
    who: whoShouldAct(c, audience),
    number: caseNumber(c.number),
    left: formatDuration(due.getTime() - now.getTime(), w),
    task: amazonTask(w, c.amazonDeadline),
    due: slackDate(due),
  });
}

export function amazonOverdueText(c: Case, audience: Audience, w: Words = ENGLISH): string {
  const who = [c.ownerId ? `<@${c.ownerId}>` : "", leadMentions(audience)].filter(Boolean).join(" ") || "<!here>";
  return w.t("card.notice.amazonOverdue", {
    who,
    task: amazonTask(w, c.amazonDeadline),
    number: caseNumber(c.number),
    due: slackDate(c.amazonDueAt ?? c.createdAt),
  });
}

/** The refund after a received return is due now (the playbook: within 2 business days of receipt). */
export function refundReminderText(c: Case, audience: Audience, w: Words = ENGLISH): string {
  const who = whoShouldAct(c, audience);
  const number = caseNumber(c.number);
  return c.returnReceivedAt
    ? w.t("card.notice.refundReceived", { who, number, received: slackDate(c.returnReceivedAt) })
    : w.t("card.notice.refund", { who, number });
}

/** An appeal still being prepared: the last day to file it is close. */
export function appealReminderText(c: Case, audience: Audience, now: Date, w: Words = ENGLISH): string {
  const due = c.appealDueAt ?? now;
  const params = { who: whoShouldAct(c, audience), number: caseNumber(c.number), due: slackDate(due) };
  return due > now
    ? w.t("card.notice.appealLeft", { ...params, left: formatDuration(due.getTime() - now.getTime(), w) })
    : w.t("card.notice.appeal", params);
}

/** The day the owner set to hear from the buyer has come. */
export function followUpReminderText(c: Case, audience: Audience, w: Words = ENGLISH): string {
  return w.t("card.notice.followUp", { who: whoShouldAct(c, audience), number: caseNumber(c.number) });
}
