// The case lifecycle as pure decisions: given a case and who is acting, what changes (or why not).
// new → claimed → resolved; a lead may take over a claimed case; a resolved case may be reopened.
import type { Case } from "../generated/prisma/client.ts";
import type { Key } from "../i18n/catalog.ts";
import { ENGLISH, type Params, type Said, say, type Words } from "../i18n/i18n.ts";
import type { OutboxMessageInput } from "./outboxMessages.ts";
import type { Actor } from "./people.ts";
import type { BuyerOutcome } from "./playbook.ts";
import type { TimerKind } from "./responseClock.ts";
import { caseNumber, RESOLUTIONS, type Resolution, type RootCause } from "./vocabulary.ts";

export type CaseChange = {
  ok: true;
  data: Partial<
    Pick<
      Case,
      | "status"
      | "ownerId"
      | "claimedAt"
      | "firstReplyAt"
      | "resolvedAt"
      | "resolvedById"
      | "resolution"
      | "rootCause"
      | "resolutionNote"
      | "resolutionCurrency"
      | "reopenedAt"
      | "suggestedRemedy"
      | "suggestionFollowed"
      | "buyerOutcome"
      | "suggestedProduct"
      | "orderDate"
      | "deliveredAt"
      | "itemCondition"
      | "returnCheckedAt"
      | "returnReceivedAt"
      | "refundDueAt"
      | "abuseSuspectedAt"
      | "abuseEvidence"
      | "appealStage"
      | "appealDecisionAt"
      | "appealDueAt"
      | "appealFiledAt"
      | "appealClosedAt"
      | "waitingUntil"
    >
  > & {
    resolutionAmount?: string | null;
  };
  event: { kind: string; detail?: Record<string, unknown> };
  /** Timers the change sets (again): each kind once per case, pending from now on. */
  timers?: { kind: TimerKind; fireAt: Date }[];
  /** Pending timers the change makes pointless, besides those the response clock stops. */
  stopTimers?: TimerKind[];
  /** Messages the change sends besides the card's update (e.g. a direct message), queued with it. */
  messages?: OutboxMessageInput[];
};
/**
 * Why a step was refused: `said` is what to tell the person, in their language (`refusalText`);
 * `message` is the same in English (for the log, and for rules that do not say it yet).
 */
export type CaseRefusal = { ok: false; reason: string; message: string; said?: Said };
export type Decision = CaseChange | CaseRefusal;

type Snapshot = Pick<Case, "number" | "status" | "ownerId" | "firstReplyAt"> & { waitingUntil?: Date | null };

/** Two clicks on "Log reply" by the same person this close together are one reply. */
export const REPLY_DOUBLE_CLICK_MS = 30_000;

/** A refusal that says `key` (with the case's number as {{number}}). */
export function refusal(reason: string, key: Key, params: Params = {}): CaseRefusal {
  const said: Said = { key, params };
  return { ok: false, reason, message: say(ENGLISH, said), said };
}
/** A refusal as the person reads it. */
export const refusalText = (w: Words, r: Pick<CaseRefusal, "message" | "said">): string =>
  r.said ? say(w, r.said) : r.message;

const refuse = (c: Snapshot, reason: string, key: Key, params: Params = {}) =>
  refusal(reason, key, { number: caseNumber(c.number), ...params });
const NOT_AGENT = {
  claim: "card.refusal.notAgentClaim",
  logReply: "card.refusal.notAgentLogReply",
  resolve: "card.refusal.notAgentResolve",
  reopen: "card.refusal.notAgentReopen",
} as const satisfies Record<string, Key>;
const notAgent = (c: Snapshot, step: keyof typeof NOT_AGENT) => refuse(c, "not_agent", NOT_AGENT[step]);
const isResolved = (c: Snapshot) => refuse(c, "resolved", "card.refusal.resolved");

export function decideClaim(c: Snapshot, actor: Actor, now: Date): Decision {
  if (!actor.isAgent) return notAgent(c, "claim");
  if (c.status === "resolved") return isResolved(c);
  if (c.status === "claimed") {
    if (c.ownerId === actor.userId) return refuse(c, "own", "card.refusal.own");
    return refuse(
      c,
      "already_claimed",
      actor.isLead ? "card.refusal.alreadyClaimedLead" : "card.refusal.alreadyClaimed",
      { owner: c.ownerId ?? undefined },
    );
  }
  return { ok: true, data: { status: "claimed", ownerId: actor.userId, claimedAt: now }, event: { kind: "claimed" } };
}

export function decideTakeOver(c: Snapshot, actor: Actor, now: Date): Decision {
  if (!actor.isLead) return refuse(c, "not_lead", "card.refusal.notLeadTakeOver", { owner: c.ownerId ?? undefined });
  if (c.status === "resolved") return isResolved(c);
  if (c.ownerId === actor.userId) return refuse(c, "own", "card.refusal.own");
  return {
    ok: true,
    data: { status: "claimed", ownerId: actor.userId, claimedAt: now },
    event: {
      kind: c.status === "claimed" ? "taken_over" : "claimed",
      detail: c.ownerId ? { from: c.ownerId } : undefined,
    },
  };
}

/**
 * Logging a reply on an unclaimed case claims it: whoever answered the buyer is working it.
 * (Not for a bulk acknowledgement sent to a whole wave: then the cases stay unclaimed.)
 */
