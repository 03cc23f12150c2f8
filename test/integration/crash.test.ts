// The bot killed outright (SIGKILL: no shutdown, no last write) right after Slack took a card, then
// started again: the card is not posted a second time. The bot runs as a real process, as in
// production; the test reads the database only while no bot process holds it.
import { expect } from "vitest";
import { postCase, startBotProcess, untilHealthy } from "../support/botProcess.ts";
import { CASES_CHANNEL, isolatedBotTest, waitFor } from "../support/botTest.ts";
import { freePort } from "../support/freePort.ts";

isolatedBotTest(
  "a bot killed right after Slack accepted a card post leaves exactly one card once restarted",
  async ({ testDb, slack }) => {
    // Slack keeps the card but the answer never reaches the bot.
    slack.fail("chat.postMessage", { hang: true, accepted: true, times: 1, channel: CASES_CHANNEL });
    const port = await freePort();
    const start = () => startBotProcess(testDb, slack, port);
    const healthy = () => untilHealthy(port);

    const first = start();
    await healthy();
    expect(await postCase(port)).toBe(201);
    await waitFor(() => slack.messages(CASES_CHANNEL).length === 1, "Slack to take the card");
    first.child.kill("SIGKILL");
    await first.exited;

    // The killed process's reservation of the card would run out after a minute: let it run out now.
    const db = await testDb.open();
    const held = await db.prisma.outboxMessage.updateMany({
      where: { kind: "post_card", status: "pending", lockedUntil: { not: null } },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect(held.count).toBe(1); // the card was mid-delivery when the bot died
    await db.close();

    const second = start();
    await healthy();
    await waitFor(() => slack.calls("conversations.history").length > 0, "the restarted bot to look for the card");
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const cards = slack.messages(CASES_CHANNEL).filter((m) => !m.thread_ts);
    expect(cards).toHaveLength(1);
    expect(slack.calls("chat.postMessage").filter((c) => c.args.channel === CASES_CHANNEL)).toHaveLength(1);
    const after = await testDb.open();
    try {
      const c = await after.prisma.case.findFirstOrThrow();
      expect(c.messageTs).toBe(cards[0].ts);
      const row = await after.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "post_card" } });
      expect(row.status).toBe("sent");
    } finally {
      await after.close();
    }
  },
  // Two bot processes start one after the other; on a busy machine that alone can take half a minute.
  90_000,
);
