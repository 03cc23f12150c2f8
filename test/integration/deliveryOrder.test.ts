// Urgent before bulk: a 10,000-row import queues thousands of cards for the cases channel, paced at
// Slack's one post per second. Its summary still comes first, and an escalation (another channel)
// and a reminder (the same channel) still go out within seconds.
import { describe, expect } from "vitest";
import { CALLBACKS, REPORT_FILE_BLOCK } from "../../src/ids.ts";
import { botTest, CASES_CHANNEL, waitFor } from "../support/botTest.ts";
import { testClock } from "../support/clock.ts";
import { type FbaRow, fbaReport } from "../support/returnsFiles.ts";
import { interactionBody, postSigned, viewSubmission } from "../support/signedRequests.ts";

const ESCALATIONS = "C0ESCALATE";
const clock = testClock("2026-11-24T09:00:00Z");
botTest.override("botOptions", {
  env: { ESCALATION_CHANNEL: ESCALATIONS, IMPORT_CARD_LIMIT: "10000", SWEEP_INTERVAL_SECONDS: "3600" },
  now: clock.now,
  channelIntervalMs: 1000,
});

const topLevel = (calls: { args: Record<string, any> }[], channel: string) =>
  calls.filter((c) => c.args.channel === channel && !c.args.thread_ts);

describe("with a 10,000-row import's cards waiting for the cases channel", () => {
  let caseId: number;

  botTest("a case arrives and its card is posted", async ({ bot, slack }) => {
    const res = await bot.api("/api/cases", {
      body: { orderId: "114-7777777-0000001", category: "complaint", description: "Still no answer", externalId: "u1" },
    });
    expect(res.status).toBe(201);
    caseId = res.json.case.id;
    await waitFor(() => topLevel(slack.calls("chat.postMessage"), CASES_CHANNEL).length === 1, "the card");
  });

  botTest("the import's summary is the first message of the import", async ({ bot, slack }) => {
    const rows: FbaRow[] = Array.from({ length: 10_000 }, (_, i) => ({
      date: "2026-11-20",
      orderId: `113-${String(2000000 + i)}-0000001`,
      reason: "DEFECTIVE", // seller fault: every row needs a card
      lpn: `BULK${i}`,
      asin: `B0BULK${String(i % 40).padStart(4, "0")}`,
    }));
    slack.addFile("F0BULK", "bulk.txt", fbaReport(rows));
    clock.advance({ minutes: 40 }); // the imported cases' clocks start later than the first case's
    const before = topLevel(slack.calls("chat.postMessage"), CASES_CHANNEL).length;
    const submission = viewSubmission({
      callbackId: CALLBACKS.importReturns,
      userId: "U0AGENT1",
      values: {},
      privateMetadata: JSON.stringify({ channelId: CASES_CHANNEL }),
    });
    (submission.view.state.values as any)[REPORT_FILE_BLOCK] = {
      value: { type: "file_input", files: [{ id: "F0BULK", name: "bulk.txt" }] },
    };
    expect((await postSigned(bot.baseUrl, interactionBody(submission))).status).toBe(200);
    await waitFor(
      () => topLevel(slack.calls("chat.postMessage"), CASES_CHANNEL).length >= before + 3,
      "the summary and the first cards",
      60_000,
    );
    const [first, ...next] = topLevel(slack.calls("chat.postMessage"), CASES_CHANNEL).slice(before);
    expect(first.args.text).toBe("Returns import bulk.txt: 10000 rows read, 10000 created, 0 duplicates, 0 rejected.");
    for (const card of next) expect(card.args.text).not.toContain("Returns import");
    expect(
      await bot.db.prisma.outboxMessage.count({ where: { kind: "post_card", status: "pending" } }),
    ).toBeGreaterThan(9000);
  });

  botTest("a reminder due now reaches the card's thread, in the same channel, within 5 s", async ({ bot, slack }) => {
    const c = await bot.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    clock.advance({ minutes: 6 }); // 46 minutes in: the first case's reminder is due
    const fired = Date.now();
    expect(await bot.sweep.runOnce()).toBeGreaterThan(0);
    const reminder = await waitFor(
      () => slack.calls("chat.postMessage").find((m) => m.args.thread_ts === c.messageTs),
      "the reminder",
      10_000,
    );
    expect(reminder.args.text).toContain(`AS-${c.number}`);
    expect(reminder.at - fired).toBeLessThan(5000);
  });

  botTest("an escalation due now reaches the escalation channel within 5 s", async ({ bot, slack }) => {
    clock.advance({ minutes: 15 }); // 61 minutes in: past the first case's first-reply deadline
    const fired = Date.now();
    expect(await bot.sweep.runOnce()).toBeGreaterThan(0);
    const escalation = await waitFor(
      () => slack.calls("chat.postMessage").find((m) => m.args.channel === ESCALATIONS),
      "the escalation",
      10_000,
    );
    const c = await bot.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(escalation.args.text).toContain(`AS-${c.number}`);
    expect(escalation.at - fired).toBeLessThan(5000);
    // Thousands of cards are still waiting for the cases channel: the bulk did not go first.
    const pending = await bot.db.prisma.outboxMessage.count({ where: { kind: "post_card", status: "pending" } });
    expect(pending).toBeGreaterThan(9000);
  });
});
