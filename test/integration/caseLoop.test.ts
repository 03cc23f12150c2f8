// The case loop through Slack's real protocol: signed requests in, Web API calls out.
import { describe, expect } from "vitest";
import type { Case } from "../../src/generated/prisma/client.ts";
import { ACTIONS, CALLBACKS, NEW_CASE_BLOCKS, RESOLVE_BLOCKS } from "../../src/ids.ts";
import type { SlackCall } from "../../src/sandbox/slackStandIn.ts";
import { botTest, CASES_CHANNEL, LEAD, type TestBot, waitFor } from "../support/botTest.ts";
import { interactionBody, postSigned } from "../support/signedRequests.ts";

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

async function createCaseViaModal(
  bot: TestBot,
  values: Record<string, string | undefined> = validCase,
  viewId?: string,
) {
  const res = await bot.submit({ callbackId: CALLBACKS.newCase, userId: "U0AGENT1", values, selects, viewId });
  expect(res.status).toBe(200);
  return res;
}

/** Buttons are acknowledged before the change is made, so tests wait for the record to change. */
async function caseWhen(bot: TestBot, caseId: number, check: (c: any) => boolean, what: string) {
  return waitFor(async () => {
    const row = await bot.db.prisma.case.findUnique({ where: { id: caseId } });
    return row && check(row) ? row : undefined;
  }, what);
}

async function cardFor(bot: TestBot, caseId: number) {
  const c = await waitFor(async () => {
    const row = await bot.db.prisma.case.findUnique({ where: { id: caseId } });
    return row?.messageTs ? row : undefined;
  }, "the card to be posted");
  return c;
}

const buttonsOf = (blocks: any[]) =>
  blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements.map((e: any) => e.action_id));

describe("slash command", () => {
  botTest("explains every subcommand on /case help and on an unknown subcommand", async ({ bot }) => {
    const help = await bot.command("help");
    expect(help.status).toBe(200);
    expect(help.json.response_type).toBe("ephemeral");
    expect(help.json.text).toContain("/case new");
    const unknown = await bot.command("frobnicate");
    expect(unknown.json.text).toContain("`/case frobnicate` is not a command I know");
    expect(unknown.json.text).toContain("/case new");
  });

  botTest(
    "opens the new-case modal with the command's trigger id, prefilled with an order id given",
    async ({ bot }) => {
      const before = bot.slack.calls("views.open").length;
      const res = await bot.command("new 114-2962899-5762619");
      expect(res.status).toBe(200);
      const open = await waitFor(() => bot.slack.calls("views.open")[before], "views.open");
      expect(open.args.trigger_id).toBe("1337.42.trigger");
      expect(open.args.view.callback_id).toBe(CALLBACKS.newCase);
      const orderBlock = open.args.view.blocks.find((b: any) => b.block_id === NEW_CASE_BLOCKS.orderId);
      expect(orderBlock.element.initial_value).toBe("114-2962899-5762619");
      expect(orderBlock.label.text).toBe("Order ID");
    },
  );

  botTest("rejects requests that Slack did not sign", async ({ bot }) => {
    const res = await postSigned(bot.baseUrl, "command=%2Fcase&text=help", { secret: "not-the-secret" });
    expect(res.status).toBe(401);
  });
});

