// A Chinese-speaking team: with TEAM_LANGUAGE=zh-CN the card, the escalation and the digest come
// out in Chinese, and so do forms and their inline errors; a person who chose English gets English
// forms and answers in that team; the Chinese subcommands work.
import { describe, expect } from "vitest";
import { ACTIONS, CALLBACKS, RESOLVE_BLOCKS } from "../../src/ids.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { botTest, CASES_CHANNEL, LEAD, type TestBot, waitFor } from "../support/botTest.ts";
import { testClock } from "../support/clock.ts";

const clock = testClock("2026-11-23T08:00:00Z");
const ESCALATIONS = "C0ESCALATE";
botTest.override("botOptions", {
  env: { TEAM_LANGUAGE: "zh-CN", ESCALATION_CHANNEL: ESCALATIONS, AGENT_USER_IDS: "U0MEI,U0TOM" },
  now: clock.now,
});

const CHINESE = /[\u4e00-\u9fff]/;
let seq = 8100000;
async function newCase(bot: TestBot, fields: Record<string, unknown> = {}) {
  const res = await bot.api("/api/cases", {
    body: { orderId: `114-${++seq}-5762619`, category: "a_to_z_claim", description: "Buyer filed a claim", ...fields },
  });
  expect(res.status).toBe(201);
  return res.json.case as { id: number; number: string };
}
const answers = (bot: TestBot) => bot.slack.responses.filter((r) => r.path === "/response/cmd");

describe("a team that works in Chinese", () => {
  botTest("gets its case card in Chinese, within Slack's limits", async ({ bot }) => {
    const c = await newCase(bot);
    await bot.flush();
    const card = await waitFor(
      () =>
        bot.slack
          .calls("chat.postMessage")
          .find((m) => m.args.channel === CASES_CHANNEL && m.args.text.includes(c.number)),
      "the card",
    );
    expect(card.args.text).toContain("A-to-z 索赔");
    expect(JSON.stringify(card.args.blocks)).toContain("认领");
    expect(blockKitProblems({ text: card.args.text, blocks: card.args.blocks }, "message")).toEqual([]);
  });

  botTest("escalates a missed first reply to the leads in Chinese", async ({ bot }) => {
    const c = await newCase(bot);
    clock.advance({ minutes: 90 });
    await bot.sweep.runOnce();
    await bot.flush();
    const escalation = await waitFor(
      () =>
        bot.slack
          .calls("chat.postMessage")
          .find((m) => m.args.channel === ESCALATIONS && m.args.text.includes(c.number)),
      "the escalation",
    );
    expect(escalation.args.text).toMatch(CHINESE);
    expect(escalation.args.text).toContain(`<@${LEAD}>`);
  });

  botTest("posts the weekly digest in Chinese", async ({ bot }) => {
    expect(await bot.digest.postFor(clock.now())).toBe(true);
    await bot.flush();
    const digest = bot.slack.calls("chat.postMessage").at(-1);
    expect(JSON.stringify(digest?.args.blocks)).toContain("周");
    expect(digest?.args.text).toMatch(CHINESE);
    // Its chart follows, titled and described in Chinese.
    const chart = await waitFor(
      () => bot.slack.uploads().find((u) => u.filename.startsWith("cases-") && u.shared),
      "the chart",
    );
    expect(chart.title).toMatch(CHINESE);
    expect(chart.alt).toMatch(CHINESE);
  });

  botTest("answers a resolve form's missing amount inline, in Chinese", async ({ bot }) => {
    const c = await newCase(bot, { category: "return" });
    await bot.click(ACTIONS.claim, c.id, "U0MEI");
    await waitFor(
      async () => (await bot.db.prisma.case.findUnique({ where: { id: c.id } }))?.ownerId === "U0MEI" || undefined,
      "the claim",
    );
    const opens = bot.slack.calls("views.open").length;
    await bot.click(ACTIONS.resolve, c.id, "U0MEI");
    const form = await waitFor(() => bot.slack.calls("views.open")[opens], "the resolve form");
    expect(JSON.stringify(form.args.view)).toMatch(CHINESE);
    expect(blockKitProblems(form.args.view, "modal")).toEqual([]);
    const res = await bot.submit({
      callbackId: CALLBACKS.resolveCase,
      userId: "U0MEI",
      privateMetadata: form.args.view.private_metadata,
      selects: [RESOLVE_BLOCKS.resolution, RESOLVE_BLOCKS.rootCause],
      values: { [RESOLVE_BLOCKS.resolution]: "partial_refund", [RESOLVE_BLOCKS.rootCause]: "defect" },
    });
    expect(res.json.response_action).toBe("errors");
    expect(res.json.errors[RESOLVE_BLOCKS.amount]).toMatch(CHINESE);
  });

  botTest("takes the Chinese subcommands: /case 列表 我的", async ({ bot }) => {
    const before = answers(bot).length;
    await bot.command("列表 我的", "U0MEI");
    const answer = await waitFor(() => answers(bot)[before], "the list");
    expect(JSON.stringify(answer.body)).not.toContain("not a command I know");
    expect(JSON.stringify(answer.body)).toMatch(CHINESE);
  });

  botTest(
    "lets a person choose English: their forms and answers are English, the channel stays Chinese",
    async ({ bot }) => {
      const before = answers(bot).length;
      await bot.command("language en", "U0TOM");
      const set = await waitFor(() => answers(bot)[before], "the language answer");
      expect(JSON.stringify(set.body)).toContain("From now on I write to you in English.");

      const c = await newCase(bot, { category: "return" });
      await bot.click(ACTIONS.claim, c.id, "U0TOM");
      await waitFor(
        async () => (await bot.db.prisma.case.findUnique({ where: { id: c.id } }))?.ownerId === "U0TOM" || undefined,
        "the claim",
      );
      const opens = bot.slack.calls("views.open").length;
      await bot.click(ACTIONS.resolve, c.id, "U0TOM");
      const form = await waitFor(() => bot.slack.calls("views.open")[opens], "the resolve form");
      expect(JSON.stringify(form.args.view)).not.toMatch(CHINESE);
      const help = await bot.command("help", "U0TOM");
      expect(help.json.text).toContain("/case new");
      expect(help.json.text).not.toMatch(/新建工单|帮助/);
      // Mei did not choose: the team's language, with the Chinese subcommands listed.
      const zhHelp = await bot.command("帮助", "U0MEI");
      expect(zhHelp.json.text).toContain("新建");
      expect(zhHelp.json.text).toMatch(/\/case (language|语言)/);

      await bot.flush();
      const card = bot.slack
        .calls("chat.postMessage")
        .find((m) => m.args.channel === CASES_CHANNEL && m.args.text.includes(c.number));
      expect(card?.args.text).toMatch(CHINESE);
    },
  );
});
