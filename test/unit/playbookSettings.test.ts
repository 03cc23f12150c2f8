// The playbook's settings: defaults from the playbook, each one overridable, every bad value and
// every problem of a templates file reported at start with the line it is on.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { SHIPPED_TEMPLATES } from "../../src/domain/replyTemplates.ts";

const good = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", CASES_CHANNEL: "C0CASES" };

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig({ ...good, ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("the settings were accepted");
}

describe("the playbook's settings", () => {
  it("start from the playbook's defaults", () => {
    const { playbook } = loadConfig(good);
    expect(playbook.remedy.lowPriceLimits).toMatchObject({ USD: 25, EUR: 25, GBP: 20, JPY: 3000, CAD: 35, MXN: 500 });
    expect(playbook.remedy.partialRefundPercent).toEqual([5, 10]);
    expect(playbook.returns).toMatchObject({ windowDays: 30, deliveryDays: 5, refundBusinessDays: 2 });
    expect(playbook.returns.holiday).toEqual({
      shippedFrom: { month: 11, day: 1 },
      shippedTo: { month: 12, day: 31 },
      returnBy: { month: 1, day: 31 },
    });
    expect(playbook.appeal).toEqual({ windowDays: 30, reminderDays: 5 });
    expect(playbook.templates).toEqual(SHIPPED_TEMPLATES);
    expect(playbook.signature).toBe("Customer Service");
  });

  it("take the team's own values; limits given replace only their currencies", () => {
    const { playbook } = loadConfig({
      ...good,
      LOW_PRICE_LIMITS: "USD:30,SEK:250",
      PARTIAL_REFUND_PERCENT: "8-15",
      RETURN_WINDOW_DAYS: "60",
      HOLIDAY_RETURNS: "off",
      APPEAL_WINDOW_DAYS: "14",
      REPLY_SIGNATURE: "The Acme team",
    });
    expect(playbook.remedy.lowPriceLimits).toMatchObject({ USD: 30, SEK: 250, EUR: 25 });
    expect(playbook.remedy.partialRefundPercent).toEqual([8, 15]);
    expect(playbook.returns.windowDays).toBe(60);
    expect(playbook.returns.holiday).toBeUndefined();
    expect(playbook.appeal.windowDays).toBe(14);
    expect(playbook.signature).toBe("The Acme team");
  });

  it("explain bad values, all at once", () => {
    const msg = problemsOf({
      LOW_PRICE_LIMITS: "dollars",
      PARTIAL_REFUND_PERCENT: "10-5",
      HOLIDAY_RETURNS: "christmas",
      RETURN_WINDOW_DAYS: "0",
    });
    for (const setting of ["LOW_PRICE_LIMITS", "PARTIAL_REFUND_PERCENT", "HOLIDAY_RETURNS", "RETURN_WINDOW_DAYS"])
      expect(msg).toContain(setting);
  });

  it("read a team's templates file, and refuse to start on a bad one, naming each line", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aftersales-templates-"));
    const goodFile = path.join(dir, "good.yaml");
    writeFileSync(
      goodFile,
      "templates:\n  - id: thanks\n    title: Thanks\n    stage: acknowledge\n    text: Hello {buyer}, thank you for order {order_id}.\n",
    );
    const { playbook } = loadConfig({ ...good, TEMPLATES_FILE: goodFile });
    expect(playbook.templates.map((t) => t.id)).toContain("thanks");
    expect(playbook.templates.length).toBe(SHIPPED_TEMPLATES.length + 1);

    const badFile = path.join(dir, "bad.yaml");
    writeFileSync(
      badFile,
      [
        "templates:",
        "  - id: thanks",
        "    title: Thanks",
        "    stage: greeting",
        "    text: Hello {buyer_first_name}",
      ].join("\n"),
    );
    const msg = problemsOf({ TEMPLATES_FILE: badFile, RETURN_WINDOW_DAYS: "soon" });
    expect(msg).toMatch(/TEMPLATES_FILE .*bad\.yaml line 4/);
    expect(msg).toMatch(/bad\.yaml line 5.*buyer_first_name/);
    // Reported together with the other settings.
    expect(msg).toContain("RETURN_WINDOW_DAYS");
    expect(problemsOf({ TEMPLATES_FILE: path.join(dir, "missing.yaml") })).toContain("missing.yaml");
  });
});
