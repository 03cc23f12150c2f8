// The sandbox's story: a team a few days into its week. Cases of every type arrive through the
// bot's own store (as the intake API and the returns import store them), some long enough ago to
// be overdue, some claimed, answered or resolved by the team; one ASIN's returns have turned
// into a wave; with the negative feedback the bot pulls from Amazon as it starts (amazonDemo.ts),
// the US Order Defect Rate is just over the warning line. The bot posts it all when it starts, as
// it would after a restart.

import type { Config } from "../config.ts";
import type { NewCaseInput } from "../domain/caseInput.ts";
import { decideClaim, decideLogReply, decideResolve } from "../domain/caseRules.ts";
import { actorFor } from "../domain/people.ts";
import type { Category } from "../domain/vocabulary.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { changeCase, createCase } from "../store/cases.ts";
import { checkOdr, recordOrders } from "../store/odr.ts";
import { saveRules } from "../store/routing.ts";
import { PEOPLE } from "./directory.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const [MEI, TOM, LENA] = PEOPLE;

type Step = "claim" | "reply" | "resolve";
type DemoCase = Omit<NewCaseInput, "category" | "orderId"> & {
  category: Category;
  /** How long ago the case arrived. */
  ago: number;
  /** What the team has done with it so far, and who. */
  done?: { by: string; steps: Step[] };
};

const WAVE_ASIN = "B0C7WAVE42";

/** Order ids in Amazon's 3-7-7 form, different for each demo case. */
const orderId = (n: number) =>
  `11${n % 10}-${String(4_000_000 + n * 7919).slice(0, 7)}-${String(2_000_000 + n * 104_729).slice(0, 7)}`;

