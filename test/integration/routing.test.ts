// Owners per case type through the real app: rules set by a lead in Slack (an agent refused), new
// cases spread over the owners by load, someone away skipped, the reminder handing an unanswered
// case back to the group with the next person named, suggest mode from a routing file, and two
// copies of the bot on PostgreSQL assigning each case once.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect } from "vitest";
import { CATEGORIES, type Category, keysOf } from "../../src/domain/vocabulary.ts";
import { ENGLISH } from "../../src/i18n/i18n.ts";
import { ACTIONS, CALLBACKS, ROUTING_BLOCKS } from "../../src/ids.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { routingRules } from "../../src/store/routing.ts";
import { triageReport } from "../../src/store/triage.ts";
import { ownersBlock, routingModal } from "../../src/views/routing.ts";
import { botTest, isolatedBotTest, LEAD, type TestBot, waitFor } from "../support/botTest.ts";
import { testClock } from "../support/clock.ts";
import { backend } from "../support/database.ts";
import { fbaReport } from "../support/returnsFiles.ts";
import { buttonPayload, interactionBody, postSigned, viewSubmission } from "../support/signedRequests.ts";

const A = "U0AGENT1";
const B = "U0AGENT2";
const clock = testClock("2026-11-27T08:00:00Z");
botTest.override("botOptions", {
  env: { AGENT_USER_IDS: `${A},${B}`, SWEEP_INTERVAL_SECONDS: "3600", TEAM_TIMEZONE: "UTC", ROUTING_OVERLOAD: "2" },
  now: clock.now,
});

let orderSeq = 2000000;
async function newCase(bot: TestBot, category: string, extra: Record<string, unknown> = {}) {
  orderSeq++;
  const res = await bot.api("/api/cases", {
    body: {
      orderId: `114-${orderSeq}-5762619`,
      category,
      description: "Buyer opened a claim",
      externalId: `r${orderSeq}`,
      ...extra,
    },
  });
  expect(res.status).toBe(201);
  return bot.db.prisma.case.findUniqueOrThrow({ where: { id: res.json.case.id } });
}

/** The routing form as Slack submits it: a marketplace and people per case type. */
function routingSubmission(userId: string, owners: Record<string, string[]>, marketplace = "all") {
  const submission = viewSubmission({
    callbackId: CALLBACKS.routing,
    userId,
    values: {},
    privateMetadata: JSON.stringify({ marketplace: marketplace === "all" ? "" : marketplace }),
  });
  const values: Record<string, Record<string, unknown>> = {
    [ROUTING_BLOCKS.marketplace]: {
      [ACTIONS.routingMarketplace]: { type: "static_select", selected_option: { value: marketplace } },
    },
  };
  for (const [category, people] of Object.entries(owners))
    values[ownersBlock(category as Category, marketplace === "all" ? "" : marketplace)] = {
      owners: { type: "multi_users_select", selected_users: people },
    };
  submission.view.state.values = values as never;
  return submission;
}

const cmdAnswers = (bot: TestBot) => bot.slack.responses.filter((r) => r.path === "/response/cmd");
async function command(bot: TestBot, text: string, userId: string) {
  const before = cmdAnswers(bot).length;
  expect((await bot.command(text, userId)).status).toBe(200);
  return waitFor(() => cmdAnswers(bot)[before], `the answer to /case ${text}`);
}

