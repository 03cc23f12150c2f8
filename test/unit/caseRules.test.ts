import { describe, expect, it } from "vitest";
import {
  decideClaim,
  decideLogReply,
  decideReopen,
  decideResolve,
  decideTakeOver,
  followsSuggestion,
  mayResolve,
  REPLY_DOUBLE_CLICK_MS,
  refusalText,
} from "../../src/domain/caseRules.ts";
import { actorFor } from "../../src/domain/people.ts";
import { type CaseStatus, priorityFor } from "../../src/domain/vocabulary.ts";
import { ENGLISH, words } from "../../src/i18n/i18n.ts";

const now = new Date("2026-11-26T10:00:00Z");
const roles = { agentUserIds: ["UAGENT", "UOTHER"], leadUserIds: ["ULEAD"] };
const agent = actorFor("UAGENT", roles);
const other = actorFor("UOTHER", roles);
const lead = actorFor("ULEAD", roles);
const stranger = actorFor("USTRANGER", roles);
const fresh = { number: 1042, status: "new" as CaseStatus, ownerId: null, firstReplyAt: null };
const claimedBy = (owner: string) => ({ ...fresh, status: "claimed" as CaseStatus, ownerId: owner });

describe("roles", () => {
  it("treats everyone as an agent when no agents are configured, and leads as agents", () => {
    expect(actorFor("UANY", { agentUserIds: [], leadUserIds: [] }).isAgent).toBe(true);
    expect(stranger.isAgent).toBe(false);
    expect(lead).toEqual({ userId: "ULEAD", isAgent: true, isLead: true });
  });
});

describe("priority from case type", () => {
  it("makes claims and chargebacks urgent, complaints/refunds/reviews high, the rest normal", () => {
    expect(priorityFor("a_to_z_claim")).toBe("urgent");
    expect(priorityFor("chargeback")).toBe("urgent");
    expect(priorityFor("complaint")).toBe("high");
    expect(priorityFor("negative_review")).toBe("high");
    expect(priorityFor("refund")).toBe("high");
    expect(priorityFor("return")).toBe("normal");
    expect(priorityFor("delivery_issue")).toBe("normal");
  });
});

describe("claim", () => {
  it("claims a new case for an agent", () => {
    const d = decideClaim(fresh, agent, now);
    expect(d).toMatchObject({
      ok: true,
      data: { status: "claimed", ownerId: "UAGENT", claimedAt: now },
      event: { kind: "claimed" },
    });
  });
  it("tells a loser who owns it, and hints leads at Take over", () => {
    const d = decideClaim(claimedBy("UOTHER"), agent, now);
    expect(d).toMatchObject({ ok: false, reason: "already_claimed" });
    expect(!d.ok && d.message).toBe("AS-1042 is already claimed by <@UOTHER>.");
    const l = decideClaim(claimedBy("UOTHER"), lead, now);
    expect(!l.ok && l.message).toContain("Take over");
  });
  it("refuses people who are not agents, and resolved cases", () => {
    expect(decideClaim(fresh, stranger, now)).toMatchObject({ ok: false, reason: "not_agent" });
    expect(decideClaim({ ...fresh, status: "resolved" }, agent, now)).toMatchObject({ ok: false, reason: "resolved" });
  });
});

describe("take over", () => {
  it("is for leads only and records whom it was taken from", () => {
    expect(decideTakeOver(claimedBy("UAGENT"), other, now)).toMatchObject({ ok: false, reason: "not_lead" });
    expect(decideTakeOver(claimedBy("UAGENT"), lead, now)).toMatchObject({
      ok: true,
      data: { ownerId: "ULEAD" },
      event: { kind: "taken_over", detail: { from: "UAGENT" } },
    });
  });
});

