import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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

describe("routing settings", () => {
  /** The message loadConfig refuses the settings with. */
  function problemsOf(env: Record<string, string>): string {
    try {
      loadConfig({ ...good, ...env });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
    throw new Error("the settings were accepted");
  }

  it("default to assigning, overloaded above 15 open cases, and no rules from a file", () => {
    expect(loadConfig(good).routing).toEqual({ mode: "assign", overload: 15, fileRules: undefined });
    expect(loadConfig({ ...good, ROUTING_MODE: "", ROUTING_OVERLOAD: " ", ROUTING_FILE: "" }).routing).toEqual({
      mode: "assign",
      overload: 15,
      fileRules: undefined,
    });
  });

  it("read the mode and the overload line", () => {
    expect(loadConfig({ ...good, ROUTING_MODE: "suggest", ROUTING_OVERLOAD: "8" }).routing).toMatchObject({
      mode: "suggest",
      overload: 8,
    });
  });

  it("refuse a mode other than assign or suggest, and an overload that is not a whole number of at least 1", () => {
    expect(problemsOf({ ROUTING_MODE: "auto" })).toContain("ROUTING_MODE must be assign or suggest");
    expect(problemsOf({ ROUTING_OVERLOAD: "many" })).toContain("ROUTING_OVERLOAD must be a whole number of open cases");
    expect(problemsOf({ ROUTING_OVERLOAD: "2.5" })).toContain("ROUTING_OVERLOAD must be a whole number of open cases");
    expect(problemsOf({ ROUTING_OVERLOAD: "0" })).toContain("ROUTING_OVERLOAD must be at least 1 open case");
  });

  it("read the rules of ROUTING_FILE, and refuse to start on a bad file, naming the setting, the file and each line", () => {
    const dir = mkdtempSync(join(tmpdir(), "aftersales-routing-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const goodFile = join(dir, "routing.yaml");
    writeFileSync(goodFile, "rules:\n  - type: chargeback\n    owners: [U0AAAAAA1]\n");
    expect(loadConfig({ ...good, ROUTING_FILE: goodFile }).routing.fileRules).toEqual([
      { category: "chargeback", marketplace: "", owners: ["U0AAAAAA1"] },
    ]);

    const badFile = join(dir, "bad.yaml");
    writeFileSync(
      badFile,
      ["rules:", "  - type: a_to_z", "    owners: [U0AAAAAA1]", "  - type: return", "    owners: [bob]"].join("\n"),
    );
    const msg = problemsOf({ ROUTING_FILE: badFile, ROUTING_MODE: "auto" });
    expect(msg).toMatch(/ROUTING_FILE .*bad\.yaml line 2: unknown case type "a_to_z" in "type"/);
    expect(msg).toMatch(/ROUTING_FILE .*bad\.yaml line 5: "owners" has "bob"/);
    // Reported together with the other settings.
    expect(msg).toContain("ROUTING_MODE must be assign or suggest");

    // Owners must be people who may work cases, as in the rules form.
    expect(problemsOf({ ROUTING_FILE: goodFile, AGENT_USER_IDS: "U0BBBBBB1" })).toContain(
      "U0AAAAAA1, an owner of chargeback, cannot work on cases: add them to AGENT_USER_IDS or LEAD_USER_IDS",
    );
    expect(
      loadConfig({ ...good, ROUTING_FILE: goodFile, LEAD_USER_IDS: "U0AAAAAA1", AGENT_USER_IDS: "U0BBBBBB1" }).routing
        .fileRules,
    ).toHaveLength(1);

    expect(problemsOf({ ROUTING_FILE: join(dir, "missing.yaml") })).toMatch(
      /ROUTING_FILE .*Cannot read the routing file .*missing\.yaml: there is no such file \(check ROUTING_FILE\)/,
    );
  });
});
