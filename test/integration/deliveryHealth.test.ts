// Messages Slack refuses for good are reported to the team (/case health, the weekly digest) and
// removed after 30 days, like delivered ones.
import { describe, expect } from "vitest";
import { ACTIONS } from "../../src/ids.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { botTest, CASES_CHANNEL, LEAD, type TestBot, waitFor } from "../support/botTest.ts";

const CRISIS = "C0CRISIS";
const DIGEST = "C0DIGEST";
botTest.override("botOptions", {
  env: {
    AGENT_USER_IDS: "U0AGENT1",
    CRISIS_CHANNEL: CRISIS,
    DIGEST_CHANNEL: DIGEST,
    // The sweep (and with it the clean-up) runs at start only.
    SWEEP_INTERVAL_SECONDS: "3600",
  },
});

let orderSeq = 3000000;
async function newCase(bot: TestBot): Promise<{ id: number }> {
  orderSeq++;
  const res = await bot.api("/api/cases", {
    body: {
      orderId: `114-${orderSeq}-5762619`,
      category: "return",
      description: "Wrong size",
      externalId: `h${orderSeq}`,
    },
  });
  expect(res.status).toBe(201);
  return res.json.case;
}

/** The private answers to /case commands, newest last. */
const answers = (bot: TestBot) => bot.slack.responses.filter((r) => r.path === "/response/cmd").map((r) => r.body);
async function health(bot: TestBot, userId: string) {
  const before = answers(bot).length;
  await bot.command("health", userId);
  const answer = await waitFor(() => answers(bot)[before], "the answer to /case health");
  return { ...answer, all: `${answer.text}\n${JSON.stringify(answer.blocks ?? [])}` };
}

describe("/case health", () => {
  botTest("says all messages were delivered while Slack takes every message", async ({ bot }) => {
    await newCase(bot);
    // The worker running in the background may hold a message that flush() leaves to it.
    await waitFor(
      async () => (await bot.db.prisma.outboxMessage.count({ where: { status: "pending" } })) === 0,
      "every message delivered",
    );
    const answer = await health(bot, "U0AGENT1");
    expect(answer.response_type).toBe("ephemeral");
    expect(answer.all).toContain("Nothing is waiting to be delivered.");
    expect(answer.all).toContain("All messages were delivered.");
    expect(blockKitProblems(answer, "message")).toEqual([]);
  });

  botTest("names the reason and the channel of a card Slack refused, and what to do", async ({ bot, slack }) => {
    slack.fail("chat.postMessage", { error: "not_in_channel", times: 1 });
    const c = await newCase(bot);
    await waitFor(
      () => bot.db.prisma.outboxMessage.findFirst({ where: { caseId: c.id, kind: "post_card", status: "failed" } }),
      "the refused card",
    );
    const answer = await health(bot, LEAD);
    expect(answer.all).toContain(`1 message could not be delivered: not_in_channel in <#${CASES_CHANNEL}> (on <!date^`);
    expect(answer.all).toContain(
      "invite the bot to the channel (`/invite @After-sales desk`), or set `CASES_CHANNEL` to a channel it is in",
    );
    expect(answer.all).not.toContain("All messages were delivered.");
    expect(blockKitProblems(answer, "message")).toEqual([]);
  });

  botTest(
    "finds the channel of a thread line through its case, and of an alert's update through its alert",
    async ({ bot, slack }) => {
      const c = await newCase(bot);
      await waitFor(() => bot.db.prisma.case.findFirst({ where: { id: c.id, messageTs: { not: null } } }), "the card");
      // The channel was archived after the card went out: the claim's thread line is refused.
      slack.fail("chat.postMessage", { error: "is_archived", times: 1 });
      await bot.click(ACTIONS.claim, c.id, "U0AGENT1");
      const line = await waitFor(
        () =>
          bot.db.prisma.outboxMessage.findFirst({ where: { caseId: c.id, kind: "history_note", status: "failed" } }),
        "the refused thread line",
      );
      expect(line.channelId).toBeNull();

      const alert = await bot.db.prisma.crisisAlert.create({
        data: {
          kind: "wave",
          subject: "B0WAVE0009",
          windowKey: "active",
          channelId: CRISIS,
          messageTs: "1700000000.000100",
          startedAt: new Date(),
          lastSeenAt: new Date(),
        },
      });
      await bot.db.prisma.outboxMessage.create({
        data: {
          kind: "crisis_update",
          payload: { alertId: alert.id },
          status: "failed",
          lastError: "Slack error channel_not_found",
          createdAt: new Date(),
        },
      });

      const answer = await health(bot, "U0AGENT1");
      expect(answer.all).toContain(`1 message could not be delivered: is_archived in <#${CASES_CHANNEL}>`);
      expect(answer.all).toContain("unarchive it, or set `CASES_CHANNEL` to another channel");
      expect(answer.all).toContain(`1 message could not be delivered: channel_not_found in <#${CRISIS}>`);
      expect(answer.all).toContain("check the channel id in `CRISIS_CHANNEL`");
    },
  );

  botTest("is refused politely to someone who is not on the team", async ({ bot }) => {
    const answer = await health(bot, "U0VISITOR");
    expect(answer.text).toBe(
      "Only after-sales agents and leads can see how messages reach Slack. Ask a lead to add you to the agents.",
    );
    expect(answer.all).not.toContain("could not be delivered");
  });
});

