// With AGENT_USER_IDS set, only agents and leads work cases; everyone else is refused politely.
import { describe, expect } from "vitest";
import { ACTIONS, CALLBACKS, REPORT_FILE_BLOCK } from "../../src/ids.ts";
import { botTest, LEAD, waitFor } from "../support/botTest.ts";
import { interactionBody, postSigned, viewSubmission } from "../support/signedRequests.ts";

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

describe("what only leads or agents may do outside a case", () => {
  const answers = (bot: { slack: { responses: { path: string; body: any }[] } }) =>
    bot.slack.responses.filter((r) => r.path === "/response/cmd").map((r) => String(r.body.text ?? ""));

  botTest("records order volume for leads only", async ({ bot }) => {
    await bot.command("orders US 48200", "U0AGENT1");
    await waitFor(() => answers(bot).find((t) => t.includes("Only leads can record order volume")), "refusal");
    expect(await bot.db.prisma.orderVolume.count()).toBe(0);
    await bot.command("orders US 48200", LEAD);
    await waitFor(() => answers(bot).find((t) => t.includes("Saved: 48200 orders")), "saved");
    expect(await bot.db.prisma.orderVolume.count()).toBe(1);
  });

  botTest("imports returns reports for agents only, from the command and from the form", async ({ bot }) => {
    const opened = bot.slack.calls("views.open").length;
    await bot.command("import", "U0VISITOR");
    await waitFor(() => answers(bot).find((t) => t.includes("Only after-sales agents can import")), "refusal");
    expect(bot.slack.calls("views.open")).toHaveLength(opened);
    expect(bot.slack.calls("files.list").filter((c) => c.args.user === "U0VISITOR")).toHaveLength(0);

    const form = viewSubmission({ callbackId: CALLBACKS.importReturns, userId: "U0VISITOR", values: {} });
    (form.view.state.values as any)[REPORT_FILE_BLOCK] = {
      value: { type: "file_input", files: [{ id: "F0REPORT", name: "returns.txt" }] },
    };
    const res = await postSigned(bot.baseUrl, interactionBody(form));
    expect(res.json?.response_action).toBe("errors");
    expect(res.json.errors[REPORT_FILE_BLOCK]).toContain("Only after-sales agents can import");
    expect(bot.slack.calls("files.info")).toHaveLength(0);
  });

  botTest("lets only agents reopen: a former owner who left the agents cannot", async ({ bot }) => {
    const res = await bot.api("/api/cases", {
      body: { orderId: "114-2962899-5762620", category: "refund", description: "Refund came back" },
    });
    const id = res.json.case.id;
    await bot.db.prisma.case.update({
      where: { id },
      data: { status: "resolved", ownerId: "U0FORMER", resolvedById: "U0FORMER", resolvedAt: new Date() },
    });
    const before = bot.slack.calls("chat.postEphemeral").length;
    await bot.click(ACTIONS.reopen, id, "U0FORMER");
    const refusal = await waitFor(() => bot.slack.calls("chat.postEphemeral")[before], "refusal");
    expect(refusal.args.user).toBe("U0FORMER");
    expect(refusal.args.text).toContain("Only after-sales agents can reopen cases");
    expect((await bot.db.prisma.case.findUniqueOrThrow({ where: { id } })).status).toBe("resolved");
  });
});
