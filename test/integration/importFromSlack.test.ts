// /case import through Slack: the modal, the file fetched with the bot token, one summary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALLBACKS, REPORT_FILE_BLOCK } from "../../src/ids.ts";
import { blockKitProblems } from "../support/blockKitLimits.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { fbaReport } from "../support/returnsFiles.ts";
import { interactionBody, postSigned, viewSubmission } from "../support/signedRequests.ts";
import { startTestBot, type TestBot, waitFor } from "../support/testBot.ts";

let testDb: TestDatabase;
let t: TestBot;

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await startTestBot(testDb, { env: { SWEEP_INTERVAL_SECONDS: "3600" } });
});
afterAll(async () => {
  await t?.stop();
  await testDb?.drop();
});

function submitFile(fileId: string) {
  const s = viewSubmission({
    callbackId: CALLBACKS.importReturns,
    userId: "U0AGENT1",
    values: {},
    privateMetadata: JSON.stringify({ channelId: "C0TEAM" }),
  });
  (s.view.state.values as any)[REPORT_FILE_BLOCK] = {
    value: { type: "file_input", files: fileId ? [{ id: fileId, name: "x" }] : [] },
  };
  return postSigned(t.baseUrl, interactionBody(s));
}

describe("/case import", () => {
  it("opens the import form, imports the uploaded report and posts one summary where it was asked for", async () => {
    await t.command("import");
    const modal = await waitFor(
      () => t.slack.calls("views.open").find((c) => c.args.view.callback_id === CALLBACKS.importReturns),
      "the form",
    );
    expect(blockKitProblems(modal.args.view, "modal")).toEqual([]);

    t.slack.addFile(
      "F0REPORT",
      "returns-june.txt",
      fbaReport([
        { date: "2025-06-05", orderId: "114-2962899-5762619", reason: "DEFECTIVE", lpn: "L1" },
        { date: "2025-06-06", orderId: "114-2962899-5762620", reason: "UNWANTED_ITEM", lpn: "L2" },
        { date: "bad", orderId: "114-2962899-5762621", reason: "DEFECTIVE", lpn: "L3" },
      ]),
    );
    const res = await submitFile("F0REPORT");
    expect(res.status).toBe(200);
    const summary = await waitFor(
      () =>
        t.slack
          .calls("chat.postMessage")
          .find((m) => m.args.channel === "C0TEAM" && m.args.text.startsWith("Returns import")),
      "the summary",
      10_000,
    );
    expect(summary.args.text).toBe(
      "Returns import returns-june.txt: 3 rows read, 2 created, 0 duplicates, 1 rejected.",
    );
    expect(JSON.stringify(summary.args.blocks)).toContain('line 4: \\"bad\\" is not a date');
    expect(blockKitProblems(summary.args, "message")).toEqual([]);
    // Only the seller-fault return gets a card.
    await waitFor(
      () =>
        t.slack
          .calls("chat.postMessage")
          .find((m) => m.args.channel === "C0CASES" && m.args.text.includes("114-2962899-5762619")),
      "the card",
    );
    expect(t.slack.calls("chat.postMessage").some((m) => m.args.text.includes("114-2962899-5762620"))).toBe(false);
  });

  it("imports a report shared in the channel just before /case import, without the form", async () => {
    t.slack.addFile(
      "F0SHARED",
      "returns-july.txt",
      fbaReport([{ date: "2025-07-05", orderId: "114-2962899-5762699", reason: "SWITCHEROO", lpn: "S1" }]),
    );
    t.slack.answer("files.list", { files: [{ id: "F0SHARED", name: "returns-july.txt" }] });
    try {
      const opened = t.slack.calls("views.open").length;
      await t.command("import");
      const summary = await waitFor(
        () => t.slack.calls("chat.postMessage").find((m) => m.args.text.startsWith("Returns import returns-july.txt")),
        "the summary",
        10_000,
      );
      expect(summary.args.channel).toBe("C0CASES");
      expect(summary.args.text).toContain("1 rows read, 1 created");
      expect(t.slack.calls("views.open")).toHaveLength(opened);
      expect(t.slack.calls("files.list").at(-1)?.args).toMatchObject({ channel: "C0CASES", user: "U0AGENT1" });
    } finally {
      t.slack.answer("files.list", { files: [] });
    }
  });

  it("asks for the file when none is attached, and explains a file that is not a report", async () => {
    const empty = await submitFile("");
    expect(empty.json.errors[REPORT_FILE_BLOCK]).toContain("Attach the returns report");

    t.slack.addFile("F0WRONG", "contacts.txt", "name\temail\nJane\tj@example.com\n");
    await submitFile("F0WRONG");
    const told = await waitFor(
      () => t.slack.calls("chat.postEphemeral").find((e) => e.args.text.includes("was not imported")),
      "the explanation",
    );
    expect(told.args.text).toContain("not an Amazon returns report I know");
    expect(told.args.channel).toBe("C0TEAM");
  });
});
