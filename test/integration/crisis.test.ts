// Crisis alerts through the real app: a return wave raised once and updated in place, cleared
// after a quiet period, bulk claim with cases taken meanwhile, ODR thresholds, risk words, and
// two copies of the bot raising one alert.
import { describe, expect } from "vitest";
import { ACTIONS, CALLBACKS, CASES_BLOCK, RESOLVE_BLOCKS } from "../../src/ids.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import type { SlackCall, SlackStandIn } from "../../src/sandbox/slackStandIn.ts";
import { botTest, CASES_CHANNEL, LEAD, type TestBot, waitFor } from "../support/botTest.ts";
import { testClock } from "../support/clock.ts";
import { backend } from "../support/database.ts";
import { PNG_SIGNATURE } from "../support/png.ts";
import { buttonPayload, interactionBody, postSigned, viewSubmission } from "../support/signedRequests.ts";

const CRISIS = "C0CRISIS";
const clock = testClock("2026-11-20T08:00:00Z");
botTest.override("botOptions", {
  env: { CRISIS_CHANNEL: CRISIS, SWEEP_INTERVAL_SECONDS: "3600" },
  now: clock.now,
});

type NewCase = { id: number; number: string; priority: string };
let orderSeq = 1000000;

async function caseFor(bot: TestBot, asin: string | undefined, extra: Record<string, unknown> = {}): Promise<NewCase> {
  orderSeq++;
  const res = await bot.api("/api/cases", {
    body: {
      orderId: `114-${orderSeq}-5762619`,
      asin,
      category: "return",
      description: "Wants to return it",
      externalId: `x${orderSeq}`,
      ...extra,
    },
  });
  expect(res.status).toBe(201);
  return res.json.case;
}
const alertPosts = (slack: SlackStandIn, text: string) =>
  slack
    .calls("chat.postMessage")
    .filter((m) => m.args.channel === CRISIS && !m.args.thread_ts && m.args.text.includes(text));

async function waveAlert(bot: TestBot, asin: string) {
  return waitFor(
    () => bot.db.prisma.crisisAlert.findFirst({ where: { kind: "wave", subject: asin, messageTs: { not: null } } }),
    "the alert",
  );
}

