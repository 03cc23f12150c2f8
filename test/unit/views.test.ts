import { describe, expect, it } from "vitest";
import { type Case, Prisma } from "../../src/generated/prisma/client.ts";
import { ACTIONS, NEW_CASE_BLOCKS } from "../../src/ids.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { caseCard } from "../../src/views/caseCard.ts";
import { amazonOverdueText, escalationMessage, reminderText } from "../../src/views/clockNotices.ts";
import { helpText } from "../../src/views/help.ts";
import { historyLine } from "../../src/views/historyLine.ts";
import { newCaseModal } from "../../src/views/newCaseModal.ts";
import { resolveModal } from "../../src/views/resolveModal.ts";
import { trimText } from "../../src/views/text.ts";
import { noPlaybookSteps } from "../support/recordArbitraries.ts";

const base: Case = {
  id: 7,
  number: 1042,
  category: "refund",
  priority: "high",
  status: "new",
  orderId: "114-2962899-5762619",
  asin: "B00TZ73MUY",
  sku: "LVA1004-UPC",
  marketplace: "US",
  orderValue: new Prisma.Decimal("89.9"),
  currency: "USD",
  buyerName: "Jane Buyer",
  description: "Arrived punctured.",
  source: "slack",
  externalId: "V123",
  createdById: "U1",
  channelId: null,
  messageTs: null,
  ownerId: null,
  createdAt: new Date("2026-11-26T08:00:00Z"),
  updatedAt: new Date("2026-11-26T08:00:00Z"),
  claimedAt: null,
  firstReplyAt: null,
  resolvedAt: null,
  resolvedById: null,
  resolution: null,
  resolutionAmount: null,
  resolutionCurrency: null,
  rootCause: null,
  resolutionNote: null,
  reopenedAt: null,
  responseDueAt: new Date("2026-11-26T09:00:00Z"),
  breachedAt: null,
  amazonDeadline: "buyer_message",
  amazonDueAt: new Date("2026-11-27T08:00:00Z"),
  riskPhrases: null,
  returnReason: null,
  ...noPlaybookSteps,
};

const now = new Date("2026-11-26T08:30:00Z");
const huge = `<b>&${"Very long complaint text. ".repeat(400)}`;
const extreme: Case = {
  ...base,
  status: "resolved",
  ownerId: "U2",
  resolvedById: "U2",
  resolvedAt: new Date("2026-11-26T09:00:00Z"),
  description: huge,
  buyerName: "B".repeat(500),
  sku: "S".repeat(40),
  resolution: "partial_refund",
  resolutionAmount: new Prisma.Decimal("12.5"),
  resolutionCurrency: "USD",
  rootCause: "damaged_in_transit",
  resolutionNote: huge,
};
const buttons = (blocks: any[]) =>
  blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements.map((e: any) => e.action_id));

describe("case card", () => {
  it("shows number, type, priority, order, ASIN, value, buyer, owner and the right buttons for each state", () => {
    const card = caseCard(base, now);
    const json = JSON.stringify(card.blocks);
    expect(card.blocks[0]).toMatchObject({ type: "header", text: { text: "AS-1042 · Refund" } });
    for (const s of [
      "High",
      "114-2962899-5762619",
      "B00TZ73MUY",
      "89.90 USD",
      "Jane Buyer",
      "Unclaimed",
      "Arrived punctured.",
    ])
      expect(json).toContain(s);
    expect(buttons(card.blocks)).toEqual([
      ACTIONS.claim,
      ACTIONS.logReply,
      ACTIONS.resolve,
      ACTIONS.draftReply,
      ACTIONS.more,
    ]);
    expect(card.text).toBe("AS-1042 Refund (High) for order 114-2962899-5762619: New, unclaimed");
    expect(buttons(caseCard({ ...base, status: "claimed", ownerId: "U9" }, now).blocks)).toEqual([
      ACTIONS.takeOver,
      ACTIONS.logReply,
      ACTIONS.resolve,
      ACTIONS.draftReply,
      ACTIONS.more,
    ]);
    expect(buttons(extreme.status === "resolved" ? caseCard(extreme, now).blocks : [])).toEqual([
      ACTIONS.reopen,
      ACTIONS.more,
    ]);
  });

  it("shows times in the reader's time zone with Slack's date formatting", () => {
    const json = JSON.stringify(caseCard(base, now).blocks);
    expect(json).toContain(`<!date^${base.createdAt.getTime() / 1000}^{ago}|2026-11-26 08:00 UTC>`);
  });

  it("stays within Slack's limits with the longest possible content, and escapes buyer text", () => {
    for (const c of [base, extreme, { ...extreme, status: "claimed" as const }]) {
      const card = caseCard(c, now);
      expect(blockKitProblems(card, "message")).toEqual([]);
    }
    const json = JSON.stringify(caseCard(extreme, now).blocks);
    expect(json).toContain("&lt;b&gt;&amp;");
    expect(json).toContain("…");
  });
});