export function decideLogReply(
  c: Snapshot,
  actor: Actor,
  now: Date,
  lastReplyByActorAt?: Date,
  claimIfUnclaimed = true,
): Decision {
  if (!actor.isAgent) return notAgent(c, "logReply");
  if (c.status === "resolved") return isResolved(c);
  if (c.status === "claimed" && c.ownerId !== actor.userId && !actor.isLead) {
    return refuse(c, "not_owner", "card.refusal.notOwnerReply", { owner: c.ownerId ?? undefined });
  }
  if (lastReplyByActorAt && now.getTime() - lastReplyByActorAt.getTime() < REPLY_DOUBLE_CLICK_MS) {
    return refuse(c, "duplicate", "card.refusal.duplicateReply");
  }
  const data: CaseChange["data"] = { firstReplyAt: c.firstReplyAt ?? now };
  const claims = c.status === "new" && claimIfUnclaimed;
  if (claims) Object.assign(data, { status: "claimed", ownerId: actor.userId, claimedAt: now });
  // A reply while waiting on the buyer means the buyer answered: the case is active again.
  const waited = Boolean(c.waitingUntil);
  if (waited) data.waitingUntil = null;
  return {
    ok: true,
    data,
    event: { kind: "replied", detail: { first: !c.firstReplyAt, claimed: claims } },
    ...(waited ? { stopTimers: ["follow_up" as const] } : {}),
  };
}

/** A lead hands an unclaimed case to someone (e.g. one person on a whole return wave). */
export function decideAssign(c: Snapshot, actor: Actor, assignee: Actor, now: Date): Decision {
  if (!actor.isLead) return refuse(c, "not_lead", "card.refusal.notLeadAssign");
  if (!assignee.isAgent) return refuse(c, "not_agent", "card.refusal.assigneeNotAgent", { who: assignee.userId });
  if (c.status === "resolved") return isResolved(c);
  if (c.status === "claimed")
    return refuse(c, "already_claimed", "card.refusal.alreadyClaimed", { owner: c.ownerId ?? undefined });
  return {
    ok: true,
    data: { status: "claimed", ownerId: assignee.userId, claimedAt: now },
    event: { kind: "assigned", detail: { to: assignee.userId } },
  };
}

/** Whether this person may open the resolve form at all. */
export function mayResolve(c: Snapshot, actor: Actor): CaseRefusal | undefined {
  if (c.status === "resolved") return isResolved(c);
  if (actor.isLead) return undefined;
  if (!actor.isAgent) return notAgent(c, "resolve");
  if (c.status === "new") return refuse(c, "unclaimed", "card.refusal.claimFirst");
  if (c.ownerId !== actor.userId)
    return refuse(c, "not_owner", "card.refusal.notOwnerResolve", { owner: c.ownerId ?? undefined });
  return undefined;
}

export type ResolveInput = {
  resolution: Resolution;
  rootCause: RootCause;
  amount?: string;
  currency?: string;
  note?: string;
  outcome?: BuyerOutcome;
  suggestedProduct?: string;
  /** What the playbook suggested (as the form showed it), if anything: recorded with whether it was followed. */
  suggestion?: ShownSuggestion;
};

export function decideResolve(c: Snapshot, actor: Actor, input: ResolveInput, now: Date): Decision {
  const refusal = mayResolve(c, actor);
  if (refusal) return refusal;
  return {
    ok: true,
    data: {
      status: "resolved",
      // A lead resolving an unclaimed case becomes its owner, so the record says who handled it.
      ownerId: c.ownerId ?? actor.userId,
      resolvedAt: now,
      resolvedById: actor.userId,
      firstReplyAt: c.firstReplyAt ?? now,
      resolution: input.resolution,
      rootCause: input.rootCause,
      resolutionAmount: input.amount ?? null,
      resolutionCurrency: input.amount ? (input.currency ?? null) : null,
      resolutionNote: input.note ?? null,
      buyerOutcome: input.outcome ?? null,
      suggestedProduct: input.suggestedProduct ?? null,
      suggestedRemedy: input.suggestion?.resolution ?? null,
      suggestionFollowed: input.suggestion ? followsSuggestion(input, input.suggestion) : null,
      waitingUntil: null,
    },
    event: {
      kind: "resolved",
      detail: {
        resolution: input.resolution,
        label: RESOLUTIONS[input.resolution],
        rootCause: input.rootCause,
        amount: input.amount,
        currency: input.currency,
        ...(input.suggestion ? { suggested: input.suggestion.resolution } : {}),
      },
    },
  };
}

/** What the resolve form suggested: the remedy and, for money, the range of amounts. */
export type ShownSuggestion = {
  resolution: Resolution;
  amountRange?: { from: string; to: string; currency: string };
};

/** Followed: the suggested remedy, and for money an amount within the suggested range (its currency). */
export function followsSuggestion(
  chosen: { resolution: Resolution; amount?: string; currency?: string },
  s: ShownSuggestion,
): boolean {
  if (chosen.resolution !== s.resolution) return false;
  const range = s.amountRange;
  if (!range || !chosen.amount) return true;
  if ((chosen.currency ?? range.currency) !== range.currency) return false;
  const amount = Number(chosen.amount);
  return amount >= Number(range.from) && amount <= Number(range.to);
}

export function decideReopen(c: Snapshot, actor: Actor, now: Date): Decision {
  // Someone no longer among the agents (e.g. a former owner) may not bring a case back.
  if (!actor.isAgent) return notAgent(c, "reopen");
  if (c.status !== "resolved") return refuse(c, "open", "card.refusal.stillOpen");
  if (!actor.isLead && c.ownerId !== actor.userId)
    return refuse(c, "not_owner", "card.refusal.notOwnerReopen", { owner: c.ownerId ?? undefined });
  return {
    ok: true,
    data: {
      status: "claimed",
      ownerId: c.ownerId ?? actor.userId,
      reopenedAt: now,
      resolvedAt: null,
      resolvedById: null,
      // The refund clock ended with the resolution; a return that comes back again starts a new one.
      returnReceivedAt: null,
      refundDueAt: null,
      waitingUntil: null,
    },
    event: { kind: "reopened" },
  };
}
