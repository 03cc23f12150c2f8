// Crisis alerts through the real app: a return wave raised once and updated in place, cleared
// after a quiet period, bulk claim with cases taken meanwhile, ODR thresholds, risk words, and
// two copies of the bot raising one alert.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, CALLBACKS, CASES_BLOCK, RESOLVE_BLOCKS } from "../../src/ids.ts";
import { blockKitProblems } from "../support/blockKitLimits.ts";
import { backend, createTestDatabase, type TestDatabase } from "../support/database.ts";
import { buttonPayload, interactionBody, postSigned, viewSubmission } from "../support/signedRequests.ts";
import { type SlackStandIn, startSlackStandIn } from "../support/slackStandIn.ts";
import { CASES_CHANNEL, LEAD, startTestBot, type TestBot, waitFor } from "../support/testBot.ts";

const CRISIS = "C0CRISIS";
const env = { CRISIS_CHANNEL: CRISIS, SWEEP_INTERVAL_SECONDS: "3600" };
let clock = new Date("2026-11-20T08:00:00Z");
const now = () => clock;
const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

let testDb: TestDatabase;
let slack: SlackStandIn;
let t: TestBot;
let orderSeq = 1000000;

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

async function caseFor(asin: string | undefined, extra: Record<string, unknown> = {}, bot = t) {
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
const alertPosts = (text: string) =>
  slack
    .calls("chat.postMessage")
    .filter((m) => m.args.channel === CRISIS && !m.args.thread_ts && m.args.text.includes(text));

describe("return wave", () => {
  it("raises one alert for 6 cases in an hour, updates it in place for the 7th, and clears it after a quiet period", async () => {
    for (let i = 0; i < 6; i++) {
      await caseFor("B0WAVE0001");
      later(10);
    }
    await t.flush();
    const posted = await waitFor(() => alertPosts("B0WAVE0001")[0], "the alert");
    expect(alertPosts("B0WAVE0001")).toHaveLength(1);
    // Raised by the 5th case; rendered from the database when delivered, so it may already count the 6th.
    expect(posted.args.text).toMatch(/^Return wave: [56] cases in 24 h for B0WAVE0001/);
    expect(blockKitProblems(posted.args, "message")).toEqual([]);
    const alert = await t.db.prisma.crisisAlert.findFirstOrThrow({ where: { kind: "wave", subject: "B0WAVE0001" } });

    const seventh = await caseFor("B0WAVE0001");
    await t.flush();
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
    const joined = await waitFor(
      () =>
        slack
          .calls("chat.postMessage")
          .find((m) => m.args.thread_ts === alert.messageTs && m.args.text.includes(seventh.number)),
      "the thread line",
    );
    expect(joined.args.text).toContain("joined the wave");
    expect(alertPosts("B0WAVE0001")).toHaveLength(1);

    later(25 * 60); // a quiet day
    await t.bot.sweep.runOnce();
    await t.flush();
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
      await t.db.prisma.crisisAlert.count({ where: { kind: "wave", subject: "B0WAVE0001", status: "active" } }),
    ).toBe(0);
  });

  it("claims all unclaimed cases in bulk, skipping and reporting the ones someone else took meanwhile", async () => {
    const cases: { id: number; number: string }[] = [];
    for (let i = 0; i < 20; i++) cases.push(await caseFor("B0WAVE0002"));
    await t.flush();
    const alert = await waitFor(
      () =>
        t.db.prisma.crisisAlert.findFirst({ where: { kind: "wave", subject: "B0WAVE0002", messageTs: { not: null } } }),
      "the alert",
    );
    // Two agents take a case each before the lead presses the bulk button.
    for (const [i, user] of [
      [3, "U0OTHER1"],
      [11, "U0OTHER2"],
    ] as const) {
      await t.click(ACTIONS.claim, cases[i].id, user);
      await waitFor(
        async () => (await t.db.prisma.case.findUniqueOrThrow({ where: { id: cases[i].id } })).ownerId === user,
        "the claim",
      );
    }
    const before = slack.calls("chat.postEphemeral").length;
    await t.click(ACTIONS.crisisClaimAll, alert.id, LEAD, CRISIS);
    const summary = await waitFor(
      () =>
        slack
          .calls("chat.postEphemeral")
          .slice(before)
          .find((e) => e.args.text.startsWith("Claimed")),
      "the summary",
      10_000,
    );
    expect(summary.args.user).toBe(LEAD);
    expect(summary.args.text).toContain("Claimed 18 cases");
    expect(summary.args.text).toContain("Skipped 2");
    expect(summary.args.text).toContain(`${cases[3].number} is already claimed by <@U0OTHER1>`);
    expect(summary.args.text).toContain(`${cases[11].number} is already claimed by <@U0OTHER2>`);

    const owners = await t.db.prisma.case.findMany({
      where: { id: { in: cases.map((c) => c.id) } },
      select: { id: true, ownerId: true, messageTs: true },
    });
    expect(owners.filter((o) => o.ownerId === LEAD)).toHaveLength(18);
    // Every card ends up showing its owner.
    await t.flush();
    for (const o of owners) {
      const last = await waitFor(
        () =>
          slack
            .calls("chat.update")
            .filter((u) => u.args.ts === o.messageTs)
            .at(-1),
        `card of case ${o.id}`,
      );
      expect(JSON.stringify(last.args.blocks)).toContain(`*Owner*\\n<@${o.ownerId}>`);
    }
  });
});

