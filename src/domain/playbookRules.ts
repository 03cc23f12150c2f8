// The playbook's steps on a case as pure decisions, like the case lifecycle (caseRules.ts): who
// may check a return, mark it received, suspect abuse or record an appeal, and what changes.
import { DateTime } from "luxon";
import type { Case } from "../generated/prisma/client.ts";
import type { Key } from "../i18n/catalog.ts";
import type { Said } from "../i18n/i18n.ts";
import { type CaseRefusal, type Decision, refusal as refuse } from "./caseRules.ts";
import type { Actor } from "./people.ts";
import type { AbuseEvidence, AppealSettings, AppealStage } from "./playbook.ts";
import type { ItemCondition } from "./returnEligibility.ts";
import { caseNumber } from "./vocabulary.ts";

type Snapshot = Pick<
  Case,
  | "number"
  | "status"
  | "ownerId"
  | "returnReceivedAt"
  | "abuseSuspectedAt"
  | "appealStage"
  | "appealFiledAt"
  | "appealClosedAt"
>;

const DAY_MS = 86_400_000;

/** What an agent does on a case, as the refusals name it. */
export type Work =
  | "add notes"
  | "mark waiting on the buyer"
  | "check returns"
  | "mark returns received"
  | "mark suspected abuse"
  | "record appeals";
const WORK: Record<Work, string> = {
  "add notes": "addNote",
  "mark waiting on the buyer": "waiting",
  "check returns": "checkReturn",
  "mark returns received": "receiveReturn",
  "mark suspected abuse": "suspectAbuse",
  "record appeals": "appeal",
};

/**
 * Working a case's details: any agent while it is unclaimed, then its owner or a lead (as for
 * logging a reply). `whileResolved` for what may come after resolving (abuse, appeals).
 */
export function mayWorkOn(c: Snapshot, actor: Actor, what: Work, whileResolved = false): CaseRefusal | undefined {
  const number = caseNumber(c.number);
  if (!actor.isAgent) return refuse("not_agent", `playbook.refusal.notAgent.${WORK[what]}` as Key, { number });
  if (c.status === "resolved" && !whileResolved) return refuse("resolved", "playbook.refusal.resolved", { number });
  if (c.ownerId && c.ownerId !== actor.userId && !actor.isLead)
    return refuse("not_owner", `playbook.refusal.notOwner.${WORK[what]}` as Key, { number, owner: c.ownerId });
  return undefined;
}

export type ReturnCheckInput = {
  orderDate?: Date;
  deliveredAt?: Date;
  condition?: ItemCondition;
  /** The verdict, for the thread line (said in its reader's language). */
  summary: Said;
};

export function decideReturnCheck(c: Snapshot, actor: Actor, input: ReturnCheckInput, now: Date): Decision {
  const refusal = mayWorkOn(c, actor, "check returns");
  if (refusal) return refusal;
  return {
    ok: true,
    data: {
      orderDate: input.orderDate ?? null,
      deliveredAt: input.deliveredAt ?? null,
      itemCondition: input.condition ?? null,
      returnCheckedAt: now,
    },
    event: { kind: "return_checked", detail: { summary: input.summary, condition: input.condition } },
  };
}

/** The item is back: the refund clock starts (due `dueAt`; the owner is reminded at `remindAt` if the case is still open). */
export function decideReturnReceived(
  c: Snapshot,
  actor: Actor,
  now: Date,
  clock: { dueAt: Date; remindAt: Date },
): Decision {
  const refusal = mayWorkOn(c, actor, "mark returns received");
  if (refusal) return refusal;
  if (c.returnReceivedAt) return refuse("received", "playbook.refusal.received", { number: caseNumber(c.number) });
  return {
    ok: true,
    data: { returnReceivedAt: now, refundDueAt: clock.dueAt },
    event: { kind: "return_received", detail: { refundDueAt: clock.dueAt.toISOString() } },
    timers: [{ kind: "refund_due", fireAt: clock.remindAt }],
  };
}

export function decideSuspectAbuse(
  c: Snapshot,
  actor: Actor,
  input: { evidence: AbuseEvidence[]; note?: string },
  now: Date,
): Decision {
  const refusal = mayWorkOn(c, actor, "mark suspected abuse", true);
  if (refusal) return refusal;
  return {
    ok: true,
    data: { abuseSuspectedAt: c.abuseSuspectedAt ?? now, abuseEvidence: input.evidence.join(",") || null },
    event: {
      kind: c.abuseSuspectedAt ? "abuse_evidence" : "abuse_suspected",
      detail: { evidence: input.evidence, ...(input.note ? { note: input.note } : {}) },
    },
  };
}

/** `decisionDay` is the day of Amazon's decision (2026-11-27) in the team's time zone `zone`. */
export type AppealInput = { stage: AppealStage; decisionDay: string; zone: string; note?: string };

/**
 * An appeal of Amazon's decision: the last day to file is the decision date + the window; while
 * it is being prepared the owner is reminded before that day. Filing, winning or losing it ends
 * the reminder; the stage may be corrected at any time.
 */
export function decideAppeal(
  c: Snapshot,
  actor: Actor,
  input: AppealInput,
  now: Date,
  settings: AppealSettings,
): Decision {
  const refusal = mayWorkOn(c, actor, "record appeals", true);
  if (refusal) return refusal;
  const decision = DateTime.fromISO(input.decisionDay, { zone: input.zone });
  const dueAt = decision.plus({ days: settings.windowDays }).endOf("day").toJSDate();
  const remindAt = new Date(dueAt.getTime() - settings.reminderDays * DAY_MS);
  const preparing = input.stage === "preparing";
  const filed = !preparing;
  const closed = input.stage === "won" || input.stage === "lost";
  return {
    ok: true,
    data: {
      appealStage: input.stage,
      appealDecisionAt: decision.toJSDate(),
      appealDueAt: dueAt,
      appealFiledAt: filed ? (c.appealFiledAt ?? now) : null,
      // Saved again at the same outcome, the appeal keeps the day it closed (the digest counts it once).
      appealClosedAt: closed ? (c.appealStage === input.stage && c.appealClosedAt ? c.appealClosedAt : now) : null,
    },
    event: {
      kind: "appeal",
      detail: { stage: input.stage, dueAt: dueAt.toISOString(), ...(input.note ? { note: input.note } : {}) },
    },
    // A reminder already past (a late entry) fires at once: the owner learns the window is closing.
    // Once the last day has passed, or the appeal is filed, no reminder is left waiting.
    ...(preparing && dueAt > now
      ? { timers: [{ kind: "appeal_reminder" as const, fireAt: remindAt }] }
      : { stopTimers: ["appeal_reminder" as const] }),
  };
}
