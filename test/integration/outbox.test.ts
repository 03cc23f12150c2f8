// Nothing lost, nothing doubled: Slack outages, rate limits and restarts while cards are pending.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { type SlackStandIn, startSlackStandIn } from "../support/slackStandIn.ts";
import { CASES_CHANNEL, startTestBot, type TestBot, waitFor } from "../support/testBot.ts";

let testDb: TestDatabase;
let slack: SlackStandIn;
let t: TestBot | undefined;

beforeEach(async () => {
  testDb = await createTestDatabase();
  slack = await startSlackStandIn();
});
afterEach(async () => {
  await t?.stop();
  t = undefined;
  await slack.close();
  await testDb.drop();
});

const newCase = (externalId: string) => ({
  orderId: "114-2962899-5762619",
  category: "return",
  description: "Wrong size",
  externalId,
});
const cardsPosted = () =>
  slack.calls("chat.postMessage").filter((c) => c.args.channel === CASES_CHANNEL && !c.args.thread_ts);

describe("outbox", () => {
  it("keeps the case when Slack answers 5xx, and posts the card exactly once when Slack recovers", async () => {
    slack.fail("chat.postMessage", { status: 503, times: 2 });
    t = await startTestBot(testDb, { slack });
    const res = await t.api("/api/cases", { body: newCase("down-1") });
    expect(res.status).toBe(201); // stored even though Slack is failing

    // Two failed attempts, then the retry (after backoff) goes through.
    const row = await waitFor(
      () => t!.db.prisma.outboxMessage.findFirst({ where: { kind: "post_card", status: "sent" } }),
      "the card to be delivered after retries",
      10_000,
    );
    expect(row.attempts).toBe(3);
    expect(slack.calls("chat.postMessage")).toHaveLength(3);
    expect(cardsPosted().length).toBe(3); // two refused + one accepted
    const c = await t.db.prisma.case.findFirstOrThrow({ where: { externalId: "down-1" } });
    expect(c.messageTs).not.toBeNull();
    await t.flush();
    expect(slack.calls("chat.postMessage")).toHaveLength(3);
  });

  it("waits as long as Slack's Retry-After says on 429", async () => {
    slack.fail("chat.postMessage", { status: 429, retryAfter: 1, times: 1 });
    t = await startTestBot(testDb, { slack });
    await t.api("/api/cases", { body: newCase("limited-1") });
    await waitFor(() => slack.calls("chat.postMessage").length === 2, "the retry after Retry-After", 10_000);
    const [first, second] = slack.calls("chat.postMessage");
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
    const row = await waitFor(
      () => t!.db.prisma.outboxMessage.findFirst({ where: { kind: "post_card", status: "sent" } }),
      "delivery",
    );
    expect(row.attempts).toBe(2);
  });

  it("gives up on errors Slack will not get over, keeping the reason", async () => {
    slack.fail("chat.postMessage", { error: "channel_not_found", times: 5 });
    t = await startTestBot(testDb, { slack });
    await t.api("/api/cases", { body: newCase("bad-channel") });
    const row = await waitFor(
      () => t!.db.prisma.outboxMessage.findFirst({ where: { kind: "post_card", status: "failed" } }),
      "the failure",
    );
    expect(row.lastError).toBe("Slack error channel_not_found");
    expect(slack.calls("chat.postMessage")).toHaveLength(1);
  });

  it("posts cards stored while Slack was down after a restart, once, and keeps every case", async () => {
    slack.fail("chat.postMessage", { status: 500, times: 1000 });
    t = await startTestBot(testDb, { slack });
    for (const id of ["r-1", "r-2", "r-3"]) expect((await t.api("/api/cases", { body: newCase(id) })).status).toBe(201);
    await waitFor(() => slack.calls("chat.postMessage").length >= 1, "a failed attempt");
    await t.stop();
    t = undefined;

    slack.fail("chat.postMessage", { status: 500, times: 0 }); // Slack is back
    const attemptsBefore = slack.calls("chat.postMessage").length;
    // Same database, new process; the earlier backoff may still be running, so make the rows due now.
    const fresh = await testDb.open();
    await fresh.prisma.outboxMessage.updateMany({ data: { nextAttemptAt: new Date() } });
    await fresh.close();
    t = await startTestBot(testDb, { slack });
    expect(await t.db.prisma.case.count()).toBe(3);
    await waitFor(
      async () => (await t!.db.prisma.case.count({ where: { messageTs: { not: null } } })) === 3,
      "all three cards",
      10_000,
    );
    await t.flush();
    const delivered = slack.calls("chat.postMessage").slice(attemptsBefore);
    expect(delivered).toHaveLength(3);
    expect(new Set(delivered.map((d) => d.args.text)).size).toBe(3);
    // The same externalId after the restart is still recognised.
    expect((await t.api("/api/cases", { body: newCase("r-2") })).status).toBe(200);
  });

  it("paces posts to one channel at about one per second", async () => {
    t = await startTestBot(testDb, { slack, channelIntervalMs: 1000 });
    for (const id of ["p-1", "p-2", "p-3"]) await t.api("/api/cases", { body: newCase(id) });
    await waitFor(() => cardsPosted().length === 3, "three cards", 10_000);
    const times = cardsPosted().map((c) => c.at);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(950);
  });

  it("removes delivered messages after 30 days, keeping recent and undelivered ones", async () => {
    t = await startTestBot(testDb, { slack, env: { SWEEP_INTERVAL_SECONDS: "3600" } });
    const old = new Date(Date.now() - 31 * 86_400_000);
    await t.db.prisma.outboxMessage.createMany({
      data: [
        { kind: "message", channelId: "C1", payload: {}, status: "sent", sentAt: old },
        { kind: "message", channelId: "C1", payload: {}, status: "sent", sentAt: new Date() },
        {
          kind: "message",
          channelId: "C1",
          payload: {},
          status: "failed",
          lastError: "Slack error channel_not_found",
          createdAt: old,
        },
      ],
    });
    await t.stop(); // the sweep at start of the next run cleans up
    t = await startTestBot(testDb, { slack, env: { SWEEP_INTERVAL_SECONDS: "3600" } });
    await waitFor(async () => (await t!.db.prisma.outboxMessage.count()) === 2, "the clean-up");
    expect((await t.db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } })).map((m) => m.status)).toEqual([
      "sent",
      "failed",
    ]);
  });
});