describe("rules set in Slack", () => {
  botTest("an agent sees the rules but cannot edit them; a lead opens the form", async ({ bot }) => {
    const seen = await command(bot, "routing", A);
    expect(seen.body.text).toContain("No routing rules");
    expect(JSON.stringify(seen.body.blocks)).not.toContain(ACTIONS.editRouting);

    const before = bot.slack.responses.length;
    const press = (userId: string) =>
      postSigned(
        bot.baseUrl,
        interactionBody({
          ...buttonPayload({ actionId: ACTIONS.editRouting, value: "", userId }),
          response_url: bot.slack.responseUrl({ user: userId, channel: "C0CASES" }),
          trigger_id: bot.slack.trigger(userId),
        }),
      );
    await press(A);
    const refusal = await waitFor(() => bot.slack.responses[before], "the refusal");
    expect(refusal.body.text).toContain("Only leads");
    expect(bot.slack.modals(A)).toHaveLength(0);

    const lead = await command(bot, "routing", LEAD);
    expect(JSON.stringify(lead.body.blocks)).toContain(ACTIONS.editRouting);
    await press(LEAD);
    const form = await waitFor(() => bot.slack.modals(LEAD)[0], "the routing form");
    expect(form.view.callback_id).toBe(CALLBACKS.routing);
    expect(blockKitProblems(form.view, "modal")).toEqual([]);
  });

  botTest(
    "an agent's submission is refused; a lead's is kept, and someone who cannot work cases is refused inline",
    async ({ bot }) => {
      const byAgent = await postSigned(bot.baseUrl, interactionBody(routingSubmission(A, { a_to_z_claim: [A, B] })));
      expect(byAgent.json?.response_action).toBe("errors");
      expect(await bot.db.prisma.routingRule.count()).toBe(0);

      const outsider = await postSigned(
        bot.baseUrl,
        interactionBody(routingSubmission(LEAD, { a_to_z_claim: [A, "U0OUTSIDER"] })),
      );
      expect(JSON.stringify(outsider.json?.errors)).toContain("U0OUTSIDER");
      expect(await bot.db.prisma.routingRule.count()).toBe(0);

      const ok = await postSigned(
        bot.baseUrl,
        interactionBody(routingSubmission(LEAD, { a_to_z_claim: [A, B], chargeback: [] })),
      );
      expect(ok.status).toBe(200);
      await waitFor(() => bot.db.prisma.routingRule.findFirst({ where: { category: "a_to_z_claim" } }), "the rule");
      const shown = await command(bot, "routing", A);
      expect(shown.body.text).toContain(`<@${A}>`);
      expect(shown.body.text).toContain("A-to-z");
    },
  );

  botTest("two leads saving the form at once keep each other's changes", async ({ bot }) => {
    const before = await routingRules(bot.db.prisma);
    // Both opened the form before either saved: each changes one type and sends the rest as shown.
    const opened = routingModal(before, "", ENGLISH);
    const save = async (change: Record<string, string[]>) => {
      const owners = Object.fromEntries(
        keysOf(CATEGORIES).map((c) => [c, before.find((r) => r.category === c && r.marketplace === "")?.owners ?? []]),
      );
      const submission = routingSubmission(LEAD, { ...owners, ...change });
      submission.view.private_metadata = opened.private_metadata ?? "";
      expect((await postSigned(bot.baseUrl, interactionBody(submission))).status).toBe(200);
    };
    await save({ refund: [B] });
    await waitFor(() => bot.db.prisma.routingRule.findFirst({ where: { category: "refund" } }), "the first save");
    await save({ complaint: [A] });
    await waitFor(() => bot.db.prisma.routingRule.findFirst({ where: { category: "complaint" } }), "the second save");
    const after = await routingRules(bot.db.prisma);
    expect(after.find((r) => r.category === "refund")?.owners).toEqual([B]);
    expect(after.find((r) => r.category === "complaint")?.owners).toEqual([A]);
    // Cleared again for the tests below.
    await postSigned(bot.baseUrl, interactionBody(routingSubmission(LEAD, { refund: [], complaint: [] })));
    await waitFor(
      async () => (await bot.db.prisma.routingRule.count({ where: { category: "complaint" } })) === 0,
      "cleared",
    );
  });
});

