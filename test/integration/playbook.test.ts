// The playbook in the flow, through Slack's protocol: the resolve form's suggested remedy (and
// whether it was followed), the return check and refund clock, suspected abuse with the buyer's
// other cases, an appeal and its reminder, reply drafts from the team's templates with the policy
// check, and `/case check`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect } from "vitest";
import { ACTIONS, CALLBACKS, MORE_OPTIONS, PLAYBOOK_BLOCKS, RESOLVE_BLOCKS } from "../../src/ids.ts";
import { botTest, LEAD, type TestBot, waitFor } from "../support/botTest.ts";
import { testClock } from "../support/clock.ts";
import {
  interactionBody,
  overflowPayload,
  postSigned,
  viewSelectPayload,
  viewSubmission,
} from "../support/signedRequests.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const clock = testClock("2026-11-20T08:00:00Z");
botTest.override("botOptions", {
  env: {
    AGENT_USER_IDS: "U0AGENT1,U0AGENT2",
    SWEEP_INTERVAL_SECONDS: "3600",
    TEMPLATES_FILE: path.join(here, "../fixtures/templates-team.yaml"),
  },
  now: clock.now,
});

let orderSeq = 3000000;
async function newCase(bot: TestBot, fields: Record<string, unknown> = {}): Promise<number> {
  orderSeq++;
  const res = await bot.api("/api/cases", {
    body: {
      orderId: `114-${orderSeq}-5762619`,
      category: "complaint",
      description: "The zip broke on the second day.",
      marketplace: "US",
      orderValue: "19.99",
      buyerName: "Jane Buyer",
      ...fields,
    },
  });
  expect(res.status).toBe(201);
  return res.json.case.id;
}

async function claimed(bot: TestBot, caseId: number, userId = "U0AGENT1") {
  await bot.click(ACTIONS.claim, caseId, userId);
  return waitFor(async () => {
    const c = await bot.db.prisma.case.findUnique({ where: { id: caseId } });
    return c?.ownerId === userId ? c : undefined;
  }, "the case to be claimed");
}

const more = (bot: TestBot, what: string, caseId: number, userId = "U0AGENT1") =>
  postSigned(
    bot.baseUrl,
    interactionBody(overflowPayload({ actionId: ACTIONS.more, value: `${what}:${caseId}`, userId })),
  );

/** The modal the bot opened last with this callback id. */
const openedView = (bot: TestBot, callbackId: string) =>
  waitFor(
    () =>
      bot.slack
        .calls("views.open")
        .map((c) => c.args.view)
        .filter((v: any) => v.callback_id === callbackId)
        .at(-1),
    `the ${callbackId} form`,
  );

/** The card as Slack shows it now (after every update). */
const cardOf = (bot: TestBot, c: { channelId: string | null; messageTs: string | null }) =>
  bot.slack.messages(c.channelId ?? undefined).find((m) => m.ts === c.messageTs);

const meta = (caseId: number) => JSON.stringify({ caseId });
const blockText = (view: any) => JSON.stringify(view.blocks);

