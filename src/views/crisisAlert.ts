// Crisis channel messages: the return-wave alert (with bulk buttons), risk-word heads-ups,
// the Order Defect Rate alert, and the short lines added to their threads.
import type { types } from "@slack/bolt";
import { SKU_MAX } from "../domain/amazon.ts";
import type { OdrReading } from "../domain/odr.ts";
import { caseNumber, categoryLabel, rootCauseLabel } from "../domain/vocabulary.ts";
import type { Case, CrisisAlert } from "../generated/prisma/client.ts";
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

export const PLAYBOOK =
  ":books: *Playbook:* don't blanket-reject returns (it turns returns into complaints) · process eligible returns in bulk · put one person on follow-up · keep buyers informed of progress.";

function countBy(cases: AlertCase[], key: (c: AlertCase) => string): string {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
  const lines = [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: *${n}*`);
  return lines.length ? listWithMore(lines, 6) : "—";
}

export function waveAlert(
  alert: CrisisAlert,
  cases: AlertCase[],
  opts: { now: Date; windowHours: number },
): { text: string; blocks: types.KnownBlock[] } {
  const detail = (alert.detail ?? {}) as { count?: number; usualPerDay?: number };
  const cleared = alert.status === "cleared";
  const skus = [...new Set(cases.map((c) => c.sku).filter(Boolean))]
    .slice(0, 3)
    .map((sku) => trimText(sku, SKU_MAX))
    .join(", ");
  const usual = detail.usualPerDay ?? 0;
  const count = detail.count ?? cases.length;
  const rate =
    usual > 0
      ? ` — about ${Math.round((count / (usual * (opts.windowHours / 24))) * 10) / 10}× the usual ${usual.toFixed(1)} a day`
      : " — usually none";
  const open = cases.filter((c) => c.status !== "resolved");
  const unclaimed = cases.filter((c) => c.status === "new").length;
  const head = cleared
    ? `:white_check_mark: Cleared: return wave for ${alert.subject}`
    : `:rotating_light: Return wave: ${alert.subject}`;
  const blocks: types.KnownBlock[] = [
    { type: "header", text: plain(head, 150) },
    mrkdwnSection(
      cleared
        ? `The rate for *${alert.subject}*${skus ? ` (SKU ${escapeMrkdwn(skus)})` : ""} has been back to normal; cleared after ${formatDuration((alert.clearedAt ?? opts.now).getTime() - alert.startedAt.getTime())}. *${cases.length}* cases in all: ${cases.length - open.length} resolved, ${open.length} still open.`
        : `*${count}* cases in the last ${opts.windowHours} h for *${alert.subject}*${skus ? ` (SKU ${escapeMrkdwn(skus)})` : ""}${rate}. ${open.length} open, ${unclaimed} unclaimed.`,
    ),
    {
      type: "section",
      fields: [
        {
          type: "mrkdwn",
          text: `*By type*\n${countBy(cases, (c) => categoryLabel(c.category))}`,
        },
        {
          type: "mrkdwn",
          text: `*Root cause*\n${countBy(cases, (c) => (c.rootCause ? rootCauseLabel(c.rootCause) : "not known yet"))}`,
        },
        { type: "mrkdwn", text: `*Marketplaces*\n${countBy(cases, (c) => c.marketplace ?? "unknown")}` },
      ],
    },
    mrkdwnSection(
      `*Cases*\n${listWithMore(
        cases.map((c) => caseLine(c, opts.now)),
        10,
      )}`,
    ),
  ];
  if (!cleared) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: PLAYBOOK }] });
    blocks.push({
      type: "actions",
      block_id: actionsBlockId("crisis", alert.id),
      elements: [
        {
          type: "button",
          text: plain("Claim all unclaimed"),
          action_id: ACTIONS.crisisClaimAll,
          value: String(alert.id),
          style: "primary",
        },
        { type: "users_select", action_id: ACTIONS.crisisAssign, placeholder: plain("Assign unclaimed to…", 150) },
        {
          type: "button",
          text: plain("Log first reply for all"),
          action_id: ACTIONS.crisisReplyAll,
          value: String(alert.id),
        },
        {
          type: "button",
          text: plain("Resolve eligible returns…"),
          action_id: ACTIONS.crisisResolve,
          value: String(alert.id),
        },
      ],
    });
  }
  const text = cleared
    ? `Return wave for ${alert.subject} cleared: ${cases.length} cases, ${open.length} still open.`
    : `Return wave: ${count} cases in ${opts.windowHours} h for ${alert.subject} (${unclaimed} unclaimed).`;
  return { text, blocks };
}

export function riskHeadsUpMessage(
  alert: CrisisAlert,
  cases: AlertCase[],
  now: Date,
): { text: string; blocks: types.KnownBlock[] } {
  const lines = cases.map((c) => `${caseLine(c, now)} · “${escapeMrkdwn(trimText(c.riskPhrases, 200))}”`);
  const text = `Risk words from buyers of ${alert.subject}: contact them before they file a claim.`;
  return {
    text,
    blocks: [
      mrkdwnSection(
        `:warning: *Risk words from buyers of ${alert.subject}* — contact them before they file a claim or leave a review.`,
      ),
      mrkdwnSection(listWithMore(lines, 10) || "No case has risk words any more."),
    ],
  };
}

export function odrAlert(alert: CrisisAlert): { text: string; blocks: types.KnownBlock[] } {
  const r = alert.detail as unknown as OdrReading;
  const level =
    alert.kind === "odr_alert"
      ? ":rotating_light: *Order Defect Rate above the limit*"
      : ":warning: *Order Defect Rate rising*";
  const cleared = alert.status === "cleared" ? "\n:white_check_mark: Back below the threshold." : "";
  const ours = `${r.defects} defective orders of ${r.orders} in the last 60 days: ${r.negativeReviews} negative reviews, ${r.claims} A-to-z claims, ${r.chargebacks} chargebacks`;
  // The alert leads with the figure that raised it: Amazon's own, when it is the higher one.
  if (r.amazon && r.amazon.percent > r.percent) {
    const pct = `${r.amazon.percent.toFixed(2)}%`;
    const over = r.amazon.percent >= r.limitPercent - 1e-9;
    const todo = over
      ? `Amazon counts it at or above ${r.limitPercent}%: start an investigation now (root causes, listings, carriers).`
      : `Amazon counts it close to ${r.limitPercent}%.`;
    return {
      text: `${alert.subject} Order Defect Rate ${pct} by Amazon's account health. ${todo}`,
      blocks: [
        mrkdwnSection(
          `${level} — ${alert.subject}: *${pct}* by Amazon's account health.\n${amazonOdrText(r.amazon)}\nThe team's estimate: ${r.percent.toFixed(2)}% (${ours}).\n${todo}${cleared}`,
        ),
      ],
    };
  }
  const pct = `${r.percent.toFixed(2)}%`;
  const until =
    r.defectsUntilLimit > 0
      ? `${r.defectsUntilLimit} more defective order${r.defectsUntilLimit === 1 ? "" : "s"} until ${r.limitPercent}%.`
      : `At or above ${r.limitPercent}%: start an investigation now (root causes, listings, carriers).`;
  const amazon = r.amazon ? `\n${amazonOdrText(r.amazon)}` : "";
  return {
    text: `${alert.subject} Order Defect Rate ${pct} (${r.defects} of ${r.orders} orders, 60 days). ${until}`,
    blocks: [mrkdwnSection(`${level} — ${alert.subject}: *${pct}* (${ours}).${amazon}\n${until}${cleared}`)],
  };
}

export function crisisNote(
  note: string,
  c: Pick<Case, "number" | "category" | "ownerId" | "channelId" | "messageTs"> | null,
): string {
  if (note === "cleared")
    return ":white_check_mark: The wave is over: the rate has been back to normal for the quiet period.";
  if (!c) return note;
  const who = c.ownerId ? `<@${c.ownerId}>` : "unclaimed";
  return `${caseLink(c)} (${categoryLabel(c.category)}, ${who}) joined the wave.`;
}

export function stalledParcelText(c: Pick<Case, "number" | "ownerId">, days: number, mention: string): string {
  return `:truck: ${mention} The parcel for ${caseNumber(c.number)} is still not sorted after ${days} days: contact the carrier, and offer the buyer a reshipment or compensation.`;
}
