// Records as the database can hold them, for property tests of the views. What people write
// (descriptions, buyer names, SKUs, notes, reasons, file names) is hostile text of any length;
// identifiers checked where they enter (order id, ASIN, currency, marketplace, source) are
// generated as those checks let them through (test/unit/parserProperties.test.ts shows they do);
// Slack ids, channels and timestamps are the ones the bot stored from Slack.
import fc from "fast-check";
import { MARKETPLACE_CODES } from "../../src/domain/amazon.ts";
import { ABUSE_EVIDENCE, APPEAL_STAGES, BUYER_OUTCOMES } from "../../src/domain/playbook.ts";
import { AMAZON_DEADLINES } from "../../src/domain/responseClock.ts";
import { ITEM_CONDITIONS } from "../../src/domain/returnEligibility.ts";
import type { CaseRef } from "../../src/domain/triage.ts";
import { CATEGORIES, keysOf, PRIORITIES, RESOLUTIONS, ROOT_CAUSES, STATUSES } from "../../src/domain/vocabulary.ts";
import { type Case, Prisma } from "../../src/generated/prisma/client.ts";
import { hostileText, hostileTextUpTo } from "./hostileText.ts";

export const botUserId = fc.constantFrom("U0AGENT1", "U0AGENT2", "U0LEAD1", "W0AGENT3");
export const orderId = fc.stringMatching(/^\d{3}-\d{7}-\d{7}$/);
export const asin = fc.oneof(fc.stringMatching(/^B0[A-Z0-9]{8}$/), fc.stringMatching(/^\d{9}[\dX]$/));
export const currency = fc.stringMatching(/^[A-Z]{3}$/);
export const marketplace = fc.constantFrom(...MARKETPLACE_CODES);
export const amount = fc.stringMatching(/^\d{1,10}(\.\d{1,2})?$/);
export const date = fc.date({
  min: new Date("2020-01-01T00:00:00Z"),
  max: new Date("2030-12-31T00:00:00Z"),
  noInvalidDate: true,
});
export const count = fc.integer({ min: 0, max: 100_000 });
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

/** Where a card was posted: both known, or neither (not posted yet). */
const posted = fc.option(
  fc.record({
    channelId: fc.constantFrom("C0CASES", "C0CASES2"),
    messageTs: fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }).map((s) => `${s}.000100`),
  }),
  { nil: undefined },
);

export const caseRecord: fc.Arbitrary<Case> = fc
  .record({
    id: fc.integer({ min: 1, max: 2_147_483_647 }),
    number: fc.integer({ min: 1, max: 10_000_000 }),
    category: fc.constantFrom(...keysOf(CATEGORIES)),
    priority: fc.constantFrom(...keysOf(PRIORITIES)),
    status: fc.constantFrom(...keysOf(STATUSES)),
    orderId,
    asin: nullable(asin),
    sku: nullable(hostileText),
    marketplace: nullable(marketplace),
    orderValue: nullable(amount),
    currency: nullable(currency),
    buyerName: nullable(hostileText),
    description: hostileText,
    source: fc.oneof(fc.constantFrom("slack", "amazon-returns"), fc.stringMatching(/^[a-z0-9_.-]{1,40}$/)),
    externalId: nullable(hostileTextUpTo(200)),
    createdById: nullable(botUserId),
    posted,
    ownerId: nullable(botUserId),
    createdAt: date,
    claimedAt: nullable(date),
    firstReplyAt: nullable(date),
    resolvedById: botUserId,
    resolvedAt: nullable(date),
    resolution: nullable(fc.constantFrom(...keysOf(RESOLUTIONS))),
    resolutionAmount: nullable(amount),
    resolutionCurrency: nullable(currency),
    rootCause: nullable(fc.constantFrom(...keysOf(ROOT_CAUSES))),
    resolutionNote: nullable(hostileText),
    reopenedAt: nullable(date),
    responseDueAt: nullable(date),
    breachedAt: nullable(date),
    amazonDeadline: nullable(fc.constantFrom(...keysOf(AMAZON_DEADLINES))),
    amazonDueAt: nullable(date),
    riskPhrases: nullable(hostileText),
    routedBy: fc.constantFrom(null, "a_to_z_claim", "return:DE"),
    routedTo: nullable(fc.constantFrom("U0AGENT1", "U0AGENT2")),
    reminderHandledAt: nullable(date),
    returnReason: nullable(hostileTextUpTo(64)),
    productName: nullable(hostileTextUpTo(200)),
    orderDate: nullable(date),
    deliveredAt: nullable(date),
    itemCondition: nullable(fc.constantFrom(...keysOf(ITEM_CONDITIONS))),
    returnCheckedAt: nullable(date),
    returnReceivedAt: nullable(date),
    refundDueAt: nullable(date),
    suggestedRemedy: nullable(fc.constantFrom(...keysOf(RESOLUTIONS))),
    suggestionFollowed: nullable(fc.boolean()),
    buyerOutcome: nullable(fc.constantFrom(...keysOf(BUYER_OUTCOMES))),
    suggestedProduct: nullable(hostileText),
    abuseSuspectedAt: nullable(date),
    // Stored from the form's checklist, but read back as anything the column may hold.
    abuseEvidence: nullable(fc.oneof(fc.constantFrom(...keysOf(ABUSE_EVIDENCE)), hostileText)),
    appealStage: nullable(fc.constantFrom(...keysOf(APPEAL_STAGES))),
    appealDecisionAt: nullable(date),
    appealDueAt: nullable(date),
    appealFiledAt: nullable(date),
    appealClosedAt: nullable(date),
    waitingUntil: nullable(date),
  })
  .map(({ posted, orderValue, resolutionAmount, resolvedById, ...c }) => ({
    ...c,
    channelId: posted?.channelId ?? null,
    messageTs: posted?.messageTs ?? null,
    orderValue: orderValue === null ? null : new Prisma.Decimal(orderValue),
    resolutionAmount: resolutionAmount === null ? null : new Prisma.Decimal(resolutionAmount),
    // Only a resolved case has been resolved by someone.
    resolvedById: c.status === "resolved" ? resolvedById : null,
    updatedAt: c.createdAt,
  }));

