// Nothing lost, nothing doubled: Slack outages, rate limits and restarts while cards are pending.
// Every test here counts all that Slack received, so each gets a database, stand-in Slack and bot
// of its own (isolatedBotTest). A failure is set on the stand-in before the first case comes in.
import { describe, expect } from "vitest";
import { ACTIONS } from "../../src/ids.ts";
import type { SlackStandIn } from "../../src/sandbox/slackStandIn.ts";
import { claimOutboxMessage, dueHeads, markFailed, markSent, retryLater } from "../../src/store/outbox.ts";
import { CASES_CHANNEL, isolatedBotTest, waitFor } from "../support/botTest.ts";

const newCase = (externalId: string) => ({
  orderId: "114-2962899-5762619",
  category: "return",
  description: "Wrong size",
  externalId,
});
const cardsPosted = (slack: SlackStandIn) =>
  slack.calls("chat.postMessage").filter((c) => c.args.channel === CASES_CHANNEL && !c.args.thread_ts);

describe("outbox", () => {
  isolatedBotTest(
    "keeps the case when Slack answers 5xx, and posts the card exactly once when Slack recovers",
    async ({ bot, slack }) => {
      slack.fail("chat.postMessage", { status: 503, times: 2 });
      const res = await bot.api("/api/cases", { body: newCase("down-1") });
      expect(res.status).toBe(201); // stored even though Slack is failing

      // Two failed attempts, then the retry (after backoff) goes through.
      const row = await waitFor(
        () => bot.db.prisma.outboxMessage.findFirst({ where: { kind: "post_card", status: "sent" } }),
        "the card to be delivered after retries",
        10_000,
      );
      expect(row.attempts).toBe(3);
      expect(slack.calls("chat.postMessage")).toHaveLength(3);
      expect(cardsPosted(slack).length).toBe(3); // two refused + one accepted
      const c = await bot.db.prisma.case.findFirstOrThrow({ where: { externalId: "down-1" } });
      expect(c.messageTs).not.toBeNull();
      await bot.flush();
      expect(slack.calls("chat.postMessage")).toHaveLength(3);
    },
  );

  isolatedBotTest("waits as long as Slack's Retry-After says on 429", async ({ bot, slack }) => {
    slack.fail("chat.postMessage", { status: 429, retryAfter: 1, times: 1 });
    await bot.api("/api/cases", { body: newCase("limited-1") });
    await waitFor(() => slack.calls("chat.postMessage").length === 2, "the retry after Retry-After", 10_000);
    const [first, second] = slack.calls("chat.postMessage");
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
    const row = await waitFor(
      () => bot.db.prisma.outboxMessage.findFirst({ where: { kind: "post_card", status: "sent" } }),
      "delivery",
    );
    expect(row.attempts).toBe(2);
  });

  isolatedBotTest("gives up on errors Slack will not get over, keeping the reason", async ({ bot, slack }) => {
    slack.fail("chat.postMessage", { error: "channel_not_found", times: 5 });
    await bot.api("/api/cases", { body: newCase("bad-channel") });
    const row = await waitFor(
      () => bot.db.prisma.outboxMessage.findFirst({ where: { kind: "post_card", status: "failed" } }),
      "the failure",
    );
    expect(row.lastError).toBe("Slack error channel_not_found");
    expect(slack.calls("chat.postMessage")).toHaveLength(1);
  });

  isolatedBotTest(
    "posts cards stored while Slack was down after a restart, once, and keeps every case",
    async ({ bot, slack, testDb }) => {
      slack.fail("chat.postMessage", { status: 500, times: 1000 });
      for (const id of ["r-1", "r-2", "r-3"])
        expect((await bot.api("/api/cases", { body: newCase(id) })).status).toBe(201);
      await waitFor(() => slack.calls("chat.postMessage").length >= 1, "a failed attempt");
      await bot.stop();

      slack.fail("chat.postMessage", { status: 500, times: 0 }); // Slack is back
      const attemptsBefore = slack.calls("chat.postMessage").length;
      // Same database, new process; the earlier backoff may still be running, so make the rows due now.
      const fresh = await testDb.open();
      await fresh.prisma.outboxMessage.updateMany({ data: { nextAttemptAt: new Date() } });
      await fresh.close();
      await bot.start();
      expect(await bot.db.prisma.case.count()).toBe(3);
      await waitFor(
        async () => (await bot.db.prisma.case.count({ where: { messageTs: { not: null } } })) === 3,
        "all three cards",
        10_000,
      );
      await bot.flush();
      const delivered = slack.calls("chat.postMessage").slice(attemptsBefore);
      expect(delivered).toHaveLength(3);
      expect(new Set(delivered.map((d) => d.args.text)).size).toBe(3);
      // The same externalId after the restart is still recognised.
      expect((await bot.api("/api/cases", { body: newCase("r-2") })).status).toBe(200);
    },
  );

  describe("with Slack's pace of about one post per second and channel", () => {
    isolatedBotTest.override("botOptions", { channelIntervalMs: 1000 });

    isolatedBotTest("paces posts to one channel at about one per second", async ({ bot, slack }) => {
      for (const id of ["p-1", "p-2", "p-3"]) await bot.api("/api/cases", { body: newCase(id) });
      await waitFor(() => cardsPosted(slack).length === 3, "three cards", 10_000);
      const times = cardsPosted(slack).map((c) => c.at);
      expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
      expect(times[2] - times[1]).toBeGreaterThanOrEqual(950);
    });
  });

  describe("with the sweep left to its start-up run", () => {
    isolatedBotTest.override("botOptions", { env: { SWEEP_INTERVAL_SECONDS: "3600" } });

    isolatedBotTest(
      "removes delivered messages after 30 days, keeping recent and undelivered ones",
      async ({ bot }) => {
        const old = new Date(Date.now() - 31 * 86_400_000);
        await bot.db.prisma.outboxMessage.createMany({
          data: [
            { kind: "message", channelId: "C1", payload: {}, status: "sent", sentAt: old },
            { kind: "message", channelId: "C1", payload: {}, status: "sent", sentAt: new Date() },
            {
              kind: "message",
              channelId: "C1",
              payload: {},
              status: "failed",
              lastError: "Slack error channel_not_found",
              // Refused ones go after 30 days too (test/integration/deliveryHealth.test.ts).
              createdAt: new Date(),
            },
          ],
        });
        await bot.stop(); // the sweep at start of the next run cleans up
        await bot.start();
        await waitFor(async () => (await bot.db.prisma.outboxMessage.count()) === 2, "the clean-up");
        expect((await bot.db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } })).map((m) => m.status)).toEqual([
          "sent",
          "failed",
        ]);
      },
    );
  });
});

