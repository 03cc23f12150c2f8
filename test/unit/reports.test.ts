import { describe, expect, it } from "vitest";
import { parseListFilter } from "../../src/domain/caseLists.ts";
import { digestPeriod, lastScheduledTime } from "../../src/domain/digest.ts";
import { parseReportRange } from "../../src/domain/reportRange.ts";
import type { CaseRef, TriageReport } from "../../src/domain/triage.ts";
import { CATEGORIES, keysOf, RESOLUTIONS, ROOT_CAUSES } from "../../src/domain/vocabulary.ts";
import { ENGLISH, say, words } from "../../src/i18n/i18n.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { caseListMessage } from "../../src/views/caseList.ts";
import { listWithMore } from "../../src/views/lists.ts";
import { change, periodLabel, triageMessage } from "../../src/views/triageReport.ts";

const now = new Date("2026-11-26T12:00:00Z");

describe("report ranges", () => {
  it("reads 7d, 30d and whole days in the team's time zone", () => {
    expect(parseReportRange("", now, "UTC")).toEqual({ period: { from: new Date("2026-11-19T12:00:00Z"), to: now } });
    expect(parseReportRange("30d", now, "UTC")).toEqual({
      period: { from: new Date("2026-10-27T12:00:00Z"), to: now },
    });
    expect(parseReportRange("2026-11-01..2026-11-30", now, "Asia/Shanghai")).toEqual({
      period: { from: new Date("2026-10-31T16:00:00Z"), to: new Date("2026-11-30T16:00:00Z") },
    });
  });
  it("explains what it cannot read, in either language", () => {
    const said = (text: string, w = ENGLISH) => {
      const r = parseReportRange(text, now, "UTC");
      return "error" in r ? say(w, r.error) : "";
    };
    expect(said("2026-11-30..2026-11-01")).toContain("ends before it starts");
    expect(said("2026-02-30..2026-03-01")).toContain("does not exist");
    expect(said("900d")).toContain("out of range");
    expect(said("lately")).toContain("Use `7d`");
    expect(said("lately", words("zh-CN"))).toContain("看不懂时间段 `lately`");
  });
});

describe("list filters", () => {
  it("reads the filters, people and ASINs", () => {
    expect(parseListFilter("")).toEqual({ kind: "open" });
    expect(parseListFilter("breached")).toEqual({ kind: "breached" });
    expect(parseListFilter("<@U012ABC|jane>")).toEqual({ kind: "user", userId: "U012ABC" });
    expect(parseListFilter("b00tz73muy")).toEqual({ kind: "asin", asin: "B00TZ73MUY" });
    const f = parseListFilter("@jane");
    expect("error" in f && say(ENGLISH, f.error)).toContain("I can't list `@jane`");
    expect(parseListFilter("未认领")).toEqual({ kind: "unclaimed" });
  });
});

describe("digest schedule", () => {
  it("covers the 7 days before the scheduled time, keyed by it", () => {
    const p = digestPeriod(new Date("2026-11-23T08:00:00Z"));
    expect(p).toMatchObject({
      key: "2026-11-23T08:00:00.000Z",
      from: new Date("2026-11-16T08:00:00Z"),
      to: new Date("2026-11-23T08:00:00Z"),
    });
  });
  it("finds the last scheduled time in the team's zone, including exactly now", () => {
    expect(lastScheduledTime("0 9 * * 1", "Europe/Berlin", new Date("2026-11-26T12:00:00Z"))).toEqual(
      new Date("2026-11-23T08:00:00Z"),
    );
    expect(lastScheduledTime("0 9 * * 1", "Europe/Berlin", new Date("2026-11-23T08:00:00Z"))).toEqual(
      new Date("2026-11-23T08:00:00Z"),
    );
    expect(lastScheduledTime("*/20 * * * * *", "UTC", new Date("2026-11-26T12:00:05Z"))).toEqual(
      new Date("2026-11-26T12:00:00Z"),
    );
  });
});

const ref = (n: number): CaseRef => ({
  number: n,
  category: "a_to_z_claim",
  priority: "urgent",
  status: "new",
  createdAt: new Date("2026-11-01T00:00:00Z"),
  ownerId: null,
  channelId: "C0CASES",
  messageTs: `17000000${n}.000100`,
});

