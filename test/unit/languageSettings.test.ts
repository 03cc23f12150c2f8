// TEAM_LANGUAGE and the Chinese words /case takes.
import { describe, expect, it } from "vitest";
import { type ConfigError, loadConfig } from "../../src/config.ts";
import { argument, CHINESE_SUBCOMMANDS, subcommand } from "../../src/domain/commandWords.ts";
import { ENGLISH, words } from "../../src/i18n/i18n.ts";
import { helpText } from "../../src/views/help.ts";

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

describe("the help", () => {
  // Every subcommand /case answers (handlers/caseCommand.ts), in the help of both languages.
  const SUBCOMMANDS = [
    "new",
    "list",
    "find",
    "show",
    "summary",
    "orders",
    "amazon",
    "import",
    "health",
    "check",
    "language",
    "help",
  ];

  it("lists every command in English", () => {
    const text = helpText(undefined, ENGLISH);
    for (const sub of SUBCOMMANDS) expect(text, sub).toContain(`/case ${sub}`);
  });

  it("lists every command in Chinese, with the Chinese word the bot takes for it", () => {
    const text = helpText(undefined, words("zh-CN"));
    const chineseFor = (sub: string) => Object.entries(CHINESE_SUBCOMMANDS).find(([, en]) => en === sub)?.[0];
    for (const sub of SUBCOMMANDS) {
      const zh = chineseFor(sub);
      expect(zh, sub).toBeDefined();
      expect(text, sub).toContain(`/case ${zh}`);
      expect(text, sub).toContain(sub);
    }
    expect(text.length).toBeLessThan(3000);
  });
});
