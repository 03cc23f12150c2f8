import { describe, expect, it } from "vitest";
import { CHINESE_ARGUMENTS, CHINESE_SUBCOMMANDS } from "../../src/domain/commandWords.ts";
import {
  type ChannelSetting,
  type FailedDeliveries,
  type FailedGroup,
  reasonOf,
  remedyFor,
  settingsFor,
} from "../../src/domain/deliveryHealth.ts";
import { actorFor, maySeeDeliveryHealth } from "../../src/domain/people.ts";
import { ENGLISH, say, words } from "../../src/i18n/i18n.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import {
  deliveryHealthMessage,
  digestDeliverySection,
  failedLine,
  failedLines,
  pendingLine,
} from "../../src/views/deliveryHealth.ts";
import { helpText, unknownCommandHelp } from "../../src/views/help.ts";

const now = new Date("2026-11-27T10:00:00Z");
const settings: ChannelSetting[] = [
  { name: "CASES_CHANNEL", channelId: "C0CASES" },
  { name: "ESCALATION_CHANNEL", channelId: "C0CASES" },
  { name: "DIGEST_CHANNEL", channelId: "C0CASES" },
  { name: "CRISIS_CHANNEL", channelId: "C0CRISIS" },
];
const group = (over: Partial<FailedGroup> = {}): FailedGroup => ({
  reason: "not_in_channel",
  channelId: "C0CRISIS",
  count: 3,
  latestAt: new Date("2026-11-26T09:00:00Z"),
  kinds: ["crisis_post", "crisis_note"],
  ...over,
});
const failed = (groups: FailedGroup[], groupCount = groups.length): FailedDeliveries => ({
  groups,
  groupCount,
  messageCount: groups.reduce((n, g) => n + g.count, 0),
});
const noneWaiting = { count: 0, oldestDue: null };

describe("reasons and settings", () => {
  it("reads Slack's error code out of the stored error, and keeps the bot's own reasons", () => {
    expect(reasonOf("Slack error not_in_channel")).toBe("not_in_channel");
    expect(reasonOf("the message has no channel")).toBe("the message has no channel");
    expect(reasonOf(null)).toBe("unknown reason");
  });
  it("tells what each reason calls for, unknown ones included", () => {
    expect(remedyFor("not_in_channel")).toBe("invite");
    expect(remedyFor("channel_not_found")).toBe("missing_channel");
    expect(remedyFor("is_archived")).toBe("archived");
    expect(remedyFor("missing_scope")).toBe("scope");
    expect(remedyFor("invalid_blocks")).toBe("bug");
    expect(remedyFor("msg_too_long")).toBe("bug");
    expect(remedyFor("ekm_access_denied")).toBe("other");
    expect(remedyFor("constructor")).toBe("other");
  });
  it("names the setting the failed kinds go through when settings share a channel", () => {
    expect(settingsFor({ channelId: "C0CASES", kinds: ["post_card"] }, settings)).toEqual(["CASES_CHANNEL"]);
    expect(settingsFor({ channelId: "C0CASES", kinds: ["digest"] }, settings)).toEqual(["DIGEST_CHANNEL"]);
    // An import summary goes where the import was run: every setting naming that channel is shown.
    expect(settingsFor({ channelId: "C0CASES", kinds: ["message"] }, settings)).toEqual([
      "CASES_CHANNEL",
      "ESCALATION_CHANNEL",
      "DIGEST_CHANNEL",
    ]);
    expect(settingsFor({ channelId: "C0ELSEWHERE", kinds: ["message"] }, settings)).toEqual([]);
  });
  it("lets agents and leads see delivery health, and tells anyone else who may", () => {
    const roles = { agentUserIds: ["U0AGENT"], leadUserIds: ["U0LEAD"] };
    expect(maySeeDeliveryHealth(actorFor("U0AGENT", roles))).toBeUndefined();
    expect(maySeeDeliveryHealth(actorFor("U0LEAD", roles))).toBeUndefined();
    const refusal = maySeeDeliveryHealth(actorFor("U0VISITOR", roles));
    expect(refusal && say(ENGLISH, refusal)).toContain("Only after-sales agents and leads");
    expect(refusal && say(words("zh-CN"), refusal)).toContain("只有售后客服和主管");
  });
});