describe("return wave", () => {
  describe("raises one alert for 6 cases in an hour, updates it in place for the 7th, and clears it after a quiet period", () => {
    let alert: { messageTs: string | null };
    let seventh: NewCase;

    botTest(
      "six returns of one ASIN, ten minutes apart, raise one alert in the crisis channel",
      async ({ bot, slack }) => {
        for (let i = 0; i < 6; i++) {
          await caseFor(bot, "B0WAVE0001");
          clock.advance({ minutes: 10 });
        }
        await bot.flush();
        const posted = await waitFor(() => alertPosts(slack, "B0WAVE0001")[0], "the alert");
        expect(alertPosts(slack, "B0WAVE0001")).toHaveLength(1);
        // Raised by the 5th case; rendered from the database when delivered, so it may already count the 6th.
        expect(posted.args.text).toMatch(/^Return wave: [56] cases in 24 h for B0WAVE0001/);
        expect(blockKitProblems(posted.args, "message")).toEqual([]);
        alert = await bot.db.prisma.crisisAlert.findFirstOrThrow({ where: { kind: "wave", subject: "B0WAVE0001" } });
      },
    );

    botTest("the seventh updates the alert in place, with the bulk actions and advice", async ({ bot, slack }) => {
      seventh = await caseFor(bot, "B0WAVE0001");
      await bot.flush();
      const update = await waitFor(
        () =>
          slack
            .calls("chat.update")
            .filter((u) => u.args.ts === alert.messageTs && u.args.text.includes("7 cases"))
            .at(-1),
        "the alert update",
      );
      expect(JSON.stringify(update.args.blocks)).toContain("Claim all unclaimed");
      expect(JSON.stringify(update.args.blocks)).toContain("don't blanket-reject returns");
    });

    botTest("the seventh is named in the alert's thread, and no second alert is posted", async ({ slack }) => {
      const joined = await waitFor(
        () =>
          slack
            .calls("chat.postMessage")
            .find((m) => m.args.thread_ts === alert.messageTs && m.args.text.includes(seventh.number)),
        "the thread line",
      );
      expect(joined.args.text).toContain("joined the wave");
      expect(alertPosts(slack, "B0WAVE0001")).toHaveLength(1);
    });

    botTest(
      "the alert's thread gets the wave's chart when raised, and a fresh one at most hourly while it goes on",
      async ({ bot, slack }) => {
        const inThread = () => slack.uploads().filter((u) => u.shared?.threadTs === alert.messageTs);
        const first = await waitFor(() => inThread()[0], "the wave chart");
        expect(first.content?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
        expect(first.shared?.channel).toBe(CRISIS);
        expect(first.alt).toContain("B0WAVE0001");
        // The seventh case came 20 minutes after the alert: no second chart.
        expect(inThread()).toHaveLength(1);

        clock.advance({ minutes: 61 });
        await bot.sweep.runOnce();
        await bot.flush();
        await waitFor(() => inThread()[1], "the refreshed chart");
        await bot.sweep.runOnce();
        await bot.flush();
        expect(inThread()).toHaveLength(2);
      },
    );

    botTest("after a quiet day the alert is marked cleared", async ({ bot, slack }) => {
      clock.advance({ hours: 25 }); // a quiet day
      await bot.sweep.runOnce();
      await bot.flush();
      const cleared = await waitFor(
        () =>
          slack
            .calls("chat.update")
            .filter((u) => u.args.ts === alert.messageTs && u.args.text.includes("cleared"))
            .at(-1),
        "the cleared alert",
      );
      expect(cleared.args.text).toContain("Return wave for B0WAVE0001 cleared: 7 cases");
      expect(
        await bot.db.prisma.crisisAlert.count({ where: { kind: "wave", subject: "B0WAVE0001", status: "active" } }),
      ).toBe(0);
    });
  });

  describe("claims all unclaimed cases in bulk, skipping and reporting the ones someone else took meanwhile", () => {
    const cases: NewCase[] = [];
    let summary: SlackCall;

    botTest("twenty returns raise an alert; two agents each take one case before the lead acts", async ({ bot }) => {
      for (let i = 0; i < 20; i++) cases.push(await caseFor(bot, "B0WAVE0002"));
      await bot.flush();
      const alert = await waveAlert(bot, "B0WAVE0002");
      for (const [i, user] of [
        [3, "U0OTHER1"],
        [11, "U0OTHER2"],
      ] as const) {
        await bot.click(ACTIONS.claim, cases[i].id, user);
        await waitFor(
          async () => (await bot.db.prisma.case.findUniqueOrThrow({ where: { id: cases[i].id } })).ownerId === user,
          "the claim",
        );
      }
      const before = bot.slack.calls("chat.postEphemeral").length;
      await bot.click(ACTIONS.crisisClaimAll, alert.id, LEAD, CRISIS);
      summary = await waitFor(
        () =>
          bot.slack
            .calls("chat.postEphemeral")
            .slice(before)
            .find((e) => e.args.text.startsWith("Claimed")),
        "the summary",
        10_000,
      );
    });

    botTest("Claim all tells the lead privately what was claimed and who holds the two skipped", async () => {
      expect(summary.args.user).toBe(LEAD);
      expect(summary.args.text).toContain("Claimed 18 cases");
      expect(summary.args.text).toContain("Skipped 2");
      expect(summary.args.text).toContain(`${cases[3].number} is already claimed by <@U0OTHER1>`);
      expect(summary.args.text).toContain(`${cases[11].number} is already claimed by <@U0OTHER2>`);
    });

    botTest("the other 18 are the lead's now, and every card shows its owner", async ({ bot }) => {
      const owners = await bot.db.prisma.case.findMany({
        where: { id: { in: cases.map((c) => c.id) } },
        select: { id: true, ownerId: true, messageTs: true },
      });
      expect(owners.filter((o) => o.ownerId === LEAD)).toHaveLength(18);
      await bot.flush();
      for (const o of owners) {
        const last = await waitFor(
          () =>
            bot.slack
              .calls("chat.update")
              .filter((u) => u.args.ts === o.messageTs)
              .at(-1),
          `card of case ${o.id}`,
        );
        expect(JSON.stringify(last.args.blocks)).toContain(`*Owner*\\n<@${o.ownerId}>`);
      }
    });
  });
});

describe("assigning a wave", () => {
  describe("lets a lead hand every unclaimed case to one person, and refuses agents", () => {
    const cases: NewCase[] = [];
    let before: number;
    let pick: (userId: string) => ReturnType<typeof postSigned>;

    botTest("an agent picking a person on the alert is refused", async ({ bot }) => {
      for (let i = 0; i < 5; i++) cases.push(await caseFor(bot, "B0WAVE0005"));
      await bot.flush();
      const alert = await waveAlert(bot, "B0WAVE0005");
      pick = (userId: string) => {
        const p = buttonPayload({ actionId: ACTIONS.crisisAssign, value: "", userId, channel: CRISIS });
        p.actions = [
          {
            type: "users_select",
            action_id: ACTIONS.crisisAssign,
            block_id: `crisis_actions:${alert.id}`,
            selected_user: "U0FOLLOWUP",
            action_ts: "1",
          } as never,
        ];
        return postSigned(bot.baseUrl, interactionBody(p));
      };
      before = bot.slack.calls("chat.postEphemeral").length;
      await pick("U0AGENT1");
      const refused = await waitFor(() => bot.slack.calls("chat.postEphemeral")[before], "the refusal");
      expect(refused.args.text).toContain("Only leads can assign");
    });

    botTest("a lead picking a person assigns all five unclaimed cases to them", async ({ bot }) => {
      await pick(LEAD);
      const done = await waitFor(
        () =>
          bot.slack
            .calls("chat.postEphemeral")
            .slice(before)
            .find((e) => e.args.text.startsWith("Assigned")),
        "the summary",
        10_000,
      );
      expect(done.args.text).toContain("Assigned to <@U0FOLLOWUP> 5 cases");
      const owners = await bot.db.prisma.case.findMany({
        where: { id: { in: cases.map((c) => c.id) } },
        select: { ownerId: true },
      });
      expect(owners.every((o) => o.ownerId === "U0FOLLOWUP")).toBe(true);
    });
  });
});

describe("bulk reply and bulk resolve from the alert", () => {
  describe("logs the first reply on every unanswered case without claiming them, then resolves the picked returns", () => {
    const cases: NewCase[] = [];
    let alert: { id: number };
    let modal: SlackCall;

    botTest("Reply to all logs a first reply on all five cases, leaving them unclaimed", async ({ bot }) => {
      for (let i = 0; i < 5; i++) cases.push(await caseFor(bot, "B0WAVE0004"));
      await bot.flush();
      alert = await waveAlert(bot, "B0WAVE0004");

      const before = bot.slack.calls("chat.postEphemeral").length;
      await bot.click(ACTIONS.crisisReplyAll, alert.id, LEAD, CRISIS);
      const replied = await waitFor(
        () =>
          bot.slack
            .calls("chat.postEphemeral")
            .slice(before)
            .find((e) => e.args.text.startsWith("Logged")),
        "the summary",
        10_000,
      );
      expect(replied.args.text).toContain("Logged the first reply on 5 cases");
      const rows = await bot.db.prisma.case.findMany({ where: { id: { in: cases.map((c) => c.id) } } });
      expect(rows.every((r) => r.firstReplyAt !== null && r.status === "new" && r.ownerId === null)).toBe(true);
    });

    botTest("Resolve opens the bulk resolve form", async ({ bot }) => {
      const opens = bot.slack.calls("views.open").length;
      await bot.click(ACTIONS.crisisResolve, alert.id, LEAD, CRISIS);
      modal = await waitFor(() => bot.slack.calls("views.open")[opens], "the bulk resolve form");
      expect(modal.args.view.callback_id).toBe(CALLBACKS.crisisResolve);
      expect(blockKitProblems(modal.args.view, "modal")).toEqual([]);
    });

    botTest("submitting it resolves just the three picked cases, as chosen on the form", async ({ bot }) => {
      const picked = cases.slice(0, 3).map((c) => String(c.id));
      const submission = viewSubmission({
        callbackId: CALLBACKS.crisisResolve,
        userId: LEAD,
        privateMetadata: modal.args.view.private_metadata,
        selects: [RESOLVE_BLOCKS.resolution, RESOLVE_BLOCKS.rootCause],
        values: { [RESOLVE_BLOCKS.resolution]: "return_accepted", [RESOLVE_BLOCKS.rootCause]: "buyer_remorse" },
      });
      (submission.view.state.values as any)[CASES_BLOCK] = {
        value: { type: "multi_static_select", selected_options: picked.map((value) => ({ value })) },
      };
      const res = await postSigned(bot.baseUrl, interactionBody(submission));
      expect(res.status).toBe(200);
      const resolved = await waitFor(
        () => bot.slack.calls("chat.postEphemeral").find((e) => e.args.text.startsWith("Resolved 3 cases")),
        "the resolve summary",
        10_000,
      );
      expect(resolved.args.channel).toBe(CRISIS);
      const after = await bot.db.prisma.case.findMany({
        where: { id: { in: cases.map((c) => c.id) } },
        orderBy: { id: "asc" },
      });
      expect(after.map((r) => r.status)).toEqual(["resolved", "resolved", "resolved", "new", "new"]);
      expect(after[0]).toMatchObject({ resolution: "return_accepted", rootCause: "buyer_remorse", resolvedById: LEAD });
    });
  });
});

describe("bulk resolve on a wave larger than one form", () => {
  botTest("lists the oldest 100 open cases and says how many are open in all", async ({ bot }) => {
    const asin = "B0WAVE0150";
    const start = clock.now().getTime();
    await bot.db.prisma.case.createMany({
      data: Array.from({ length: 160 }, (_, i) => ({
        orderId: `114-${4000000 + i}-5762619`,
        asin,
        category: "return" as const,
        priority: "normal" as const,
        // Ten of them are resolved already: they are neither listed nor counted.
        status: i < 10 ? ("resolved" as const) : ("new" as const),
        description: `Return ${i}`,
        source: "test",
        createdAt: new Date(start - (160 - i) * 60_000),
      })),
    });
    const alert = await bot.db.prisma.crisisAlert.create({
      data: {
        kind: "wave",
        subject: asin,
        windowKey: "active",
        channelId: CRISIS,
        messageTs: "1700000000.000150",
        startedAt: clock.now(),
        lastSeenAt: clock.now(),
      },
    });
    const opens = bot.slack.calls("views.open").length;
    await bot.click(ACTIONS.crisisResolve, alert.id, LEAD, CRISIS);
    const modal = await waitFor(() => bot.slack.calls("views.open")[opens], "the bulk resolve form");
    const picker = modal.args.view.blocks.find((b: { block_id?: string }) => b.block_id === CASES_BLOCK);
    expect(picker.element.options).toHaveLength(100);
    expect(picker.element.options[0].text.text).toContain("Return 10");
    expect(JSON.stringify(modal.args.view.blocks)).toContain(
      "Showing the first 100 of 150 open cases of this wave, oldest first",
    );
    expect(blockKitProblems(modal.args.view, "modal")).toEqual([]);
  });
});

describe("stalled parcels", () => {
  botTest("reminds to chase the carrier when a delivery issue is still open after STALLED_DAYS", async ({ bot }) => {
    const c = await caseFor(bot, undefined, { category: "delivery_issue", description: "Tracking has not moved" });
    const card = await waitFor(
      () => bot.db.prisma.case.findFirst({ where: { id: c.id, messageTs: { not: null } } }),
      "the card",
    );
    clock.advance({ days: 5, minutes: 1 });
    await bot.sweep.runOnce();
    await bot.flush();
    const reminder = await waitFor(
      () =>
        bot.slack
          .calls("chat.postMessage")
          .find((m) => m.args.thread_ts === card.messageTs && m.args.text.includes(":truck:")),
      "the reminder",
    );
    expect(reminder.args.text).toContain("contact the carrier, and offer the buyer a reshipment or compensation");
  });
});

describe("Order Defect Rate", () => {
  botTest("warns at 0.8% and alerts at 1%: 4 defects on 500 orders warn, the 5th alerts", async ({ bot, slack }) => {
    const res = await bot.api("/api/metrics/orders", {
      body: { marketplace: "US", date: clock.now().toISOString().slice(0, 10), orders: 500 },
    });
    expect(res.status).toBe(200);
    expect(res.json.odr).toMatchObject({ defects: 0, orders: 500, defectsUntilLimit: 5 });
    for (let i = 0; i < 4; i++)
      await caseFor(bot, undefined, { category: "negative_review", marketplace: "US", description: "1 star" });
    await bot.flush();
    const warning = await waitFor(() => alertPosts(slack, "Order Defect Rate 0.80%")[0], "the warning");
    expect(warning.args.text).toContain("1 more defective order until 1%");
    expect(alertPosts(slack, "Order Defect Rate 1.00%")).toHaveLength(0);
    expect(await bot.db.prisma.crisisAlert.count({ where: { kind: "odr_alert" } })).toBe(0);

    await caseFor(bot, undefined, { category: "a_to_z_claim", marketplace: "US", description: "A-to-z claim filed" });
    await bot.flush();
    const alert = await waitFor(() => alertPosts(slack, "Order Defect Rate 1.00%")[0], "the alert");
    expect(JSON.stringify(alert.args.blocks)).toContain("Order Defect Rate above the limit");
    expect(await bot.db.prisma.crisisAlert.count({ where: { kind: "odr_alert", status: "active" } })).toBe(1);
  });

  botTest(
    "takes a 60-day order total from /case orders (a lead's) and answers with the rate",
    async ({ bot, slack }) => {
      const before = slack.responses.length;
      await bot.command("orders DE 2,000", LEAD);
      const saved = await waitFor(() => slack.responses[before], "the answer");
      expect(saved.body.text).toBe(
        "Saved: 2000 orders in the last 60 days for DE. Order Defect Rate 0.00% (0 defective orders of 2000); 20 more until 1%.",
      );
      await bot.command("orders Atlantis lots", LEAD);
      const usage = await waitFor(() => slack.responses[before + 1], "the usage");
      expect(usage.body.text).toContain(
        "Give the marketplace and its orders of the last 60 days, e.g. `/case orders US 48200`",
      );
    },
  );

  botTest("checks the metrics body", async ({ bot }) => {
    const res = await bot.api("/api/metrics/orders", { body: { marketplace: "Mars", date: "yesterday", orders: -1 } });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: any) => e.path)).toEqual(["marketplace", "date", "orders"]);
  });
});