describe("clock lines on the card", () => {
  const texts = (c: Case, at = now) => JSON.stringify(caseCard(c, at).blocks);
  it("shows the first-reply deadline and Amazon's deadline while the buyer waits", () => {
    const json = texts(base);
    expect(json).toContain(`First reply due <!date^${base.responseDueAt!.getTime() / 1000}^`);
    expect(json).toContain("Amazon deadline: answer the buyer's message by");
  });
  it("marks a missed deadline as overdue, on the card and in its text", () => {
    const late = { ...base, breachedAt: base.responseDueAt };
    expect(texts(late)).toContain("*Overdue:* the first reply was due");
    expect(caseCard(late, now).text).toContain("overdue");
    expect(texts(base, new Date("2026-11-27T09:00:00Z"))).toContain("Amazon deadline passed");
  });
  it("after the first reply shows how long it took, and drops the buyer-message deadline", () => {
    const answered = {
      ...base,
      status: "claimed" as const,
      ownerId: "U2",
      firstReplyAt: new Date("2026-11-26T08:23:00Z"),
    };
    const json = texts(answered);
    expect(json).toContain("First reply after 23 min");
    expect(json).not.toContain("Amazon deadline");
    expect(
      texts({ ...answered, breachedAt: base.responseDueAt, firstReplyAt: new Date("2026-11-26T09:40:00Z") }),
    ).toContain("First reply after 1 h 40 min, later than the deadline");
  });
  it("keeps an A-to-z claim's Amazon deadline until the case is resolved", () => {
    const claim = {
      ...base,
      category: "a_to_z_claim" as const,
      amazonDeadline: "a_to_z_claim" as const,
      firstReplyAt: now,
      amazonDueAt: new Date("2026-11-29T08:00:00Z"),
    };
    expect(texts(claim)).toContain("respond to the A-to-z claim by");
    expect(
      texts({
        ...claim,
        status: "resolved" as const,
        resolvedById: "U2",
        resolution: "appealed" as const,
        rootCause: "other" as const,
      }),
    ).not.toContain("A-to-z claim by");
  });
});

describe("clock notices", () => {
  const audience = { leadUserIds: ["UL1", "UL2"], agentGroupId: "S0AGENTS" };
  it("reminds the owner, or the agents when nobody owns the case", () => {
    const at = new Date("2026-11-26T08:45:00Z");
    expect(reminderText({ ...base, ownerId: "U2" }, audience, at)).toBe(
      `:hourglass: <@U2> AS-1042 needs a first reply to the buyer by <!date^${base.responseDueAt!.getTime() / 1000}^{time}|2026-11-26 09:00 UTC> (15 min left).`,
    );
    expect(reminderText(base, audience, at)).toContain("<!subteam^S0AGENTS> AS-1042 is unclaimed");
    expect(reminderText(base, { leadUserIds: [] }, at)).toContain("<!here> AS-1042 is unclaimed");
  });
  it("escalates to the leads with how late it is, the card link and a Claim button, within Slack's limits", () => {
    const msg = escalationMessage(extreme.status === "resolved" ? { ...base, description: huge } : base, audience, {
      now: new Date("2026-11-26T10:05:00Z"),
      permalink: "https://x.slack.com/archives/C1/p1",
    });
    const json = JSON.stringify(msg.blocks);
    expect(msg.text).toBe(
      "<@UL1> <@UL2> AS-1042 has no first reply to the buyer, 1 h 5 min past the deadline (unclaimed).",
    );
    expect(json).toContain("<https://x.slack.com/archives/C1/p1|AS-1042 · Refund>");
    expect(json).toContain("*1 h 5 min late*");
    expect(buttons(msg.blocks)).toEqual([ACTIONS.claim]);
    expect(blockKitProblems(msg, "message")).toEqual([]);
    expect(buttons(escalationMessage({ ...base, status: "claimed", ownerId: "U2" }, audience, { now }).blocks)).toEqual(
      [ACTIONS.takeOver],
    );
  });
  it("tells the owner and the leads when Amazon's deadline passed", () => {
    expect(amazonOverdueText({ ...base, ownerId: "U2" }, audience)).toContain(
      "<@U2> <@UL1> <@UL2> Amazon's deadline to answer the buyer's message for AS-1042 passed",
    );
  });
});