describe("failed-message lines", () => {
  it("say how many, why, where, and what to do", () => {
    const line = failedLine(group(), settings);
    expect(line).toMatch(
      /^3 messages could not be delivered: not_in_channel in <#C0CRISIS> \(latest <!date\^\d+\^[^>]+>\) — invite the bot to the channel \(`\/invite @After-sales desk`\), or set `CRISIS_CHANNEL` to a channel it is in$/,
    );
    expect(failedLine(group({ count: 1 }), settings)).toMatch(/^1 message could not be delivered: .* \(on <!date/);
  });
  it("give advice per reason", () => {
    expect(failedLine(group({ reason: "channel_not_found" }), settings)).toContain(
      "check the channel id in `CRISIS_CHANNEL`",
    );
    expect(
      failedLine(group({ reason: "channel_not_found", channelId: "C0GONE", kinds: ["message"] }), settings),
    ).toContain("the channel was deleted, or it is private and the bot is not in it");
    expect(failedLine(group({ reason: "is_archived" }), settings)).toContain(
      "the channel is archived: unarchive it, or set `CRISIS_CHANNEL` to another channel",
    );
    expect(failedLine(group({ reason: "invalid_blocks" }), settings)).toContain("— a bug: please report it");
    expect(failedLine(group({ reason: "msg_too_long" }), settings)).toContain("— a bug: please report it");
    expect(failedLine(group({ reason: "Slack answered HTTP 404" }), settings)).toContain(
      "the bot's log has the details",
    );
    expect(failedLine(group({ channelId: null }), settings)).toContain("in no channel");
  });
  it("escape what was stored, so it cannot mention or ping anyone", () => {
    const line = failedLine(group({ reason: "<!channel> & <@U0BOSS>", channelId: "<!here>" }), settings);
    expect(line).toContain("&lt;!channel&gt; &amp; &lt;@U0BOSS&gt; in &lt;!here&gt;");
    expect(line).not.toMatch(/<!channel>|<@U0BOSS>|<!here>/);
  });
  it("cut long reasons and long lists to what Slack takes, with …and N more", () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      group({ reason: `${"x".repeat(300)}${i}`, channelId: `C0CH${i}`, count: 50 - i }),
    );
    const text = failedLines(failed(many, 64), settings);
    expect(text.length).toBeLessThanOrEqual(2700);
    const shown = text.split("\n").filter((l) => l.startsWith("• "));
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThanOrEqual(10);
    expect(text).toMatch(new RegExp(`\\n…and ${64 - shown.length} more reasons or channels$`));
    expect(shown[0]).toContain(`${"x".repeat(78)}…`);

    const message = deliveryHealthMessage({ pending: noneWaiting, failed: failed(many, 64) }, { settings, now });
    expect(blockKitProblems(message, "message")).toEqual([]);
  });
  it("list everything when it fits", () => {
    const text = failedLines(failed([group(), group({ channelId: "C0CASES", kinds: ["post_card"] })]), settings);
    expect(text.split("\n")).toHaveLength(2);
    expect(text).not.toContain("more");
  });
});

describe("the /case health answer", () => {
  it("says all was delivered when nothing failed, and what is waiting", () => {
    const m = deliveryHealthMessage({ pending: noneWaiting, failed: failed([]) }, { settings, now });
    const blocks = JSON.stringify(m.blocks);
    expect(blocks).toContain("Nothing is waiting to be delivered.");
    expect(blocks).toContain("All messages were delivered.");
    expect(m.text).toContain("All messages were delivered.");
    expect(blockKitProblems(m, "message")).toEqual([]);
  });
  it("tells how long the oldest due message has waited and why its last try failed", () => {
    const oldestDue = { createdAt: new Date(now.getTime() - 95 * 60_000), lastError: "Slack answered HTTP 503" };
    expect(pendingLine({ count: 12, oldestDue }, now)).toBe(
      "12 messages are waiting to be delivered; the oldest has waited 1 h 35 min (last try: Slack answered HTTP 503).",
    );
    expect(pendingLine({ count: 1, oldestDue: { createdAt: now, lastError: null } }, now)).toBe(
      "1 message is waiting to be delivered; the oldest has waited under a minute.",
    );
    expect(pendingLine({ count: 2, oldestDue: null }, now)).toContain("none is due yet");
  });
  it("lists the failures under their total", () => {
    const m = deliveryHealthMessage({ pending: noneWaiting, failed: failed([group()]) }, { settings, now });
    expect(m.text).toContain("3 messages could not be delivered.");
    expect(JSON.stringify(m.blocks)).toContain("not_in_channel in <#C0CRISIS>");
    expect(JSON.stringify(m.blocks)).not.toContain("All messages were delivered");
  });
});

