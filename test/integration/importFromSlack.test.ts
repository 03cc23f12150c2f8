// /case import through Slack: the modal, the file fetched with the bot token, one summary.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect } from "vitest";
import { CALLBACKS, REPORT_FILE_BLOCK } from "../../src/ids.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { botTest, type TestBot, waitFor } from "../support/botTest.ts";
import { fbaReport } from "../support/returnsFiles.ts";
import { interactionBody, postSigned, viewSubmission } from "../support/signedRequests.ts";

botTest.override("botOptions", { env: { SWEEP_INTERVAL_SECONDS: "3600" } });

function submitFile(bot: TestBot, fileId: string) {
  const s = viewSubmission({
    callbackId: CALLBACKS.importReturns,
    userId: "U0AGENT1",
    values: {},
    privateMetadata: JSON.stringify({ channelId: "C0TEAM" }),
  });
  (s.view.state.values as any)[REPORT_FILE_BLOCK] = {
    value: { type: "file_input", files: fileId ? [{ id: fileId, name: "x" }] : [] },
  };
  return postSigned(bot.baseUrl, interactionBody(s));
}

describe("/case import", () => {
  describe("opens the import form, imports the uploaded report and posts one summary where it was asked for", () => {
    botTest("/case import opens the import form", async ({ bot }) => {
      await bot.command("import");
      const modal = await waitFor(
        () => bot.slack.calls("views.open").find((c) => c.args.view.callback_id === CALLBACKS.importReturns),
        "the form",
      );
      expect(blockKitProblems(modal.args.view, "modal")).toEqual([]);
    });

    botTest(
      "the uploaded report is imported and summed up once, in the channel the form came from",
      async ({ bot }) => {
        bot.slack.addFile(
          "F0REPORT",
          "returns-june.txt",
          fbaReport([
            { date: "2025-06-05", orderId: "114-2962899-5762619", reason: "DEFECTIVE", lpn: "L1" },
            { date: "2025-06-06", orderId: "114-2962899-5762620", reason: "UNWANTED_ITEM", lpn: "L2" },
            { date: "bad", orderId: "114-2962899-5762621", reason: "DEFECTIVE", lpn: "L3" },
          ]),
        );
        const res = await submitFile(bot, "F0REPORT");
        expect(res.status).toBe(200);
        const summary = await waitFor(
          () =>
            bot.slack
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
      },
    );

    botTest("only the seller-fault return gets a card", async ({ bot }) => {
      await waitFor(
        () =>
          bot.slack
            .calls("chat.postMessage")
            .find((m) => m.args.channel === "C0CASES" && m.args.text.includes("114-2962899-5762619")),
        "the card",
      );
      expect(bot.slack.calls("chat.postMessage").some((m) => m.args.text.includes("114-2962899-5762620"))).toBe(false);
    });
  });

  botTest("imports a report shared in the channel just before /case import, without the form", async ({ bot }) => {
    bot.slack.addFile(
      "F0SHARED",
      "returns-july.txt",
      fbaReport([{ date: "2025-07-05", orderId: "114-2962899-5762699", reason: "SWITCHEROO", lpn: "S1" }]),
    );
    bot.slack.answer("files.list", { files: [{ id: "F0SHARED", name: "returns-july.txt" }] });
    try {
      const opened = bot.slack.calls("views.open").length;
      await bot.command("import");
      const summary = await waitFor(
        () =>
          bot.slack.calls("chat.postMessage").find((m) => m.args.text.startsWith("Returns import returns-july.txt")),
        "the summary",
        10_000,
      );
      expect(summary.args.channel).toBe("C0CASES");
      expect(summary.args.text).toContain("1 rows read, 1 created");
      expect(bot.slack.calls("views.open")).toHaveLength(opened);
      expect(bot.slack.calls("files.list").at(-1)?.args).toMatchObject({ channel: "C0CASES", user: "U0AGENT1" });
    } finally {
      bot.slack.answer("files.list", { files: [] });
    }
  });

  botTest("names a shared file in its reply without letting the name ping anyone", async ({ bot }) => {
    bot.slack.addFile("F0PING", "<!channel> returns.txt", fbaReport([]));
    bot.slack.answer("files.list", { files: [{ id: "F0PING", name: "<!channel> returns.txt" }] });
    try {
      const before = bot.slack.responses.length;
      await bot.command("import");
      const reply = await waitFor(
        () => bot.slack.responses.slice(before).find((r) => String(r.body.text).startsWith("Importing")),
        "the reply",
      );
      expect(reply.body.text).toBe("Importing &lt;!channel&gt; returns.txt… a summary follows here.");
    } finally {
      bot.slack.answer("files.list", { files: [] });
    }
  });

  botTest(
    "a download that breaks part-way keeps the rows before it, sums them up and says what to do",
    async ({ bot }) => {
      const rows = Array.from({ length: 1200 }, (_, i) => ({
        date: "2025-08-01",
        orderId: `115-${String(3000000 + i)}-0000001`,
        reason: i === 3 ? "DEFECTIVE" : "UNWANTED_ITEM",
        lpn: `CUT${i}`,
      }));
      const text = fbaReport(rows);
      // Broken nine tenths in, a moment after the bytes before the break arrived: the whole
      // batches of 500 read by then are written, the rows after them are not.
      bot.slack.addFile("F0CUT", "august.txt", text, { cutAfter: Math.floor(text.length * 0.9) });
      const res = await submitFile(bot, "F0CUT");
      expect(res.status).toBe(200);
      const summary = await waitFor(
        () => bot.slack.calls("chat.postMessage").find((m) => m.args.text.startsWith("Returns import august.txt")),
        "the summary of what was imported",
        15_000,
      );
      const created = Number(/(\d+) created/.exec(summary.args.text)?.[1]);
      expect(created).toBeGreaterThanOrEqual(500);
      expect(created % 500).toBe(0);
      expect(created).toBeLessThan(1200);
      expect(summary.args.text).toContain("Stopped part-way.");
      expect(JSON.stringify(summary.args.blocks)).toContain("The import stopped after");
      expect(blockKitProblems(summary.args, "message")).toEqual([]);
      const told = await waitFor(
        () => bot.slack.calls("chat.postEphemeral").find((m) => m.args.text.startsWith("The import stopped part-way")),
        "the private note",
      );
      expect(told.args.text).toContain(`The ${created} cases before that were imported`);
      expect(await bot.db.prisma.case.count({ where: { orderId: { startsWith: "115-" } } })).toBe(created);
      // The one seller-fault return among them gets its card, after the summary.
      const card = await waitFor(
        () => bot.slack.calls("chat.postMessage").find((m) => m.args.text.includes("115-3000003-0000001")),
        "its card",
      );
      expect(card.at).toBeGreaterThanOrEqual(summary.at);
    },
  );

  botTest("asks for the file when none is attached, and explains a file that is not a report", async ({ bot }) => {
    const empty = await submitFile(bot, "");
    expect(empty.json.errors[REPORT_FILE_BLOCK]).toContain("Attach the returns report");

    bot.slack.addFile("F0WRONG", "contacts.txt", "name\temail\nJane\tj@example.com\n");
    await submitFile(bot, "F0WRONG");
    const told = await waitFor(
      () => bot.slack.calls("chat.postEphemeral").find((e) => e.args.text.includes("was not imported")),
      "the explanation",
    );
    expect(told.args.text).toContain("not an Amazon returns report I know");
    expect(told.args.channel).toBe("C0TEAM");
  });
});

describe("the bot token goes to Slack's file host only", () => {
  /** A server that is not Slack: it records whatever reaches it, Authorization header included. */
  async function outsider() {
    const seen: { url?: string; authorization?: string }[] = [];
    const server = http.createServer((req, res) => {
      seen.push({ url: req.url, authorization: req.headers.authorization });
      res.writeHead(200, { "content-type": "text/plain" }).end("return-date\torder-id\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }
  const refusals = (bot: TestBot) =>
    bot.slack.calls("chat.postEphemeral").filter((c) => c.args.text.startsWith("The returns report was not imported"));

  botTest(
    "refuses a file shared from outside Slack, and one whose address or redirect leaves Slack",
    async ({ bot }) => {
      const elsewhere = await outsider();
      try {
        bot.slack.addFile("F0DRIVE", "drive.txt", "", {
          info: { mode: "external", is_external: true, url_private: `${elsewhere.url}/drive` },
        });
        bot.slack.addFile("F0REMOTE", "remote.txt", "", { info: { url_private_download: `${elsewhere.url}/remote` } });
        bot.slack.addFile("F0HOP", "hop.txt", "", { redirectTo: `${elsewhere.url}/hop` });
        const outsideSlack = () =>
          refusals(bot).filter((c) =>
            c.args.text.includes("That file is stored outside Slack; download it and upload the file itself."),
          );
        for (const [i, id] of ["F0DRIVE", "F0REMOTE", "F0HOP"].entries()) {
          await submitFile(bot, id);
          const told = await waitFor(() => outsideSlack()[i], `the refusal for ${id}`);
          expect(told.args.user).toBe("U0AGENT1");
        }
        // Nothing, and so no token, reached the host outside Slack.
        expect(elsewhere.seen).toEqual([]);
      } finally {
        await elsewhere.close();
      }
    },
  );
});
