// The case loop through Slack's real protocol: signed requests in, Web API calls out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, CALLBACKS, NEW_CASE_BLOCKS, RESOLVE_BLOCKS } from "../../src/ids.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { interactionBody, postSigned } from "../support/signedRequests.ts";
import { CASES_CHANNEL, LEAD, startTestBot, type TestBot, waitFor } from "../support/testBot.ts";

let testDb: TestDatabase;
let t: TestBot;

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await startTestBot(testDb);
});
afterAll(async () => {
  await t?.stop();
  await testDb?.drop();
});

const validCase = {
  [NEW_CASE_BLOCKS.orderId]: "114-2962899-5762619",
  [NEW_CASE_BLOCKS.category]: "refund",
  [NEW_CASE_BLOCKS.description]: "Buyer says the mattress pad arrived punctured and wants a refund.",
  [NEW_CASE_BLOCKS.asin]: "B00TZ73MUY",
  [NEW_CASE_BLOCKS.marketplace]: "US",
  [NEW_CASE_BLOCKS.orderValue]: "89.99",
  [NEW_CASE_BLOCKS.buyerName]: "Jane Buyer",
};
const selects = [
  NEW_CASE_BLOCKS.category,
  NEW_CASE_BLOCKS.marketplace,
  NEW_CASE_BLOCKS.currency,
  NEW_CASE_BLOCKS.priority,
];

async function createCaseViaModal(values: Record<string, string | undefined> = validCase, viewId?: string) {
  const res = await t.submit({ callbackId: CALLBACKS.newCase, userId: "U0AGENT1", values, selects, viewId });
  expect(res.status).toBe(200);
  return res;
}

/** Buttons are acknowledged before the change is made, so tests wait for the record to change. */
async function caseWhen(caseId: number, check: (c: any) => boolean, what: string) {
  return waitFor(async () => {
    const row = await t.db.prisma.case.findUnique({ where: { id: caseId } });
    return row && check(row) ? row : undefined;
  }, what);
}

async function cardFor(caseId: number) {
  const c = await waitFor(async () => {
    const row = await t.db.prisma.case.findUnique({ where: { id: caseId } });
    return row?.messageTs ? row : undefined;
  }, "the card to be posted");
  return c;
}

const buttonsOf = (blocks: any[]) =>
  blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements.map((e: any) => e.action_id));

describe("slash command", () => {
  it("explains every subcommand on /case help and on an unknown subcommand", async () => {
    const help = await t.command("help");
    expect(help.status).toBe(200);
    expect(help.json.response_type).toBe("ephemeral");
    expect(help.json.text).toContain("/case new");
    const unknown = await t.command("frobnicate");
    expect(unknown.json.text).toContain("`/case frobnicate` is not a command I know");
    expect(unknown.json.text).toContain("/case new");
  });

  it("opens the new-case modal with the command's trigger id, prefilled with an order id given", async () => {
    const before = t.slack.calls("views.open").length;
    const res = await t.command("new 114-2962899-5762619");
    expect(res.status).toBe(200);
    const open = await waitFor(() => t.slack.calls("views.open")[before], "views.open");
    expect(open.args.trigger_id).toBe("1337.42.trigger");
    expect(open.args.view.callback_id).toBe(CALLBACKS.newCase);
    const orderBlock = open.args.view.blocks.find((b: any) => b.block_id === NEW_CASE_BLOCKS.orderId);
    expect(orderBlock.element.initial_value).toBe("114-2962899-5762619");
    expect(orderBlock.label.text).toBe("Order ID");
  });

  it("rejects requests that Slack did not sign", async () => {
    const res = await postSigned(t.baseUrl, "command=%2Fcase&text=help", { secret: "not-the-secret" });
    expect(res.status).toBe(401);
  });
});