describe("new case modal", () => {
  botTest("answers bad input inline, naming the field and the expected form", async ({ bot }) => {
    const res = await bot.submit({
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
    expect(await bot.db.prisma.case.count({ where: { orderId: "12345" } })).toBe(0);
  });

  botTest("stores the case and posts its card to the cases channel, once even if submitted twice", async ({ bot }) => {
    const before = await bot.db.prisma.case.count();
    await createCaseViaModal(bot, validCase, "VSAMEFORM");
    await createCaseViaModal(bot, validCase, "VSAMEFORM");
    expect(await bot.db.prisma.case.count()).toBe(before + 1);
    const c = await bot.db.prisma.case.findFirstOrThrow({ where: { externalId: "VSAMEFORM" } });
    expect(c.priority).toBe("high"); // refunds are high priority
    expect(c.currency).toBe("USD"); // from the marketplace
    expect(c.orderValue?.toFixed(2)).toBe("89.99");
    const card = await cardFor(bot, c.id);
    await bot.flush();
    const posts = bot.slack
      .calls("chat.postMessage")
      .filter(
        (p) => p.args.ts === undefined && p.args.channel === CASES_CHANNEL && p.args.text.startsWith(`AS-${c.number} `),
      );
    expect(posts).toHaveLength(1);
    expect(posts[0].args.blocks[0].text.text).toBe(`AS-${c.number} · Refund`);
    expect(buttonsOf(posts[0].args.blocks)).toEqual([
      ACTIONS.claim,
      ACTIONS.logReply,
      ACTIONS.resolve,
      ACTIONS.draftReply,
      ACTIONS.more,
    ]);
    expect(JSON.stringify(posts[0].args.blocks)).toContain("Jane Buyer");
    expect(card.channelId).toBe(CASES_CHANNEL);
  });
});

describe("claim", () => {
  describe("ten agents press Claim on the same card at once", () => {
    const users = Array.from({ length: 10 }, (_, i) => `U0RACE${i}`);
    let c: Case;
    let claimed: Case;
    let told: SlackCall[];

    botTest("exactly one of them gets the case, with one claim in its history", async ({ bot }) => {
      await createCaseViaModal(bot, { ...validCase, [NEW_CASE_BLOCKS.category]: "return" });
      c = await bot.db.prisma.case.findFirstOrThrow({ orderBy: { id: "desc" } });
      await cardFor(bot, c.id);
      const ephemeralBefore = bot.slack.calls("chat.postEphemeral").length;
      const results = await Promise.all(users.map((u) => bot.click(ACTIONS.claim, c.id, u)));
      expect(results.every((r) => r.status === 200)).toBe(true);

      told = await waitFor(() => {
        const e = bot.slack.calls("chat.postEphemeral").slice(ephemeralBefore);
        return e.length >= 9 ? e : undefined;
      }, "nine ephemeral refusals");
      expect(told).toHaveLength(9);
      claimed = await bot.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
      expect(claimed.status).toBe("claimed");
      expect(users).toContain(claimed.ownerId);
      expect(await bot.db.prisma.caseEvent.count({ where: { caseId: c.id, kind: "claimed" } })).toBe(1);
    });

    botTest("the nine others are told privately who has it", async () => {
      for (const e of told) {
        expect(e.args.text).toContain(`already claimed by <@${claimed.ownerId}>`);
        expect(e.args.user).not.toBe(claimed.ownerId);
      }
    });

    botTest("the card is re-rendered from the record: owner shown, Claim replaced by Take over", async ({ bot }) => {
      await bot.flush();
      const update = await waitFor(
        () =>
          bot.slack
            .calls("chat.update")
            .filter((u) => u.args.ts === claimed.messageTs)
            .at(-1),
        "card update",
      );
      expect(JSON.stringify(update.args.blocks)).toContain(`<@${claimed.ownerId}>`);
      expect(buttonsOf(update.args.blocks)).toEqual([
        ACTIONS.takeOver,
        ACTIONS.logReply,
        ACTIONS.resolve,
        ACTIONS.draftReply,
        ACTIONS.more,
      ]);
    });

    botTest("the claim is noted in the card's thread", async ({ bot }) => {
      const note = await waitFor(
        () => bot.slack.calls("chat.postMessage").find((p) => p.args.thread_ts === claimed.messageTs),
        "history note",
      );
      expect(note.args.text).toBe(`<@${claimed.ownerId}> claimed AS-${claimed.number}`);
    });
  });

  botTest("lets a lead take over a claimed case, and refuses take-over to agents", async ({ bot }) => {
    await createCaseViaModal(bot);
    const c = await bot.db.prisma.case.findFirstOrThrow({ orderBy: { id: "desc" } });
    await bot.click(ACTIONS.claim, c.id, "U0AGENT1");
    await caseWhen(bot, c.id, (r) => r.ownerId === "U0AGENT1", "the claim");
    const before = bot.slack.calls("chat.postEphemeral").length;
    await bot.click(ACTIONS.takeOver, c.id, "U0AGENT2");
    const refusal = await waitFor(() => bot.slack.calls("chat.postEphemeral")[before], "refusal");
    expect(refusal.args.text).toContain("Only leads can take over");
    expect((await bot.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).ownerId).toBe("U0AGENT1");

    await bot.click(ACTIONS.takeOver, c.id, LEAD);
    const taken = await caseWhen(bot, c.id, (r) => r.ownerId !== "U0AGENT1", "the take-over");
    expect(taken.ownerId).toBe(LEAD);
    const ev = await bot.db.prisma.caseEvent.findFirstOrThrow({ where: { caseId: c.id, kind: "taken_over" } });
    expect(ev.detail).toEqual({ from: "U0AGENT1" });
  });
});

describe("log reply", () => {
  botTest("records the first reply once, claiming an unclaimed case for whoever answered", async ({ bot }) => {
    await createCaseViaModal(bot);
    const c = await bot.db.prisma.case.findFirstOrThrow({ orderBy: { id: "desc" } });
    await bot.click(ACTIONS.logReply, c.id, "U0AGENT3");
    const replied = await caseWhen(bot, c.id, (r) => r.firstReplyAt !== null, "the reply");
    expect(replied.ownerId).toBe("U0AGENT3");
    // A double click is not a second reply: the second one is answered privately.
    const before = bot.slack.calls("chat.postEphemeral").length;
    await bot.click(ACTIONS.logReply, c.id, "U0AGENT3");
    const told = await waitFor(() => bot.slack.calls("chat.postEphemeral")[before], "duplicate notice");
    expect(told.args.text).toContain("already logged");
    expect(await bot.db.prisma.caseEvent.count({ where: { caseId: c.id, kind: "replied" } })).toBe(1);
    expect((await bot.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).firstReplyAt).toEqual(
      replied.firstReplyAt,
    );
  });
});

describe("resolve", () => {
  describe("only the owner or a lead may resolve; the card then shows who resolved it and how", () => {
    const resolveSelects = [RESOLVE_BLOCKS.resolution, RESOLVE_BLOCKS.rootCause, RESOLVE_BLOCKS.currency];
    let c: Case;
    let opensBefore: number;
    let form: SlackCall;
    let resolved: Case;

    botTest("someone else pressing Resolve is refused privately, and no form opens", async ({ bot }) => {
      await createCaseViaModal(bot);
      c = await bot.db.prisma.case.findFirstOrThrow({ orderBy: { id: "desc" } });
      await cardFor(bot, c.id);
      await bot.click(ACTIONS.claim, c.id, "U0OWNER");
      await caseWhen(bot, c.id, (r) => r.ownerId === "U0OWNER", "the claim");

      opensBefore = bot.slack.calls("views.open").length;
      const ephBefore = bot.slack.calls("chat.postEphemeral").length;
      await bot.click(ACTIONS.resolve, c.id, "U0OTHER");
      const refusal = await waitFor(() => bot.slack.calls("chat.postEphemeral")[ephBefore], "refusal");
      expect(refusal.args.text).toContain(`Only <@U0OWNER> (the owner) or a lead can resolve AS-${c.number}`);
      expect(bot.slack.calls("views.open")).toHaveLength(opensBefore);
    });

    botTest("a forged resolve submission by someone else is refused too, inline", async ({ bot }) => {
      const forged = await bot.submit({
        callbackId: CALLBACKS.resolveCase,
        userId: "U0OTHER",
        privateMetadata: JSON.stringify({ caseId: c.id }),
        selects: resolveSelects,
        values: { [RESOLVE_BLOCKS.resolution]: "replacement", [RESOLVE_BLOCKS.rootCause]: "defect" },
      });
      expect(forged.json.errors[RESOLVE_BLOCKS.resolution]).toContain("Only <@U0OWNER>");
    });

    botTest("the owner pressing Resolve gets the resolve form", async ({ bot }) => {
      await bot.click(ACTIONS.resolve, c.id, "U0OWNER");
      form = await waitFor(() => bot.slack.calls("views.open")[opensBefore], "resolve modal");
      expect(form.args.view.callback_id).toBe(CALLBACKS.resolveCase);
    });

    botTest("a partial refund without an amount is answered inline", async ({ bot }) => {
      const missingAmount = await bot.submit({
        callbackId: CALLBACKS.resolveCase,
        userId: "U0OWNER",
        privateMetadata: form.args.view.private_metadata,
        selects: resolveSelects,
        values: { [RESOLVE_BLOCKS.resolution]: "partial_refund", [RESOLVE_BLOCKS.rootCause]: "damaged_in_transit" },
      });
      expect(missingAmount.json.response_action).toBe("errors");
      expect(missingAmount.json.errors[RESOLVE_BLOCKS.amount]).toContain("how much the buyer gets back");
    });

    botTest("the complete form resolves the case, which also stops the response clock", async ({ bot }) => {
      const ok = await bot.submit({
        callbackId: CALLBACKS.resolveCase,
        userId: "U0OWNER",
        privateMetadata: form.args.view.private_metadata,
        selects: resolveSelects,
        values: {
          [RESOLVE_BLOCKS.resolution]: "partial_refund",
          [RESOLVE_BLOCKS.rootCause]: "damaged_in_transit",
          [RESOLVE_BLOCKS.amount]: "9.00",
          [RESOLVE_BLOCKS.note]: "Buyer keeps the item",
        },
      });
      expect(ok.status).toBe(200);
      expect(ok.text).toBe("");
      resolved = await bot.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
      expect(resolved.status).toBe("resolved");
      expect(resolved.resolvedById).toBe("U0OWNER");
      expect(resolved.resolutionAmount?.toFixed(2)).toBe("9.00");
      expect(resolved.resolutionCurrency).toBe("USD");
      expect(resolved.firstReplyAt).not.toBeNull(); // resolving stops the response clock too
    });

    botTest(
      "the card shows who resolved it and how, and offers Reopen (and the appeal and abuse steps)",
      async ({ bot }) => {
        await bot.flush();
        const update = await waitFor(
          () =>
            bot.slack
              .calls("chat.update")
              .filter(
                (u) => u.args.ts === resolved.messageTs && JSON.stringify(u.args.blocks).includes("*Resolved* by"),
              )
              .at(-1),
          "resolved card",
        );
        const text = JSON.stringify(update.args.blocks);
        expect(text).toContain("<@U0OWNER>");
        expect(text).toContain("Partial refund · 9.00 USD");
        expect(buttonsOf(update.args.blocks)).toEqual([ACTIONS.reopen, ACTIONS.more]);
      },
    );

    botTest("Reopen brings the case back to its owner", async ({ bot }) => {
      await bot.click(ACTIONS.reopen, c.id, "U0OWNER");
      const reopened = await caseWhen(bot, c.id, (r) => r.status !== "resolved", "the reopen");
      expect(reopened.status).toBe("claimed");
      expect(reopened.ownerId).toBe("U0OWNER");
    });
  });
});

describe("message shortcut", () => {
  botTest("opens the new-case modal filled with the message text, order id and ASIN", async ({ bot }) => {
    const before = bot.slack.calls("views.open").length;
    const text = "Hi, order 205-1234567-7654321 (B0CXYZ1234) arrived broken. Please help.";
    const res = await postSigned(
      bot.baseUrl,
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
    const open = await waitFor(() => bot.slack.calls("views.open")[before], "views.open");
    const blocks = open.args.view.blocks as any[];
    const initial = (id: string) => blocks.find((b) => b.block_id === id).element.initial_value;
    expect(initial(NEW_CASE_BLOCKS.orderId)).toBe("205-1234567-7654321");
    expect(initial(NEW_CASE_BLOCKS.asin)).toBe("B0CXYZ1234");
    expect(initial(NEW_CASE_BLOCKS.description)).toBe(text);
  });
});
