// The one-hour first-response clock through the real app: reminders, escalation, restarts and
// two copies of the bot. The clock is injected and moved; nothing sleeps for real minutes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../src/ids.ts";
import { backend, createTestDatabase, type TestDatabase } from "../support/database.ts";
import { type SlackStandIn, startSlackStandIn } from "../support/slackStandIn.ts";
import { CASES_CHANNEL, LEAD, startTestBot, type TestBot, waitFor } from "../support/testBot.ts";

const ESCALATION = "C0ESCAL";
const env = { ESCALATION_CHANNEL: ESCALATION, AGENT_GROUP_ID: "S0AGENTS", SWEEP_INTERVAL_SECONDS: "3600" };
let clock = new Date("2026-11-26T10:00:00Z");
const now = () => clock;
const minutesLater = (m: number) => (clock = new Date(clock.getTime() + m * 60_000));

let testDb: TestDatabase;
let slack: SlackStandIn;
let t: TestBot;

beforeAll(async () => {
  testDb = await createTestDatabase();
  slack = await startSlackStandIn();
  t = await startTestBot(testDb, { slack, now, env });
});
afterAll(async () => {
  await t?.stop();
  await slack.close();
  await testDb.drop();
});

async function newCase(externalId: string, category = "negative_review") {
  const res = await t.api("/api/cases", {
    body: { orderId: "114-2962899-5762619", category, description: "Buyer left a 1-star review", externalId },
  });
  expect(res.status).toBe(201);
  const c = await waitFor(
    () => t.db.prisma.case.findFirst({ where: { id: res.json.case.id, messageTs: { not: null } } }),
    "the card",
  );
  return c;
}
const threadOf = (ts: string) => slack.calls("chat.postMessage").filter((m) => m.args.thread_ts === ts);
const escalationsFor = (n: number) =>
  slack.calls("chat.postMessage").filter((m) => m.args.channel === ESCALATION && m.args.text.includes(`AS-${n} `));

