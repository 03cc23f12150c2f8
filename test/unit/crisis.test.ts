import { describe, expect, it } from "vitest";
import { coveredOnly } from "../../src/domain/bulk.ts";
import { decideAssign } from "../../src/domain/caseRules.ts";
import { DEFAULT_RISK_PHRASES, findRiskPhrases, isWave, raisePriority } from "../../src/domain/crisis.ts";
import { actorFor, mayAssignTo } from "../../src/domain/people.ts";

const wave = { minCases: 5, windowHours: 24, multiplier: 3, baselineDays: 28, quietHours: 24 };

describe("return waves", () => {
  it("needs the minimum count and three times the usual daily rate", () => {
    expect(isWave(4, 0, wave)).toBe(false);
    expect(isWave(5, 0, wave)).toBe(true);
    // 56 cases in 28 days = 2 a day: 6 in a day is a wave, 5 is not.
    expect(isWave(5, 56, wave)).toBe(false);
    expect(isWave(6, 56, wave)).toBe(true);
    // A 12-hour window compares against half a day's usual rate.
    expect(isWave(5, 56, { ...wave, windowHours: 12 })).toBe(true);
  });
});

describe("risk words", () => {
  it("finds English and Chinese phrases, ignoring case", () => {
    expect(findRiskPhrases("The item arrived BROKEN and looks Fake", DEFAULT_RISK_PHRASES)).toEqual(["broken", "fake"]);
    expect(findRiskPhrases("买家说质量差，与描述不符", DEFAULT_RISK_PHRASES)).toEqual(["质量差", "与描述不符"]);
    expect(findRiskPhrases("Thanks, all good", DEFAULT_RISK_PHRASES)).toEqual([]);
  });
  it("raises the priority one step", () => {
    expect(raisePriority("normal")).toBe("high");
    expect(raisePriority("high")).toBe("urgent");
    expect(raisePriority("urgent")).toBe("urgent");
  });
});

describe("assigning a wave's cases", () => {
  const lead = actorFor("ULEAD", { agentUserIds: [], leadUserIds: ["ULEAD"] });
  const agent = actorFor("UAGENT", { agentUserIds: [], leadUserIds: ["ULEAD"] });
  const c = { number: 1042, status: "new" as const, ownerId: null, firstReplyAt: null };
  const follow = actorFor("UFOLLOW", { agentUserIds: [], leadUserIds: ["ULEAD"] });
  it("is for leads, and never overwrites an owner", () => {
    expect(decideAssign(c, lead, follow, new Date())).toMatchObject({
      ok: true,
      data: { ownerId: "UFOLLOW", status: "claimed" },
    });
    expect(decideAssign(c, agent, follow, new Date())).toMatchObject({ ok: false, reason: "not_lead" });
    expect(decideAssign({ ...c, status: "claimed", ownerId: "UX" }, lead, follow, new Date())).toMatchObject({
      ok: false,
      reason: "already_claimed",
    });
  });
  it("hands cases only to agents", () => {
    const roles = { agentUserIds: ["UAGENT"], leadUserIds: ["ULEAD"] };
    const visitor = actorFor("UVISITOR", roles);
    expect(decideAssign(c, actorFor("ULEAD", roles), visitor, new Date())).toMatchObject({
      ok: false,
      reason: "not_agent",
    });
    expect(mayAssignTo(actorFor("ULEAD", roles), visitor)).toContain("<@UVISITOR> is not an after-sales agent");
    expect(mayAssignTo(actorFor("UAGENT", roles), actorFor("UAGENT", roles))).toContain("Only leads can assign");
    expect(mayAssignTo(actorFor("ULEAD", roles), actorFor("UAGENT", roles))).toBeUndefined();
  });
});

describe("bulk actions on a very large alert", () => {
  it("say that only the first cases were covered, and where the rest are", () => {
    expect(coveredOnly(500, "B0WAVE0001")).toBe(
      "\nThis alert has more than 500 cases: only the first 500 were covered. Find the rest with `/case list B0WAVE0001`.",
    );
    expect(coveredOnly(500, "(no ASIN)")).toContain("`/case list open`");
  });
});