describe("log reply", () => {
  it("sets the first reply once and claims an unclaimed case", () => {
    const d = decideLogReply(fresh, agent, now);
    expect(d).toMatchObject({ ok: true, data: { firstReplyAt: now, status: "claimed", ownerId: "UAGENT" } });
    const earlier = new Date("2026-11-26T09:00:00Z");
    const again = decideLogReply({ ...claimedBy("UAGENT"), firstReplyAt: earlier }, agent, now);
    expect(again).toMatchObject({ ok: true, data: { firstReplyAt: earlier }, event: { detail: { first: false } } });
  });
  it("treats a second click within the double-click window as the same reply", () => {
    const last = new Date(now.getTime() - REPLY_DOUBLE_CLICK_MS + 1000);
    expect(decideLogReply(claimedBy("UAGENT"), agent, now, last)).toMatchObject({ ok: false, reason: "duplicate" });
    const longAgo = new Date(now.getTime() - REPLY_DOUBLE_CLICK_MS - 1);
    expect(decideLogReply(claimedBy("UAGENT"), agent, now, longAgo).ok).toBe(true);
  });
  it("keeps other agents off someone else's case", () => {
    expect(decideLogReply(claimedBy("UOTHER"), agent, now)).toMatchObject({ ok: false, reason: "not_owner" });
    expect(decideLogReply(claimedBy("UOTHER"), lead, now).ok).toBe(true);
  });
});

describe("resolve", () => {
  const input = { resolution: "refund" as const, rootCause: "defect" as const, amount: "12.50", currency: "USD" };
  it("is for the owner or a lead", () => {
    expect(mayResolve(claimedBy("UAGENT"), agent)).toBeUndefined();
    expect(mayResolve(claimedBy("UAGENT"), other)?.message).toBe(
      "Only <@UAGENT> (the owner) or a lead can resolve AS-1042.",
    );
    expect(mayResolve(fresh, agent)?.reason).toBe("unclaimed");
    // The refusal is said in the reader's language; its English stays in `message`.
    const refusal = mayResolve(claimedBy("UAGENT"), other);
    expect(refusal && refusalText(words("zh-CN"), refusal)).toBe("只有 <@UAGENT>（负责人）或主管可以给 AS-1042 结案。");
    expect(refusal && refusalText(ENGLISH, refusal)).toBe(refusal?.message);
    expect(refusalText(words("zh-CN"), { message: "Rule without words yet." })).toBe("Rule without words yet.");
    expect(mayResolve(fresh, lead)).toBeUndefined();
  });
  it("records how, how much and why, and stops the response clock", () => {
    const d = decideResolve(claimedBy("UAGENT"), agent, input, now);
    expect(d).toMatchObject({
      ok: true,
      data: {
        status: "resolved",
        resolvedById: "UAGENT",
        resolution: "refund",
        resolutionAmount: "12.50",
        resolutionCurrency: "USD",
        rootCause: "defect",
        firstReplyAt: now,
      },
    });
  });
  it("makes a lead who resolves an unclaimed case its owner", () => {
    expect(decideResolve(fresh, lead, input, now)).toMatchObject({ ok: true, data: { ownerId: "ULEAD" } });
  });
});

describe("reopen", () => {
  it("reopens a resolved case to its owner; others are refused", () => {
    const resolved = { ...claimedBy("UAGENT"), status: "resolved" as CaseStatus };
    expect(decideReopen(resolved, agent, now)).toMatchObject({
      ok: true,
      data: { status: "claimed", ownerId: "UAGENT", resolvedAt: null },
    });
    expect(decideReopen(resolved, other, now)).toMatchObject({ ok: false, reason: "not_owner" });
    expect(decideReopen(claimedBy("UAGENT"), agent, now)).toMatchObject({ ok: false, reason: "open" });
  });
});

describe("whether the suggested remedy was followed", () => {
  const partial = {
    resolution: "partial_refund" as const,
    amountRange: { from: "1.00", to: "2.00", currency: "USD" },
  };
  it.each([
    [{ resolution: "partial_refund" as const, amount: "1.50", currency: "USD" }, true],
    [{ resolution: "partial_refund" as const, amount: "2.00" }, true],
    [{ resolution: "partial_refund" as const, amount: "2.01", currency: "USD" }, false],
    [{ resolution: "partial_refund" as const, amount: "1.50", currency: "EUR" }, false],
    [{ resolution: "coupon" as const, amount: "1.50", currency: "USD" }, false],
  ])("%o → %s", (chosen, followed) => {
    expect(followsSuggestion(chosen, partial)).toBe(followed);
  });
  it("a remedy without money is followed by choosing it", () => {
    expect(followsSuggestion({ resolution: "replacement" }, { resolution: "replacement" })).toBe(true);
    expect(followsSuggestion({ resolution: "refund" }, { resolution: "replacement" })).toBe(false);
  });
});