function demoCases(): DemoCase[] {
  const cases: DemoCase[] = [
    {
      category: "a_to_z_claim",
      ago: 20 * MINUTE,
      marketplace: "US",
      asin: "B08N5WRWNW",
      orderValue: "89.99",
      currency: "USD",
      buyerName: "Jordan Miles",
      description: "Buyer filed an A-to-z claim: package shows delivered but never arrived.",
    },
    {
      category: "chargeback",
      ago: 3 * HOUR,
      marketplace: "US",
      asin: "B07FZ8S74R",
      orderValue: "149.00",
      currency: "USD",
      buyerName: "R. Alvarez",
      description: "Chargeback from the card issuer: 'item not received'.",
    },
    {
      category: "negative_review",
      ago: 95 * MINUTE,
      marketplace: "US",
      asin: "B09G9FPHY6",
      orderValue: "24.99",
      currency: "USD",
      buyerName: "K. Tanaka",
      description: "1-star review: 'Stopped charging after two days, poor quality.'",
    },
    {
      category: "complaint",
      ago: 40 * MINUTE,
      marketplace: "UK",
      asin: "B0B3C2R8MP",
      orderValue: "32.50",
      currency: "GBP",
      buyerName: "Olivia Hart",
      description: "Buyer says the colour is different from the pictures and wants to know what we will do.",
    },
    {
      category: "refund",
      ago: 2 * HOUR,
      marketplace: "DE",
      asin: "B0BDHWDR12",
      orderValue: "45.90",
      currency: "EUR",
      buyerName: "Lukas Weber",
      description: "Asks for a refund: arrived with a cracked lid.",
    },
    {
      category: "replacement",
      ago: 25 * MINUTE,
      marketplace: "US",
      asin: "B08L5TNJHG",
      orderValue: "19.99",
      currency: "USD",
      buyerName: "Priya Nair",
      description: "Wants a replacement: one of the two cables in the pack is missing.",
    },
    {
      category: "reshipment",
      ago: 26 * HOUR,
      marketplace: "CA",
      asin: "B07PXGQC1Q",
      orderValue: "54.00",
      currency: "CAD",
      buyerName: "Marc Tremblay",
      description: "Package returned to sender (address issue); buyer confirmed the new address, reship.",
    },
    {
      category: "delivery_issue",
      ago: 8 * MINUTE,
      marketplace: "US",
      asin: "B07XJ8C8F5",
      orderValue: "27.45",
      currency: "USD",
      buyerName: "Dana Scott",
      description: "Tracking has not moved for 6 days.",
    },
    {
      category: "return",
      ago: 30 * MINUTE,
      marketplace: "DE",
      asin: "B0BSHF7WHW",
      orderValue: "64.00",
      currency: "EUR",
      buyerName: "Anna Schmidt",
      description: "Return request: does not fit the model stated in the listing.",
    },
    {
      category: "other",
      ago: 50 * MINUTE,
      marketplace: "JP",
      asin: "B0C1H26C46",
      orderValue: "3980",
      currency: "JPY",
      buyerName: "Sato Hiroshi",
      description: "Asks for an invoice (領収書) for a company purchase.",
    },
    {
      category: "complaint",
      ago: 6 * MINUTE,
      marketplace: "US",
      asin: "B09B8V1LZ3",
      orderValue: "39.99",
      currency: "USD",
      buyerName: "Chris Young",
      description: "Buyer: 'broken on arrival, I want my money back or I will report it.'",
    },
  ];
  // Work in progress: claimed, answered, or already resolved by the team this week.
  const worked: DemoCase[] = [
    {
      category: "return",
      ago: 3 * DAY,
      marketplace: "US",
      asin: "B08N5WRWNW",
      orderValue: "89.99",
      currency: "USD",
      buyerName: "Sam Lee",
      description: "Return: changed mind, item unopened.",
      done: { by: MEI.id, steps: ["claim", "reply", "resolve"] },
    },
    {
      category: "refund",
      ago: 2 * DAY,
      marketplace: "US",
      asin: "B09G9FPHY6",
      orderValue: "24.99",
      currency: "USD",
      buyerName: "Ana Costa",
      description: "Charger died within a week; refund asked.",
      done: { by: TOM.id, steps: ["claim", "reply", "resolve"] },
    },
    {
      category: "a_to_z_claim",
      ago: 4 * DAY,
      marketplace: "US",
      asin: "B07FZ8S74R",
      orderValue: "149.00",
      currency: "USD",
      buyerName: "Lee Park",
      description: "A-to-z claim, item not received; proof of delivery uploaded.",
      done: { by: LENA.id, steps: ["claim", "reply", "resolve"] },
    },
    {
      category: "replacement",
      ago: 6 * HOUR,
      marketplace: "UK",
      asin: "B0B3C2R8MP",
      orderValue: "32.50",
      currency: "GBP",
      buyerName: "Tom Reed",
      description: "Wrong size sent; wants the right one.",
      done: { by: MEI.id, steps: ["claim", "reply"] },
    },
    {
      category: "negative_review",
      ago: 9 * HOUR,
      marketplace: "US",
      asin: "B09G9FPHY6",
      orderValue: "24.99",
      currency: "USD",
      buyerName: "J. Brooks",
      description: "2-star review about slow charging.",
      done: { by: TOM.id, steps: ["claim"] },
    },
    {
      category: "negative_review",
      ago: 5 * DAY,
      marketplace: "US",
      asin: "B08L5TNJHG",
      orderValue: "19.99",
      currency: "USD",
      buyerName: "M. Green",
      description: "1-star review: cable frayed after a month.",
      done: { by: TOM.id, steps: ["claim", "reply", "resolve"] },
    },
    {
      category: "chargeback",
      ago: 12 * DAY,
      marketplace: "US",
      asin: "B07XJ8C8F5",
      orderValue: "27.45",
      currency: "USD",
      buyerName: "P. Diaz",
      description: "Chargeback, 'unauthorised purchase'.",
      done: { by: LENA.id, steps: ["claim", "reply", "resolve"] },
    },
    {
      category: "a_to_z_claim",
      ago: 20 * DAY,
      marketplace: "US",
      asin: "B08N5WRWNW",
      orderValue: "89.99",
      currency: "USD",
      buyerName: "N. Fox",
      description: "A-to-z claim: item not as described.",
      done: { by: MEI.id, steps: ["claim", "reply", "resolve"] },
    },
  ];
  // The wave: one ASIN's returns, all in the last hour, all "defective".
  const wave: DemoCase[] = Array.from({ length: 7 }, (_, i) => ({
    category: "return",
    ago: (50 - i * 7) * MINUTE,
    marketplace: "US",
    asin: WAVE_ASIN,
    sku: "EARBUDS-PRO-BLK",
    orderValue: "59.99",
    currency: "USD",
    buyerName: ["Ava", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus"][i],
    description: "Return reason: DEFECTIVE — left earbud does not charge.",
  }));
  return [...cases, ...worked, ...wave];
}

/** Stores the demo story. Safe to call on a data folder that already has it: nothing is stored twice. */
export async function seedDemo(prisma: PrismaClient, config: Config, now = new Date()): Promise<void> {
  const roles = { agentUserIds: config.agentUserIds, leadUserIds: config.leadUserIds };
  const list = demoCases().sort((a, b) => b.ago - a.ago);
  for (const [i, d] of list.entries()) {
    const { ago, done, ...input } = d;
    const at = new Date(now.getTime() - ago);
    const { case: c, created } = await createCase(
      prisma,
      { ...input, orderId: orderId(i + 1), source: "demo", externalId: `demo-${i + 1}` },
      { channelId: config.casesChannel, now: at, clock: config.clock, crisis: config.crisis, logger: console },
    );
    if (!created || !done) continue;
    const actor = actorFor(done.by, roles);
    let t = at.getTime();
    for (const step of done.steps) {
      t += step === "resolve" ? 3 * HOUR : 20 * MINUTE;
      const when = new Date(t);
      await changeCase(
        prisma,
        c.id,
        done.by,
        (current) =>
          step === "claim"
            ? decideClaim(current, actor, when)
            : step === "reply"
              ? decideLogReply(current, actor, when)
              : decideResolve(current, actor, resolution(current.category as Category, input.orderValue), when),
        when,
      );
    }
  }
  // The last 60 days' US orders (about what Amazon's account health counts): the defects above and
  // the two negative ratings in Amazon's feedback report put the rate just over the warning line.
  await recordOrders(prisma, { marketplace: "US", date: now.toISOString().slice(0, 10), orders: 1150, span: "60d" });
  await checkOdr(prisma, "US", now, config.crisis);
  // The lead's routing rules: new A-to-z claims and chargebacks go to Mei and Tom in turn (the
  // story's own cases came before the rules).
  if ((await prisma.routingRule.count()) === 0)
    await saveRules(prisma, "", { a_to_z_claim: [MEI.id, TOM.id], chargeback: [MEI.id] }, LENA.id);
}

function resolution(category: Category, orderValue: string | undefined) {
  switch (category) {
    case "a_to_z_claim":
    case "chargeback":
      return { resolution: "appealed", rootCause: "late_or_lost", note: "Proof of delivery sent to Amazon." } as const;
    case "refund":
    case "negative_review":
      return { resolution: "partial_refund", rootCause: "defect", amount: "5.00", currency: "USD" } as const;
    default:
      return {
        resolution: "return_accepted",
        rootCause: "buyer_remorse",
        note: `Order value ${orderValue ?? "?"}`,
      } as const;
  }
}