describe("assigning a wave", () => {
  it("lets a lead hand every unclaimed case to one person, and refuses agents", async () => {
    const cases: { id: number; number: string }[] = [];
    for (let i = 0; i < 5; i++) cases.push(await caseFor("B0WAVE0005"));
    await t.flush();
    const alert = await waitFor(
      () =>
        t.db.prisma.crisisAlert.findFirst({ where: { kind: "wave", subject: "B0WAVE0005", messageTs: { not: null } } }),
      "the alert",
    );
    const pick = (userId: string) => {
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
      return postSigned(t.baseUrl, interactionBody(p));
    };
    const before = slack.calls("chat.postEphemeral").length;
    await pick("U0AGENT1");
    const refused = await waitFor(() => slack.calls("chat.postEphemeral")[before], "the refusal");
    expect(refused.args.text).toContain("Only leads can assign");
    await pick(LEAD);
    const done = await waitFor(
      () =>
        slack
          .calls("chat.postEphemeral")
          .slice(before)
          .find((e) => e.args.text.startsWith("Assigned")),
      "the summary",
      10_000,
    );
    expect(done.args.text).toContain("Assigned to <@U0FOLLOWUP> 5 cases");
    const owners = await t.db.prisma.case.findMany({
      where: { id: { in: cases.map((c) => c.id) } },
      select: { ownerId: true },
    });
    expect(owners.every((o) => o.ownerId === "U0FOLLOWUP")).toBe(true);
  });
});

describe("bulk reply and bulk resolve from the alert", () => {
  it("logs the first reply on every unanswered case without claiming them, then resolves the picked returns", async () => {
    const cases: { id: number; number: string }[] = [];
    for (let i = 0; i < 5; i++) cases.push(await caseFor("B0WAVE0004"));
    await t.flush();
    const alert = await waitFor(
      () =>
        t.db.prisma.crisisAlert.findFirst({ where: { kind: "wave", subject: "B0WAVE0004", messageTs: { not: null } } }),
      "the alert",
    );

    const before = slack.calls("chat.postEphemeral").length;
    await t.click(ACTIONS.crisisReplyAll, alert.id, LEAD, CRISIS);
    const replied = await waitFor(
      () =>
        slack
          .calls("chat.postEphemeral")
          .slice(before)
          .find((e) => e.args.text.startsWith("Logged")),
      "the summary",
      10_000,
    );
    expect(replied.args.text).toContain("Logged the first reply on 5 cases");
    const rows = await t.db.prisma.case.findMany({ where: { id: { in: cases.map((c) => c.id) } } });
    expect(rows.every((r) => r.firstReplyAt !== null && r.status === "new" && r.ownerId === null)).toBe(true);

    const opens = slack.calls("views.open").length;
    await t.click(ACTIONS.crisisResolve, alert.id, LEAD, CRISIS);
    const modal = await waitFor(() => slack.calls("views.open")[opens], "the bulk resolve form");
    expect(modal.args.view.callback_id).toBe(CALLBACKS.crisisResolve);
    expect(blockKitProblems(modal.args.view, "modal")).toEqual([]);

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
    const res = await postSigned(t.baseUrl, interactionBody(submission));
    expect(res.status).toBe(200);
    const resolved = await waitFor(
      () => slack.calls("chat.postEphemeral").find((e) => e.args.text.startsWith("Resolved 3 cases")),
      "the resolve summary",
      10_000,
    );
    expect(resolved.args.channel).toBe(CRISIS);
    const after = await t.db.prisma.case.findMany({
      where: { id: { in: cases.map((c) => c.id) } },
      orderBy: { id: "asc" },
    });
    expect(after.map((r) => r.status)).toEqual(["resolved", "resolved", "resolved", "new", "new"]);
    expect(after[0]).toMatchObject({ resolution: "return_accepted", rootCause: "buyer_remorse", resolvedById: LEAD });
  });
});