describe("a post whose outcome is unknown", () => {
  isolatedBotTest(
    "Slack takes the card but answers HTTP 500: the retry finds it in the channel and posts nothing more",
    async ({ bot, slack }) => {
      slack.fail("chat.postMessage", { status: 500, times: 1, accepted: true });
      await bot.api("/api/cases", { body: newCase("took-it") });
      const row = await waitFor(
        () => bot.db.prisma.outboxMessage.findFirst({ where: { kind: "post_card", status: "sent" } }),
        "the card to be settled",
        10_000,
      );
      expect(row.attempts).toBe(2);
      await bot.flush();
      const cards = slack.messages(CASES_CHANNEL).filter((m) => !m.thread_ts);
      expect(cards).toHaveLength(1);
      expect(slack.calls("chat.postMessage")).toHaveLength(1);
      expect(slack.calls("conversations.history")[0].args).toMatchObject({
        channel: CASES_CHANNEL,
        include_all_metadata: "true",
      });
      const c = await bot.db.prisma.case.findFirstOrThrow({ where: { externalId: "took-it" } });
      expect(c.messageTs).toBe(cards[0].ts); // the card Slack kept is the one the bot updates
    },
  );

  isolatedBotTest("a post Slack did not take is posted on the retry, once", async ({ bot, slack }) => {
    slack.fail("chat.postMessage", { status: 500, times: 1 });
    await bot.api("/api/cases", { body: newCase("did-not") });
    await waitFor(
      () => bot.db.prisma.outboxMessage.findFirst({ where: { kind: "post_card", status: "sent" } }),
      "the card",
      10_000,
    );
    expect(slack.messages(CASES_CHANNEL)).toHaveLength(1);
    expect(slack.calls("chat.postMessage")).toHaveLength(2);
  });
});

