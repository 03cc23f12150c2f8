// Crisis channel messages: the return-wave alert (with bulk buttons), risk-word heads-ups,
// the Order Defect Rate alert, and the short lines added to their threads.
import type { types } from "@slack/bolt";
import { SKU_MAX } from "../domain/amazon.ts";
import type { OdrReading } from "../domain/odr.ts";
import { caseNumber } from "../domain/vocabulary.ts";
import type { Case, CrisisAlert } from "../generated/prisma/client.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { categoryName, rootCauseName } from "../i18n/labels.ts";
import { ACTIONS, actionsBlockId } from "../ids.ts";
import { caseLine, caseLink, listWithMore } from "./lists.ts";
import { amazonOdrText } from "./odrLines.ts";
import { escapeMrkdwn, formatDuration, mrkdwnSection, plain, trimText } from "./text.ts";

export type AlertCase = Pick<
  Case,
  | "id"
  | "number"
  | "category"
  | "priority"
  | "status"
  | "createdAt"
  | "ownerId"
  | "channelId"
  | "messageTs"
  | "asin"
  | "sku"
  | "marketplace"
  | "rootCause"
  | "riskPhrases"
>;

/** The advice under an active wave alert. */
export const playbookLine = (w: Words = ENGLISH) => w.t("alerts.playbook");

