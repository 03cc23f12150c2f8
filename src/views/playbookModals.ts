// The playbook's forms on a case: the return check (and its verdict), suspected abuse with the
// buyer's other cases, and an appeal to Amazon.
import type { types } from "@slack/bolt";
import { DateTime } from "luxon";
import { ABUSE_EVIDENCE, APPEAL_STAGES, type PlaybookSettings, type RelatedCase } from "../domain/playbook.ts";
import { conditionName, type Eligibility, ITEM_CONDITIONS } from "../domain/returnEligibility.ts";
import { caseNumber } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import type { Key } from "../i18n/catalog.ts";
import { ENGLISH, say, type Words } from "../i18n/i18n.ts";
import { categoryName, resolutionName, statusName } from "../i18n/labels.ts";
import { PLAYBOOK_BLOCKS as B, CALLBACKS } from "../ids.ts";
import { caseForm } from "./caseForm.ts";
import { caseLink, listWithMore } from "./lists.ts";
import { checkboxesInput, dateInput, radioInput, textInput } from "./modalParts.ts";
import { escapeMrkdwn, mrkdwnSection, plain, slackDate, trimText } from "./text.ts";

/** A day as the datepicker shows it, in the team's time zone. */
export const dayOf = (d: Date | null | undefined, zone: string): string | undefined =>
  d ? (DateTime.fromJSDate(d, { zone }).toISODate() ?? undefined) : undefined;

/** Options whose labels are catalog entries: `${prefix}.${value}` for each value. */
const optionsOf = (w: Words, values: string[], prefix: string) =>
  values.map((value) => ({ value, label: w.t(`${prefix}.${value}` as Key) }));

export function returnCheckModal(
  c: Case,
  playbook: PlaybookSettings,
  zone: string,
  w: Words = ENGLISH,
): types.ModalView {
  const r = playbook.returns;
  const window = { days: r.windowDays, asked: slackDate(c.createdAt) };
  const about = r.holiday
    ? w.t("playbook.returnForm.windowHoliday", {
        ...window,
        from: monthDay(r.holiday.shippedFrom, w),
        to: monthDay(r.holiday.shippedTo, w),
        until: monthDay(r.holiday.returnBy, w),
      })
    : w.t("playbook.returnForm.window", window);
  const conditions = (Object.keys(ITEM_CONDITIONS) as (keyof typeof ITEM_CONDITIONS)[]).map((value) => ({
    value,
    label: conditionName(w, value),
  }));
  return caseForm(
    c,
    {
      callbackId: CALLBACKS.returnCheck,
      title: w.t("playbook.returnForm.title"),
      submit: w.t("playbook.returnForm.submit"),
      words: w,
    },
    [
      { type: "context", elements: [{ type: "mrkdwn", text: about }] },
      dateInput(B.deliveredAt, w.t("playbook.returnForm.deliveredOn"), {
        optional: true,
        initial: dayOf(c.deliveredAt, zone),
        hint: w.t("playbook.returnForm.deliveredHint", { days: r.deliveryDays }),
      }),
      dateInput(B.orderDate, w.t("playbook.returnForm.orderedOn"), {
        optional: true,
        initial: dayOf(c.orderDate, zone),
      }),
      radioInput(B.condition, w.t("playbook.returnForm.condition"), conditions, {
        optional: true,
        initial: c.itemCondition ?? undefined,
      }),
    ],
  );
}

/** The verdict, shown in place of the form once it is checked (the card shows it too). */
export function returnVerdictModal(c: Case, e: Eligibility, w: Words = ENGLISH): types.ModalView {
  const estimated = e.deliveryEstimated ? `\n${w.t("playbook.returnForm.estimated")}` : "";
  return {
    type: "modal",
    title: plain(w.t("playbook.returnForm.verdictTitle", { number: caseNumber(c.number) }), 24),
    close: plain(w.t("playbook.returnForm.done"), 24),
    blocks: [mrkdwnSection(`*${say(w, e.summary)}*\n${say(w, e.advice)}${estimated}`)],
  };
}