describe("new case modal", () => {
  it("answers bad input inline, naming the field and the expected form", async () => {
    const res = await t.submit({
      callbackId: CALLBACKS.newCase,
      userId: "U0AGENT1",
      selects,
      values: {
        ...validCase,
        [NEW_CASE_BLOCKS.orderId]: "12345",
        [NEW_CASE_BLOCKS.asin]: "nope",
        [NEW_CASE_BLOCKS.orderValue]: "lots",
      },
    });
    expect(res.json.response_action).toBe("errors");
    expect(res.json.errors[NEW_CASE_BLOCKS.orderId]).toContain("Order IDs look like 114-2962899-5762619");
    expect(res.json.errors[NEW_CASE_BLOCKS.asin]).toContain("ASINs are 10 characters");
    expect(res.json.errors[NEW_CASE_BLOCKS.orderValue]).toContain("29.99");
    expect(await t.db.prisma.case.count({ where: { orderId: "12345" } })).toBe(0);
  });

  it("stores the case and posts its card to the cases channel, once even if submitted twice", async () => {
    const before = await t.db.prisma.case.count();
    await createCaseViaModal(validCase, "VSAMEFORM");
    await createCaseViaModal(validCase, "VSAMEFORM");
    expect(await t.db.prisma.case.count()).toBe(before + 1);
    const c = await t.db.prisma.case.findFirstOrThrow({ where: { externalId: "VSAMEFORM" } });
    expect(c.priority).toBe("high"); // refunds are high priority
    expect(c.currency).toBe("USD"); // from the marketplace
    expect(c.orderValue?.toFixed(2)).toBe("89.99");
    const card = await cardFor(c.id);
    await t.flush();
    const posts = t.slack
      .calls("chat.postMessage")
      .filter(
        (p) => p.args.ts === undefined && p.args.channel === CASES_CHANNEL && p.args.text.startsWith(`AS-${c.number} `),
      );
    expect(posts).toHaveLength(1);
    expect(posts[0].args.blocks[0].text.text).toBe(`AS-${c.number} · Refund`);
    expect(buttonsOf(posts[0].args.blocks)).toEqual([ACTIONS.claim, ACTIONS.logReply, ACTIONS.resolve]);
    expect(JSON.stringify(posts[0].args.blocks)).toContain("Jane Buyer");
    expect(card.channelId).toBe(CASES_CHANNEL);
  });
});

describe("claim", () => {
  it("gives the case to exactly one of many simultaneous clickers; the others are told who has it", async () => {
    await createCaseViaModal({ ...validCase, [NEW_CASE_BLOCKS.category]: "return" });
    const c = await t.db.prisma.case.findFirstOrThrow({ orderBy: { id: "desc" } });
    await cardFor(c.id);
    const users = Array.from({ length: 10 }, (_, i) => `U0RACE${i}`);
    const ephemeralBefore = t.slack.calls("chat.postEphemeral").length;
    const results = await Promise.all(users.map((u) => t.click(ACTIONS.claim, c.id, u)));
    expect(results.every((r) => r.status === 200)).toBe(true);

    const told = await waitFor(() => {
      const e = t.slack.calls("chat.postEphemeral").slice(ephemeralBefore);
      return e.length >= 9 ? e : undefined;
    }, "nine ephemeral refusals");
    expect(told).toHaveLength(9);
    const claimed = await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(claimed.status).toBe("claimed");
    expect(users).toContain(claimed.ownerId);
    expect(await t.db.prisma.caseEvent.count({ where: { caseId: c.id, kind: "claimed" } })).toBe(1);
    for (const e of told) {
      expect(e.args.text).toContain(`already claimed by <@${claimed.ownerId}>`);
      expect(e.args.user).not.toBe(claimed.ownerId);
    }

    // The card is re-rendered from the record: owner shown, Claim replaced by Take over.
    await t.flush();
    const update = await waitFor(
      () =>
        t.slack
          .calls("chat.update")
          .filter((u) => u.args.ts === claimed.messageTs)
          .at(-1),
      "card update",
    );
    expect(JSON.stringify(update.args.blocks)).toContain(`<@${claimed.ownerId}>`);
    expect(buttonsOf(update.args.blocks)).toEqual([ACTIONS.takeOver, ACTIONS.logReply, ACTIONS.resolve]);
    const note = await waitFor(
      () => t.slack.calls("chat.postMessage").find((p) => p.args.thread_ts === claimed.messageTs),
      "history note",
    );
    expect(note.args.text).toBe(`<@${claimed.ownerId}> claimed AS-${claimed.number}`);
  });

  it("lets a lead take over a claimed case, and refuses take-over to agents", async () => {
    await createCaseViaModal();
    const c = await t.db.prisma.case.findFirstOrThrow({ orderBy: { id: "desc" } });
    await t.click(ACTIONS.claim, c.id, "U0AGENT1");
    await caseWhen(c.id, (r) => r.ownerId === "U0AGENT1", "the claim");
    const before = t.slack.calls("chat.postEphemeral").length;
    await t.click(ACTIONS.takeOver, c.id, "U0AGENT2");
    const refusal = await waitFor(() => t.slack.calls("chat.postEphemeral")[before], "refusal");
    expect(refusal.args.text).toContain("Only leads can take over");
    expect((await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).ownerId).toBe("U0AGENT1");

    await t.click(ACTIONS.takeOver, c.id, LEAD);
    const taken = await caseWhen(c.id, (r) => r.ownerId !== "U0AGENT1", "the take-over");
    expect(taken.ownerId).toBe(LEAD);
    const ev = await t.db.prisma.caseEvent.findFirstOrThrow({ where: { caseId: c.id, kind: "taken_over" } });
    expect(ev.detail).toEqual({ from: "U0AGENT1" });
  });
});

