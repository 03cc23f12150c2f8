// The agent's workspace through Slack's protocol: the Home tab (my cases by deadline, needs
// someone, the team for leads, search, away until a day), notes, waiting on the buyer, and a
// lead's reassign.
import { describe, expect } from "vitest";
import { ACTIONS, CALLBACKS, MORE_OPTIONS, PLAYBOOK_BLOCKS } from "../../src/ids.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { botTest, LEAD, type TestBot, waitFor } from "../support/botTest.ts";
import { testClock } from "../support/clock.ts";
import {
  eventBody,
  homeButtonPayload,
  interactionBody,
  overflowPayload,
  postSigned,
} from "../support/signedRequests.ts";

const clock = testClock("2026-11-20T08:00:00Z");
botTest.override("botOptions", {
  env: { AGENT_USER_IDS: "U0AGENT1,U0AGENT2", SWEEP_INTERVAL_SECONDS: "3600", SLA_MINUTES_URGENT: "30" },
  now: clock.now,
});

let seq = 5000000;
async function newCase(bot: TestBot, fields: Record<string, unknown> = {}) {
  seq++;
  const res = await bot.api("/api/cases", {
    body: { orderId: `114-${seq}-5762619`, category: "complaint", description: "Home case", ...fields },
  });
  expect(res.status).toBe(201);
  return res.json.case as { id: number; number: string };
}
async function claimedBy(bot: TestBot, id: number, userId: string) {
  await bot.click(ACTIONS.claim, id, userId);
  await waitFor(
    async () => (await bot.db.prisma.case.findUnique({ where: { id } }))?.ownerId === userId || undefined,
    "claim",
  );
}
const publishes = (bot: TestBot, userId: string) =>
  bot.slack.calls("views.publish").filter((c) => c.args.user_id === userId);
async function openHome(bot: TestBot, userId: string) {
  const before = publishes(bot, userId).length;
  const res = await postSigned(
    bot.baseUrl,
    eventBody({ type: "app_home_opened", user: userId, channel: "D0HOME", tab: "home" }),
    {
      headers: { "content-type": "application/json" },
    },
  );
  expect(res.status).toBe(200);
  const view = await waitFor(() => publishes(bot, userId)[before]?.args.view, "the Home tab");
  expect(blockKitProblems(view, "home")).toEqual([]);
  return view;
}
const text = (view: any) => JSON.stringify(view.blocks);
const more = (bot: TestBot, what: string, caseId: number, userId = "U0AGENT1") =>
  postSigned(
    bot.baseUrl,
    interactionBody(overflowPayload({ actionId: ACTIONS.more, value: `${what}:${caseId}`, userId })),
  );

