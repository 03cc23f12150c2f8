// Messages the response clock sends: the reminder in the card's thread, the escalation to the
// leads, and Amazon-deadline reminders.
import type { types } from "@slack/bolt";
import { formatMoney } from "../domain/money.ts";
import { AMAZON_DEADLINES } from "../domain/responseClock.ts";
import { caseNumber, categoryLabel, priorityLabel } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import { ACTIONS, actionsBlockId } from "../ids.ts";
import { escapeMrkdwn, formatDuration, mrkdwnSection, plain, slackDate, trimText } from "./text.ts";

export type Audience = { leadUserIds: string[]; agentGroupId?: string };

/** Who should act: the owner, or for an unclaimed case the agents' group (else everyone here). */
export function whoShouldAct(c: Pick<Case, "ownerId">, audience: Audience): string {
  if (c.ownerId) return `<@${c.ownerId}>`;
  return audience.agentGroupId ? `<!subteam^${audience.agentGroupId}>` : "<!here>";
}

const leadMentions = (audience: Audience) => audience.leadUserIds.map((id) => `<@${id}>`).join(" ");

export function reminderText(c: Case, audience: Audience, now: Date): string {
  const due = c.responseDueAt ?? now;
  const left = formatDuration(due.getTime() - now.getTime());
  const unclaimed = c.ownerId ? "" : " is unclaimed and";
  return `:hourglass: ${whoShouldAct(c, audience)} ${caseNumber(c.number)}${unclaimed} needs a first reply to the buyer by ${slackDate(due, "{time}")} (${left} left).`;
}

export function escalationMessage(
  c: Case,
  audience: Audience,
  opts: { now: Date; permalink?: string },
): { text: string; blocks: types.KnownBlock[] } {
  const number = caseNumber(c.number);
  const category = categoryLabel(c.category);
  const due = c.responseDueAt ?? c.createdAt;
  const late = formatDuration(opts.now.getTime() - due.getTime());
  const name = opts.permalink ? `<${opts.permalink}|${number} · ${category}>` : `${number} · ${category}`;
  const leads = leadMentions(audience);
  const owner = c.ownerId ? `<@${c.ownerId}>` : "unclaimed";
  const headline = `:rotating_light: ${leads ? `${leads} ` : ""}*${name}* has no first reply: it was due ${slackDate(due)}, *${late} late*.`;
  const fields = [
    `*Owner*\n${owner}`,
    `*Priority*\n${priorityLabel(c.priority)}`,
    `*Order ID*\n${c.orderId}`,
    `*Order value*\n${formatMoney(c.orderValue, c.currency) ?? "—"}`,
  ];
  const takeButton: types.Button =
    c.status === "new"
      ? { type: "button", text: plain("Claim"), action_id: ACTIONS.claim, value: String(c.id), style: "primary" }
      : { type: "button", text: plain("Take over"), action_id: ACTIONS.takeOver, value: String(c.id) };
  return {
    text: `${leads ? `${leads} ` : ""}${number} has no first reply to the buyer, ${late} past the deadline (${owner}).`,
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

export function amazonReminderText(c: Case, audience: Audience, now: Date): string {
  const d = c.amazonDeadline ? AMAZON_DEADLINES[c.amazonDeadline] : undefined;
  const due = c.amazonDueAt ?? now;
  return `:calendar: ${whoShouldAct(c, audience)} Amazon's deadline for ${caseNumber(c.number)} is in ${formatDuration(due.getTime() - now.getTime())}: ${d?.task ?? "respond"} by ${slackDate(due)}.`;
}

export function amazonOverdueText(c: Case, audience: Audience): string {
  const d = c.amazonDeadline ? AMAZON_DEADLINES[c.amazonDeadline] : undefined;
  const who = [c.ownerId ? `<@${c.ownerId}>` : "", leadMentions(audience)].filter(Boolean).join(" ") || "<!here>";
  return `:rotating_light: ${who} Amazon's deadline to ${d?.task ?? "respond"} for ${caseNumber(c.number)} passed ${slackDate(c.amazonDueAt ?? c.createdAt)}.`;
}

/** The refund after a received return is due now (the playbook: within 2 business days of receipt). */
export function refundReminderText(c: Case, audience: Audience): string {
  const received = c.returnReceivedAt ? ` (the return came back ${slackDate(c.returnReceivedAt)})` : "";
  return `:money_with_wings: ${whoShouldAct(c, audience)} the refund for ${caseNumber(c.number)} is due now${received}. Refund the buyer, then resolve the case.`;
}

/** An appeal still being prepared: the last day to file it is close. */
export function appealReminderText(c: Case, audience: Audience, now: Date): string {
  const due = c.appealDueAt ?? now;
  const left = due > now ? `, ${formatDuration(due.getTime() - now.getTime())} left` : "";
  return `:scales: ${whoShouldAct(c, audience)} the appeal to Amazon for ${caseNumber(c.number)} must be filed by ${slackDate(due)}${left}. Once it is filed, set its stage with ⋯ → Appeal to Amazon.`;
}

/** The day the owner set to hear from the buyer has come. */
export function followUpReminderText(c: Case, audience: Audience): string {
  return `:speech_balloon: ${whoShouldAct(c, audience)} no answer from the buyer on ${caseNumber(c.number)} yet — follow up or resolve. (A logged reply or a note makes the case active again.)`;
}