describe("a message that belongs under one that could not be posted", () => {
  isolatedBotTest("fails with the card's reason instead of waiting for it forever", async ({ bot, slack }) => {
    slack.fail("chat.postMessage", { error: "not_in_channel", times: 1 });
    const res = await bot.api("/api/cases", { body: newCase("no-card") });
    await waitFor(
      () => bot.db.prisma.outboxMessage.findFirst({ where: { kind: "post_card", status: "failed" } }),
      "the card to fail",
    );
    await bot.click(ACTIONS.claim, res.json.case.id, "U0AGENT1");
    const lines = await waitFor(async () => {
      const rows = await bot.db.prisma.outboxMessage.findMany({
        where: { kind: { in: ["update_card", "history_note"] } },
      });
      return rows.length >= 2 && rows.every((r) => r.status === "failed") ? rows : undefined;
    }, "the card's update and thread line to fail");
    for (const r of lines) expect(r.lastError).toBe("Slack error not_in_channel"); // the card's reason: one cause for leads
    expect(slack.calls("chat.postMessage")).toHaveLength(1); // nothing posted in a thread that does not exist
  });

  describe("with a crisis channel the bot is not in", () => {
    isolatedBotTest.override("botOptions", { env: { CRISIS_CHANNEL: "C0CRISIS" } });

    isolatedBotTest(
      "a wave alert that cannot be posted fails its thread lines with the same reason; cards go on",
      async ({ bot, slack }) => {
        slack.fail("chat.postMessage", { error: "not_in_channel", times: 100, channel: "C0CRISIS" });
        for (let i = 0; i < 7; i++) {
          const body = { ...newCase(`wave-${i}`), asin: "B0NOCRISIS", orderId: `114-000000${i}-5762619` };
          expect((await bot.api("/api/cases", { body })).status).toBe(201);
        }
        const notes = await waitFor(async () => {
          const rows = await bot.db.prisma.outboxMessage.findMany({ where: { kind: "crisis_note" } });
          return rows.length > 0 && rows.every((r) => r.status === "failed") ? rows : undefined;
        }, "the alert's thread lines to fail");
        for (const r of notes) expect(r.lastError).toBe("Slack error not_in_channel");
        const alert = await bot.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "crisis_post" } });
        expect(alert).toMatchObject({ status: "failed", lastError: "Slack error not_in_channel", attempts: 1 });
        await waitFor(() => slack.messages(CASES_CHANNEL).length === 7, "all seven cards");
        // Nothing is left waiting: every message went out or failed with its reason.
        await waitFor(
          async () => (await bot.db.prisma.outboxMessage.count({ where: { status: "pending" } })) === 0,
          "nothing left waiting",
        );
      },
    );
  });
});