describe("the Home tab", () => {
  botTest("shows my cases by deadline with their buttons, and unclaimed ones that need someone", async ({ bot }) => {
    const later = await newCase(bot, { category: "return", description: "Later" });
    const urgent = await newCase(bot, { category: "a_to_z_claim", description: "Claim, urgent" });
    await claimedBy(bot, later.id, "U0AGENT1");
    await claimedBy(bot, urgent.id, "U0AGENT1");
    clock.advance({ minutes: 50 }); // both first replies due soon; the unclaimed one is near its deadline
    const unclaimed = await newCase(bot, { description: "Nobody has it" });
    clock.advance({ minutes: 59 });
    const home = await openHome(bot, "U0AGENT1");
    const t = text(home);
    // The claim's 30-minute clock is due first, then the return's.
    expect(t.indexOf(urgent.number)).toBeLessThan(t.indexOf(later.number));
    expect(home.blocks.find((b: any) => b.type === "actions").elements.map((e: any) => e.action_id)).toEqual([
      ACTIONS.logReply,
      ACTIONS.resolve,
      ACTIONS.draftReply,
    ]);
    const needs = home.blocks.find((b: any) => b.accessory?.action_id === ACTIONS.claim);
    expect(JSON.stringify(needs)).toContain(unclaimed.number);

    // Claim from the Home tab: the card in the channel changes, and the Home tab follows.
    const before = publishes(bot, "U0AGENT2").length;
    await openHome(bot, "U0AGENT2");
    await postSigned(
      bot.baseUrl,
      interactionBody(homeButtonPayload({ actionId: ACTIONS.claim, value: String(unclaimed.id), userId: "U0AGENT2" })),
    );
    await bot.flush();
    const c = await bot.db.prisma.case.findUniqueOrThrow({ where: { id: unclaimed.id } });
    expect(c.ownerId).toBe("U0AGENT2");
    const card = bot.slack.messages(c.channelId ?? undefined).find((m) => m.ts === c.messageTs);
    expect(JSON.stringify(card?.blocks)).toContain("<@U0AGENT2>");
    const refreshed = await waitFor(
      () =>
        publishes(bot, "U0AGENT2")
          .slice(before + 1)
          .find((p) => text(p.args.view).includes(`My cases (1)`)),
      "the Home tab after the claim",
      8000,
    );
    expect(text(refreshed.args.view)).toContain(unclaimed.number);
  });

  botTest("shows a lead the team today, and finds cases from its search box", async ({ bot }) => {
    const c = await newCase(bot, { buyerName: "Lena Findme" });
    await claimedBy(bot, c.id, "U0AGENT1");
    const home = await openHome(bot, LEAD);
    expect(text(home)).toContain("The team today");
    expect(text(home)).toContain("<@U0AGENT1>");

    const before = publishes(bot, LEAD).length;
    const search = {
      ...homeButtonPayload({ actionId: ACTIONS.homeSearch, value: "", userId: LEAD }),
      actions: [
        { type: "plain_text_input", action_id: ACTIONS.homeSearch, block_id: "home_search", value: "Lena Findme" },
      ],
    };
    await postSigned(bot.baseUrl, interactionBody(search));
    const found = await waitFor(() => publishes(bot, LEAD)[before]?.args.view, "the search results");
    expect(text(found)).toContain("Cases matching");
    expect(text(found)).toContain(c.number);
  });

  botTest("stays within Slack's 100 blocks with many cases, saying how many more", async ({ bot }) => {
    for (let i = 0; i < 20; i++) {
      const c = await newCase(bot, { description: `Many ${i}` });
      await bot.db.prisma.case.update({ where: { id: c.id }, data: { status: "claimed", ownerId: "U0AGENT2" } });
    }
    const home = await openHome(bot, "U0AGENT2");
    expect(home.blocks.length).toBeLessThanOrEqual(100);
    expect(text(home)).toMatch(/…and \d+ more: `\/case list mine`/);
  });
});

