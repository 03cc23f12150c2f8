import { describe, expect, it } from "vitest";
import { type OdrCounts, odrLevel, odrReading, odrTransitions, type RunningOdrAlert } from "../../src/domain/odr.ts";

const thresholds = { warningPercent: 0.8, alertPercent: 1 };
const warning: RunningOdrAlert = { id: 1, kind: "odr_warning", channelId: "C1", startedAt: new Date(0) };
const alert: RunningOdrAlert = { id: 2, kind: "odr_alert", channelId: null, startedAt: new Date(0) };

describe("ODR level", () => {
  it("is the alert at the limit, the warning from its threshold, nothing below", () => {
    expect(odrLevel(1, thresholds)).toBe("odr_alert");
    expect(odrLevel(1.2, thresholds)).toBe("odr_alert");
    expect(odrLevel(0.8, thresholds)).toBe("odr_warning");
    expect(odrLevel(0.99, thresholds)).toBe("odr_warning");
    expect(odrLevel(0.79, thresholds)).toBeUndefined();
  });

  it("treats a rate a rounding error under a threshold as reaching it (5 of 500 orders is 1%)", () => {
    expect(odrLevel((5 / 500) * 100 - 1e-12, thresholds)).toBe("odr_alert");
  });
});

describe("ODR transitions", () => {
  it("raises nothing and clears nothing below both thresholds with nothing running", () => {
    expect(odrTransitions([], undefined)).toEqual([]);
  });

  it("raises the warning once its threshold is crossed", () => {
    expect(odrTransitions([], "odr_warning")).toEqual([{ action: "raise", kind: "odr_warning" }]);
  });

  it("raises only the alert above the limit, not a warning as well", () => {
    expect(odrTransitions([], "odr_alert")).toEqual([{ action: "raise", kind: "odr_alert" }]);
  });

  it("updates a running warning while it holds", () => {
    expect(odrTransitions([warning], "odr_warning")).toEqual([{ action: "update", alert: warning }]);
  });

  it("keeps the warning underneath when the alert is raised, and updates only the alert while above the limit", () => {
    expect(odrTransitions([warning], "odr_alert")).toEqual([{ action: "raise", kind: "odr_alert" }]);
    expect(odrTransitions([warning, alert], "odr_alert")).toEqual([{ action: "update", alert }]);
  });

  it("clears the alert when the rate falls under the limit, keeping the warning current", () => {
    expect(odrTransitions([alert, warning], "odr_warning")).toEqual([
      { action: "update", alert: warning },
      { action: "clear", alert },
    ]);
  });

  it("clears both when the rate falls under the warning threshold", () => {
    expect(odrTransitions([warning, alert], undefined)).toEqual([
      { action: "clear", alert: warning },
      { action: "clear", alert },
    ]);
  });

  it("ignores alerts of other kinds", () => {
    const wave = { id: 3, kind: "wave", channelId: "C1", startedAt: new Date(0) };
    expect(odrTransitions([wave], undefined)).toEqual([]);
  });
});

describe("ODR reading", () => {
  const counts: OdrCounts = {
    total: null,
    lastTotalDate: null,
    lastDay: null,
    dayOrders: null,
    defects: 4,
    reviews: 2,
    claims: 1,
    chargebacks: 1,
  };

  it("has no rate without order volume", () => {
    expect(odrReading("US", counts, 1)).toBeUndefined();
  });

  it("uses the daily figures, and says how many more defects reach the limit", () => {
    const r = odrReading("US", { ...counts, lastDay: "2026-11-20", dayOrders: 500 }, 1);
    expect(r).toMatchObject({ orders: 500, defects: 4, percent: 0.8, defectsUntilLimit: 1 });
  });

  it("prefers a 60-day total given on or after the last daily figure", () => {
    const base = { ...counts, total: 1000, lastDay: "2026-11-20", dayOrders: 500 };
    expect(odrReading("US", { ...base, lastTotalDate: "2026-11-20" }, 1)?.orders).toBe(1000);
    expect(odrReading("US", { ...base, lastTotalDate: "2026-11-19" }, 1)?.orders).toBe(500);
  });
});
