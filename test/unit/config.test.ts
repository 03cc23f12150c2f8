import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

const good = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", CASES_CHANNEL: "C0CASES" };

describe("configuration", () => {
  it("applies defaults: HTTP mode on 3000, embedded database in ./data, everyone an agent", () => {
    const c = loadConfig(good);
    expect(c).toMatchObject({ port: 3000, dataDir: "./data", appToken: undefined, databaseUrl: undefined, agentUserIds: [], leadUserIds: [] });
  });
  it("reads lists of people and Socket Mode", () => {
    const c = loadConfig({ ...good, SLACK_APP_TOKEN: "xapp-1", LEAD_USER_IDS: "U01LEAD, U02LEAD", AGENT_USER_IDS: "U03AGENT" });
    expect(c).toMatchObject({ appToken: "xapp-1", leadUserIds: ["U01LEAD", "U02LEAD"], agentUserIds: ["U03AGENT"] });
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
    for (const s of ["SLACK_BOT_TOKEN must be a bot token", "SLACK_SIGNING_SECRET is required", "CASES_CHANNEL is required", "DATABASE_URL must be a postgres:// URL", "PORT must be a port number", "LEAD_USER_IDS must be Slack user ids", "README"]) {
      expect(msg).toContain(s);
    }
  });
});