describe("log reply", () => {
  it("records the first reply once, claiming an unclaimed case for whoever answered", async () => {
    await createCaseViaModal();
    const c = await t.db.prisma.case.findFirstOrThrow({ orderBy: { id: "desc" } });
    await t.click(ACTIONS.logReply, c.id, "U0AGENT3");
    const replied = await caseWhen(c.id, (r) => r.firstReplyAt !== null, "the reply");
    expect(replied.ownerId).toBe("U0AGENT3");
    // A double click is not a second reply: the second one is answered privately.
    const before = t.slack.calls("chat.postEphemeral").length;
    await t.click(ACTIONS.logReply, c.id, "U0AGENT3");
    const told = await waitFor(() => t.slack.calls("chat.postEphemeral")[before], "duplicate notice");
    expect(told.args.text).toContain("already logged");
    expect(await t.db.prisma.caseEvent.count({ where: { caseId: c.id, kind: "replied" } })).toBe(1);
    expect((await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).firstReplyAt).toEqual(
      replied.firstReplyAt,
    );
  });
});

describe("resolve", () => {
  it("only the owner or a lead may resolve; the card then shows who resolved it and how", async () => {
    await createCaseViaModal();
    const c = await t.db.prisma.case.findFirstOrThrow({ orderBy: { id: "desc" } });
    await cardFor(c.id);
    await t.click(ACTIONS.claim, c.id, "U0OWNER");
    await caseWhen(c.id, (r) => r.ownerId === "U0OWNER", "the claim");

    const opensBefore = t.slack.calls("views.open").length;
    const ephBefore = t.slack.calls("chat.postEphemeral").length;
    await t.click(ACTIONS.resolve, c.id, "U0OTHER");
    const refusal = await waitFor(() => t.slack.calls("chat.postEphemeral")[ephBefore], "refusal");
    expect(refusal.args.text).toContain(`Only <@U0OWNER> (the owner) or a lead can resolve AS-${c.number}`);
    expect(t.slack.calls("views.open")).toHaveLength(opensBefore);

    // A forged submission by someone else is refused too, inline.
    const forged = await t.submit({
      callbackId: CALLBACKS.resolveCase,
      userId: "U0OTHER",
      privateMetadata: JSON.stringify({ caseId: c.id }),
      selects: [RESOLVE_BLOCKS.resolution, RESOLVE_BLOCKS.rootCause, RESOLVE_BLOCKS.currency],
      values: { [RESOLVE_BLOCKS.resolution]: "replacement", [RESOLVE_BLOCKS.rootCause]: "defect" },
    });
    expect(forged.json.errors[RESOLVE_BLOCKS.resolution]).toContain("Only <@U0OWNER>");

    await t.click(ACTIONS.resolve, c.id, "U0OWNER");
    const open = await waitFor(() => t.slack.calls("views.open")[opensBefore], "resolve modal");
    expect(open.args.view.callback_id).toBe(CALLBACKS.resolveCase);

    const missingAmount = await t.submit({
      callbackId: CALLBACKS.resolveCase,
      userId: "U0OWNER",
      privateMetadata: open.args.view.private_metadata,
      selects: [RESOLVE_BLOCKS.resolution, RESOLVE_BLOCKS.rootCause, RESOLVE_BLOCKS.currency],
      values: { [RESOLVE_BLOCKS.resolution]: "partial_refund", [RESOLVE_BLOCKS.rootCause]: "damaged_in_transit" },
    });
    expect(missingAmount.json.response_action).toBe("errors");
    expect(missingAmount.json.errors[RESOLVE_BLOCKS.amount]).toContain("how much the buyer gets back");

    const ok = await t.submit({
      callbackId: CALLBACKS.resolveCase,
      userId: "U0OWNER",
      privateMetadata: open.args.view.private_metadata,
      selects: [RESOLVE_BLOCKS.resolution, RESOLVE_BLOCKS.rootCause, RESOLVE_BLOCKS.currency],
      values: {
        [RESOLVE_BLOCKS.resolution]: "partial_refund",
        [RESOLVE_BLOCKS.rootCause]: "damaged_in_transit",
        [RESOLVE_BLOCKS.amount]: "9.00",
        [RESOLVE_BLOCKS.note]: "Buyer keeps the item",
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.text).toBe("");
    const resolved = await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(resolved.status).toBe("resolved");
    expect(resolved.resolvedById).toBe("U0OWNER");
    expect(resolved.resolutionAmount?.toFixed(2)).toBe("9.00");
    expect(resolved.resolutionCurrency).toBe("USD");
    expect(resolved.firstReplyAt).not.toBeNull(); // resolving stops the response clock too

    await t.flush();
    const update = await waitFor(
      () =>
        t.slack
          .calls("chat.update")
          .filter((u) => u.args.ts === resolved.messageTs && JSON.stringify(u.args.blocks).includes("*Resolved* by"))
          .at(-1),
      "resolved card",
    );
    const text = JSON.stringify(update.args.blocks);
    expect(text).toContain("<@U0OWNER>");
    expect(text).toContain("Partial refund · 9.00 USD");
    expect(buttonsOf(update.args.blocks)).toEqual([ACTIONS.reopen]);

    // Reopen brings it back to its owner.
    await t.click(ACTIONS.reopen, c.id, "U0OWNER");
    const reopened = await caseWhen(c.id, (r) => r.status !== "resolved", "the reopen");
    expect(reopened.status).toBe("claimed");
    expect(reopened.ownerId).toBe("U0OWNER");
  });
});

describe("message shortcut", () => {
  it("opens the new-case modal filled with the message text, order id and ASIN", async () => {
    const before = t.slack.calls("views.open").length;
    const text = "Hi, order 205-1234567-7654321 (B0CXYZ1234) arrived broken. Please help.";
    const res = await postSigned(
      t.baseUrl,
      interactionBody({
        type: "message_action",
        callback_id: CALLBACKS.messageShortcut,
        trigger_id: "trigger-shortcut",
        team: { id: "T0STANDIN", domain: "stand-in" },
        user: { id: "U0AGENT1", name: "agent" },
        channel: { id: "C0INBOX", name: "inbox" },
        message: { type: "message", user: "U0BUYERMAIL", ts: "1700000000.000001", text },
        response_url: "http://127.0.0.1:9/response/none",
        message_ts: "1700000000.000001",
        token: "legacy",
        action_ts: "1700000001.0",
      }),
    );
    expect(res.status).toBe(200);
    const open = await waitFor(() => t.slack.calls("views.open")[before], "views.open");
    const blocks = open.args.view.blocks as any[];
    const initial = (id: string) => blocks.find((b) => b.block_id === id).element.initial_value;
    expect(initial(NEW_CASE_BLOCKS.orderId)).toBe("205-1234567-7654321");
    expect(initial(NEW_CASE_BLOCKS.asin)).toBe("B0CXYZ1234");
    expect(initial(NEW_CASE_BLOCKS.description)).toBe(text);
  });
});