describe("away from the Home tab", () => {
  /** A day picked in the Home tab's datepicker. */
  const pickDay = (bot: TestBot, userId: string, day: string) =>
    postSigned(
      bot.baseUrl,
      interactionBody({
        ...homeButtonPayload({ actionId: ACTIONS.homeAwayUntil, value: "", userId }),
        actions: [
          {
            type: "datepicker",
            action_id: ACTIONS.homeAwayUntil,
            block_id: "home_away~here",
            selected_date: day,
            action_ts: String(Date.now() / 1000),
          },
        ],
      }),
    );
  const dayFromNow = (days: number) => new Date(clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const awayUntil = async (bot: TestBot, userId: string) =>
    (await bot.db.prisma.person.findUnique({ where: { userId } }))?.awayUntil ?? null;
  const directMessages = (bot: TestBot, userId: string) =>
    bot.slack.calls("chat.postMessage").filter((m) => m.args.channel === userId);
  const picker = (view: any) => view.blocks.find((b: any) => b.accessory?.action_id === ACTIONS.homeAwayUntil) as any;

  botTest(
    "a day picked marks the person away, a past day is refused privately, and I'm back ends it",
    async ({ bot }) => {
      const AGENT = "U0AGENT1";
      const here = await openHome(bot, AGENT);
      expect(picker(here).text.text).toContain("Pick the day you are back");
      expect(picker(here).accessory.type).toBe("datepicker");
      expect(text(here)).not.toContain(ACTIONS.homeBack);

      // A day gone by: refused in a private message that says why, and nothing changes.
      const dmsBefore = directMessages(bot, AGENT).length;
      const yesterday = dayFromNow(-1);
      expect((await pickDay(bot, AGENT, yesterday)).status).toBe(200);
      const refusal = await waitFor(() => directMessages(bot, AGENT)[dmsBefore], "the refusal");
      expect(refusal.args.text).toContain(`${yesterday} has passed`);
      expect(await awayUntil(bot, AGENT)).toBeNull();

      // A day more than a year ahead: refused too.
      const tooFar = dayFromNow(400);
      await pickDay(bot, AGENT, tooFar);
      const tooFarRefusal = await waitFor(() => directMessages(bot, AGENT)[dmsBefore + 1], "the second refusal");
      expect(tooFarRefusal.args.text).toContain(`${tooFar} is more than a year away`);
      expect(await awayUntil(bot, AGENT)).toBeNull();

      // A day ahead: away until then (the start of that day in the team's time zone, UTC here).
      const back = dayFromNow(10);
      const published = publishes(bot, AGENT).length;
      await pickDay(bot, AGENT, back);
      await waitFor(async () => (await awayUntil(bot, AGENT))?.toISOString() === `${back}T00:00:00.000Z`, "away");
      const away = await waitFor(
        () =>
          publishes(bot, AGENT)
            .slice(published)
            .find((p) => text(p.args.view).includes("You are away until"))?.args.view,
        "the Home tab saying away",
      );
      expect(blockKitProblems(away, "home")).toEqual([]);
      expect(picker(away).text.text).toContain("new cases are not routed to you");
      // The day as the team reads it, and the picker starts on it.
      expect(picker(away).text.text).toContain(`You are away until ${back}*`);
      expect(picker(away).accessory.initial_date).toBe(back);
      const backButton = away.blocks
        .flatMap((b: any) => b.elements ?? [])
        .find((e: any) => e.action_id === ACTIONS.homeBack);
      expect(backButton.text.text).toBe("I'm back");

      // I'm back: here again, and the Home tab asks again.
      const beforeBack = publishes(bot, AGENT).length;
      await postSigned(
        bot.baseUrl,
        interactionBody(homeButtonPayload({ actionId: ACTIONS.homeBack, value: "back", userId: AGENT })),
      );
      await waitFor(async () => (await awayUntil(bot, AGENT)) === null || undefined, "back");
      const hereAgain = await waitFor(
        () =>
          publishes(bot, AGENT)
            .slice(beforeBack)
            .find((p) => text(p.args.view).includes("Pick the day you are back"))?.args.view,
        "the Home tab asking again",
      );
      expect(text(hereAgain)).not.toContain(ACTIONS.homeBack);
    },
  );

  botTest("is not offered to people outside the team, and a day they send changes nothing", async ({ bot }) => {
    const home = await openHome(bot, "U0OUTSIDER2");
    expect(text(home)).not.toContain(ACTIONS.homeAwayUntil);
    expect((await pickDay(bot, "U0OUTSIDER2", dayFromNow(10))).status).toBe(200);
    await bot.flush();
    expect(await awayUntil(bot, "U0OUTSIDER2")).toBeNull();
  });
});

describe("people outside the team", () => {
  botTest("see what the app is for, not the cases, and may not look cases up", async ({ bot }) => {
    await newCase(bot, { buyerName: "Private Person" });
    const home = await openHome(bot, "U0OUTSIDER");
    expect(text(home)).toContain("shown to the team's agents and leads only");
    expect(text(home)).not.toContain("Private Person");
    const before = bot.slack.responses.filter((r) => r.path === "/response/cmd").length;
    await bot.command("find Private Person", "U0OUTSIDER");
    const answer = await waitFor(
      () => bot.slack.responses.filter((r) => r.path === "/response/cmd")[before],
      "the refusal",
    );
    expect(answer.body.text).toContain("Only after-sales agents and leads can look up cases");
  });
});

describe("notes, waiting on the buyer, reassign", () => {
  botTest("a note goes into the thread; waiting is reminded on its day and ended by a reply", async ({ bot }) => {
    const c = await newCase(bot);
    await claimedBy(bot, c.id, "U0AGENT1");
    await more(bot, MORE_OPTIONS.addNote, c.id);
    await waitFor(
      () => bot.slack.calls("views.open").find((v) => v.args.view.callback_id === CALLBACKS.addNote),
      "note form",
    );
    const noted = await bot.submit({
      callbackId: CALLBACKS.addNote,
      userId: "U0AGENT1",
      values: { [PLAYBOOK_BLOCKS.note]: "Buyer sent photos of the broken zip" },
      privateMetadata: JSON.stringify({ caseId: c.id }),
    });
    expect(noted.text).toBe("");
    await bot.flush();
    expect(bot.slack.calls("chat.postMessage").some((m) => String(m.args.text).includes("Buyer sent photos"))).toBe(
      true,
    );

    const wait = await bot.submit({
      callbackId: CALLBACKS.waiting,
      userId: "U0AGENT1",
      values: { [PLAYBOOK_BLOCKS.followUp]: "2026-11-22" },
      dates: [PLAYBOOK_BLOCKS.followUp],
      privateMetadata: JSON.stringify({ caseId: c.id }),
    });
    expect(wait.text).toBe("");
    const waiting = await bot.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(waiting.waitingUntil?.toISOString()).toBe("2026-11-22T09:00:00.000Z");
    // Not in "My cases" while waiting.
    expect(text(await openHome(bot, "U0AGENT1"))).toContain("Waiting on the buyer (1)");

    clock.set("2026-11-22T09:05:00Z");
    await bot.sweep.runOnce();
    await bot.flush();
    const reminder = await waitFor(
      () =>
        bot.slack
          .calls("chat.postMessage")
          .find(
            (m) => m.args.thread_ts === waiting.messageTs && String(m.args.text).includes("no answer from the buyer"),
          ),
      "the follow-up reminder",
    );
    expect(reminder.args.text).toContain("<@U0AGENT1>");

    // The buyer answered: a logged reply makes the case active again.
    await bot.click(ACTIONS.logReply, c.id, "U0AGENT1");
    await waitFor(
      async () => (await bot.db.prisma.case.findUnique({ where: { id: c.id } }))?.waitingUntil === null || undefined,
      "active again",
    );
  });

  botTest("a lead reassigns (the new owner is told directly); an agent may not", async ({ bot }) => {
    const c = await newCase(bot);
    await claimedBy(bot, c.id, "U0AGENT1");
    const submit = (userId: string, to: string) =>
      bot.submit({
        callbackId: CALLBACKS.reassign,
        userId,
        values: { [PLAYBOOK_BLOCKS.assignee]: to },
        selects: [],
        privateMetadata: JSON.stringify({ caseId: c.id }),
      });
    const refused = await submit("U0AGENT1", "U0AGENT2");
    expect(refused.json.errors[PLAYBOOK_BLOCKS.assignee]).toContain("Only leads");
    const res = await submit(LEAD, "U0AGENT2");
    expect(res.text).toBe("");
    expect((await bot.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).ownerId).toBe("U0AGENT2");
    await bot.flush();
    const dm = bot.slack.calls("chat.postMessage").find((m) => m.args.channel === "U0AGENT2");
    expect(dm?.args.text).toContain("handed you");
    expect(dm?.args.text).toContain(c.number);
  });
});
