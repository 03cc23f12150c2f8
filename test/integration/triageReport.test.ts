// The triage numbers against a hand-counted set of cases (see the comments for each count).
import { describe, expect } from "vitest";
import type { CaseStatus, Category, Priority, Resolution, RootCause } from "../../src/domain/vocabulary.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { triageReport } from "../../src/store/triage.ts";
import { triageMessage } from "../../src/views/triageReport.ts";
import { botTest } from "../support/botTest.ts";

const at = (iso: string) => new Date(iso);
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

type SeededCase = {
  n: number;
  created: string;
  category: Category;
  priority: Priority;
  status: CaseStatus;
  asin?: string;
  replyAfter?: number;
  breached?: boolean;
  resolved?: string;
  resolution?: Resolution;
  amount?: string;
  currency?: string;
  rootCause?: RootCause;
  owner?: string;
};
// Period under report: 16 Nov 00:00 – 23 Nov 00:00 UTC; the period before: 9–16 Nov.
const seededCases: SeededCase[] = [
  {
    n: 1,
    created: "2026-11-16T10:00:00Z",
    category: "refund",
    priority: "high",
    status: "resolved",
    asin: "B0AAAAAAAA",
    replyAfter: 20,
    resolved: "2026-11-17T10:00:00Z",
    resolution: "refund",
    amount: "10.00",
    currency: "USD",
    rootCause: "defect",
    owner: "U0ONE",
  },
  {
    n: 2,
    created: "2026-11-17T10:00:00Z",
    category: "refund",
    priority: "high",
    status: "resolved",
    asin: "B0AAAAAAAA",
    replyAfter: 90,
    breached: true,
    resolved: "2026-11-18T12:00:00Z",
    resolution: "partial_refund",
    amount: "5.50",
    currency: "USD",
    rootCause: "defect",
    owner: "U0ONE",
  },
  {
    n: 3,
    created: "2026-11-18T10:00:00Z",
    category: "return",
    priority: "normal",
    status: "claimed",
    asin: "B0AAAAAAAA",
    replyAfter: 30,
    owner: "U0TWO",
  },
  {
    n: 4,
    created: "2026-11-19T10:00:00Z",
    category: "complaint",
    priority: "high",
    status: "new",
    asin: "B0BBBBBBBB",
    breached: true,
  },
  {
    n: 5,
    created: "2026-11-20T10:00:00Z",
    category: "chargeback",
    priority: "urgent",
    status: "resolved",
    asin: "B0BBBBBBBB",
    replyAfter: 10,
    resolved: "2026-11-20T20:00:00Z",
    resolution: "coupon",
    amount: "3.00",
    currency: "EUR",
    rootCause: "damaged_in_transit",
    owner: "U0TWO",
  },
  // Opened just before the end; its deadline falls after it, so it is not yet counted as due.
  { n: 6, created: "2026-11-22T23:30:00Z", category: "other", priority: "normal", status: "new" },
  // Opened exactly at the end: belongs to the next period.
  { n: 7, created: "2026-11-23T00:00:00Z", category: "refund", priority: "high", status: "new" },
  // Opened in the period before, resolved in this one.
  {
    n: 8,
    created: "2026-11-10T09:00:00Z",
    category: "refund",
    priority: "high",
    status: "resolved",
    asin: "B0AAAAAAAA",
    replyAfter: 5,
    resolved: "2026-11-16T09:00:00Z",
    resolution: "replacement",
    rootCause: "wrong_item",
    owner: "U0THREE",
  },
  { n: 9, created: "2026-11-12T09:00:00Z", category: "return", priority: "normal", status: "new" },
];
const period = { from: at("2026-11-16T00:00:00Z"), to: at("2026-11-23T00:00:00Z") };