/** The same case with "x" wherever a person or a file wrote the text. */
export function harmlessCase<C extends Partial<Case>>(c: C): C {
  const x = (v: string | null | undefined) => (v === null || v === undefined ? v : "x");
  return {
    ...c,
    ...("description" in c ? { description: "x" } : {}),
    ...("sku" in c ? { sku: x(c.sku) } : {}),
    ...("buyerName" in c ? { buyerName: x(c.buyerName) } : {}),
    ...("resolutionNote" in c ? { resolutionNote: x(c.resolutionNote) } : {}),
    ...("riskPhrases" in c ? { riskPhrases: x(c.riskPhrases) } : {}),
    ...("externalId" in c ? { externalId: x(c.externalId) } : {}),
    ...("returnReason" in c ? { returnReason: x(c.returnReason) } : {}),
    ...("suggestedProduct" in c ? { suggestedProduct: x(c.suggestedProduct) } : {}),
    ...("productName" in c ? { productName: x(c.productName) } : {}),
    ...("abuseEvidence" in c ? { abuseEvidence: x(c.abuseEvidence) } : {}),
  };
}

/** A case as lists show it: number, type, priority, status, age, owner and card. */
export const caseRef: fc.Arbitrary<CaseRef> = fc
  .record({
    number: fc.integer({ min: 1, max: 10_000_000 }),
    category: fc.constantFrom(...keysOf(CATEGORIES)),
    priority: fc.constantFrom(...keysOf(PRIORITIES)),
    status: fc.constantFrom(...keysOf(STATUSES)),
    createdAt: date,
    ownerId: nullable(botUserId),
    posted,
  })
  .map(({ posted, ...c }) => ({ ...c, channelId: posted?.channelId ?? null, messageTs: posted?.messageTs ?? null }));

/** A case no one has taken through the playbook's steps yet. */
export const noPlaybookSteps = {
  productName: null,
  orderDate: null,
  deliveredAt: null,
  itemCondition: null,
  returnCheckedAt: null,
  returnReceivedAt: null,
  refundDueAt: null,
  suggestedRemedy: null,
  suggestionFollowed: null,
  buyerOutcome: null,
  suggestedProduct: null,
  abuseSuspectedAt: null,
  abuseEvidence: null,
  appealStage: null,
  appealDecisionAt: null,
  appealDueAt: null,
  appealFiledAt: null,
  appealClosedAt: null,
  waitingUntil: null,
} satisfies Partial<Case>;

/** One ordinary open case, for examples. */
export const sampleCase: Case = {
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
  createdById: "U0AGENT1",
  channelId: "C0CASES",
  messageTs: "1764144000.000100",
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
  routedBy: null,
  routedTo: null,
  reminderHandledAt: null,
  returnReason: null,
  ...noPlaybookSteps,
};