describe("assignment on arrival", () => {
  botTest(
    "three claims spread over the two owners by load, each told in a direct message with the card's link",
    async ({ bot }) => {
      const cases = [];
      for (let i = 0; i < 3; i++) {
        clock.advance({ minutes: 1 });
        cases.push(await newCase(bot, "a_to_z_claim"));
      }
      // Both start empty: A (by id), then B (fewer open), then A (tied, waited longer).
      expect(cases.map((c) => c.ownerId)).toEqual([A, B, A]);
      expect(cases.every((c) => c.status === "claimed" && c.routedBy === "a_to_z_claim")).toBe(true);
      await bot.flush();
      const card = await waitFor(
        () =>
          bot.slack
            .calls("chat.postMessage")
            .find((m) => m.args.channel === "C0CASES" && JSON.stringify(m.args.blocks).includes("by rule")),
        "a routed card",
      );
      expect(JSON.stringify(card.args.blocks)).toMatch(/Assigned to <@U0AGENT[12]> by rule: A-to-z claim/);
      const dms = await waitFor(() => {
        const sent = bot.slack.calls("chat.postMessage").filter((m) => m.args.channel === A || m.args.channel === B);
        return sent.length >= 3 ? sent : undefined;
      }, "the direct messages");
      expect(dms.filter((m) => m.args.channel === A)).toHaveLength(2);
      expect(dms[0].args.text).toContain("https://slack.com/archives/C0CASES/");
    },
  );

  botTest("someone away is skipped until they are back; a type without owners waits for Claim", async ({ bot }) => {
    const away = await command(bot, "away until 2026-12-01", B);
    expect(away.body.text).toContain("away until");
    const c = await newCase(bot, "a_to_z_claim");
    expect(c.ownerId).toBe(A);
    const plain = await newCase(bot, "complaint");
    expect(plain.ownerId).toBeNull();
    expect(plain.routedBy).toBeNull();
    expect((await command(bot, "away off", B)).body.text).toContain("Welcome back");
    // B now holds 1 open case against A's 3: B's turn.
    expect((await newCase(bot, "a_to_z_claim")).ownerId).toBe(B);
    expect((await command(bot, "away yesterday", B)).body.text).toContain("not a date");
  });

  botTest(
    "the triage shows each type's owners with their load and replies in time, and flags what needs a look",
    async ({ bot }) => {
      // Returns are owned in the US only: one from Germany has no rule to follow.
      const usOnly = await postSigned(bot.baseUrl, interactionBody(routingSubmission(LEAD, { return: [B] }, "US")));
      expect(usOnly.status).toBe(200);
      await waitFor(() => bot.db.prisma.routingRule.findFirst({ where: { category: "return" } }), "the US rule");
      expect((await newCase(bot, "return", { marketplace: "DE" })).routedBy).toBeNull();
      clock.advance({ minutes: 1 });
      const answer = await command(bot, "summary 7d", LEAD);
      const text = JSON.stringify(answer.body.blocks);
      expect(text).toContain("Owners per case type");
      expect(text).toMatch(/A-to-z claim\*: <@U0AGENT1> 3 open/);
      // The complaint had no owner, nor the German return; A holds 3 open cases, over the limit of 2.
      expect(text).toContain("No owner*: Complaint, Return (DE)");
      expect(text).toContain("Overloaded* (over 2 open): <@U0AGENT1> (3)");
    },
  );

  botTest(
    "an owner who has not answered by the reminder: the case goes back to the group, naming the next person",
    async ({ bot }) => {
      clock.set("2026-11-27T12:00:00Z");
      const c = await newCase(bot, "a_to_z_claim");
      const owner = c.ownerId;
      expect(owner).not.toBeNull();
      clock.advance({ minutes: 50 }); // the reminder: 15 minutes before the hour is up
      await bot.sweep.runOnce();
      await bot.flush();
      const after = await bot.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
      expect(after.status).toBe("new");
      expect(after.ownerId).toBeNull();
      const next = owner === A ? B : A;
      expect(after.routedTo).toBe(next);
      const line = await waitFor(
        () =>
          bot.slack
            .calls("chat.postMessage")
            .find((m) => m.args.thread_ts === after.messageTs && m.args.text.includes("next in the rotation")),
        "the thread line",
      );
      expect(line.args.text).toContain(`<@${next}>`);
      expect(line.args.text).toContain(`<@${owner}> has not answered`);

      // The weekly triage still counts it against the owner who had not answered: due, not in time.
      const period = { from: new Date("2026-11-20T00:00:00Z"), to: clock.now() };
      const report = await triageReport(bot.db.prisma, period);
      const held = await bot.db.prisma.case.count({
        where: { ownerId: owner, createdAt: { gte: period.from, lt: period.to }, responseDueAt: { lte: period.to } },
      });
      // Cases offered away from the owner whose first reply was due in the period (the one just
      // offered is not due yet: the reminder comes before the deadline).
      const offered = await bot.db.prisma.case.count({
        where: {
          events: { some: { kind: "offered", detail: { path: ["from"], equals: String(owner) } } },
          responseDueAt: { lte: period.to },
        },
      });
      expect(offered).toBeGreaterThan(0);
      expect(report.routing?.people.find((p) => p.userId === owner)).toMatchObject({ due: held + offered, met: 0 });
    },
  );

  botTest(
    "a reminder fired before a restart is still followed; cases waiting on the buyer, or with nobody else to take them, stay",
    async ({ bot }) => {
      const chargebacksToA = routingSubmission(LEAD, { a_to_z_claim: [A, B], chargeback: [A] });
      expect((await postSigned(bot.baseUrl, interactionBody(chargebacksToA))).status).toBe(200);
      await waitFor(() => bot.db.prisma.routingRule.findFirst({ where: { category: "chargeback" } }), "the rule");
      // Germany's only owner of claims is away: the owners for every marketplace take its claims.
      await command(bot, "away until 2026-12-01", B);
      expect(
        (await postSigned(bot.baseUrl, interactionBody(routingSubmission(LEAD, { a_to_z_claim: [B] }, "DE")))).status,
      ).toBe(200);
      await waitFor(() => bot.db.prisma.routingRule.findFirst({ where: { marketplace: "DE" } }), "the DE rule");
      expect(await newCase(bot, "a_to_z_claim", { marketplace: "DE" })).toMatchObject({
        ownerId: A,
        routedBy: "a_to_z_claim",
      });
      await command(bot, "away off", B);

      const plain = await newCase(bot, "a_to_z_claim");
      const waiting = await newCase(bot, "a_to_z_claim");
      const sole = await newCase(bot, "chargeback");
      expect(sole.ownerId).toBe(A);
      await bot.db.prisma.case.update({
        where: { id: waiting.id },
        data: { waitingUntil: new Date("2026-12-03T00:00:00Z") },
      });
      // Their reminders fired, and the bot stopped before it could offer them again.
      await bot.db.prisma.caseTimer.updateMany({
        where: { caseId: { in: [plain.id, waiting.id, sole.id] }, kind: "response_warning" },
        data: { status: "fired", firedAt: clock.now() },
      });
      await bot.sweep.runOnce();
      const stored = async (id: number) => bot.db.prisma.case.findUniqueOrThrow({ where: { id } });
      expect(await stored(plain.id)).toMatchObject({ status: "new", ownerId: null });
      expect(await stored(waiting.id)).toMatchObject({ status: "claimed", ownerId: waiting.ownerId });
      expect(await stored(sole.id)).toMatchObject({ status: "claimed", ownerId: A });
      // Decided once: the buyer's answer recorded later (waiting ends) does not make it go now.
      await bot.db.prisma.case.update({ where: { id: waiting.id }, data: { waitingUntil: null } });
      await bot.sweep.runOnce();
      expect(await stored(waiting.id)).toMatchObject({ status: "claimed", ownerId: waiting.ownerId });
      // Offered once: the next sweep leaves the case as it is.
      await bot.db.prisma.case.update({
        where: { id: plain.id },
        data: { status: "claimed", ownerId: B, routedTo: B },
      });
      await bot.sweep.runOnce();
      expect(await stored(plain.id)).toMatchObject({ status: "claimed", ownerId: B });
    },
  );

  botTest(
    "an imported report's carded returns are routed too, in turn; returns without a card are not",
    async ({ bot }) => {
      const saidBefore = bot.slack.calls("chat.postMessage").length;
      const returnsDesk = routingSubmission(LEAD, { return: [A, B] });
      expect((await postSigned(bot.baseUrl, interactionBody(returnsDesk))).status).toBe(200);
      // The lead is told once the rules are saved and in use.
      await waitFor(
        () =>
          bot.slack
            .calls("chat.postMessage")
            .slice(saidBefore)
            .find((m) => m.args.text.includes("Routing rules saved")),
        "the lead told the rules are saved",
      );
      const res = await bot.api("/api/imports", {
        rawBody: fbaReport([
          { date: "2026-11-26", orderId: "117-0000001-0000011", reason: "DEFECTIVE", lpn: "R1" },
          { date: "2026-11-26", orderId: "117-0000001-0000012", reason: "DAMAGED_BY_CARRIER", lpn: "R2" },
          { date: "2026-11-26", orderId: "117-0000001-0000013", reason: "UNWANTED_ITEM", lpn: "R3" },
        ]),
      });
      expect(res.json.summary).toMatchObject({ created: 3, carded: 2 });
      const imported = await bot.db.prisma.case.findMany({
        where: { orderId: { startsWith: "117-0000001-00000" } },
        orderBy: { orderId: "asc" },
      });
      expect(imported.map((c) => c.routedBy)).toEqual(["return", "return", null]);
      expect(imported.slice(0, 2).every((c) => c.status === "claimed" && c.ownerId === c.routedTo)).toBe(true);
      expect(imported[2]).toMatchObject({ status: "new", ownerId: null });
      // The cards name their owners; an import sends no direct message per case (it could be hundreds).
      expect(
        await bot.db.prisma.outboxMessage.count({
          where: { kind: "routed_dm", caseId: { in: imported.map((c) => c.id) } },
        }),
      ).toBe(0);
    },
  );

  botTest.runIf(backend === "postgres")(
    "two copies of the bot assign each case once, giving turns fairly",
    async ({ bot, secondBot }) => {
      const before = await bot.db.prisma.case.groupBy({ by: ["ownerId"], where: { status: "claimed" }, _count: true });
      const made = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? secondBot : bot).api("/api/cases", {
            body: {
              orderId: `114-${3000000 + i}-5762619`,
              category: "a_to_z_claim",
              description: "Claim",
              externalId: `two${i}`,
            },
          }),
        ),
      );
      expect(made.every((r) => r.status === 201)).toBe(true);
      const ids = made.map((r) => r.json.case.id as number);
      const events = await bot.db.prisma.caseEvent.groupBy({
        by: ["caseId"],
        where: { caseId: { in: ids }, kind: "routed" },
        _count: true,
      });
      expect(events.every((e) => e._count === 1)).toBe(true);
      expect(events).toHaveLength(10);
      const loads = await bot.db.prisma.case.groupBy({ by: ["ownerId"], where: { status: "claimed" }, _count: true });
      const open = (rows: typeof loads, id: string) => rows.find((r) => r.ownerId === id)?._count ?? 0;
      // Ten new cases over two owners by load: they end level, give or take one.
      expect(Math.abs(open(loads, A) - open(loads, B))).toBeLessThanOrEqual(1);
      expect(open(loads, A) + open(loads, B) - open(before, A) - open(before, B)).toBe(10);

      // A lead gives claims to B alone through one copy; the other copy reads the rules again and
      // follows them (by load alone, A would have had the next turn at least once of three).
      const saved = await postSigned(bot.baseUrl, interactionBody(routingSubmission(LEAD, { a_to_z_claim: [B] })));
      expect(saved.status).toBe(200);
      await waitFor(
        () => bot.db.prisma.routingRule.findFirst({ where: { category: "a_to_z_claim", owners: { equals: [B] } } }),
        "the new rule",
      );
      await new Promise((resolve) => setTimeout(resolve, 400)); // the other copy reads rules every 200 ms
      for (let i = 0; i < 3; i++) {
        const res = await secondBot.api("/api/cases", {
          body: {
            orderId: `114-${3100000 + i}-5762619`,
            category: "a_to_z_claim",
            description: "Claim",
            externalId: `after${i}`,
          },
        });
        expect(res.json.case.ownerId).toBe(B);
      }
    },
  );
});

