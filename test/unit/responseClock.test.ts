import { describe, expect, it } from "vitest";
import { parseBusinessHours } from "../../src/domain/businessHours.ts";
import { amazonDeadlineFor, type ClockSettings, clocksToStop, planClocks } from "../../src/domain/responseClock.ts";

const settings: ClockSettings = {
  slaMinutes: { urgent: 30, high: 60, normal: 60 },
  warningMinutes: 15,
  stalledDays: 5,
};
const createdAt = new Date("2026-11-26T10:00:00Z");
const fire = (plan: ReturnType<typeof planClocks>, kind: string) =>
  plan.timers.find((t) => t.kind === kind)?.fireAt.toISOString();

describe("planning the clocks of a new case", () => {
  it("is due after the priority's minutes, with a reminder 15 minutes before", () => {
    const plan = planClocks({ createdAt, priority: "high", category: "refund" }, settings);
    expect(plan.responseDueAt.toISOString()).toBe("2026-11-26T11:00:00.000Z");
    expect(fire(plan, "response_warning")).toBe("2026-11-26T10:45:00.000Z");
    expect(fire(plan, "response_breach")).toBe("2026-11-26T11:00:00.000Z");
  });
  it("gives urgent cases their own clock", () => {
    const plan = planClocks({ createdAt, priority: "urgent", category: "chargeback" }, settings);
    expect(plan.responseDueAt.toISOString()).toBe("2026-11-26T10:30:00.000Z");
  });
  it("reminds half-way on a clock shorter than the warning (demo settings like 0.5 minutes)", () => {
    const plan = planClocks(
      { createdAt, priority: "normal", category: "return" },
      { ...settings, slaMinutes: { urgent: 0.5, high: 0.5, normal: 0.5 } },
    );
    expect(fire(plan, "response_warning")).toBe("2026-11-26T10:00:15.000Z");
    expect(plan.responseDueAt.toISOString()).toBe("2026-11-26T10:00:30.000Z");
  });
  it("counts in business hours when they are set", () => {
    const hours = parseBusinessHours("Mon-Fri 09:00-18:00", "UTC");
    const friday = new Date("2026-11-27T17:50:00Z");
    const plan = planClocks(
      { createdAt: friday, priority: "high", category: "refund" },
      { ...settings, businessHours: hours },
    );
    expect(plan.responseDueAt.toISOString()).toBe("2026-11-30T09:50:00.000Z");
    expect(fire(plan, "response_warning")).toBe("2026-11-30T09:35:00.000Z");
  });
  it("adds Amazon's deadlines, 24/7, with a reminder 12 hours before", () => {
    const claim = planClocks({ createdAt, priority: "urgent", category: "a_to_z_claim" }, settings);
    expect(claim.amazonDeadline).toBe("a_to_z_claim");
    expect(claim.amazonDueAt?.toISOString()).toBe("2026-11-29T10:00:00.000Z");
    expect(fire(claim, "amazon_warning")).toBe("2026-11-28T22:00:00.000Z");
    expect(
      planClocks({ createdAt, priority: "urgent", category: "chargeback" }, settings).amazonDueAt?.toISOString(),
    ).toBe("2026-12-03T10:00:00.000Z");
    expect(
      planClocks({ createdAt, priority: "high", category: "complaint" }, settings).amazonDueAt?.toISOString(),
    ).toBe("2026-11-27T10:00:00.000Z");
    const review = planClocks({ createdAt, priority: "high", category: "negative_review" }, settings);
    expect(review.amazonDeadline).toBeUndefined();
    expect(review.timers.map((t) => t.kind)).toEqual(["response_warning", "response_breach"]);
  });
  it("knows which categories fall under which Amazon rule", () => {
    expect(amazonDeadlineFor("refund")).toBe("buyer_message");
    expect(amazonDeadlineFor("chargeback")).toBe("chargeback");
    expect(amazonDeadlineFor("negative_review")).toBeUndefined();
  });
});

describe("what stops the clocks", () => {
  const open = { firstReplyAt: null, status: "new", amazonDeadline: "a_to_z_claim" };
  it("a first reply stops the response clock; for buyer messages Amazon's too", () => {
    expect(clocksToStop(open, { firstReplyAt: createdAt })).toEqual(["response_warning", "response_breach"]);
    expect(clocksToStop({ ...open, amazonDeadline: "buyer_message" }, { firstReplyAt: createdAt })).toEqual([
      "response_warning",
      "response_breach",
      "amazon_warning",
      "amazon_due",
    ]);
  });
  it("resolving stops everything but an appeal; a claim stops nothing", () => {
    const stopped = clocksToStop(open, { status: "resolved" });
    expect(stopped).toHaveLength(7);
    expect(stopped).toContain("refund_due");
    expect(stopped).toContain("follow_up");
    // Amazon decides an appeal after the case is resolved: its reminder goes on.
    expect(stopped).not.toContain("appeal_reminder");
    expect(clocksToStop(open, { status: "claimed", ownerId: "U1" } as never)).toEqual([]);
    expect(clocksToStop({ ...open, firstReplyAt: createdAt }, { firstReplyAt: createdAt })).toEqual([]);
  });
});
