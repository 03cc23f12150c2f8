import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

const good = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", CASES_CHANNEL: "C0CASES" };

describe("configuration", () => {
  it("applies defaults: HTTP mode on 3000, embedded database in ./data, everyone an agent", () => {
    const c = loadConfig(good);
    expect(c).toMatchObject({
      port: 3000,
      dataDir: "./data",
      appToken: undefined,
      databaseUrl: undefined,
      agentUserIds: [],
      leadUserIds: [],
    });
  });
  it("reads lists of people and Socket Mode", () => {
    const c = loadConfig({
      ...good,
      SLACK_APP_TOKEN: "xapp-1",
      LEAD_USER_IDS: "U01LEAD, U02LEAD",
      AGENT_USER_IDS: "U03AGENT",
    });
    expect(c).toMatchObject({ appToken: "xapp-1", leadUserIds: ["U01LEAD", "U02LEAD"], agentUserIds: ["U03AGENT"] });
  });
  it("reads the response clock: minutes per priority, warning, escalation channel, business hours", () => {
    const c = loadConfig({
      ...good,
      RESPONSE_SLA_MINUTES: "0.5",
      SLA_MINUTES_URGENT: "20",
      ESCALATION_CHANNEL: "C0LEADS",
      BUSINESS_HOURS: "Mon-Fri 09:00-18:00",
      TEAM_TIMEZONE: "Asia/Shanghai",
    });
    expect(c.clock.slaMinutes).toEqual({ urgent: 20, high: 0.5, normal: 0.5 });
    expect(c.clock.warningMinutes).toBe(15);
    expect(c.clock.businessHours?.zone).toBe("Asia/Shanghai");
    expect(c.escalationChannel).toBe("C0LEADS");
    expect(loadConfig(good)).toMatchObject({
      escalationChannel: "C0CASES",
      sweepIntervalSeconds: 30,
      teamTimezone: "UTC",
      clock: { slaMinutes: { urgent: 60, high: 60, normal: 60 } },
    });
  });
  it("explains bad clock settings", () => {
    expect(() => loadConfig({ ...good, TEAM_TIMEZONE: "Mars/Olympus" })).toThrow(
      "TEAM_TIMEZONE must be an IANA time zone",
    );
    expect(() => loadConfig({ ...good, BUSINESS_HOURS: "nine to five" })).toThrow(
      'BUSINESS_HOURS "nine to five" is not like "Mon-Fri 09:00-18:00"',
    );
    expect(() => loadConfig({ ...good, RESPONSE_SLA_MINUTES: "-5" })).toThrow(
      "RESPONSE_SLA_MINUTES must be more than 0 minutes",
    );
    expect(() => loadConfig({ ...good, SWEEP_INTERVAL_SECONDS: "soon" })).toThrow(
      "SWEEP_INTERVAL_SECONDS must be a number of seconds",
    );
  });
  it("explains every missing or bad variable at once and points to the README", () => {
    let err: unknown;
    try {
      loadConfig({ SLACK_BOT_TOKEN: "xoxp-user", DATABASE_URL: "mysql://x", PORT: "http", LEAD_USER_IDS: "bob" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    for (const s of [
      "SLACK_BOT_TOKEN must be a bot token",
      "SLACK_SIGNING_SECRET is required",
      "CASES_CHANNEL is required",
      "DATABASE_URL must be a postgres:// URL",
      "PORT must be a port number",
      "LEAD_USER_IDS must be Slack user ids",
      "README",
    ]) {
      expect(msg).toContain(s);
    }
  });
});
