// The one-hour first-response clock through the real app: reminders, escalation, restarts and
// two copies of the bot. The clock is injected and moved; nothing sleeps for real minutes.
import { describe, expect } from "vitest";
import type { Case } from "../../src/generated/prisma/client.ts";
import { ACTIONS } from "../../src/ids.ts";
import type { SlackStandIn } from "../../src/sandbox/slackStandIn.ts";
import { botTest, CASES_CHANNEL, LEAD, type TestBot, waitFor } from "../support/botTest.ts";
import { testClock } from "../support/clock.ts";
import { backend } from "../support/database.ts";

const ESCALATION = "C0ESCAL";
const clock = testClock("2026-11-26T10:00:00Z");
botTest.override("botOptions", {
  env: { ESCALATION_CHANNEL: ESCALATION, AGENT_GROUP_ID: "S0AGENTS", SWEEP_INTERVAL_SECONDS: "3600" },
  now: clock.now,
});

async function newCase(bot: TestBot, externalId: string, category = "negative_review") {
  const res = await bot.api("/api/cases", {
    body: { orderId: "114-2962899-5762619", category, description: "Buyer left a 1-star review", externalId },
  });
  expect(res.status).toBe(201);
  const c = await waitFor(
    () => bot.db.prisma.case.findFirst({ where: { id: res.json.case.id, messageTs: { not: null } } }),
    "the card",
  );
  return c;
}
const threadOf = (slack: SlackStandIn, ts: string) =>
  slack.calls("chat.postMessage").filter((m) => m.args.thread_ts === ts);
const remindersIn = (slack: SlackStandIn, ts: string) =>
  threadOf(slack, ts).filter((m) => m.args.text.includes("needs a first reply"));
const escalationsFor = (slack: SlackStandIn, n: number) =>
  slack.calls("chat.postMessage").filter((m) => m.args.channel === ESCALATION && m.args.text.includes(`AS-${n} `));