describe("reservations", () => {
  const inAnHour = () => new Date(Date.now() + 3_600_000);

  isolatedBotTest(
    "a retry looks back to the earliest attempt that may have reached Slack, until one settles it",
    async ({ bot }) => {
      const { prisma } = bot.db;
      // Not due for an hour, so the running bot leaves it alone.
      const row = await prisma.outboxMessage.create({
        data: { kind: "message", channelId: "C1", payload: {}, nextAttemptAt: inAnHour() },
      });
      const claimAt = async (at: Date) => {
        const claim = await claimOutboxMessage(prisma, row.id, at, new Date(at.getTime() + 60_000));
        if (!claim) throw new Error("not claimed");
        return claim;
      };
      const first = new Date(Date.now() - 90_000);
      const c1 = await claimAt(first);
      expect(c1.uncertainSince).toBeNull();
      await retryLater(prisma, c1.lease, inAnHour(), { lastError: "Slack answered HTTP 500" }); // the post may be in Slack
      const c2 = await claimAt(new Date(Date.now() - 30_000));
      expect(c2.uncertainSince).toEqual(first);
      // The search was rate limited: still uncertain since the first attempt, not since this one.
      await retryLater(prisma, c2.lease, inAnHour(), { lastError: "rate limited", attemptedAt: c2.uncertainSince });
      const c3 = await claimAt(new Date());
      expect(c3.uncertainSince).toEqual(first);
      // Searched, not found, and Slack refused the new post: nothing left to look for.
      await retryLater(prisma, c3.lease, inAnHour(), { lastError: "Slack error ratelimited", attemptedAt: null });
      const c4 = await claimAt(new Date());
      expect(c4.uncertainSince).toBeNull();
      expect(c4.priorAttempts).toBe(3);
    },
  );

  isolatedBotTest(
    "lines under an alert still waiting to be posted are not picked up again and again",
    async ({ bot }) => {
      const { prisma } = bot.db;
      await prisma.outboxMessage.create({
        data: { kind: "crisis_post", channelId: "C0CRISIS", payload: { alertId: 999 }, nextAttemptAt: inAnHour() },
      });
      const due = new Date();
      const note = await prisma.outboxMessage.create({
        data: {
          kind: "crisis_note",
          channelId: "C0CRISIS",
          payload: { alertId: 999, note: "cleared" },
          nextAttemptAt: due,
        },
      });
      await new Promise((r) => setTimeout(r, 1500)); // a second and a half of the running bot's outbox
      expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({
        nextAttemptAt: due,
        attempts: 0,
        status: "pending",
      });
    },
  );

  isolatedBotTest("a channel where another copy is delivering is left alone", async ({ bot }) => {
    const { prisma } = bot.db;
    const later = inAnHour();
    const inLane = (text: string) =>
      prisma.outboxMessage.create({
        data: { kind: "message", channelId: "C0LANE", payload: { text, blocks: [] }, nextAttemptAt: later },
      });
    const held = await inLane("first");
    const next = await inLane("second");
    const other = await prisma.outboxMessage.create({
      data: { kind: "message", channelId: "C0OTHER", payload: { text: "x", blocks: [] }, nextAttemptAt: later },
    });
    const then = new Date(later.getTime() + 60_000);
    expect((await dueHeads(prisma, then, [], 10)).map((m) => m.id)).toEqual([held.id, other.id]);
    // Another copy holds the channel's first message: its second must wait, the other channel goes on.
    await claimOutboxMessage(prisma, held.id, then, new Date(then.getTime() + 60_000));
    expect((await dueHeads(prisma, then, [], 10)).map((m) => m.id)).toEqual([other.id]);
    expect(next.id).toBeGreaterThan(held.id);
  });

  isolatedBotTest(
    "a Slack call that never returns times out within the reservation; the retry finds the card Slack kept",
    async ({ bot, slack }) => {
      slack.fail("chat.postMessage", { hang: true, accepted: true, times: 1 });
      await bot.api("/api/cases", { body: newCase("hung") });
      const row = await waitFor(
        () => bot.db.prisma.outboxMessage.findFirst({ where: { kind: "post_card", status: "sent" } }),
        "the card to be settled after the timeout",
        40_000,
      );
      expect(row.lastError).toBeNull();
      expect(row.attempts).toBe(2);
      expect(slack.messages(CASES_CHANNEL)).toHaveLength(1);
      const c = await bot.db.prisma.case.findFirstOrThrow({ where: { externalId: "hung" } });
      expect(c.messageTs).toBe(slack.messages(CASES_CHANNEL)[0].ts);
    },
  );

  isolatedBotTest("a copy whose reservation ran out cannot overwrite the copy that took over", async ({ bot }) => {
    const { prisma } = bot.db;
    // Not due for an hour, so the running bot leaves it alone.
    const row = await prisma.outboxMessage.create({
      data: { kind: "message", channelId: "C1", payload: {}, nextAttemptAt: new Date(Date.now() + 3_600_000) },
    });
    const stale = await claimOutboxMessage(prisma, row.id, new Date(), new Date(Date.now() + 5));
    expect(stale).not.toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    const current = await claimOutboxMessage(prisma, row.id, new Date(), new Date(Date.now() + 60_000));
    expect(current).not.toBeNull();
    if (!stale || !current) return;
    expect(await markFailed(prisma, stale.lease, "Slack error not_in_channel")).toBe(false);
    expect(await markSent(prisma, stale.lease)).toBe(false);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "pending",
      lockedUntil: current.lease.lockedUntil,
      attempts: 2,
    });
    expect(await markSent(prisma, current.lease)).toBe(true);
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("sent");
  });
});
