// With AGENT_USER_IDS set, only agents and leads work cases; everyone else is refused politely.
import { describe, expect } from "vitest";
import { ACTIONS } from "../../src/ids.ts";
import { botTest, LEAD, waitFor } from "../support/botTest.ts";

botTest.override("botOptions", { env: { AGENT_USER_IDS: "U0AGENT1,U0AGENT2" } });

describe("agents and leads", () => {
  botTest("refuses a Claim from someone who is not an agent, and lets an agent and a lead act", async ({ bot }) => {
    const res = await bot.api("/api/cases", {
      body: { orderId: "114-2962899-5762619", category: "complaint", description: "Rude courier" },
    });
    const id = res.json.case.id;
    await bot.click(ACTIONS.claim, id, "U0VISITOR");
    const refusal = await waitFor(() => bot.slack.calls("chat.postEphemeral")[0], "refusal");
    expect(refusal.args.user).toBe("U0VISITOR");
    expect(refusal.args.text).toContain("Only after-sales agents can claim cases");
    expect((await bot.db.prisma.case.findUniqueOrThrow({ where: { id } })).status).toBe("new");

    await bot.click(ACTIONS.claim, id, "U0AGENT2");
    await waitFor(
      async () => (await bot.db.prisma.case.findUniqueOrThrow({ where: { id } })).ownerId === "U0AGENT2",
      "agent's claim",
    );
    await bot.click(ACTIONS.takeOver, id, LEAD); // leads need not be listed as agents
    await waitFor(
      async () => (await bot.db.prisma.case.findUniqueOrThrow({ where: { id } })).ownerId === LEAD,
      "lead's take-over",
    );
  });
});