/**
 * `related` is undefined while the buyer's other cases are looked up (the form opens first).
 * A case of the same order is the same buyer; one of the same name may be someone else.
 */
export function abuseModal(
  c: Case,
  related: { cases: RelatedCase[]; total: number } | undefined,
  w: Words = ENGLISH,
): types.ModalView {
  const lines = (related?.cases ?? []).map((r) => {
    const outcome = r.resolution
      ? w.t("playbook.abuseForm.outcome", {
          status: statusName(w, r.status),
          resolution: resolutionName(w, r.resolution),
        })
      : statusName(w, r.status);
    const flag = r.abuseSuspectedAt ? w.t("playbook.abuseForm.flagged") : "";
    const link = r.orderId === c.orderId ? w.t("playbook.abuseForm.sameOrder") : w.t("playbook.abuseForm.sameBuyer");
    return `${caseLink(r)} · ${categoryName(w, r.category)} · ${outcome} · ${slackDate(r.createdAt, "{date_short}")} · ${link}${flag}`;
  });
  const who = c.buyerName
    ? w.t("playbook.abuseForm.whoOrderBuyer", { order: c.orderId, buyer: escapeMrkdwn(trimText(c.buyerName, 100)) })
    : w.t("playbook.abuseForm.whoOrder", { order: c.orderId });
  const history = !related
    ? w.t("playbook.abuseForm.lookingUp", { who })
    : lines.length
      ? `${w.t("playbook.abuseForm.others", { who })}\n${listWithMore(lines, 10, "more", related.total, w)}`
      : w.t("playbook.abuseForm.none", { who });
  return caseForm(
    c,
    {
      callbackId: CALLBACKS.suspectAbuse,
      title: w.t("playbook.abuseForm.title"),
      submit: w.t("playbook.abuseForm.submit"),
      words: w,
    },
    [
      mrkdwnSection(w.t("playbook.abuseForm.rule", { rule: w.t("playbook.abuseRule") })),
      mrkdwnSection(history),
      checkboxesInput(
        B.evidence,
        w.t("playbook.abuseForm.evidence"),
        optionsOf(w, Object.keys(ABUSE_EVIDENCE), "playbook.evidence"),
        { optional: true, initial: c.abuseEvidence?.split(",") ?? [] },
      ),
      textInput(B.note, w.t("playbook.abuseForm.note"), {
        optional: true,
        multiline: true,
        maxLength: 2000,
        placeholder: w.t("playbook.abuseForm.notePlaceholder"),
      }),
    ],
  );
}

export function appealModal(
  c: Case,
  playbook: PlaybookSettings,
  zone: string,
  now: Date,
  w: Words = ENGLISH,
): types.ModalView {
  const a = playbook.appeal;
  return caseForm(
    c,
    {
      callbackId: CALLBACKS.appeal,
      title: w.t("playbook.appealForm.title"),
      submit: w.t("playbook.appealForm.submit"),
      words: w,
    },
    [
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: w.t("playbook.appealForm.about", {
              days: a.windowDays,
              reminder: a.reminderDays,
              rule: w.t("playbook.abuseRule"),
            }),
          },
        ],
      },
      radioInput(
        B.appealStage,
        w.t("playbook.appealForm.stage"),
        optionsOf(w, Object.keys(APPEAL_STAGES), "playbook.appealStage"),
        { initial: c.appealStage ?? "preparing" },
      ),
      dateInput(B.decisionDate, w.t("playbook.appealForm.decidedOn"), {
        initial: dayOf(c.appealDecisionAt ?? now, zone),
        hint: w.t("playbook.appealForm.decidedHint"),
      }),
      textInput(B.note, w.t("playbook.appealForm.note"), { optional: true, multiline: true, maxLength: 2000 }),
    ],
  );
}

/** "1 Nov" in English, "11月1日" in Chinese. */
const monthDay = (d: { month: number; day: number }, w: Words) =>
  w.lang === "en" ? DateTime.fromObject({ year: 2001, ...d }).toFormat("d LLL") : `${d.month}月${d.day}日`;