describe("risk words", () => {
  botTest("a Chinese risk phrase raises the priority, tags the card and sends one heads-up", async ({ bot, slack }) => {
    const c = await caseFor(bot, "B0RISK0001", { description: "买家说质量差，要求退货" });
    expect(c.priority).toBe("high"); // a return is normal priority without the risk words
    await bot.flush();
    const card = await waitFor(
      () =>
        slack
          .calls("chat.postMessage")
          .find((m) => m.args.channel === CASES_CHANNEL && m.args.text.startsWith(c.number)),
      "the card",
    );
    expect(JSON.stringify(card.args.blocks)).toContain("Risk words: “质量差”");
    const headsUp = await waitFor(() => alertPosts(slack, "Risk words from buyers of B0RISK0001")[0], "the heads-up");
    expect(JSON.stringify(headsUp.args.blocks)).toContain(c.number);
    // A second risk case for the same ASIN within the hour joins the same heads-up.
    await caseFor(bot, "B0RISK0001", { description: "It arrived broken" });
    await bot.flush();
    expect(alertPosts(slack, "Risk words from buyers of B0RISK0001")).toHaveLength(1);
  });
});

describe.runIf(backend === "postgres")("two copies of the bot", () => {
  botTest("raise one wave alert between them", async ({ bot, secondBot, slack }) => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => caseFor(i % 2 ? secondBot : bot, "B0WAVE0003")));
    await Promise.all([bot.flush(), secondBot.flush()]);
    await waitFor(() => alertPosts(slack, "B0WAVE0003")[0], "the alert");
    await new Promise((r) => setTimeout(r, 300));
    expect(alertPosts(slack, "B0WAVE0003")).toHaveLength(1);
    expect(await bot.db.prisma.crisisAlert.count({ where: { kind: "wave", subject: "B0WAVE0003" } })).toBe(1);
  });
});
