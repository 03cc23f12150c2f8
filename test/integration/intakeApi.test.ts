// POST /api/cases and GET /healthz, as another system would call them.
import { describe, expect } from "vitest";
import { botTest, CASES_CHANNEL, waitFor } from "../support/botTest.ts";
import { fbaReport } from "../support/returnsFiles.ts";

const body = {
  orderId: "114-2962899-5762619",
  asin: "B00TZ73MUY",
  sku: "LVA1004-UPC",
  marketplace: "DE",
  category: "a_to_z_claim",
  description: "Buyer filed an A-to-z claim: item never arrived.",
  orderValue: "149.90",
  buyerName: "Max Mustermann",
  externalId: "helpdesk-4711",
  source: "helpdesk",
};

describe("GET /healthz", () => {
  botTest("answers 200 when the database is reachable", async ({ bot }) => {
    const res = await bot.api("/healthz", { method: "GET", token: null });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
  });
});

describe("POST /api/cases", () => {
  botTest("refuses requests without the right bearer token", async ({ bot }) => {
    expect((await bot.api("/api/cases", { body, token: null })).status).toBe(401);
    const wrong = await bot.api("/api/cases", { body, token: "wrong-token-wrong-token-wrong" });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toContain("Authorization: Bearer");
  });

  botTest("answers malformed JSON with 400 and says so", async ({ bot }) => {
    const res = await bot.api("/api/cases", { rawBody: '{"orderId": "114-' });
    expect(res.status).toBe(400);
    expect(res.json.error).toContain("not valid JSON");
    const arr = await bot.api("/api/cases", { rawBody: "[1,2]" });
    expect(arr.status).toBe(400);
  });

  botTest("lists every bad field with what is expected", async ({ bot }) => {
    const res = await bot.api("/api/cases", {
      body: { orderId: "1142962899", category: "lost_parcel", orderValue: 12.345, marketplace: "XX" },
    });
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries(res.json.errors.map((e: any) => [e.path, e.message]));
    expect(byPath.orderId).toContain("Order IDs look like 114-2962899-5762619");
    expect(byPath.category).toContain("a_to_z_claim");
    expect(byPath.description).toContain("Say what happened");
    expect(byPath.orderValue).toContain("29.99");
    expect(byPath.marketplace).toContain("US, CA");
    expect(await bot.db.prisma.case.count()).toBe(0);
  });

  describe("creates the case (201) and posts one card; the same externalId again returns it (200) without a second card", () => {
    let first: { status: number; json: any };

    botTest("a new case is created (201), its priority and currency worked out from it", async ({ bot }) => {
      first = await bot.api("/api/cases", { body });
      expect(first.status).toBe(201);
      expect(first.json.created).toBe(true);
      expect(first.json.case).toMatchObject({
        number: expect.stringMatching(/^AS-\d+$/),
        status: "new",
        category: "a_to_z_claim",
        priority: "urgent",
        orderValue: "149.90",
        currency: "EUR",
        source: "helpdesk",
        externalId: "helpdesk-4711",
      });
    });

    botTest(
      "the same externalId again, twice at once, returns that case (200) and stores no other",
      async ({ bot }) => {
        const again = await Promise.all([bot.api("/api/cases", { body }), bot.api("/api/cases", { body })]);
        for (const r of again) {
          expect(r.status).toBe(200);
          expect(r.json.created).toBe(false);
          expect(r.json.case.id).toBe(first.json.case.id);
        }
        expect(await bot.db.prisma.case.count({ where: { externalId: "helpdesk-4711" } })).toBe(1);
      },
    );

    botTest("one card is posted to the cases channel, with the bot token", async ({ bot }) => {
      await waitFor(() => bot.slack.calls("chat.postMessage").length >= 1, "the card");
      await bot.flush();
      // (The buyer's "never arrived" also raises a risk heads-up in the same channel.)
      const cards = bot.slack
        .calls("chat.postMessage")
        .filter(
          (c) =>
            c.args.channel === CASES_CHANNEL && !c.args.thread_ts && c.args.text.startsWith(first.json.case.number),
        );
      expect(cards).toHaveLength(1);
      expect(cards[0].args.text).toContain(first.json.case.number);
      expect(cards[0].token).toBe("xoxb-test-token");
    });
  });

  botTest("creates separate cases for the same order from different sources", async ({ bot }) => {
    const res = await bot.api("/api/cases", { body: { ...body, source: "email-bridge" } });
    expect(res.status).toBe(201);
  });
});

describe("POST /api/imports", () => {
  botTest("refuses a request without the token, and a file that is not a returns report", async ({ bot }) => {
    expect((await bot.api("/api/imports", { rawBody: "x", token: null })).status).toBe(401);
    const wrong = await bot.api("/api/imports", { rawBody: "name\temail\nJane\tj@example.com\n" });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toMatch(/^The report was not imported: /);
  });

  botTest("imports a report sent as the body and answers with its summary", async ({ bot }) => {
    const res = await bot.api("/api/imports", {
      rawBody: fbaReport([{ date: "2025-10-01", orderId: "117-0000001-0000001", reason: "DEFECTIVE", lpn: "B1" }]),
    });
    expect(res.status).toBe(200);
    expect(res.json.summary).toMatchObject({ rowsRead: 1, created: 1, carded: 1 });
    expect(res.json.text).toContain("1 rows read, 1 cases created");
    const summary = await waitFor(
      () => bot.slack.calls("chat.postMessage").find((m) => m.args.text.startsWith("Returns import returns report")),
      "the summary in the cases channel",
    );
    expect(summary.args.channel).toBe(CASES_CHANNEL);
  });
});
