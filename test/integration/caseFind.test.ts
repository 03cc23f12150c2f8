// Finding any case and showing one, through the slash command: by every key (a Chinese buyer name
// too), newest first, a page at a time; a case with its card, history and thread.
import { describe, expect } from "vitest";
import { ACTIONS } from "../../src/ids.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { botTest, type TestBot, waitFor } from "../support/botTest.ts";
import { buttonPayload, interactionBody, postSigned } from "../support/signedRequests.ts";

let seq = 4000000;
async function newCase(bot: TestBot, fields: Record<string, unknown>) {
  seq++;
  const res = await bot.api("/api/cases", {
    body: { orderId: `114-${seq}-5762619`, category: "complaint", description: "A case", ...fields },
  });
  expect(res.status).toBe(201);
  return res.json.case as { id: number; number: string; orderId: string };
}

const answers = (bot: TestBot) => bot.slack.responses.filter((r) => r.path === "/response/cmd");
async function ask(bot: TestBot, text: string) {
  const before = answers(bot).length;
  await bot.command(text);
  const answer = await waitFor(() => answers(bot)[before], `the answer to /case ${text}`);
  expect(blockKitProblems(answer.body, "message")).toEqual([]);
  return answer.body as { text: string; blocks: any[]; response_type: string };
}

describe("/case find", () => {
  botTest("finds by order id, ASIN, SKU, case number, buyer name (Chinese too) and words", async ({ bot }) => {
    const zip = await newCase(bot, {
      asin: "B0FINDZIP1",
      sku: "ZIP-BAG-42",
      buyerName: "王小明",
      description: "The zip broke on the second day",
    });
    const other = await newCase(bot, { buyerName: "Jane Roe", description: "Parcel never arrived" });
    for (const q of [zip.orderId, "b0findzip1", "ZIP-BAG-42", zip.number, "王小明", "zip broke"]) {
      const a = await ask(bot, `find ${q}`);
      expect(a.response_type).toBe("ephemeral");
      expect(JSON.stringify(a.blocks), q).toContain(zip.number);
      expect(JSON.stringify(a.blocks), q).not.toContain(`${other.number}>`);
    }
    const none = await ask(bot, "find nothing-like-this");
    expect(none.text).toContain("No case matches");
    expect((await ask(bot, "find")).text).toContain("What should I look for?");
  });

  botTest("pages through many matches, newest first, with a working Next button", async ({ bot }) => {
    const made: string[] = [];
    for (let i = 0; i < 12; i++) made.push((await newCase(bot, { buyerName: "Max Mustermann" })).number);
    const page1 = await ask(bot, "find max mustermann");
    expect(page1.text).toBe("Cases matching “max mustermann”: 1–10 of 12");
    expect(JSON.stringify(page1.blocks)).toContain(made.at(-1));
    const next = page1.blocks.at(-1).elements.find((e: any) => e.action_id === ACTIONS.findNext);
    await postSigned(
      bot.baseUrl,
      interactionBody({
        ...buttonPayload({ actionId: ACTIONS.findNext, value: next.value, userId: "U0AGENT1" }),
        response_url: bot.slack.url.replace(/api\/$/, "response/find"),
      }),
    );
    const page2 = await waitFor(() => bot.slack.responses.find((r) => r.path === "/response/find"), "page 2");
    expect(page2.body.text).toBe("Cases matching “max mustermann”: 11–12 of 12");
    expect(JSON.stringify(page2.body.blocks)).toContain(made[0]);
  });
});

describe("/case show", () => {
  botTest("shows the card, the history and a link to the thread, by number or order id", async ({ bot }) => {
    const c = await newCase(bot, { buyerName: "Erika Muster", description: "Wrong colour" });
    await bot.click(ACTIONS.claim, c.id, "U0AGENT1");
    await waitFor(async () => (await bot.db.prisma.case.findUnique({ where: { id: c.id } }))?.ownerId, "the claim");
    await bot.flush();
    for (const target of [c.number, c.orderId]) {
      const a = await ask(bot, `show ${target}`);
      const text = JSON.stringify(a.blocks);
      expect(text).toContain("Wrong colour");
      expect(text).toContain("claimed");
      expect(text).toContain("in the cases channel");
      // The card's buttons act in the channel, not in this private answer.
      expect(a.blocks.some((b) => b.type === "actions")).toBe(false);
    }
    expect((await ask(bot, "show something")).text).toContain("Show which case?");
    expect((await ask(bot, "show AS-99999999")).text).toContain("No case AS-99999999");
  });
});