// Stored once; every test reads the same cases (no bot runs here: the report is computed directly).
botTest.beforeAll(async ({ db }) => {
  for (const f of seededCases) {
    const createdAt = at(f.created);
    await db.prisma.case.create({
      data: {
        number: 2000 + f.n,
        category: f.category,
        priority: f.priority,
        status: f.status,
        orderId: "114-2962899-5762619",
        asin: f.asin,
        description: `case ${f.n}`,
        source: "test",
        externalId: `t${f.n}`,
        createdAt,
        responseDueAt: plus(createdAt, 60),
        firstReplyAt: f.replyAfter === undefined ? null : plus(createdAt, f.replyAfter),
        breachedAt: f.breached ? plus(createdAt, 60) : null,
        resolvedAt: f.resolved ? at(f.resolved) : null,
        resolution: f.resolution,
        resolutionAmount: f.amount,
        resolutionCurrency: f.currency,
        rootCause: f.rootCause,
        ownerId: f.owner,
        resolvedById: f.resolved ? f.owner : null,
        channelId: "C0CASES",
        messageTs: `1700000000.00000${f.n}`,
      },
    });
  }
});

describe("triage report", () => {
  botTest("counts what came in and went out, against the period before", async ({ db }) => {
    const r = await triageReport(db.prisma, period);
    expect(r.opened).toEqual({ count: 6, previous: 2 }); // 1–6; 8, 9
    expect(r.resolved).toEqual({ count: 4, previous: 0 }); // 1, 2, 5 and 8
    expect(r.backlog).toEqual({ new: 4, claimed: 1 }); // 4, 6, 7, 9; 3
    expect(r.byStatus).toEqual([
      { key: "resolved", count: 3, previous: 1 },
      { key: "new", count: 2, previous: 1 },
      { key: "claimed", count: 1, previous: 0 },
    ]);
    expect(r.byCategory).toEqual([
      { key: "refund", count: 2, previous: 1 },
      { key: "return", count: 1, previous: 1 },
      { key: "chargeback", count: 1, previous: 0 },
      { key: "complaint", count: 1, previous: 0 },
      { key: "other", count: 1, previous: 0 },
    ]);
    expect(r.byPriority).toEqual([
      { key: "high", count: 3, previous: 1 },
      { key: "normal", count: 2, previous: 1 },
      { key: "urgent", count: 1, previous: 0 },
    ]);
  });

  botTest("measures the first-response clock and the time to resolve", async ({ db }) => {
    const r = await triageReport(db.prisma, period);
    // Due: answered 1, 2, 3, 5 + unanswered past deadline 4 (6 is due after the period). Met: 1, 3, 5.
    // First replies 10, 20, 30, 90 min: median 25, 90th percentile 30 + 0.7 × 60 = 72.
    // Resolve times 600, 1440, 1560, 8640 min: median 1500.
    expect(r.sla).toEqual({
      due: 5,
      met: 3,
      breached: 2,
      medianFirstReplyMinutes: 25,
      p90FirstReplyMinutes: 72,
      medianResolveMinutes: 1500,
    });
  });

  botTest(
    "names the products behind the most cases, the resolutions, the money per currency, and who holds what",
    async ({ db }) => {
      const r = await triageReport(db.prisma, period);
      expect(r.topAsins).toEqual([
        { asin: "B0AAAAAAAA", count: 3, causes: [{ rootCause: "defect", count: 2 }] },
        { asin: "B0BBBBBBBB", count: 2, causes: [{ rootCause: "damaged_in_transit", count: 1 }] },
      ]);
      expect(r.asinCount).toBe(2);
      expect(r.resolutions).toEqual([
        { resolution: "coupon", count: 1 },
        { resolution: "partial_refund", count: 1 },
        { resolution: "refund", count: 1 },
        { resolution: "replacement", count: 1 },
      ]);
      expect(r.money.map((m) => ({ ...m, total: Number(m.total).toFixed(2) }))).toEqual([
        { resolution: "coupon", currency: "EUR", count: 1, total: "3.00" },
        { resolution: "partial_refund", currency: "USD", count: 1, total: "5.50" },
        { resolution: "refund", currency: "USD", count: 1, total: "10.00" },
      ]);
      expect(r.agents).toEqual([
        { userId: "U0TWO", open: 1, resolved: 1 },
        { userId: "U0ONE", open: 0, resolved: 2 },
        { userId: "U0THREE", open: 0, resolved: 1 },
      ]);
      expect(r.oldestOpen.map((c) => c.number)).toEqual([2009, 2003, 2004, 2006, 2007]);
      expect(r.unclaimed.count).toBe(4);
      expect(r.unclaimed.oldest.map((c) => c.number)).toEqual([2009, 2004, 2006, 2007]);
    },
  );

  botTest("handles an empty week", async ({ db }) => {
    const r = await triageReport(db.prisma, { from: at("2025-01-06T00:00:00Z"), to: at("2025-01-13T00:00:00Z") });
    expect(r.opened).toEqual({ count: 0, previous: 0 });
    expect(r.sla).toEqual({
      due: 0,
      met: 0,
      breached: 0,
      medianFirstReplyMinutes: null,
      p90FirstReplyMinutes: null,
      medianResolveMinutes: null,
    });
    expect(r.topAsins).toEqual([]);
    const msg = triageMessage(r, { title: "Weekly triage", zone: "UTC", now: at("2025-01-13T09:00:00Z") });
    expect(JSON.stringify(msg.blocks)).toContain("No cases were opened in this period");
    expect(blockKitProblems(msg, "message")).toEqual([]);
  });

  botTest("renders the report as a valid message with a plain-text fallback", async ({ db }) => {
    const r = await triageReport(db.prisma, period);
    const msg = triageMessage(r, {
      title: "Weekly triage",
      zone: "Asia/Shanghai",
      now: at("2026-11-23T01:00:00Z"),
      lateSince: at("2026-11-23T01:00:00Z"),
    });
    expect(blockKitProblems(msg, "message")).toEqual([]);
    expect(msg.text).toBe(
      "Weekly triage 16 Nov – 23 Nov 2026: 6 opened, 4 resolved, 5 open (4 unclaimed); first reply in time 60%.",
    );
    const json = JSON.stringify(msg.blocks);
    expect(json).toContain("Posted late");
    expect(json).toContain("Money back to buyers");
    expect(json).toContain("3.00 EUR");
    expect(json).toContain("<https://slack.com/archives/C0CASES/p1700000000000009|AS-2009>");
  });

  // Last: it adds cases of its own.
  describe("includes the Order Defect Rate of marketplaces with known order volume", () => {
    botTest("shows no rate while no marketplace's order volume is known", async ({ db }) => {
      expect((await triageReport(db.prisma, period)).odr).toEqual([]);
    });

    botTest(
      "counts each order with a defect once against the 60-day order total, and flags the limit",
      async ({ db }) => {
        await db.prisma.orderVolume.create({
          data: { marketplace: "US", date: "2026-11-22", span: "60d", orders: 200 },
        });
        for (const [n, orderId] of [
          [30, "111-0000001-0000001"],
          [31, "111-0000002-0000002"],
          [32, "111-0000002-0000002"],
        ] as const) {
          await db.prisma.case.create({
            data: {
              number: 2000 + n,
              category: n === 32 ? "chargeback" : "negative_review",
              priority: "high",
              orderId,
              marketplace: "US",
              description: "1 star",
              source: "test",
              createdAt: at("2026-11-20T10:00:00Z"),
            },
          });
        }
        const r = await triageReport(db.prisma, period);
        // Two orders with defects (the second has a review and a chargeback, counted once) of 200.
        expect(r.odr).toEqual([
          {
            marketplace: "US",
            orders: 200,
            defects: 2,
            negativeReviews: 2,
            claims: 0,
            chargebacks: 1,
            percent: 1,
            limitPercent: 1,
            defectsUntilLimit: 0,
            ordersFrom: "team",
          },
        ]);
        const msg = triageMessage(r, { title: "Weekly triage", zone: "UTC", now: period.to });
        expect(JSON.stringify(msg.blocks)).toContain("US *1.00%* (2 of 200 orders) :rotating_light:");
      },
    );
  });
});