describe("the resolve form suggests a remedy", () => {
  botTest("from price, cause and severity, and records whether it was followed", async ({ bot }) => {
    const id = await newCase(bot);
    await claimed(bot, id);
    const opensBefore = bot.slack.calls("views.open").length;
    await bot.click(ACTIONS.resolve, id, "U0AGENT1");
    await waitFor(() => bot.slack.calls("views.open").length > opensBefore || undefined, "the resolve form");
    const form = await openedView(bot, CALLBACKS.resolveCase);
    // No cause can be told from a complaint yet: the form asks for it.
    expect(blockText(form)).toContain("Pick the root cause");

    // A defect, minor, on a 19.99 USD item: low-priced, so a 5–10% partial refund.
    const state = viewSubmission({
      callbackId: CALLBACKS.resolveCase,
      userId: "U0AGENT1",
      values: { [RESOLVE_BLOCKS.rootCause]: "defect", [RESOLVE_BLOCKS.severity]: "minor" },
      selects: [RESOLVE_BLOCKS.rootCause, RESOLVE_BLOCKS.severity],
      privateMetadata: meta(id),
    }).view;
    const updates = bot.slack.calls("views.update").length;
    await postSigned(
      bot.baseUrl,
      interactionBody(
        viewSelectPayload({
          actionId: ACTIONS.resolveRecompute,
          blockId: RESOLVE_BLOCKS.rootCause,
          value: "defect",
          userId: "U0AGENT1",
          view: state,
        }),
      ),
    );
    const updated = await waitFor(
      () => bot.slack.calls("views.update")[updates]?.args.view,
      "the form with the suggestion",
    );
    const text = blockText(updated);
    expect(text).toContain("Partial refund 5–10%");
    expect(text).toContain("1.00–2.00 USD");
    const resolution = updated.blocks.find((b: any) => b.block_id?.startsWith(RESOLVE_BLOCKS.resolution));
    expect(resolution.block_id).toBe(`${RESOLVE_BLOCKS.resolution}~partial_refund`);
    expect(resolution.element.initial_option.value).toBe("partial_refund");

    const res = await bot.submit({
      callbackId: CALLBACKS.resolveCase,
      userId: "U0AGENT1",
      values: {
        [RESOLVE_BLOCKS.rootCause]: "defect",
        [RESOLVE_BLOCKS.severity]: "minor",
        [resolution.block_id]: "partial_refund",
        [RESOLVE_BLOCKS.amount]: "1.50",
        [RESOLVE_BLOCKS.outcome]: "kept",
        [RESOLVE_BLOCKS.suggestedProduct]: "The sturdier backpack B0SPORT123",
      },
      selects: [RESOLVE_BLOCKS.rootCause, RESOLVE_BLOCKS.severity, resolution.block_id, RESOLVE_BLOCKS.outcome],
      privateMetadata: meta(id),
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    const c = await bot.db.prisma.case.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({
      status: "resolved",
      resolution: "partial_refund",
      suggestedRemedy: "partial_refund",
      suggestionFollowed: true,
      buyerOutcome: "kept",
      suggestedProduct: "The sturdier backpack B0SPORT123",
    });
    await bot.flush();
    const card = cardOf(bot, c);
    expect(JSON.stringify(card?.blocks)).toContain("Playbook suggested:* Partial refund (followed)");
  });

  botTest("says on the card what the return reason points to", async ({ bot }) => {
    const id = await newCase(bot, { category: "return", orderValue: "249.00", description: "Wrong item in the box" });
    await bot.db.prisma.case.update({ where: { id }, data: { returnReason: "SWITCHEROO" } });
    await bot.db.prisma.outboxMessage.create({ data: { kind: "update_card", caseId: id, payload: {} } });
    await bot.flush();
    const c = await bot.db.prisma.case.findUniqueOrThrow({ where: { id } });
    const card = JSON.stringify(cardOf(bot, c)?.blocks);
    expect(card).toContain("Suggested remedy:* Replacement");
    expect(card).toContain("likely cause: wrong item");
  });
});

describe("the return check and the refund clock", () => {
  botTest(
    "a return asked for 40 days after delivery is outside the window; received starts the clock",
    async ({ bot }) => {
      const id = await newCase(bot, { category: "return", description: "Does not fit, wants to send it back" });
      await claimed(bot, id);
      await more(bot, MORE_OPTIONS.returnCheck, id);
      await openedView(bot, CALLBACKS.returnCheck);
      // Delivered 10 Oct, asked 20 Nov: the window ended 9 Nov (not the holiday window: shipped in October).
      const res = await bot.submit({
        callbackId: CALLBACKS.returnCheck,
        userId: "U0AGENT1",
        values: { [PLAYBOOK_BLOCKS.deliveredAt]: "2026-10-10", [PLAYBOOK_BLOCKS.condition]: "opened_resellable" },
        dates: [PLAYBOOK_BLOCKS.deliveredAt],
        radios: [PLAYBOOK_BLOCKS.condition],
        privateMetadata: meta(id),
      });
      expect(res.json.response_action).toBe("update");
      expect(JSON.stringify(res.json.view.blocks)).toMatch(/Outside the window by 11 days/);
      const c = await bot.db.prisma.case.findUniqueOrThrow({ where: { id } });
      expect(c.itemCondition).toBe("opened_resellable");
      expect(c.returnCheckedAt).not.toBeNull();

      // No day at all: said in the form.
      const empty = await bot.submit({
        callbackId: CALLBACKS.returnCheck,
        userId: "U0AGENT1",
        values: {},
        privateMetadata: meta(id),
      });
      expect(empty.json.errors[PLAYBOOK_BLOCKS.deliveredAt]).toContain("Give the delivery day");

      await more(bot, MORE_OPTIONS.returnReceived, id);
      const received = await waitFor(async () => {
        const r = await bot.db.prisma.case.findUnique({ where: { id } });
        return r?.refundDueAt ? r : undefined;
      }, "the refund clock");
      // Received Friday 20 Nov (UTC): 2 business days → end of Tuesday 24 Nov.
      expect(received.refundDueAt?.toISOString()).toBe("2026-11-24T23:59:59.999Z");
      const timer = await bot.db.prisma.caseTimer.findUniqueOrThrow({
        where: { caseId_kind: { caseId: id, kind: "refund_due" } },
      });
      expect(timer.status).toBe("pending");
      await bot.flush();
      const card = JSON.stringify(cardOf(bot, received)?.blocks);
      expect(card).toContain("refund due by");
      expect(card).toContain("Outside the window by 11 days");
      // The owner is reminded on the morning of the due day.
      expect(timer.fireAt.toISOString()).toBe("2026-11-24T09:00:00.000Z");

      // Resolved and reopened: the refund clock is over, and a new return can start another.
      const resolved = await bot.submit({
        callbackId: CALLBACKS.resolveCase,
        userId: "U0AGENT1",
        values: { [RESOLVE_BLOCKS.rootCause]: "buyer_remorse", [RESOLVE_BLOCKS.resolution]: "return_accepted" },
        selects: [RESOLVE_BLOCKS.rootCause, RESOLVE_BLOCKS.resolution],
        privateMetadata: meta(id),
      });
      expect(resolved.text).toBe("");
      await bot.click(ACTIONS.reopen, id, "U0AGENT1");
      const reopened = await waitFor(async () => {
        const r = await bot.db.prisma.case.findUnique({ where: { id } });
        return r?.status === "claimed" ? r : undefined;
      }, "the case to be reopened");
      expect(reopened.returnReceivedAt).toBeNull();
      expect(reopened.refundDueAt).toBeNull();
    },
  );
});

describe("suspected abuse", () => {
  botTest("shows the buyer's other cases and the playbook's rule, and marks the case", async ({ bot }) => {
    const buyer = `Buyer ${Math.random().toString(36).slice(2, 8)}`;
    const first = await newCase(bot, { buyerName: buyer, category: "refund", description: "Never arrived (1)" });
    const second = await newCase(bot, {
      buyerName: buyer.toUpperCase(),
      category: "a_to_z_claim",
      description: "Claim",
    });
    const id = await newCase(bot, { buyerName: buyer, category: "return", description: "Empty box, they say" });
    const [a, b] = await bot.db.prisma.case.findMany({
      where: { id: { in: [first, second] } },
      orderBy: { id: "asc" },
    });
    await claimed(bot, id);

    // Another agent may not mark a case someone else owns.
    const refusalsBefore = bot.slack.calls("chat.postEphemeral").length;
    await more(bot, MORE_OPTIONS.suspectAbuse, id, "U0AGENT2");
    const refusal = await waitFor(
      () => bot.slack.calls("chat.postEphemeral")[refusalsBefore]?.args.text,
      "the refusal",
    );
    expect(refusal).toContain("only the owner or a lead");

    const updatesBefore = bot.slack.calls("views.update").length;
    await more(bot, MORE_OPTIONS.suspectAbuse, id);
    // The form opens at once; the buyer's other cases follow in it.
    expect(blockText(await openedView(bot, CALLBACKS.suspectAbuse))).toContain("Looking up other cases");
    const form = blockText(
      await waitFor(
        () =>
          bot.slack
            .calls("views.update")
            .slice(updatesBefore)
            .map((u) => u.args.view)
            .find((v: any) => v.callback_id === CALLBACKS.suspectAbuse),
        "the buyer's other cases",
      ),
    );
    expect(form).toContain("same buyer name");
    expect(form).toContain(`AS-${a.number}`);
    expect(form).toContain(`AS-${b.number}`);
    expect(form).toContain("do not argue with the buyer");

    const res = await bot.submit({
      callbackId: CALLBACKS.suspectAbuse,
      userId: "U0AGENT1",
      values: { [PLAYBOOK_BLOCKS.evidence]: "tracking,photos", [PLAYBOOK_BLOCKS.note]: "Weight at the FC matched." },
      checks: [PLAYBOOK_BLOCKS.evidence],
      privateMetadata: meta(id),
    });
    expect(res.status).toBe(200);
    const c = await bot.db.prisma.case.findUniqueOrThrow({ where: { id } });
    expect(c.abuseSuspectedAt).not.toBeNull();
    expect(c.abuseEvidence).toBe("tracking,photos");
    await bot.flush();
    const line = bot.slack
      .calls("chat.postMessage")
      .map((m) => m.args.text as string)
      .find((t) => t?.includes("as suspected abuse"));
    expect(line).toContain("tracking / proof of delivery, photos");
  });
});

describe("an appeal to Amazon", () => {
  botTest("is reminded before its last day while prepared, and not once filed", async ({ bot }) => {
    const id = await newCase(bot, { category: "a_to_z_claim", description: "Claim granted to the buyer" });
    await claimed(bot, id);
    await more(bot, MORE_OPTIONS.appeal, id);
    await openedView(bot, CALLBACKS.appeal);
    // Decided 26 days ago: 30-day window, reminded 5 days before the last day, so the reminder is due.
    const submit = (stage: string, day: string) =>
      bot.submit({
        callbackId: CALLBACKS.appeal,
        userId: "U0AGENT1",
        values: { [PLAYBOOK_BLOCKS.appealStage]: stage, [PLAYBOOK_BLOCKS.decisionDate]: day },
        radios: [PLAYBOOK_BLOCKS.appealStage],
        dates: [PLAYBOOK_BLOCKS.decisionDate],
        privateMetadata: meta(id),
      });
    const future = await submit("preparing", "2026-12-01");
    expect(future.json.errors[PLAYBOOK_BLOCKS.decisionDate]).toContain("still to come");
    expect((await submit("preparing", "2026-10-25")).text).toBe("");
    const c = await bot.db.prisma.case.findUniqueOrThrow({ where: { id } });
    expect(c.appealStage).toBe("preparing");
    expect(c.appealDueAt?.toISOString()).toBe("2026-11-24T23:59:59.999Z");

    await bot.sweep.runOnce();
    await bot.flush();
    const reminder = await waitFor(
      () =>
        bot.slack
          .calls("chat.postMessage")
          .map((m) => m.args)
          .find((m) => m.thread_ts === c.messageTs && String(m.text).includes("must be filed by")),
      "the appeal reminder",
    );
    expect(reminder.text).toContain("<@U0AGENT1>");

    expect((await submit("filed", "2026-10-25")).text).toBe("");
    const filed = await bot.db.prisma.case.findUniqueOrThrow({ where: { id } });
    expect(filed.appealStage).toBe("filed");
    expect(filed.appealFiledAt).not.toBeNull();
    const timer = await bot.db.prisma.caseTimer.findUniqueOrThrow({
      where: { caseId_kind: { caseId: id, kind: "appeal_reminder" } },
    });
    expect(timer.status).not.toBe("pending");
  });
});

describe("reply drafts and the policy check", () => {
  botTest(
    "drafts from the team's templates file, refuses a text that breaks Amazon's rules, logs the reply",
    async ({ bot }) => {
      const id = await newCase(bot);
      await bot.click(ACTIONS.draftReply, id, "U0AGENT1");
      const draft = await openedView(bot, CALLBACKS.draftReply);
      const text = blockText(draft);
      // The team's first reply replaces the shipped one, filled with the case.
      expect(text).toContain("Our first reply");
      const textBlock = draft.blocks.find((b: any) => b.block_id?.startsWith(PLAYBOOK_BLOCKS.text));
      expect(textBlock.element.initial_value).toContain("Hello Jane Buyer, thank you for writing about order 114-");
      expect(text).toContain("Passes Amazon's messaging rules");

      const res = await bot.submit({
        callbackId: CALLBACKS.draftReply,
        userId: "U0AGENT1",
        values: { [textBlock.block_id]: "Sorry! Email me at help@example.com and leave us a 5-star review." },
        privateMetadata: meta(id),
      });
      expect(res.json.response_action).toBe("errors");
      expect(res.json.errors[textBlock.block_id]).toMatch(/mail/i);
      expect((await bot.db.prisma.case.findUniqueOrThrow({ where: { id } })).firstReplyAt).toBeNull();

      // Sent already as it was: logged all the same (the clock stops), with what the check found.
      const other = await newCase(bot);
      const anyway = await bot.submit({
        callbackId: CALLBACKS.draftReply,
        userId: "U0AGENT1",
        values: {
          [textBlock.block_id]: "Sorry! Email me at help@example.com and leave us a 5-star review.",
          [PLAYBOOK_BLOCKS.sentAnyway]: "yes",
        },
        checks: [PLAYBOOK_BLOCKS.sentAnyway],
        privateMetadata: meta(other),
      });
      expect(anyway.text).toBe("");
      const logged = await bot.db.prisma.caseEvent.findFirstOrThrow({ where: { caseId: other, kind: "replied" } });
      expect(logged.detail).toMatchObject({ policy: expect.arrayContaining(["email", "review_request"]) });

      const ok = await bot.submit({
        callbackId: CALLBACKS.draftReply,
        userId: "U0AGENT1",
        values: { [textBlock.block_id]: textBlock.element.initial_value },
        privateMetadata: meta(id),
      });
      expect(ok.text).toBe("");
      const c = await bot.db.prisma.case.findUniqueOrThrow({ where: { id } });
      expect(c.firstReplyAt).not.toBeNull();
      // Logging a reply on an unclaimed case claims it, as the Log reply button does.
      expect(c.ownerId).toBe("U0AGENT1");
    },
  );

  botTest("/case check answers in the form: problems under the text, or that it passes", async ({ bot }) => {
    await bot.command("check", LEAD);
    await openedView(bot, CALLBACKS.policyCheck);
    const bad = await bot.submit({
      callbackId: CALLBACKS.policyCheck,
      userId: LEAD,
      values: { [PLAYBOOK_BLOCKS.text]: "We refund you in full if you remove your 1-star review." },
    });
    expect(bad.json.errors[PLAYBOOK_BLOCKS.text]).toContain("review");
    const good = await bot.submit({
      callbackId: CALLBACKS.policyCheck,
      userId: LEAD,
      values: { [PLAYBOOK_BLOCKS.text]: "We are sorry the zip broke. We can send a replacement or refund 10% now." },
    });
    expect(good.json.response_action).toBe("update");
    expect(JSON.stringify(good.json.view.blocks)).toContain("follows Amazon's messaging rules");
  });
});
