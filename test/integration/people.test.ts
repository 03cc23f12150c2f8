// With AGENT_USER_IDS set, only agents and leads work cases; everyone else is refused politely.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../src/ids.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { LEAD, startTestBot, type TestBot, waitFor } from "../support/testBot.ts";

let testDb: TestDatabase;
let t: TestBot;

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await startTestBot(testDb, { env: { AGENT_USER_IDS: "U0AGENT1,U0AGENT2" } });
});
afterAll(async () => {
  await t?.stop();
  await testDb?.drop();
});

describe("agents and leads", () => {
  it("refuses a Claim from someone who is not an agent, and lets an agent and a lead act", async () => {
    const res = await t.api("/api/cases", {
      body: { orderId: "114-2962899-5762619", category: "complaint", description: "Rude courier" },
    });
    const id = res.json.case.id;
    await t.click(ACTIONS.claim, id, "U0VISITOR");
    const refusal = await waitFor(() => t.slack.calls("chat.postEphemeral")[0], "refusal");
    expect(refusal.args.user).toBe("U0VISITOR");
    expect(refusal.args.text).toContain("Only after-sales agents can claim cases");
    expect((await t.db.prisma.case.findUniqueOrThrow({ where: { id } })).status).toBe("new");

    await t.click(ACTIONS.claim, id, "U0AGENT2");
    await waitFor(
      async () => (await t.db.prisma.case.findUniqueOrThrow({ where: { id } })).ownerId === "U0AGENT2",
      "agent's claim",
    );
    await t.click(ACTIONS.takeOver, id, LEAD); // leads need not be listed as agents
    await waitFor(
      async () => (await t.db.prisma.case.findUniqueOrThrow({ where: { id } })).ownerId === LEAD,
      "lead's take-over",
    );
  });
});