describe("the playbook's part of the report", () => {
  // Resolved in the first week of October, away from the weeks above.
  const october = { from: at("2026-10-01T00:00:00Z"), to: at("2026-10-08T00:00:00Z") };
  botTest("money back per root cause, suggestions followed, buyers kept, abuse and appeals", async ({ db }) => {
    const base = { priority: "normal", status: "resolved", orderId: "114-2962899-5762619", source: "test" } as const;
    const rows = [
      // Defect, 20.00 USD, 2.00 back, as suggested; the buyer stayed.
      {
        n: 1,
        day: "02",
        rootCause: "defect",
        value: "20.00",
        cur: "USD",
        res: "partial_refund",
        amount: "2.00",
        amountCur: "USD",
        suggested: "partial_refund",
        followed: true,
        outcome: "kept",
      },
      // Defect, 30.00 USD, 3.00 back, not as suggested; bought again.
      {
        n: 2,
        day: "03",
        rootCause: "defect",
        value: "30.00",
        cur: "USD",
        res: "coupon",
        amount: "3.00",
        amountCur: "USD",
        suggested: "repair",
        followed: false,
        outcome: "bought_again",
      },
      // Wrong item, 50.00 EUR, replaced (no money back); lost; suspected abuse, appeal filed and won.
      {
        n: 3,
        day: "04",
        rootCause: "wrong_item",
        value: "50.00",
        cur: "EUR",
        res: "replacement",
        outcome: "lost",
        abuse: true,
        appeal: "won",
      },
      // Defect, 10.00 USD, refunded in EUR: left out of the money (not comparable); appeal filed, still open.
      {
        n: 4,
        day: "05",
        rootCause: "defect",
        value: "10.00",
        cur: "USD",
        res: "refund",
        amount: "5.00",
        amountCur: "EUR",
        appeal: "filed",
      },
    ] as const;
    for (const r of rows) {
      const day = at(`2026-10-${r.day}T10:00:00Z`);
      await db.prisma.case.create({
        data: {
          ...base,
          number: 3000 + r.n,
          category: "complaint",
          description: `playbook case ${r.n}`,
          createdAt: day,
          resolvedAt: day,
          resolution: r.res,
          rootCause: r.rootCause,
          orderValue: r.value,
          currency: r.cur,
          resolutionAmount: "amount" in r ? r.amount : null,
          resolutionCurrency: "amountCur" in r ? r.amountCur : null,
          suggestedRemedy: "suggested" in r ? r.suggested : null,
          suggestionFollowed: "followed" in r ? r.followed : null,
          buyerOutcome: "outcome" in r ? r.outcome : null,
          abuseSuspectedAt: "abuse" in r ? day : null,
          appealStage: "appeal" in r ? r.appeal : null,
          appealFiledAt: "appeal" in r ? day : null,
          appealClosedAt: "appeal" in r && r.appeal === "won" ? at("2026-10-06T10:00:00Z") : null,
        },
      });
    }
    const r = await triageReport(db.prisma, october);
    expect(r.playbook).toEqual({
      moneyByCause: [
        { rootCause: "defect", currency: "USD", cases: 2, back: "5.00", value: "50.00" },
        { rootCause: "wrong_item", currency: "EUR", cases: 1, back: "0", value: "50.00" },
      ],
      suggestions: { made: 2, followed: 1 },
      buyers: { kept: 1, boughtAgain: 1, lost: 1 },
      abuse: 1,
      appeals: { filed: 2, won: 1, lost: 0, open: 1 },
    });
    const text = JSON.stringify(triageMessage(r, { title: "Weekly triage", zone: "UTC", now: october.to }).blocks);
    expect(text).toContain("Defect: *10.0%* of order value back (5.00 USD of 50.00 USD, 2 cases)");
    expect(text).toContain("suggested remedy followed 50% (1 of 2)");
    expect(text).toContain("buyers kept 67% (1 kept, 1 bought again, 1 lost)");
    expect(text).toContain("appeals to Amazon: 2 filed, 1 won, 0 lost, 1 open");
  });
});
