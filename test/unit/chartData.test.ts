// The figures the charts are drawn from: taken from the triage report's daily rows (the same
// aggregates as the digest's text), laid out on the team's calendar days.
import { describe, expect, it } from "vitest";
import { activityChartData, odrChartData, periodDays, reportCharts } from "../../src/domain/charts.ts";
import type { OdrReading } from "../../src/domain/odr.ts";
import { splitChartWord } from "../../src/domain/reportRange.ts";
import type { TriageReport } from "../../src/domain/triage.ts";

const period = { from: new Date("2026-11-16T08:00:00Z"), to: new Date("2026-11-23T08:00:00Z") };

function reportWith(parts: Partial<TriageReport>): TriageReport {
  return { period, daily: [], topAsins: [], odr: [], ...parts } as TriageReport;
}

const reading = (marketplace: string, orders: number, percent: number, amazon?: number): OdrReading => ({
  marketplace,
  orders,
  defects: Math.round((orders * percent) / 100),
  negativeReviews: 0,
  claims: 0,
  chargebacks: 0,
  percent,
  limitPercent: 1,
  defectsUntilLimit: 0,
  ordersFrom: "team",
  ...(amazon === undefined
    ? {}
    : {
        amazon: { percent: amazon, orders, defects: 0, channel: "afn", status: "GOOD", reportedAt: "2026-11-22" },
      }),
});

describe("the days of a period", () => {
  it("are the team's calendar days the period touches, the last one included", () => {
    // Monday 09:00 Berlin to Monday 09:00 Berlin: eight calendar days are touched.
    expect(periodDays(period, "Europe/Berlin")).toEqual([
      "2026-11-16",
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
      "2026-11-21",
      "2026-11-22",
      "2026-11-23",
    ]);
    // Whole days end where the next begins: that next day is not part of it.
    const whole = { from: new Date("2026-11-01T00:00:00+08:00"), to: new Date("2026-11-03T00:00:00+08:00") };
    expect(periodDays(whole, "Asia/Shanghai")).toEqual(["2026-11-01", "2026-11-02"]);
  });
});

describe("the activity chart's figures", () => {
  const report = reportWith({
    daily: [
      { current: true, day: "2026-11-17", category: "return", count: 4, due: 4, met: 3 },
      { current: true, day: "2026-11-17", category: "refund", count: 2, due: 1, met: 1 },
      { current: true, day: "2026-11-20", category: "return", count: 1, due: 0, met: 0 },
      // The period before, a week earlier: set against the same day of this week.
      { current: false, day: "2026-11-10", category: "return", count: 5, due: 5, met: 5 },
      { current: false, day: "2026-11-10", category: "refund", count: 1, due: 1, met: 0 },
    ],
    topAsins: [
      {
        asin: "B0AAAAAAAA",
        count: 5,
        causes: [
          { rootCause: "defect", count: 3 },
          { rootCause: "late_or_lost", count: 1 },
        ],
      },
      { asin: "B0BBBBBBBB", count: 2, causes: [] },
    ],
  });
  const data = activityChartData(report, "UTC", 95);

  it("keeps each day's cases by type, and the days with replies due with how many came in time", () => {
    expect(data.opened).toEqual(
      expect.arrayContaining([
        { day: "2026-11-17", category: "return", count: 4 },
        { day: "2026-11-17", category: "refund", count: 2 },
        { day: "2026-11-20", category: "return", count: 1 },
      ]),
    );
    expect(data.opened).toHaveLength(3);
    expect(data.replies).toEqual([
      { day: "2026-11-17", due: 5, met: 4 },
      { day: "2026-11-20", due: 0, met: 0 },
    ]);
    expect(data.targetPercent).toBe(95);
  });

  it("sets the period before against the same place in this one, zero where nothing came", () => {
    expect(data.previous.find((p) => p.day === "2026-11-17")?.count).toBe(6);
    expect(data.previous.filter((p) => p.count > 0)).toHaveLength(1);
    expect(data.previous.map((p) => p.day)).toEqual(data.days);
  });

  it("names each top product's most frequent root cause, or none", () => {
    expect(data.topAsins).toEqual([
      { asin: "B0AAAAAAAA", count: 5, rootCause: "defect" },
      { asin: "B0BBBBBBBB", count: 2, rootCause: null },
    ]);
  });
});

describe("the ODR chart", () => {
  it("is drawn only when a marketplace has orders, with Amazon's figure beside the team's", () => {
    expect(odrChartData([])).toBeNull();
    expect(odrChartData([reading("US", 0, 0)])).toBeNull();
    expect(odrChartData([reading("US", 1000, 0.8, 1.2), reading("DE", 0, 0)])).toEqual({
      marketplaces: [{ marketplace: "US", percent: 0.8, amazonPercent: 1.2 }],
      limitPercent: 1,
    });
    const kinds = (r: TriageReport) => reportCharts(r, "UTC", 95).map((c) => c.kind);
    expect(kinds(reportWith({}))).toEqual(["activity"]);
    expect(kinds(reportWith({ odr: [reading("UK", 500, 1.4)] }))).toEqual(["activity", "odr"]);
  });
});

describe("/case summary's chart word", () => {
  it.each([
    ["30d chart", "30d", true],
    ["chart", "", true],
    ["2026-11-01..2026-11-30 图表", "2026-11-01..2026-11-30", true],
    ["CHART 7d", "7d", true],
    ["30d图表", "30d", true],
    ["30d", "30d", false],
    ["", "", false],
    ["chartreuse", "chartreuse", false],
  ])("%j → range %j, chart %s", (text, rangeText, chart) => {
    expect(splitChartWord(text)).toEqual({ rangeText, chart });
  });
});
