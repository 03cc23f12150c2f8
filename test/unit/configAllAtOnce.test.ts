import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

const good = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", CASES_CHANNEL: "C0CASES" };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...good, ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error("the settings were accepted");
}

describe("settings checked together", () => {
  it("reports bad business hours, a bad digest schedule and a bad number in one go", () => {
    const problems = problemsOf({ BUSINESS_HOURS: "nine to five", DIGEST_CRON: "every monday", WAVE_MIN_CASES: "1" });
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toContain('BUSINESS_HOURS "nine to five" is not like "Mon-Fri 09:00-18:00"');
    expect(problems.join("\n")).toContain("(or leave it unset to count 24/7)");
    expect(problems.join("\n")).toContain("DIGEST_CRON is not a valid schedule");
    expect(problems.join("\n")).toContain('e.g. "0 9 * * 1" for Mondays at 09:00');
    expect(problems.some((p) => p.startsWith("WAVE_MIN_CASES "))).toBe(true);
  });

  it("reports business hours and schedule problems next to a bad time zone", () => {
    const problems = problemsOf({
      TEAM_TIMEZONE: "Mars/Olympus",
      BUSINESS_HOURS: "Mon-Fri 18:00-09:00",
      DIGEST_CRON: "61 * * * *",
    });
    expect(problems.map((p) => p.split(" ")[0]).sort()).toEqual(["BUSINESS_HOURS", "DIGEST_CRON", "TEAM_TIMEZONE"]);
  });

  it("applies business hours in the team's time zone", () => {
    const c = loadConfig({ ...good, BUSINESS_HOURS: "Mon-Fri 09:00-18:00", TEAM_TIMEZONE: "Europe/Berlin" });
    expect(c.clock.businessHours?.zone).toBe("Europe/Berlin");
    expect(c.clock.businessHours?.windows.get(1)).toEqual([[9 * 60, 18 * 60]]);
  });

  it("reads number settings with their bounds, units and defaults", () => {
    const c = loadConfig({
      ...good,
      WAVE_MIN_CASES: "7",
      ODR_ALERT_PERCENT: "0.5",
      ODR_WARNING_PERCENT: "0.9",
      PORT: "",
    });
    expect(c.crisis.wave).toEqual({ minCases: 7, windowHours: 24, multiplier: 3, baselineDays: 28, quietHours: 24 });
    expect(c.crisis.odr).toEqual({ alertPercent: 0.5, warningPercent: 0.5 });
    expect(c.port).toBe(3000);
    expect(c.clock.stalledDays).toBe(5);
    expect(problemsOf({ SWEEP_INTERVAL_SECONDS: "1.5" })).toEqual(["SWEEP_INTERVAL_SECONDS must be whole seconds"]);
    expect(problemsOf({ SLA_MINUTES_HIGH: "0" })).toEqual(["SLA_MINUTES_HIGH must be more than 0 minutes"]);
    expect(problemsOf({ WAVE_MULTIPLIER: "lots" })).toEqual(["WAVE_MULTIPLIER must be a number, e.g. 3"]);
    expect(problemsOf({ PORT: "70000" })).toHaveLength(1);
  });

  it("keeps the derived settings: channels fall back to the cases channel, import card rules", () => {
    const c = loadConfig({ ...good, IMPORT_CARDS: "none", RISK_PHRASES: "scam, fake " });
    expect(c).toMatchObject({ digestChannel: "C0CASES", escalationChannel: "C0CASES", importCardRules: [] });
    expect(c.crisis).toMatchObject({ channelId: "C0CASES", riskPhrases: ["scam", "fake"] });
    expect(loadConfig(good).importCardRules).toEqual(["seller_fault", "claims", "risk_words"]);
  });
});