describe("first-response clock", () => {
  describe("reminds the agents 15 minutes before the hour, then escalates to the leads once", () => {
    let c: Case;

    botTest("a new case is due for a first reply one hour after it was opened", async ({ bot }) => {
      c = await newCase(bot, "clock-1");
      expect(c.responseDueAt?.toISOString()).toBe(new Date(clock.now().getTime() + 60 * 60_000).toISOString());
    });

    botTest("44 minutes in, nobody is reminded yet", async ({ bot, slack }) => {
      clock.advance({ minutes: 44 });
      await bot.sweep.runOnce();
      await bot.flush();
      expect(remindersIn(slack, c.messageTs!)).toHaveLength(0);
    });

    botTest("46 minutes in, the agent group is reminded in the card's thread, once", async ({ bot, slack }) => {
      clock.advance({ minutes: 2 }); // 46 minutes after opening
      await bot.sweep.runOnce();
      await bot.flush();
      const reminder = await waitFor(() => remindersIn(slack, c.messageTs!)[0], "the reminder");
      expect(reminder.args.text).toContain(`<!subteam^S0AGENTS> AS-${c.number} is unclaimed and needs a first reply`);
      await bot.sweep.runOnce();
      await bot.flush();
      expect(remindersIn(slack, c.messageTs!)).toHaveLength(1);
    });

    botTest(
      "6 minutes past the deadline, the leads get an escalation with a link to the card and a Claim button",
      async ({ bot, slack }) => {
        clock.advance({ minutes: 20 }); // 66 minutes: 6 minutes late
        await bot.sweep.runOnce();
        await bot.flush();
        const escalation = await waitFor(() => escalationsFor(slack, c.number)[0], "the escalation");
        expect(escalation.args.text).toContain(`<@${LEAD}>`);
        expect(escalation.args.text).toContain("6 min past the deadline (unclaimed)");
        const blocks = JSON.stringify(escalation.args.blocks);
        expect(blocks).toContain(`https://stand-in.slack.com/archives/${CASES_CHANNEL}/p`);
        expect(blocks).toContain(ACTIONS.claim);
        const breached = await bot.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
        expect(breached.breachedAt?.toISOString()).toBe(breached.responseDueAt?.toISOString());
      },
    );

    botTest("the card shows the case as overdue", async ({ slack }) => {
      const card = await waitFor(
        () =>
          slack
            .calls("chat.update")
            .filter((u) => u.args.ts === c.messageTs && JSON.stringify(u.args.blocks).includes("Overdue"))
            .at(-1),
        "overdue card",
      );
      expect(card.args.text).toContain("overdue");
    });

    botTest("the next sweep does not escalate again", async ({ bot, slack }) => {
      await bot.sweep.runOnce();
      await bot.flush();
      expect(escalationsFor(slack, c.number)).toHaveLength(1);
    });

    botTest("the Claim button on the escalation works from the escalation channel", async ({ bot }) => {
      await bot.click(ACTIONS.claim, c.id, "U0AGENT7", ESCALATION);
      await waitFor(
        async () => (await bot.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).ownerId === "U0AGENT7",
        "claim from the escalation",
      );
    });

    botTest("the late first reply is recorded with how long it took, and the breach stays", async ({ bot }) => {
      clock.advance({ minutes: 4 });
      await bot.click(ACTIONS.logReply, c.id, "U0AGENT7");
      const answered = await waitFor(
        () => bot.db.prisma.case.findFirst({ where: { id: c.id, firstReplyAt: { not: null } } }),
        "the reply",
      );
      expect(answered.firstReplyAt!.getTime() - answered.createdAt.getTime()).toBe(70 * 60_000);
      expect(answered.breachedAt).not.toBeNull();
    });
  });

  botTest("does not remind or escalate a case whose first reply was logged in time", async ({ bot, slack }) => {
    const c = await newCase(bot, "clock-2", "refund");
    clock.advance({ minutes: 10 });
    await bot.click(ACTIONS.logReply, c.id, "U0AGENT1");
    await waitFor(
      () => bot.db.prisma.case.findFirst({ where: { id: c.id, firstReplyAt: { not: null } } }),
      "the reply",
    );
    clock.advance({ hours: 2 });
    await bot.sweep.runOnce();
    await bot.flush();
    expect(remindersIn(slack, c.messageTs!)).toHaveLength(0);
    expect(escalationsFor(slack, c.number)).toHaveLength(0);
    const timers = await bot.db.prisma.caseTimer.findMany({ where: { caseId: c.id }, orderBy: { kind: "asc" } });
    // A refund starts from a buyer message: Amazon's 24-hour clock stopped with the reply too.
    expect(timers.map((x) => `${x.kind}:${x.status}`)).toEqual([
      "amazon_due:cancelled",
      "amazon_warning:cancelled",
      "response_breach:cancelled",
      "response_warning:cancelled",
    ]);
    expect((await bot.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).breachedAt).toBeNull();
  });

  botTest("escalates, once, a deadline that passed while the bot was stopped", async ({ bot, slack }) => {
    const c = await newCase(bot, "clock-3");
    await bot.stop();
    clock.advance({ hours: 3 });
    await bot.start(); // the sweep runs at start
    await waitFor(() => escalationsFor(slack, c.number)[0], "the escalation after restart");
    await bot.sweep.runOnce();
    await bot.flush();
    expect(escalationsFor(slack, c.number)).toHaveLength(1);
    expect(escalationsFor(slack, c.number)[0].args.text).toContain("2 h past the deadline");
    // The reminder that came due in the same outage is not sent after the fact.
    expect(remindersIn(slack, c.messageTs!)).toHaveLength(0);
  });

  botTest.runIf(backend === "postgres")(
    "two copies of the bot on one PostgreSQL send one reminder and one escalation",
    async ({ bot, secondBot, slack }) => {
      const c = await newCase(bot, "clock-4");
      const sweepTwiceEach = () =>
        Promise.all([bot.sweep.runOnce(), secondBot.sweep.runOnce(), bot.sweep.runOnce(), secondBot.sweep.runOnce()]);
      clock.advance({ minutes: 46 });
      await sweepTwiceEach();
      await Promise.all([bot.flush(), secondBot.flush()]);
      await waitFor(() => remindersIn(slack, c.messageTs!)[0], "the reminder");
      clock.advance({ minutes: 15 });
      await sweepTwiceEach();
      await Promise.all([bot.flush(), secondBot.flush()]);
      await waitFor(() => escalationsFor(slack, c.number)[0], "the escalation");
      await new Promise((r) => setTimeout(r, 300)); // give a duplicate every chance to show up
      expect(remindersIn(slack, c.messageTs!)).toHaveLength(1);
      expect(escalationsFor(slack, c.number)).toHaveLength(1);
    },
  );
});