describe("modals", () => {
  it("new-case modal labels inputs in plain words and stays valid when prefilled with a long message", () => {
    const modal = newCaseModal(
      { orderId: "114-2962899-5762619", asin: "B00TZ73MUY", description: huge.repeat(3) },
      { channelId: "C1" },
    );
    expect(blockKitProblems(modal, "modal")).toEqual([]);
    const labels = modal.blocks.map((b: any) => b.label?.text);
    expect(labels).toEqual([
      "Order ID",
      "Case type",
      "What happened",
      "ASIN",
      "SKU",
      "Marketplace",
      "Order value",
      "Currency",
      "Buyer",
      "Priority",
    ]);
    const desc = modal.blocks.find((b: any) => b.block_id === NEW_CASE_BLOCKS.description) as any;
    expect(desc.element.initial_value.length).toBeLessThanOrEqual(3000);
  });

  it("resolve modal is valid for any case", () => {
    expect(blockKitProblems(resolveModal(extreme), "modal")).toEqual([]);
    expect(blockKitProblems(resolveModal({ ...base, currency: null, orderValue: null }), "modal")).toEqual([]);
    expect(resolveModal(base).title.text).toBe("Resolve AS-1042");
  });
});

describe("history lines and help", () => {
  it("reads like a person wrote it", () => {
    expect(historyLine({ kind: "claimed", actorId: "U1", detail: null }, 1042)).toBe("<@U1> claimed AS-1042");
    expect(historyLine({ kind: "taken_over", actorId: "UL", detail: { from: "U1" } }, 1042)).toBe(
      "<@UL> took over AS-1042 from <@U1>",
    );
    expect(historyLine({ kind: "replied", actorId: "U1", detail: { first: true, claimed: true } }, 1042)).toBe(
      "<@U1> logged the first reply to the buyer and claimed AS-1042",
    );
    expect(
      historyLine(
        {
          kind: "resolved",
          actorId: "U1",
          detail: { resolution: "partial_refund", rootCause: "defect", amount: "5", currency: "EUR" },
        },
        1042,
      ),
    ).toBe("<@U1> resolved AS-1042: Partial refund (5.00 EUR), root cause Defect");
  });
  it("help names every subcommand and button", () => {
    const text = helpText();
    for (const s of [
      "/case new",
      "/case help",
      "Claim",
      "Log reply",
      "Resolve",
      "Take over",
      "Reopen",
      "Create after-sales case",
    ])
      expect(text).toContain(s);
    expect(text.length).toBeLessThan(3000);
  });
  it("trims text with an ellipsis and never returns empty text", () => {
    expect(trimText("abcdef", 4)).toBe("abc…");
    expect(trimText("   ", 10)).toBe("—");
  });
});

describe("a note's line in the thread", () => {
  it("cuts a long note between characters, never inside one", () => {
    const note = "𐀀𐀀&".repeat(400);
    const line = historyLine({ kind: "note", actorId: "U1", detail: { text: note } }, 1042);
    expect(
      blockKitProblems({ text: line, blocks: [{ type: "section", text: { type: "mrkdwn", text: line } }] }, "message"),
    ).toEqual([]);
    expect(line.endsWith("…")).toBe(true);
  });
});
