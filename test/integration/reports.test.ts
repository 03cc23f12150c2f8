// The weekly digest (exactly once, caught up after downtime), /case summary and /case list.
import { describe, expect } from "vitest";
import { ACTIONS } from "../../src/ids.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import type { SlackStandIn } from "../../src/sandbox/slackStandIn.ts";
import { botTest, LEAD, waitFor } from "../support/botTest.ts";
import { testClock } from "../support/clock.ts";
import { backend } from "../support/database.ts";
import { PNG_SIGNATURE } from "../support/png.ts";
import { buttonPayload, interactionBody, postSigned } from "../support/signedRequests.ts";

const DIGEST = "C0DIGEST";
const clock = testClock("2026-11-18T10:00:00Z");
// Mondays 09:00 in Berlin = 08:00 UTC in November.
botTest.override("botOptions", {
  env: { DIGEST_CHANNEL: DIGEST, TEAM_TIMEZONE: "Europe/Berlin", SWEEP_INTERVAL_SECONDS: "3600" },
  now: clock.now,
});

// A week of cases: 25 open returns for one ASIN, a few refunds.
botTest.beforeAll(async ({ bot }) => {
  for (let i = 0; i < 25; i++) {
    clock.set(new Date(Date.UTC(2026, 10, 18, 10, i)));
    const res = await bot.api("/api/cases", {
      body: {
        orderId: "114-2962899-5762619",
        asin: "B0AAAAAAAA",
        category: "return",
        description: `Return ${i}`,
        externalId: `r${i}`,
      },
    });
    expect(res.status).toBe(201);
  }
  for (let i = 0; i < 3; i++) {
    await bot.api("/api/cases", {
      body: {
        orderId: "114-2962899-5762619",
        asin: "B0BBBBBBBB",
        category: "refund",
        description: `Refund ${i}`,
        externalId: `f${i}`,
      },
    });
  }
});

const digests = (slack: SlackStandIn) => slack.calls("chat.postMessage").filter((m) => m.args.channel === DIGEST);
const chartsIn = (slack: SlackStandIn, channel: string) => slack.uploads().filter((u) => u.shared?.channel === channel);

