// TEAM_LANGUAGE and the Chinese words /case takes.
import { describe, expect, it } from "vitest";
import { type ConfigError, loadConfig } from "../../src/config.ts";
import { argument, subcommand } from "../../src/domain/commandWords.ts";

const good = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", CASES_CHANNEL: "C0CASES" };

describe("the team's language", () => {
  it("is English unless TEAM_LANGUAGE says Chinese", () => {
    expect(loadConfig(good).language).toBe("en");
    expect(loadConfig({ ...good, TEAM_LANGUAGE: "zh-CN" }).language).toBe("zh-CN");
    expect(loadConfig({ ...good, TEAM_LANGUAGE: "zh" }).language).toBe("zh-CN");
    try {
      loadConfig({ ...good, TEAM_LANGUAGE: "fr" });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems).toEqual(["TEAM_LANGUAGE must be en or zh-CN"]);
    }
  });
});

describe("/case in Chinese", () => {
  it("reads the Chinese subcommands and filters as their English ones", () => {
    expect(subcommand("列表")).toBe("list");
    expect(subcommand("新建")).toBe("new");
    expect(subcommand("汇总")).toBe("summary");
    expect(subcommand("导入")).toBe("import");
    expect(subcommand("Help")).toBe("help");
    expect(argument("我的")).toBe("mine");
    expect(argument("未认领")).toBe("unclaimed");
    expect(argument("B00TZ73MUY")).toBe("B00TZ73MUY");
  });
});
