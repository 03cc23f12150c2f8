// The agent's workspace as pure decisions: a note on a case, waiting on the buyer, and a lead
// handing a case to another agent. A refusal says why language-free (its `said`).
import { DateTime } from "luxon";
import type { Case } from "../generated/prisma/client.ts";
import type { Key } from "../i18n/catalog.ts";
import { type Decision, refusal } from "./caseRules.ts";
import type { Actor } from "./people.ts";
import { mayWorkOn } from "./playbookRules.ts";
import { caseNumber } from "./vocabulary.ts";

type Snapshot = Parameters<typeof mayWorkOn>[0] & Pick<Case, "waitingUntil">;

export const NOTE_MAX = 1000;
/** Waiting on the buyer: the follow-up day offered first. */
export const DEFAULT_FOLLOW_UP_DAYS = 2;

/** Waiting on the buyer: how far ahead the follow-up day may be. */
const MAX_FOLLOW_UP_DAYS = 60;

const refuse = (c: Snapshot, reason: string, key: Key, params: Record<string, number> = {}) =>
  refusal(reason, key, { number: caseNumber(c.number), ...params });

/** A note may be what the buyer answered: a case waiting on the buyer is active again. */
export function decideNote(c: Snapshot, actor: Actor, text: string): Decision {
  const refusal = mayWorkOn(c, actor, "add notes", true);
  if (refusal) return refusal;
  const waited = Boolean(c.waitingUntil);
  return {
    ok: true,
    data: waited ? { waitingUntil: null } : {},
    event: { kind: "note", detail: { text } },
    ...(waited ? { stopTimers: ["follow_up" as const] } : {}),
  };
}

/**
 * Waiting on the buyer until the morning (09:00, team time zone) of `followUpDay`: the owner is
 * reminded then. The first-reply clock is not touched (it was met by the reply now awaited).
 */
export function decideWaiting(c: Snapshot, actor: Actor, followUpDay: string, zone: string, now: Date): Decision {
  const refusal = mayWorkOn(c, actor, "mark waiting on the buyer");
  if (refusal) return refusal;
  // Waiting is the owner's: they are reminded on the day.
  if (c.status === "new") return refuse(c, "unclaimed", "forms.waiting.unclaimed");
  const until = DateTime.fromISO(followUpDay, { zone }).startOf("day").plus({ hours: 9 });
  if (!until.isValid || until.toJSDate() <= now) return refuse(c, "past", "forms.waiting.past");
  if (until.diff(DateTime.fromJSDate(now), "days").days > MAX_FOLLOW_UP_DAYS)
    return refuse(c, "far", "forms.waiting.far", { days: MAX_FOLLOW_UP_DAYS });
  return {
    ok: true,
    data: { waitingUntil: until.toJSDate() },
    event: { kind: "waiting", detail: { until: until.toISO() } },
    timers: [{ kind: "follow_up", fireAt: until.toJSDate() }],
  };
}

/** A lead hands an open case to another agent; the previous owner keeps nothing of it. */
export function decideReassign(c: Snapshot, actor: Actor, assignee: Actor, now: Date): Decision {
  if (!actor.isLead) return refuse(c, "not_lead", "forms.reassign.notLead");
  if (!assignee.isAgent) return refuse(c, "not_agent", "forms.reassign.notAgent");
  if (c.status === "resolved") return refuse(c, "resolved", "forms.reassign.resolved");
  if (c.ownerId === assignee.userId) return refuse(c, "same", "forms.reassign.same");
  return {
    ok: true,
    data: { status: "claimed", ownerId: assignee.userId, claimedAt: now },
    event: { kind: "reassigned", detail: { to: assignee.userId, ...(c.ownerId ? { from: c.ownerId } : {}) } },
  };
}