describe("weekly digest", () => {
  botTest("posts the digest for a period once, however often it is asked for", async ({ bot, slack }) => {
    clock.set("2026-11-23T08:00:00Z");
    const scheduled = new Date("2026-11-23T08:00:00Z");
    expect(await bot.digest.postFor(scheduled)).toBe(true);
    expect(await bot.digest.postFor(scheduled)).toBe(false);
    await bot.flush();
    const posted = await waitFor(() => digests(slack)[0], "the digest");
    expect(posted.args.text).toContain(
      "Weekly triage 16 Nov – 23 Nov 2026: 28 opened, 0 resolved, 28 open (28 unclaimed)",
    );
    expect(JSON.stringify(posted.args.blocks)).toContain("*B0AAAAAAAA* — 25 cases");
    expect(JSON.stringify(posted.args.blocks)).not.toContain("Posted late");
    expect(blockKitProblems(posted.args, "message")).toEqual([]);
    await bot.flush();
    expect(digests(slack)).toHaveLength(1);
  });

  botTest(
    "the digest's chart follows it as one upload in the digest channel, once per period",
    async ({ bot, slack }) => {
      const [chart] = await waitFor(
        () => (chartsIn(slack, DIGEST).length ? chartsIn(slack, DIGEST) : undefined),
        "the chart",
      );
      expect(chart.content?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(chart.content?.length).toBe(chart.length);
      // The alt text states the main figures, so the message reads without the picture.
      expect(chart.alt).toMatch(/28/);
      expect(chart.alt).toContain("B0AAAAAAAA");
      // It comes below its text.
      const text = slack.messages(DIGEST).find((m) => !m.files);
      expect(Number(chart.shared?.ts)).toBeGreaterThan(Number(text?.ts));
      // Asked again for the same period: nothing new is uploaded.
      expect(await bot.digest.postFor(new Date("2026-11-23T08:00:00Z"))).toBe(false);
      await bot.flush();
      expect(chartsIn(slack, DIGEST)).toHaveLength(1);
      expect(slack.uploads().filter((u) => u.filename.startsWith("cases-"))).toHaveLength(1);
    },
  );

  botTest(
    "an upload Slack fails (5xx) is retried after the text is posted, and shared once even when an answer was lost",
    async ({ bot, slack }) => {
      const scheduled = new Date("2026-11-16T08:00:00Z");
      slack.fail("upload", { status: 503, times: 1 });
      slack.fail("files.completeUploadExternal", { status: 500, times: 1, accepted: true });
      const textsBefore = digests(slack).length;
      const chartsBefore = chartsIn(slack, DIGEST).length;
      expect(await bot.digest.postFor(scheduled)).toBe(true);
      await bot.flush();
      const text = await waitFor(() => digests(slack)[textsBefore], "the digest text");
      await waitFor(() => chartsIn(slack, DIGEST).length > chartsBefore, "the chart");
      // Slack lists the share only a moment after it answered: the retry waits for it instead of sharing again.
      await waitFor(
        async () => (await bot.db.prisma.outboxMessage.count({ where: { kind: "chart", status: "pending" } })) === 0,
        "the upload settled",
      );
      expect(chartsIn(slack, DIGEST)).toHaveLength(chartsBefore + 1);
      expect(slack.calls("files.completeUploadExternal").filter((c) => c.at > text.at)).toHaveLength(1);
      const row = await bot.db.prisma.outboxMessage.findFirstOrThrow({
        where: { dedupeKey: `chart:digest:${scheduled.toISOString()}` },
      });
      expect(row.status).toBe("sent");
      // Failed upload, lost answer, then found shared: three attempts, two uploads, all after the text.
      expect(row.attempts).toBe(3);
      const tries = slack
        .calls("files.getUploadURLExternal")
        .filter((c) => c.args.filename === "cases-2026-11-09-2026-11-16.png");
      expect(tries).toHaveLength(2);
      expect(tries.every((c) => c.at >= text.at)).toBe(true);
    },
  );

  botTest(
    "a picture Slack refuses for good leaves its text posted, and /case health says what to do",
    async ({ bot, slack }) => {
      const scheduled = new Date("2026-11-09T08:00:00Z");
      slack.fail("files.getUploadURLExternal", { error: "missing_scope", times: 1 });
      const textsBefore = digests(slack).length;
      expect(await bot.digest.postFor(scheduled)).toBe(true);
      await bot.flush();
      await waitFor(() => digests(slack)[textsBefore], "the digest text");
      const row = await waitFor(
        () =>
          bot.db.prisma.outboxMessage.findFirst({
            where: { dedupeKey: `chart:digest:${scheduled.toISOString()}`, status: "failed" },
          }),
        "the refused chart",
      );
      expect(row.lastError).toContain("missing_scope");
      const before = slack.responses.length;
      await bot.command("health", LEAD);
      const answer = await waitFor(() => slack.responses[before], "the answer to /case health");
      expect(JSON.stringify(answer.body)).toContain("files:write");
    },
  );

  botTest(
    "catches up, once and marked late, a digest that was due while the bot was stopped",
    async ({ bot, slack }) => {
      await bot.stop();
      clock.set("2026-11-30T10:30:00Z"); // Monday 11:30 in Berlin: the 09:00 digest was missed
      await bot.start();
      const late = await waitFor(
        () => digests(slack).find((d) => d.args.text.includes("23 Nov – 30 Nov")),
        "the late digest",
      );
      expect(JSON.stringify(late.args.blocks)).toContain("Posted late");
      await bot.stop();
      await bot.start();
      expect(await bot.digest.catchUp()).toBe(false);
      await bot.flush();
      expect(digests(slack).filter((d) => d.args.text.includes("23 Nov – 30 Nov"))).toHaveLength(1);
    },
  );

  botTest.runIf(backend === "postgres")(
    "two copies of the bot post one digest per period",
    async ({ bot, secondBot, slack }) => {
      const scheduled = new Date("2026-12-07T08:00:00Z");
      clock.set(scheduled);
      const results = await Promise.all([
        bot.digest.postFor(scheduled),
        secondBot.digest.postFor(scheduled),
        bot.digest.postFor(scheduled),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      await Promise.all([bot.flush(), secondBot.flush()]);
      await waitFor(() => digests(slack).find((d) => d.args.text.includes("30 Nov – 7 Dec")), "the digest");
      await new Promise((r) => setTimeout(r, 200));
      expect(digests(slack).filter((d) => d.args.text.includes("30 Nov – 7 Dec"))).toHaveLength(1);
    },
  );
});

describe("/case summary and /case list", () => {
  const responses = (slack: SlackStandIn) => slack.responses.filter((r) => r.path === "/response/cmd");

  botTest(
    "/case summary 30d chart answers privately and sends its charts to the person's DM",
    async ({ bot, slack }) => {
      clock.set("2026-11-25T12:00:00Z");
      const before = responses(slack).length;
      expect((await bot.command("summary 30d chart", "U0AGENT1")).status).toBe(200);
      const [summary, note] = await waitFor(
        () => (responses(slack).length >= before + 2 ? responses(slack).slice(before) : undefined),
        "the summary and its note",
      );
      expect(summary.body.text).toContain("Summary");
      expect(note.body.text).toContain("direct messages");
      // Shared in the person's direct messages with the app (the conversation Slack opened).
      const [chart] = await waitFor(
        () => (chartsIn(slack, "D0AGENT1").length ? chartsIn(slack, "D0AGENT1") : undefined),
        "the chart",
      );
      expect(chart.content?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(slack.calls("conversations.open").at(-1)?.args.users).toBe("U0AGENT1");
      const share = slack.messages("U0AGENT1").find((m) => m.files?.some((f) => f.id === chart.id));
      expect(share?.text).toContain("30d");

      // Asked again at once, nothing new is sent; a period too long to draw day by day is refused politely.
      const again = responses(slack).length;
      await bot.command("summary 30D chart", "U0AGENT1");
      const [, alreadyNote] = await waitFor(
        () => (responses(slack).length >= again + 2 ? responses(slack).slice(again) : undefined),
        "the second answer",
      );
      expect(alreadyNote.body.text).toContain("already on their way");
      const long = responses(slack).length;
      await bot.command("summary 2026-01-01..2026-11-24 chart", "U0AGENT1");
      const [longSummary, refusal] = await waitFor(
        () => (responses(slack).length >= long + 2 ? responses(slack).slice(long) : undefined),
        "the answer to a long period",
      );
      expect(longSummary.body.text).toContain("Summary");
      expect(refusal.body.text).toContain("up to 92 days");
      await bot.flush();
      expect(chartsIn(slack, "D0AGENT1")).toHaveLength(1);
    },
  );

  botTest(
    "answers /case summary privately with the report for the range asked, and explains a bad range",
    async ({ bot, slack }) => {
      clock.set("2026-11-25T12:00:00Z");
      const before = responses(slack).length;
      const res = await bot.command("summary 2026-11-16..2026-11-22");
      expect(res.status).toBe(200);
      const answer = await waitFor(() => responses(slack)[before], "the summary");
      expect(answer.body.response_type).toBe("ephemeral");
      expect(answer.body.text).toContain("Summary 16 Nov – 22 Nov 2026: 28 opened");
      expect(blockKitProblems(answer.body, "message")).toEqual([]);

      await bot.command("summary last tuesday");
      const error = await waitFor(() => responses(slack)[before + 1], "the error");
      expect(error.body.text).toContain("I can't read `last tuesday` as a period");
      expect(error.body.text).toContain("2026-11-01..2026-11-30");
    },
  );

  botTest("lists open cases 20 a page, oldest first, with a working Next button", async ({ bot, slack }) => {
    const before = responses(slack).length;
    await bot.command("list unclaimed");
    const page1 = await waitFor(() => responses(slack)[before], "the list");
    expect(page1.body.text).toBe("Unclaimed cases: 1–20 of 28");
    expect(blockKitProblems(page1.body, "message")).toEqual([]);
    const next = page1.body.blocks.at(-1).elements.find((e: any) => e.action_id === ACTIONS.listNext);
    expect(next).toBeDefined();

    const payload = {
      ...buttonPayload({ actionId: ACTIONS.listNext, value: next.value, userId: "U0AGENT1" }),
      response_url: slack.url.replace(/api\/$/, "response/list"),
    };
    await postSigned(bot.baseUrl, interactionBody(payload));
    const page2 = await waitFor(() => slack.responses.find((r) => r.path === "/response/list"), "page 2");
    expect(page2.body.text).toBe("Unclaimed cases: 21–28 of 28");
    expect(page2.body.replace_original).toBe(true);
  });

  botTest("filters by ASIN, by person, and explains a filter it does not know", async ({ bot, slack }) => {
    const before = responses(slack).length;
    await bot.command("list B0BBBBBBBB");
    expect((await waitFor(() => responses(slack)[before], "asin list")).body.text).toBe(
      "Cases for B0BBBBBBBB: 1–3 of 3",
    );
    await bot.command("list <@U0NOBODY|nobody>");
    expect((await waitFor(() => responses(slack)[before + 1], "person list")).body.text).toBe(
      "Open cases of <@U0NOBODY>: none.",
    );
    await bot.command("list everything");
    expect((await waitFor(() => responses(slack)[before + 2], "error")).body.text).toContain(
      "I can't list `everything`",
    );
  });
});