describe("suggest mode, rules from a file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "routing-file-"));
  const file = path.join(dir, "routing.yaml");
  writeFileSync(file, `rules:\n  - type: return\n    owners: [${A}, ${B}]\n`);
  isolatedBotTest.override("botOptions", {
    env: { AGENT_USER_IDS: `${A},${B}`, ROUTING_MODE: "suggest", ROUTING_FILE: file, SWEEP_INTERVAL_SECONDS: "3600" },
  });

  isolatedBotTest("names whose turn it is on the card; Claim still decides", async ({ bot }) => {
    const c = await newCase(bot, "return");
    expect(c.status).toBe("new");
    expect(c.ownerId).toBeNull();
    expect(c.routedTo).toBe(A);
    await bot.flush();
    const card = await waitFor(
      () =>
        bot.slack
          .calls("chat.postMessage")
          .find((m) => m.args.channel === "C0CASES" && JSON.stringify(m.args.blocks).includes("Suggested owner")),
      "the card",
    );
    expect(JSON.stringify(card.args.blocks)).toContain(`<@${A}>`);
    const claim = await bot.click(ACTIONS.claim, c.id, B);
    expect(claim.status).toBe(200);
    await bot.flush();
    expect((await bot.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).ownerId).toBe(B);

    // An import's suggestions take turns too, though they come at one instant and change nobody's load.
    const res = await bot.api("/api/imports", {
      rawBody: fbaReport(
        [1, 2, 3, 4, 5, 6].map((i) => ({
          date: "2026-11-26",
          orderId: `117-0000002-000000${i}`,
          reason: "DEFECTIVE",
          lpn: `S${i}`,
        })),
      ),
    });
    expect(res.json.summary).toMatchObject({ created: 6, carded: 6 });
    const suggested = await bot.db.prisma.case.findMany({ where: { orderId: { startsWith: "117-0000002-" } } });
    const to = (id: string) => suggested.filter((x) => x.routedTo === id).length;
    expect([to(A), to(B)]).toEqual([3, 3]);
  });
});
