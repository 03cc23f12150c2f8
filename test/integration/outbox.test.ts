// Nothing lost, nothing doubled: Slack outages, rate limits and restarts while cards are pending.
// Every test here counts all that Slack received, so each gets a database, stand-in Slack and bot
// of its own (isolatedBotTest). A failure is set on the stand-in before the first case comes in.
import { describe, expect } from "vitest";
import { CASES_CHANNEL, isolatedBotTest, waitFor } from "../support/botTest.ts";
import type { SlackStandIn } from "../support/slackStandIn.ts";

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