describe("weekly digest", () => {
  botTest("adds the refused messages of its week, and nothing for a week without any", async ({ bot, slack }) => {
    const digests = () => slack.calls("chat.postMessage").filter((m) => m.args.channel === DIGEST);
    const scheduled = new Date();
    expect(await bot.digest.postFor(scheduled)).toBe(true);
    await bot.flush();
    const digest = await waitFor(() => digests()[0], "this week's digest");
    const blocks = JSON.stringify(digest.args.blocks);
    expect(blocks).toContain("could not be delivered to Slack in this period");
    expect(blocks).toContain(`not_in_channel in <#${CASES_CHANNEL}>`);
    expect(blocks).toContain(`is_archived in <#${CASES_CHANNEL}>`);
    expect(blocks).toContain("`/case health`");
    expect(blockKitProblems(digest.args, "message")).toEqual([]);

    expect(await bot.digest.postFor(new Date(scheduled.getTime() - 60 * 86_400_000))).toBe(true);
    await bot.flush();
    const quiet = await waitFor(() => digests()[1], "the digest of a week without refusals");
    expect(JSON.stringify(quiet.args.blocks)).not.toContain("could not be delivered");
  });
});

describe("clean-up", () => {
  botTest("removes refused messages queued over 30 days ago and keeps recent ones", async ({ bot }) => {
    const old = new Date(Date.now() - 31 * 86_400_000);
    const recent = new Date(Date.now() - 29 * 86_400_000);
    const failed = {
      kind: "message",
      channelId: "C0GONE",
      payload: { text: "A notice for a channel that is gone" },
      status: "failed",
    };
    const [oldRow, recentRow] = await Promise.all(
      [old, recent].map((createdAt) =>
        bot.db.prisma.outboxMessage.create({
          data: { ...failed, lastError: "Slack error channel_not_found", createdAt },
        }),
      ),
    );
    // A card that was never posted stays on record however old: the lines under it depend on it.
    const unposted = await bot.db.prisma.outboxMessage.findFirstOrThrow({
      where: { kind: "post_card", status: "failed" },
    });
    await bot.db.prisma.outboxMessage.update({ where: { id: unposted.id }, data: { createdAt: old } });
    await bot.stop(); // the sweep at start cleans up
    await bot.start();
    await waitFor(
      async () => (await bot.db.prisma.outboxMessage.findUnique({ where: { id: oldRow.id } })) === null,
      "the clean-up",
    );
    expect(await bot.db.prisma.outboxMessage.findUnique({ where: { id: recentRow.id } })).not.toBeNull();
    expect(await bot.db.prisma.outboxMessage.findUnique({ where: { id: unposted.id } })).not.toBeNull();
    const answer = await health(bot, "U0AGENT1");
    expect(answer.all).toContain("1 message could not be delivered: channel_not_found in <#C0GONE>");
    expect(answer.all).toContain("the channel was deleted, or it is private and the bot is not in it");
  });
});

describe("/case health retry", () => {
  botTest("is refused politely to someone who is not on the team, and sends nothing", async ({ bot }) => {
    const before = answers(bot).length;
    await bot.command("health retry", "U0VISITOR");
    const answer = await waitFor(() => answers(bot)[before], "the answer");
    expect(answer.text).toContain("Only after-sales agents and leads");
    expect(await bot.db.prisma.outboxMessage.count({ where: { status: "failed" } })).toBeGreaterThan(0);
  });

  botTest("sends every refused message again once the bot is in the channel: the card goes out", async ({ bot }) => {
    const card = await bot.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "post_card", status: "failed" } });
    const refused = await bot.db.prisma.outboxMessage.count({ where: { status: "failed" } });
    const before = answers(bot).length;
    await bot.command("health retry", "U0AGENT1");
    const answer = await waitFor(() => answers(bot)[before], "the answer");
    expect(answer.text).toBe(`Sending ${refused} messages again. \`/case health\` shows how it goes.`);
    await waitFor(
      () => bot.db.prisma.case.findFirst({ where: { id: card.caseId ?? 0, messageTs: { not: null } } }),
      "the card that was refused before",
    );
    await waitFor(
      async () => (await bot.db.prisma.outboxMessage.count({ where: { status: { not: "sent" } } })) === 0,
      "every message delivered",
    );
    expect((await health(bot, "U0AGENT1")).all).toContain("All messages were delivered.");
  });
});