describe("the digest's line", () => {
  it("is there only when messages failed", () => {
    expect(digestDeliverySection(failed([]), settings)).toBeUndefined();
    const section = digestDeliverySection(failed([group()]), settings);
    expect(section?.text?.text).toContain("3 messages could not be delivered to Slack in this period");
    expect(section?.text?.text).toContain("not_in_channel in <#C0CRISIS>");
    expect(section?.text?.text).toContain("`/case health`");
  });
});

describe("help", () => {
  const subcommands = [...new Set(Object.values(CHINESE_SUBCOMMANDS))];

  it("names /case health", () => {
    expect(helpText()).toContain("/case health");
    expect(helpText().length).toBeLessThan(3000);
  });

  it("lists every command in English, /case language too", () => {
    const text = helpText();
    for (const sub of subcommands) expect(text).toContain(`/case ${sub}`);
    expect(text).toContain("/case language zh|en");
  });

  it("lists every command in Chinese, with the Chinese words the bot accepts beside the English ones", () => {
    const text = helpText(undefined, words("zh-CN"));
    expect(text.length).toBeLessThan(3000);
    for (const [zh, sub] of Object.entries(CHINESE_SUBCOMMANDS)) {
      if (zh === "搜索") continue; // another word for 查找
      expect(text).toContain(`/case ${zh}`);
      expect(text).toMatch(new RegExp(`\`(/case )?${sub}\\b`));
    }
    for (const zh of ["我的", "未认领", "超时", "未结"]) expect(text).toContain(zh);
    expect(CHINESE_ARGUMENTS.重试).toBe("retry");
    expect(text).toContain("/case 投递 重试");
    expect(text).toContain("/case language zh|en");
    expect(text).not.toMatch(/\b(open the form|this list|leads only)\b/);
  });

  it("says which word it did not know, in the asker's language", () => {
    expect(unknownCommandHelp("frobnicate")).toMatch(/^:warning: `\/case frobnicate` is not a command I know/);
    expect(unknownCommandHelp("frobnicate", words("zh-CN"))).toMatch(/^:warning: 我不认识 `\/case frobnicate`/);
  });
});

describe("delivery health in Chinese", () => {
  const zh = words("zh-CN");
  it("says the same things, with the same channels, dates and settings", () => {
    const line = failedLine(group(), settings, zh);
    expect(line).toMatch(/^3 条消息未能送达：<#C0CRISIS> 中 not_in_channel（最近一次 <!date\^\d+\^[^>]+>）— /);
    expect(line).toContain("`/invite @After-sales desk`");
    expect(line).toContain("`CRISIS_CHANNEL`");
    const m = deliveryHealthMessage({ pending: noneWaiting, failed: failed([group()]) }, { settings, now, words: zh });
    expect(m.text).toBe("Slack 消息投递：没有等待投递的消息。3 条消息未能送达。");
    expect(JSON.stringify(m.blocks)).toContain("/case health retry");
    expect(blockKitProblems(m, "message")).toEqual([]);
    expect(pendingLine({ count: 2, oldestDue: null }, now, zh)).toContain("2 条消息等待投递");
    expect(digestDeliverySection(failed([group()]), settings, zh)?.text?.text).toContain(
      "本期有 3 条消息未能送达 Slack",
    );
  });
});