describe("first-response clock", () => {
  it("reminds the agents 15 minutes before the hour, then escalates to the leads once", async () => {
    const c = await newCase("clock-1");
    expect(c.responseDueAt?.toISOString()).toBe(new Date(clock.getTime() + 60 * 60_000).toISOString());

    minutesLater(44);
    await t.bot.sweep.runOnce();
    await t.flush();
    expect(threadOf(c.messageTs!).filter((m) => m.args.text.includes("needs a first reply"))).toHaveLength(0);

    minutesLater(2); // 46 minutes after opening
    await t.bot.sweep.runOnce();
    await t.flush();
    const reminder = await waitFor(
      () => threadOf(c.messageTs!).find((m) => m.args.text.includes("needs a first reply")),
      "the reminder",
    );
    expect(reminder.args.text).toContain(`<!subteam^S0AGENTS> AS-${c.number} is unclaimed and needs a first reply`);
    await t.bot.sweep.runOnce();
    await t.flush();
    expect(threadOf(c.messageTs!).filter((m) => m.args.text.includes("needs a first reply"))).toHaveLength(1);

    minutesLater(20); // 66 minutes: 6 minutes late
    await t.bot.sweep.runOnce();
    await t.flush();
    const escalation = await waitFor(() => escalationsFor(c.number)[0], "the escalation");
    expect(escalation.args.text).toContain(`<@${LEAD}>`);
    expect(escalation.args.text).toContain("6 min past the deadline (unclaimed)");
    const blocks = JSON.stringify(escalation.args.blocks);
    expect(blocks).toContain(`https://stand-in.slack.com/archives/${CASES_CHANNEL}/p`);
    expect(blocks).toContain(ACTIONS.claim);
    const breached = await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(breached.breachedAt?.toISOString()).toBe(breached.responseDueAt?.toISOString());
    const card = await waitFor(
      () =>
        slack
          .calls("chat.update")
          .filter((u) => u.args.ts === c.messageTs && JSON.stringify(u.args.blocks).includes("Overdue"))
          .at(-1),
      "overdue card",
    );
    expect(card.args.text).toContain("overdue");

    await t.bot.sweep.runOnce();
    await t.flush();
    expect(escalationsFor(c.number)).toHaveLength(1);

    // The Claim button on the escalation works from the escalation channel.
    await t.click(ACTIONS.claim, c.id, "U0AGENT7", ESCALATION);
    await waitFor(
      async () => (await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).ownerId === "U0AGENT7",
      "claim from the escalation",
    );
    // The late first reply is recorded with how long it took.
    minutesLater(4);
    await t.click(ACTIONS.logReply, c.id, "U0AGENT7");
    const answered = await waitFor(
      () => t.db.prisma.case.findFirst({ where: { id: c.id, firstReplyAt: { not: null } } }),
      "the reply",
    );
    expect(answered.firstReplyAt!.getTime() - answered.createdAt.getTime()).toBe(70 * 60_000);
    expect(answered.breachedAt).not.toBeNull();
  });

  it("does not remind or escalate a case whose first reply was logged in time", async () => {
    const c = await newCase("clock-2", "refund");
    minutesLater(10);
    await t.click(ACTIONS.logReply, c.id, "U0AGENT1");
    await waitFor(() => t.db.prisma.case.findFirst({ where: { id: c.id, firstReplyAt: { not: null } } }), "the reply");
    minutesLater(120);
    await t.bot.sweep.runOnce();
    await t.flush();
    expect(threadOf(c.messageTs!).filter((m) => m.args.text.includes("needs a first reply"))).toHaveLength(0);
    expect(escalationsFor(c.number)).toHaveLength(0);
    const timers = await t.db.prisma.caseTimer.findMany({ where: { caseId: c.id }, orderBy: { kind: "asc" } });
    // A refund starts from a buyer message: Amazon's 24-hour clock stopped with the reply too.
    expect(timers.map((x) => `${x.kind}:${x.status}`)).toEqual([
      "amazon_due:cancelled",
      "amazon_warning:cancelled",
      "response_breach:cancelled",
      "response_warning:cancelled",
    ]);
    expect((await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).breachedAt).toBeNull();
  });

  it("escalates, once, a deadline that passed while the bot was stopped", async () => {
    const c = await newCase("clock-3");
    await t.stop();
    minutesLater(180);
    t = await startTestBot(testDb, { slack, now, env }); // the sweep runs at start
    await waitFor(() => escalationsFor(c.number)[0], "the escalation after restart");
    await t.bot.sweep.runOnce();
    await t.flush();
    expect(escalationsFor(c.number)).toHaveLength(1);
    expect(escalationsFor(c.number)[0].args.text).toContain("2 h past the deadline");
    // The reminder that came due in the same outage is not sent after the fact.
    expect(threadOf(c.messageTs!).filter((m) => m.args.text.includes("needs a first reply"))).toHaveLength(0);
  });

  it.runIf(backend === "postgres")(
    "two copies of the bot on one PostgreSQL send one reminder and one escalation",
    async () => {
      const second = await startTestBot(testDb, { slack, now, env });
      try {
        const c = await newCase("clock-4");
        minutesLater(46);
        await Promise.all([
          t.bot.sweep.runOnce(),
          second.bot.sweep.runOnce(),
          t.bot.sweep.runOnce(),
          second.bot.sweep.runOnce(),
        ]);
        await Promise.all([t.flush(), second.flush()]);
        await waitFor(
          () => threadOf(c.messageTs!).find((m) => m.args.text.includes("needs a first reply")),
          "the reminder",
        );
        minutesLater(15);
        await Promise.all([
          t.bot.sweep.runOnce(),
          second.bot.sweep.runOnce(),
          t.bot.sweep.runOnce(),
          second.bot.sweep.runOnce(),
        ]);
        await Promise.all([t.flush(), second.flush()]);
        await waitFor(() => escalationsFor(c.number)[0], "the escalation");
        await new Promise((r) => setTimeout(r, 300)); // give a duplicate every chance to show up
        expect(threadOf(c.messageTs!).filter((m) => m.args.text.includes("needs a first reply"))).toHaveLength(1);
        expect(escalationsFor(c.number)).toHaveLength(1);
      } finally {
        await second.stop();
      }
    },
  );
});
