import { describe, expect, it } from "vitest";
import { bulkSummary, coveredOnly } from "../../src/domain/bulk.ts";
import { decideAssign } from "../../src/domain/caseRules.ts";
import { DEFAULT_RISK_PHRASES, findRiskPhrases, isWave, raisePriority } from "../../src/domain/crisis.ts";
import type { OdrReading } from "../../src/domain/odr.ts";
import { actorFor, mayAssignTo } from "../../src/domain/people.ts";
import type { CrisisAlert } from "../../src/generated/prisma/client.ts";
import { words } from "../../src/i18n/i18n.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { crisisNote, odrAlert, riskHeadsUpMessage, stalledParcelText, waveAlert } from "../../src/views/crisisAlert.ts";
import { sampleCase } from "../support/recordArbitraries.ts";

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

describe("crisis alerts, in the team's language", () => {
  const zh = words("zh-CN");
  const CHINESE = /[\u4e00-\u9fff]/;
  const now = new Date("2026-11-26T12:00:00Z");
  const alert: CrisisAlert = {
    id: 3,
    kind: "wave",
    subject: "B00TZ73MUY",
    windowKey: "2026-11-26",
    status: "active",
    channelId: "C0CRISIS",
    messageTs: null,
    startedAt: now,
    lastSeenAt: now,
    clearedAt: null,
    chartedAt: null,
    detail: { count: 6, usualPerDay: 0.5 },
  };
  const cases = [1, 2, 3, 4, 5, 6].map((n) => ({
    ...sampleCase,
    id: n,
    number: 1040 + n,
    category: "return" as const,
    status: n === 1 ? ("resolved" as const) : ("new" as const),
    rootCause: n === 1 ? ("defect" as const) : null,
  }));
  const all = (m: { text: string; blocks: unknown[] }) => `${m.text} ${JSON.stringify(m.blocks)}`;

  it("say a return wave in English as before, and in Chinese for a Chinese team", () => {
    const en = waveAlert(alert, cases, { now, windowHours: 24 });
    expect(en.text).toBe("Return wave: 6 cases in 24 h for B00TZ73MUY (5 unclaimed).");
    expect(all(en)).toContain("about 12× the usual 0.5 a day. 5 open, 5 unclaimed.");
    expect(all(en)).toContain("Claim all unclaimed");

    const cn = waveAlert(alert, cases, { now, windowHours: 24 }, zh);
    expect(cn.text).toBe("退货激增：B00TZ73MUY 在 24 小时内有 6 个工单（未认领 5 个）。");
    for (const said of [
      "认领全部未认领工单",
      "批量处理符合条件的退货",
      "不要一律拒绝退货",
      "*按类型*",
      "退货: *6*",
      "尚不清楚",
    ])
      expect(all(cn)).toContain(said);
    expect(all(cn)).not.toMatch(/Claim all|Playbook|By type|not known yet/);
    expect(blockKitProblems(cn, "message")).toEqual([]);

    const cleared = waveAlert(
      { ...alert, status: "cleared", clearedAt: new Date(now.getTime() + 3600_000) },
      cases,
      {
        now,
        windowHours: 24,
      },
      zh,
    );
    expect(cleared.text).toBe("B00TZ73MUY 的退货激增已解除：共 6 个工单，仍未结 5 个。");
    expect(all(cleared)).not.toContain("认领全部未认领工单");
  });

  it("say risk words, the ODR and thread lines in Chinese", () => {
    const risk = riskHeadsUpMessage({ ...alert, kind: "risk" }, [], now, zh);
    expect(risk.text).toContain("风险词");
    expect(all(risk)).toContain("已没有工单包含风险词");

    const reading: OdrReading = {
      marketplace: "US",
      orders: 1200,
      defects: 11,
      negativeReviews: 5,
      claims: 4,
      chargebacks: 2,
      percent: 0.92,
      limitPercent: 1,
      defectsUntilLimit: 1,
      ordersFrom: "team",
    };
    const odr = { ...alert, kind: "odr_warning" as const, subject: "US", detail: reading };
    expect(odrAlert(odr).text).toBe(
      "US Order Defect Rate 0.92% (11 of 1,200 orders, 60 days). 1 more defective order until 1%.",
    );
    const cn = odrAlert(odr, zh);
    expect(cn.text).toBe(
      "US 的订单缺陷率 (ODR) 为 0.92%（60 天内 1,200 个订单中 11 个）。再有 1 个缺陷订单就会达到 1%。",
    );
    expect(all(cn)).toContain("订单缺陷率 (ODR) 正在上升");
    const amazon = {
      percent: 1.3,
      orders: 3000,
      defects: 39,
      channel: "mfn" as const,
      status: "BAD",
      reportedAt: "2026-11-25T00:00:00Z",
    };
    const byAmazon = odrAlert({ ...odr, kind: "odr_alert", detail: { ...reading, amazon } }, zh);
    expect(byAmazon.text).toContain("按亚马逊账户状况为 1.30%");
    expect(byAmazon.text).toContain("请立即排查");
    expect(all(odrAlert({ ...odr, kind: "odr_alert", detail: { ...reading, amazon } }))).toContain(
      "by Amazon's account health",
    );

    expect(crisisNote("cleared", null, zh)).toContain("退货激增已结束");
    expect(crisisNote("joined", cases[1], zh)).toMatch(/\|AS-1042>（退货，未认领）也属于这次退货激增。$/);
    expect(crisisNote("joined", cases[1])).toMatch(/\|AS-1042> \(Return, unclaimed\) joined the wave\.$/);
    expect(stalledParcelText(cases[1], 5, "<@U0AGENT1>", zh)).toMatch(CHINESE);
    expect(stalledParcelText(cases[1], 5, "<@U0AGENT1>")).toContain("after 5 days: contact the carrier");
  });

  it("answer a bulk action in the clicker's words", () => {
    const result = {
      changed: [1041, 1042],
      skipped: [
        {
          number: 1043,
          reason: "already_claimed",
          message: "AS-1043 is already claimed",
          said: { key: "alerts.bulk.nothing" as const },
        },
      ],
    };
    const en = bulkSummary(words("en"), "alerts.bulk.claimed", result);
    expect(en).toBe("Claimed 2 cases: AS-1041, AS-1042.\nSkipped 1:\n• Nothing to do: no case was changed.");
    expect(bulkSummary(zh, "alerts.bulk.assigned", result, [], { who: "<@U0MEI>" })).toMatch(
      /^已将 2 个工单分配给 <@U0MEI>：AS-1041, AS-1042。\n跳过 1 个：/,
    );
    expect(bulkSummary(zh, "alerts.bulk.replied", { changed: [], skipped: [] })).toBe("无需处理：没有工单被更改。");
    expect(coveredOnly(500, "B0WAVE0001", zh)).toContain("只处理了前 500 个");
  });
});