function countBy(cases: AlertCase[], key: (c: AlertCase) => string, w: Words): string {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
  const lines = [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: *${n}*`);
  return lines.length ? listWithMore(lines, 6, "more", lines.length, w) : "—";
}

export function waveAlert(
  alert: CrisisAlert,
  cases: AlertCase[],
  opts: { now: Date; windowHours: number },
  w: Words = ENGLISH,
): { text: string; blocks: types.KnownBlock[] } {
  const detail = (alert.detail ?? {}) as { count?: number; usualPerDay?: number };
  const cleared = alert.status === "cleared";
  const skus = [...new Set(cases.map((c) => c.sku).filter(Boolean))]
    .slice(0, 3)
    .map((sku) => trimText(sku, SKU_MAX))
    .join(", ");
  const usual = detail.usualPerDay ?? 0;
  const count = detail.count ?? cases.length;
  const open = cases.filter((c) => c.status !== "resolved");
  const unclaimed = cases.filter((c) => c.status === "new").length;
  const what = skus
    ? w.t("alerts.wave.subjectSkus", { subject: alert.subject, skus: escapeMrkdwn(skus) })
    : w.t("alerts.wave.subject", { subject: alert.subject });
  const numbers = { what, count, hours: w.num(opts.windowHours), open: open.length, unclaimed };
  const head = cleared
    ? w.t("alerts.wave.headCleared", { subject: alert.subject })
    : w.t("alerts.wave.head", { subject: alert.subject });
  const blocks: types.KnownBlock[] = [
    { type: "header", text: plain(head, 150) },
    mrkdwnSection(
      cleared
        ? w.t("alerts.wave.bodyCleared", {
            what,
            duration: formatDuration((alert.clearedAt ?? opts.now).getTime() - alert.startedAt.getTime(), w),
            count: cases.length,
            resolved: cases.length - open.length,
            open: open.length,
          })
        : usual > 0
          ? w.t("alerts.wave.body", {
              ...numbers,
              times: w.num(Math.round((count / (usual * (opts.windowHours / 24))) * 10) / 10),
              usual: w.num(usual, 1),
            })
          : w.t("alerts.wave.bodyFirst", numbers),
    ),
    {
      type: "section",
      fields: [
        {
          type: "mrkdwn",
          text: `${w.t("alerts.wave.byType")}\n${countBy(cases, (c) => categoryName(w, c.category), w)}`,
        },
        {
          type: "mrkdwn",
          text: `${w.t("alerts.wave.rootCause")}\n${countBy(cases, (c) => (c.rootCause ? rootCauseName(w, c.rootCause) : w.t("alerts.wave.rootCauseUnknown")), w)}`,
        },
        {
          type: "mrkdwn",
          text: `${w.t("alerts.wave.marketplaces")}\n${countBy(cases, (c) => c.marketplace ?? w.t("alerts.wave.marketplaceUnknown"), w)}`,
        },
      ],
    },
    mrkdwnSection(
      `${w.t("alerts.wave.cases")}\n${listWithMore(
        cases.map((c) => caseLine(c, opts.now, w)),
        10,
        "more",
        cases.length,
        w,
      )}`,
    ),
  ];
  if (!cleared) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: playbookLine(w) }] });
    blocks.push({
      type: "actions",
      block_id: actionsBlockId("crisis", alert.id),
      elements: [
        {
          type: "button",
          text: plain(w.t("alerts.wave.claimAll")),
          action_id: ACTIONS.crisisClaimAll,
          value: String(alert.id),
          style: "primary",
        },
        { type: "users_select", action_id: ACTIONS.crisisAssign, placeholder: plain(w.t("alerts.wave.assignTo"), 150) },
        {
          type: "button",
          text: plain(w.t("alerts.wave.replyAll")),
          action_id: ACTIONS.crisisReplyAll,
          value: String(alert.id),
        },
        {
          type: "button",
          text: plain(w.t("alerts.wave.resolveReturns")),
          action_id: ACTIONS.crisisResolve,
          value: String(alert.id),
        },
      ],
    });
  }
  const text = cleared
    ? w.t("alerts.wave.textCleared", { subject: alert.subject, count: cases.length, open: open.length })
    : w.t("alerts.wave.text", { subject: alert.subject, count, hours: w.num(opts.windowHours), unclaimed });
  return { text, blocks };
}

export function riskHeadsUpMessage(
  alert: CrisisAlert,
  cases: AlertCase[],
  now: Date,
  w: Words = ENGLISH,
): { text: string; blocks: types.KnownBlock[] } {
  const lines = cases.map((c) => `${caseLine(c, now, w)} · “${escapeMrkdwn(trimText(c.riskPhrases, 200))}”`);
  return {
    text: w.t("alerts.risk.text", { subject: alert.subject }),
    blocks: [
      mrkdwnSection(w.t("alerts.risk.head", { subject: alert.subject })),
      mrkdwnSection(listWithMore(lines, 10, "more", lines.length, w) || w.t("alerts.risk.none")),
    ],
  };
}

export function odrAlert(alert: CrisisAlert, w: Words = ENGLISH): { text: string; blocks: types.KnownBlock[] } {
  const r = alert.detail as unknown as OdrReading;
  const level = w.t(alert.kind === "odr_alert" ? "alerts.odr.above" : "alerts.odr.rising");
  const cleared = alert.status === "cleared" ? [w.t("alerts.odr.cleared")] : [];
  const percent = (p: number) => `${w.num(p, 2)}%`;
  const limit = w.num(r.limitPercent);
  const ours = w.t("alerts.odr.ours", {
    defects: w.num(r.defects),
    orders: w.num(r.orders),
    reviews: w.num(r.negativeReviews),
    claims: w.num(r.claims),
    chargebacks: w.num(r.chargebacks),
  });
  const subject = alert.subject;
  // The alert leads with the figure that raised it: Amazon's own, when it is the higher one.
  if (r.amazon && r.amazon.percent > r.percent) {
    const pct = percent(r.amazon.percent);
    const over = r.amazon.percent >= r.limitPercent - 1e-9;
    const todo = w.t(over ? "alerts.odr.amazonOver" : "alerts.odr.amazonNear", { limit });
    return {
      text: w.t("alerts.odr.amazonText", { subject, pct, todo }),
      blocks: [
        mrkdwnSection(
          [
            w.t("alerts.odr.amazonHead", { level, subject, pct }),
            amazonOdrText(r.amazon, w),
            w.t("alerts.odr.teamEstimate", { pct: percent(r.percent), ours }),
            todo,
            ...cleared,
          ].join("\n"),
        ),
      ],
    };
  }
  const pct = percent(r.percent);
  const until =
    r.defectsUntilLimit > 0
      ? w.t("alerts.odr.untilLimit", { count: r.defectsUntilLimit, limit })
      : w.t("alerts.odr.atLimit", { limit });
  return {
    text: w.t("alerts.odr.text", { subject, pct, defects: w.num(r.defects), orders: w.num(r.orders), until }),
    blocks: [
      mrkdwnSection(
        [
          w.t("alerts.odr.head", { level, subject, pct, ours }),
          ...(r.amazon ? [amazonOdrText(r.amazon, w)] : []),
          until,
          ...cleared,
        ].join("\n"),
      ),
    ],
  };
}

export function crisisNote(
  note: string,
  c: Pick<Case, "number" | "category" | "ownerId" | "channelId" | "messageTs"> | null,
  w: Words = ENGLISH,
): string {
  if (note === "cleared") return w.t("alerts.note.cleared");
  if (!c) return note;
  const who = c.ownerId ? `<@${c.ownerId}>` : w.t("alerts.note.unclaimed");
  return w.t("alerts.note.joined", { case: caseLink(c), category: categoryName(w, c.category), who });
}

export function stalledParcelText(
  c: Pick<Case, "number" | "ownerId">,
  days: number,
  mention: string,
  w: Words = ENGLISH,
): string {
  return w.t("alerts.stalledParcel", { mention, case: caseNumber(c.number), count: days });
}
