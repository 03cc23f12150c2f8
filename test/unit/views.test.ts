import { describe, expect, it } from "vitest";
import { Prisma, type Case } from "../../src/generated/prisma/client.ts";
import { ACTIONS, NEW_CASE_BLOCKS } from "../../src/ids.ts";
import { caseCard } from "../../src/views/caseCard.ts";
import { helpText } from "../../src/views/help.ts";
import { historyLine } from "../../src/views/historyLine.ts";
import { newCaseModal } from "../../src/views/newCaseModal.ts";
import { resolveModal } from "../../src/views/resolveModal.ts";
import { trimText } from "../../src/views/text.ts";
import { blockKitProblems } from "../support/blockKitLimits.ts";

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
};

const huge = "<b>&" + "Very long complaint text. ".repeat(400);
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
const buttons = (blocks: any[]) => blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements.map((e: any) => e.action_id));

describe("case card", () => {
  it("shows number, type, priority, order, ASIN, value, buyer, owner and the right buttons for each state", () => {
    const card = caseCard(base);
    const json = JSON.stringify(card.blocks);
    expect(card.blocks[0]).toMatchObject({ type: "header", text: { text: "AS-1042 · Refund" } });
    for (const s of ["High", "114-2962899-5762619", "B00TZ73MUY", "89.90 USD", "Jane Buyer", "Unclaimed", "Arrived punctured."]) expect(json).toContain(s);
    expect(buttons(card.blocks)).toEqual([ACTIONS.claim, ACTIONS.logReply, ACTIONS.resolve]);
    expect(card.text).toBe("AS-1042 Refund (High) for order 114-2962899-5762619: New, unclaimed");
    expect(buttons(caseCard({ ...base, status: "claimed", ownerId: "U9" }).blocks)).toEqual([ACTIONS.takeOver, ACTIONS.logReply, ACTIONS.resolve]);
    expect(buttons(extreme.status === "resolved" ? caseCard(extreme).blocks : [])).toEqual([ACTIONS.reopen]);
  });

  it("shows times in the reader's time zone with Slack's date formatting", () => {
    const json = JSON.stringify(caseCard(base).blocks);
    expect(json).toContain(`<!date^${base.createdAt.getTime() / 1000}^{ago}|2026-11-26 08:00 UTC>`);
  });

  it("stays within Slack's limits with the longest possible content, and escapes buyer text", () => {
    for (const c of [base, extreme, { ...extreme, status: "claimed" }]) {
      const card = caseCard(c);
      expect(blockKitProblems(card, "message")).toEqual([]);
    }
    const json = JSON.stringify(caseCard(extreme).blocks);
    expect(json).toContain("&lt;b&gt;&amp;");
    expect(json).toContain("…");
  });
});

describe("modals", () => {
  it("new-case modal labels inputs in plain words and stays valid when prefilled with a long message", () => {
    const modal = newCaseModal({ orderId: "114-2962899-5762619", asin: "B00TZ73MUY", description: huge.repeat(3) }, { channelId: "C1" });
    expect(blockKitProblems(modal, "modal")).toEqual([]);
    const labels = modal.blocks.map((b: any) => b.label?.text);
    expect(labels).toEqual(["Order ID", "Case type", "What happened", "ASIN", "SKU", "Marketplace", "Order value", "Currency", "Buyer", "Priority"]);
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
    expect(historyLine({ kind: "taken_over", actorId: "UL", detail: { from: "U1" } }, 1042)).toBe("<@UL> took over AS-1042 from <@U1>");
    expect(historyLine({ kind: "replied", actorId: "U1", detail: { first: true, claimed: true } }, 1042)).toBe("<@U1> logged the first reply to the buyer and claimed AS-1042");
    expect(historyLine({ kind: "resolved", actorId: "U1", detail: { resolution: "partial_refund", rootCause: "defect", amount: "5", currency: "EUR" } }, 1042)).toBe(
      "<@U1> resolved AS-1042: Partial refund (5.00 EUR), root cause Defect",
    );
  });
  it("help names every subcommand and button", () => {
    const text = helpText();
    for (const s of ["/case new", "/case help", "Claim", "Log reply", "Resolve", "Take over", "Reopen", "Create after-sales case"]) expect(text).toContain(s);
    expect(text.length).toBeLessThan(3000);
  });
  it("trims text with an ellipsis and never returns empty text", () => {
    expect(trimText("abcdef", 4)).toBe("abc…");
    expect(trimText("   ", 10)).toBe("—");
  });
});
