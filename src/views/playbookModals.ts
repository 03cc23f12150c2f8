// The playbook's forms on a case: the return check (and its verdict), suspected abuse with the
// buyer's other cases, and an appeal to Amazon.
import type { types } from "@slack/bolt";
import { DateTime } from "luxon";
import {
  ABUSE_EVIDENCE,
  ABUSE_RULE,
  APPEAL_STAGES,
  type PlaybookSettings,
  type RelatedCase,
} from "../domain/playbook.ts";
import { type Eligibility, ITEM_CONDITIONS } from "../domain/returnEligibility.ts";
import { caseNumber, categoryLabel, resolutionLabel, statusLabel } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import { PLAYBOOK_BLOCKS as B, CALLBACKS } from "../ids.ts";
import { caseForm } from "./caseForm.ts";
import { caseLink, listWithMore } from "./lists.ts";
import { checkboxesInput, dateInput, optionsFrom, radioInput, textInput } from "./modalParts.ts";
import { escapeMrkdwn, mrkdwnSection, plain, slackDate, trimText } from "./text.ts";

/** A day as the datepicker shows it, in the team's time zone. */
export const dayOf = (d: Date | null | undefined, zone: string): string | undefined =>
  d ? (DateTime.fromJSDate(d, { zone }).toISODate() ?? undefined) : undefined;

export function returnCheckModal(c: Case, playbook: PlaybookSettings, zone: string): types.ModalView {
  const r = playbook.returns;
  const holiday = r.holiday
    ? ` Items shipped ${monthDay(r.holiday.shippedFrom)}–${monthDay(r.holiday.shippedTo)} may be returned until ${monthDay(r.holiday.returnBy)}.`
    : "";
  return caseForm(c, { callbackId: CALLBACKS.returnCheck, title: "Return", submit: "Check" }, [
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `Returns are accepted for ${r.windowDays} days from delivery, counted to the day the buyer asked (${slackDate(c.createdAt)}).${holiday}`,
        },
      ],
    },
    dateInput(B.deliveredAt, "Delivered on", {
      optional: true,
      initial: dayOf(c.deliveredAt, zone),
      hint: `Not known? Leave it empty and give the order day: delivery is taken as ${r.deliveryDays} days after it.`,
    }),
    dateInput(B.orderDate, "Ordered on", { optional: true, initial: dayOf(c.orderDate, zone) }),
    radioInput(B.condition, "The item is", optionsFrom(ITEM_CONDITIONS), {
      optional: true,
      initial: c.itemCondition ?? undefined,
    }),
  ]);
}

/** The verdict, shown in place of the form once it is checked (the card shows it too). */
export function returnVerdictModal(c: Case, e: Eligibility): types.ModalView {
  const estimated = e.deliveryEstimated ? "\n_Delivery estimated from the order day._" : "";
  return {
    type: "modal",
    title: plain(`Return ${caseNumber(c.number)}`, 24),
    close: plain("Done", 24),
    blocks: [mrkdwnSection(`*${e.summary}*\n${e.advice}${estimated}`)],
  };
}

/**
 * `related` is undefined while the buyer's other cases are looked up (the form opens first).
 * A case of the same order is the same buyer; one of the same name may be someone else.
 */
export function abuseModal(c: Case, related: { cases: RelatedCase[]; total: number } | undefined): types.ModalView {
  const lines = (related?.cases ?? []).map((r) => {
    const outcome = r.resolution
      ? `${statusLabel(r.status)} (${resolutionLabel(r.resolution)})`
      : statusLabel(r.status);
    const flag = r.abuseSuspectedAt ? " · :male-detective: suspected abuse" : "";
    const link = r.orderId === c.orderId ? "same order" : "same buyer name";
    return `${caseLink(r)} · ${categoryLabel(r.category)} · ${outcome} · ${slackDate(r.createdAt, "{date_short}")} · ${link}${flag}`;
  });
  const who = c.buyerName
    ? `order ${c.orderId} or buyer “${escapeMrkdwn(trimText(c.buyerName, 100))}”`
    : `order ${c.orderId}`;
  const history = !related
    ? `:hourglass_flowing_sand: Looking up other cases of ${who}…`
    : lines.length
      ? `*Other cases of ${who}* (newest first)\n${listWithMore(lines, 10, "more", related.total)}`
      : `*Other cases of ${who}:* none.`;
  return caseForm(c, { callbackId: CALLBACKS.suspectAbuse, title: "Abuse?", submit: "Save" }, [
    mrkdwnSection(`:male-detective: *The playbook:* ${ABUSE_RULE}`),
    mrkdwnSection(history),
    checkboxesInput(B.evidence, "Evidence collected", optionsFrom(ABUSE_EVIDENCE), {
      optional: true,
      initial: c.abuseEvidence?.split(",") ?? [],
    }),
    textInput(B.note, "Note", {
      optional: true,
      multiline: true,
      maxLength: 2000,
      placeholder: "What points to abuse: tracking shows delivered, item returned used, serial number differs…",
    }),
  ]);
}

export function appealModal(c: Case, playbook: PlaybookSettings, zone: string, now: Date): types.ModalView {
  const a = playbook.appeal;
  return caseForm(c, { callbackId: CALLBACKS.appeal, title: "Appeal", submit: "Save" }, [
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `Amazon takes appeals of its decisions for ${a.windowDays} days. While the appeal is being prepared, the owner is reminded ${a.reminderDays} days before the last day. ${ABUSE_RULE}`,
        },
      ],
    },
    radioInput(B.appealStage, "Stage", optionsFrom(APPEAL_STAGES), { initial: c.appealStage ?? "preparing" }),
    dateInput(B.decisionDate, "Amazon decided on", {
      initial: dayOf(c.appealDecisionAt ?? now, zone),
      hint: "The day of the decision being appealed (e.g. the A-to-z claim granted to the buyer).",
    }),
    textInput(B.note, "Note", { optional: true, multiline: true, maxLength: 2000 }),
  ]);
}

const monthDay = (d: { month: number; day: number }) => DateTime.fromObject({ year: 2001, ...d }).toFormat("d LLL");