describe("the largest report and list stay valid Block Kit", () => {
  it("a digest with every list at its longest", () => {
    const many = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
    const report: TriageReport = {
      period: { from: new Date("2026-11-16T00:00:00Z"), to: new Date("2026-11-23T00:00:00Z") },
      opened: { count: 200000, previous: 180000 },
      resolved: { count: 150000, previous: 170000 },
      backlog: { new: 90000, claimed: 40000 },
      daily: [],
      byStatus: [
        { key: "new", count: 1, previous: 2 },
        { key: "claimed", count: 3, previous: 3 },
        { key: "resolved", count: 9, previous: 1 },
      ],
      byCategory: many(10, (i) => ({ key: keysOf(CATEGORIES)[i], count: 1000 - i, previous: 900 })),
      byPriority: [
        { key: "urgent", count: 5, previous: 1 },
        { key: "high", count: 9, previous: 9 },
        { key: "normal", count: 1, previous: 4 },
      ],
      sla: {
        due: 200000,
        met: 150000,
        breached: 50000,
        medianFirstReplyMinutes: 42,
        p90FirstReplyMinutes: 3000,
        medianResolveMinutes: 99999,
      },
      topAsins: many(5, (i) => ({
        asin: `B0ASIN000${i}`,
        count: 9999,
        causes: many(8, (j) => ({ rootCause: keysOf(ROOT_CAUSES)[j], count: 100 })),
      })),
      asinCount: 40000,
      resolutions: many(9, (i) => ({ resolution: keysOf(RESOLUTIONS)[i], count: 1000 })),
      money: many(40, (i) => ({
        resolution: "refund",
        currency: `C${String(i).padStart(2, "0")}`,
        count: 99999,
        total: "99999999.99",
      })),
      agents: many(300, (i) => ({ userId: `U0AGENT${i}`, open: 100, resolved: 1000 })),
      oldestOpen: many(5, (i) => ref(100000 + i)),
      unclaimed: { count: 90000, oldest: many(5, (i) => ref(200000 + i)) },
      odr: many(9, (i) => ({
        marketplace: `M${i}`,
        orders: 1000000,
        defects: 12000,
        negativeReviews: 1,
        claims: 1,
        chargebacks: 1,
        percent: 1.2,
        limitPercent: 1,
        ordersFrom: "team" as const,
        amazon: {
          percent: 1.2,
          orders: 1000000,
          defects: 12000,
          channel: "mfn" as const,
          status: "BAD",
          reportedAt: "2026-11-20T08:00:00",
        },
        defectsUntilLimit: 0,
      })),
      amazonConcerns: many(9, (i) => ({
        marketplace: `M${i}`,
        concerns: many(20, (j) => ({ metric: `m${j}`, label: `Metric number ${j}`, status: "BAD", percent: 12.5 })),
      })),
      playbook: {
        moneyByCause: many(8 * 9, (i) => ({
          rootCause: keysOf(ROOT_CAUSES)[i % 8],
          currency: `C${String(i).padStart(2, "0")}`,
          cases: 99999,
          back: "99999999.99",
          value: "99999999.99",
        })),
        suggestions: { made: 150000, followed: 100000 },
        buyers: { kept: 90000, boughtAgain: 10000, lost: 5000 },
        abuse: 300,
        appeals: { filed: 100, won: 60, lost: 30, open: 10 },
      },
    };
    const msg = triageMessage(report, { title: "Weekly triage", zone: "UTC", now, lateSince: now });
    expect(blockKitProblems(msg, "message")).toEqual([]);
    const json = JSON.stringify(msg.blocks);
    expect(json).toContain("…and 39995 more ASINs");
    expect(json).toContain("…and 290 more people");
    expect(json).toContain("…and 89995 more");
    expect(json).toContain("…and 64 more");
    expect(json).toContain("suggested remedy followed 67% (100000 of 150000)");

    // The same report for a Chinese team: as valid, every heading and count in Chinese.
    const zh = words("zh-CN");
    const chinese = triageMessage(report, {
      title: zh.t("reports.triage.weeklyTitle"),
      zone: "Asia/Shanghai",
      now,
      lateSince: now,
      words: zh,
    });
    expect(blockKitProblems(chinese, "message")).toEqual([]);
    const zhJson = JSON.stringify(chinese.blocks);
    expect(chinese.blocks[0]).toMatchObject({ text: { text: "每周售后汇总 · 2026年11月16日 – 11月23日" } });
    expect(zhJson).toContain("*工单：* 新建 200000 个（与上期相比 ▲20000）");
    expect(zhJson).toContain("采纳推荐方案 67%（150000 次中 100000 次）");
    expect(zhJson).toContain("A-to-z 索赔");
    expect(zhJson).toContain("亚马逊：1.20%（自发货，1,000,000 单中 12,000 单，BAD）");
    expect(zhJson).not.toMatch(/\b(opened|resolved|Unclaimed|Products with)\b/);
    expect(chinese.text).toMatch(/^每周售后汇总 2026年11月16日 – 11月23日：新建 200000 个/);
  });

  it("names the period in the reader's language", () => {
    const from = new Date("2025-12-29T00:00:00Z");
    const to = new Date("2026-01-05T00:00:00Z");
    expect(periodLabel(from, to, "UTC")).toBe("29 Dec 2025 – 4 Jan 2026");
    expect(periodLabel(from, to, "UTC", words("zh-CN"))).toBe("2025年12月29日 – 2026年1月4日");
    expect(periodLabel(from, new Date("2025-12-30T00:00:00Z"), "UTC", words("zh-CN"))).toBe("2025年12月29日");
    const week = { from: new Date("2026-11-16T00:00:00Z"), to: new Date("2026-11-23T00:00:00Z") };
    expect(periodLabel(week.from, week.to, "UTC")).toBe("16 Nov – 22 Nov 2026");
    expect(periodLabel(week.from, week.to, "UTC", words("zh-CN"))).toBe("2026年11月16日 – 11月22日");
  });

  it("a full page of cases, with both page buttons", () => {
    const cases = Array.from({ length: 20 }, (_, i) => ({ ...ref(100000 + i), ownerId: "U0VERYLONGUSERID1" }));
    const msg = caseListMessage({
      filter: { kind: "user", userId: "U0VERYLONGUSERID1" },
      cases,
      total: 5000,
      page: 3,
      pageSize: 20,
      now,
    });
    expect(blockKitProblems(msg, "message")).toEqual([]);
    expect(msg.text).toBe("Open cases of <@U0VERYLONGUSERID1>: 61–80 of 5,000");
    expect(msg.blocks.at(-1)).toMatchObject({
      type: "actions",
      elements: [{ value: '{"f":"<@U0VERYLONGUSERID1>","p":2}' }, { value: '{"f":"<@U0VERYLONGUSERID1>","p":4}' }],
    });
  });

  it("small helpers", () => {
    expect(change(5, 3)).toBe("▲2");
    expect(change(3, 5)).toBe("▼2");
    expect(change(4, 4)).toBe("=");
    expect(listWithMore(["a", "b", "c"], 2)).toBe("a\nb\n…and 1 more");
  });
});