describe("stalled parcels", () => {
  it("reminds to chase the carrier when a delivery issue is still open after STALLED_DAYS", async () => {
    const c = await caseFor(undefined, { category: "delivery_issue", description: "Tracking has not moved" });
    const card = await waitFor(
      () => t.db.prisma.case.findFirst({ where: { id: c.id, messageTs: { not: null } } }),
      "the card",
    );
    later(5 * 24 * 60 + 1);
    await t.bot.sweep.runOnce();
    await t.flush();
    const reminder = await waitFor(
      () =>
        slack
          .calls("chat.postMessage")
          .find((m) => m.args.thread_ts === card.messageTs && m.args.text.includes(":truck:")),
      "the reminder",
    );
    expect(reminder.args.text).toContain("contact the carrier, and offer the buyer a reshipment or compensation");
  });
});

describe("Order Defect Rate", () => {
  it("warns at 0.8% and alerts at 1%: 4 defects on 500 orders warn, the 5th alerts", async () => {
    const res = await t.api("/api/metrics/orders", {
      body: { marketplace: "US", date: clock.toISOString().slice(0, 10), orders: 500 },
    });
    expect(res.status).toBe(200);
    expect(res.json.odr).toMatchObject({ defects: 0, orders: 500, defectsUntilLimit: 5 });
    for (let i = 0; i < 4; i++)
      await caseFor(undefined, { category: "negative_review", marketplace: "US", description: "1 star" });
    await t.flush();
    const warning = await waitFor(() => alertPosts("Order Defect Rate 0.80%")[0], "the warning");
    expect(warning.args.text).toContain("1 more defective order until 1%");
    expect(alertPosts("Order Defect Rate 1.00%")).toHaveLength(0);
    expect(await t.db.prisma.crisisAlert.count({ where: { kind: "odr_alert" } })).toBe(0);

    await caseFor(undefined, { category: "a_to_z_claim", marketplace: "US", description: "A-to-z claim filed" });
    await t.flush();
    const alert = await waitFor(() => alertPosts("Order Defect Rate 1.00%")[0], "the alert");
    expect(JSON.stringify(alert.args.blocks)).toContain("Order Defect Rate above the limit");
    expect(await t.db.prisma.crisisAlert.count({ where: { kind: "odr_alert", status: "active" } })).toBe(1);
  });

  it("takes a 60-day order total from /case orders and answers with the rate", async () => {
    const before = slack.responses.length;
    await t.command("orders DE 2,000");
    const saved = await waitFor(() => slack.responses[before], "the answer");
    expect(saved.body.text).toBe(
      "Saved: 2000 orders in the last 60 days for DE. Order Defect Rate 0.00% (0 defective orders of 2000); 20 more until 1%.",
    );
    await t.command("orders Atlantis lots");
    const usage = await waitFor(() => slack.responses[before + 1], "the usage");
    expect(usage.body.text).toContain(
      "Give the marketplace and its orders of the last 60 days, e.g. `/case orders US 48200`",
    );
  });

  it("checks the metrics body", async () => {
    const res = await t.api("/api/metrics/orders", { body: { marketplace: "Mars", date: "yesterday", orders: -1 } });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: any) => e.path)).toEqual(["marketplace", "date", "orders"]);
  });
});

describe("risk words", () => {
  it("a Chinese risk phrase raises the priority, tags the card and sends one heads-up", async () => {
    const c = await caseFor("B0RISK0001", { description: "买家说质量差，要求退货" });
    expect(c.priority).toBe("high"); // a return is normal priority without the risk words
    await t.flush();
    const card = await waitFor(
      () =>
        slack
          .calls("chat.postMessage")
          .find((m) => m.args.channel === CASES_CHANNEL && m.args.text.startsWith(c.number)),
      "the card",
    );
    expect(JSON.stringify(card.args.blocks)).toContain("Risk words: “质量差”");
    const headsUp = await waitFor(() => alertPosts("Risk words from buyers of B0RISK0001")[0], "the heads-up");
    expect(JSON.stringify(headsUp.args.blocks)).toContain(c.number);
    // A second risk case for the same ASIN within the hour joins the same heads-up.
    await caseFor("B0RISK0001", { description: "It arrived broken" });
    await t.flush();
    expect(alertPosts("Risk words from buyers of B0RISK0001")).toHaveLength(1);
  });
});

describe.runIf(backend === "postgres")("two copies of the bot", () => {
  it("raise one wave alert between them", async () => {
    const second = await startTestBot(testDb, { slack, now, env });
    try {
      await Promise.all(Array.from({ length: 8 }, (_, i) => caseFor("B0WAVE0003", {}, i % 2 ? second : t)));
      await Promise.all([t.flush(), second.flush()]);
      await waitFor(() => alertPosts("B0WAVE0003")[0], "the alert");
      await new Promise((r) => setTimeout(r, 300));
      expect(alertPosts("B0WAVE0003")).toHaveLength(1);
      expect(await t.db.prisma.crisisAlert.count({ where: { kind: "wave", subject: "B0WAVE0003" } })).toBe(1);
    } finally {
      await second.stop();
    }
  });
});
