// When something breaks after Slack was acknowledged (database down, Slack refusing a call) or a
// form comes back unreadable, the person is answered privately; nothing fails in silence.
import pg from "pg";
import { describe, expect } from "vitest";
import { ACTIONS, CALLBACKS, NEW_CASE_BLOCKS, RESOLVE_BLOCKS, ROUTING_BLOCKS } from "../../src/ids.ts";
import { ownersBlock } from "../../src/views/routing.ts";
import { botTest, CASES_CHANNEL, LEAD, type TestBot, waitFor } from "../support/botTest.ts";
import type { TestDatabase } from "../support/database.ts";
import { interactionBody, postSigned, viewSubmission } from "../support/signedRequests.ts";

// One bot for the file; the last steps take its database down for good.
let t: TestBot;
let testDb: TestDatabase;
botTest.beforeAll(({ bot, testDb: database }) => {
  t = bot;
  testDb = database;
});

const newCase = {
  orderId: "114-2962899-5762619",
  marketplace: "US",
  category: "refund",
  description: "Buyer wants a refund: the mug arrived chipped.",
};

async function storedCase(orderId = newCase.orderId) {
  const res = await t.api("/api/cases", { body: { ...newCase, orderId, externalId: `ext-${Math.random()}` } });
  expect(res.status).toBe(201);
  return t.db.prisma.case.findFirstOrThrow({ where: { orderId }, orderBy: { id: "desc" } });
}

/** Every private line Slack was asked to show this person since `from` calls. */
const privateLines = (userId: string, from: number) =>
  t.slack
    .calls()
    .slice(from)
    .filter(
      (c) =>
        (c.method === "chat.postEphemeral" && c.args.user === userId) ||
        (c.method === "chat.postMessage" && c.args.channel === userId),
    );

/** The database stops answering: PGlite is closed; PostgreSQL refuses new connections and drops the open ones. */
async function takeDatabaseDown() {
  const url = testDb.settings.databaseUrl;
  if (!url) {
    await t.db.close();
    return;
  }
  const name = new URL(url).pathname.slice(1);
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
  await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
  await admin.end();
}

describe("forms whose private_metadata cannot be read", () => {
  botTest("answers a resolve form that does not say which case it is for, in the form", async () => {
    for (const privateMetadata of ["{not json", '{"caseId":"twelve"}', ""]) {
      const res = await t.submit({
        callbackId: CALLBACKS.resolveCase,
        userId: "U0AGENT1",
        values: { [RESOLVE_BLOCKS.resolution]: "return_accepted", [RESOLVE_BLOCKS.rootCause]: "damaged_in_transit" },
        selects: [RESOLVE_BLOCKS.resolution, RESOLVE_BLOCKS.rootCause],
        privateMetadata,
      });
      expect(res.status).toBe(200);
      expect(res.json?.response_action).toBe("errors");
      expect(res.json.errors[RESOLVE_BLOCKS.resolution]).toContain("does not say which case");
      expect(res.json.errors[RESOLVE_BLOCKS.resolution]).toContain("press Resolve on the case card again");
    }
  });

  botTest("still creates the case from a new-case form with unreadable metadata", async () => {
    const res = await t.submit({
      callbackId: CALLBACKS.newCase,
      userId: "U0AGENT1",
      values: {
        [NEW_CASE_BLOCKS.orderId]: "114-0000001-0000001",
        [NEW_CASE_BLOCKS.category]: "refund",
        [NEW_CASE_BLOCKS.description]: "Buyer asks where the refund is.",
      },
      selects: [NEW_CASE_BLOCKS.category],
      privateMetadata: "{not json",
    });
    expect(res.status).toBe(200);
    expect(res.json?.response_action).toBeUndefined();
    expect(await t.db.prisma.case.count({ where: { orderId: "114-0000001-0000001" } })).toBe(1);
  });
});

describe("Slack refusing a private answer", () => {
  botTest("sends it as a direct message when the ephemeral message is refused", async () => {
    const c = await storedCase("114-0000002-0000002");
    await t.click(ACTIONS.claim, c.id, "U0AGENT1");
    await waitFor(
      async () => (await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).ownerId === "U0AGENT1",
      "the claim",
    );
    const from = t.slack.calls().length;
    t.slack.fail("chat.postEphemeral", { error: "not_in_channel", times: 1 });
    await t.click(ACTIONS.takeOver, c.id, "U0AGENT2");
    const dm = await waitFor(
      () => privateLines("U0AGENT2", from).find((x) => x.method === "chat.postMessage"),
      "a direct message",
    );
    expect(dm.args.text).toContain("Only leads can take over");
  });
});

// Last: the database does not come back for this file.
describe("database down", () => {
  botTest("answers a button click privately instead of leaving the person with nothing", async () => {
    const c = await storedCase("114-0000003-0000003");
    await takeDatabaseDown();
    const from = t.slack.calls().length;
    const res = await t.click(ACTIONS.claim, c.id, "U0AGENT1");
    expect(res.status).toBe(200);
    const told = await waitFor(() => privateLines("U0AGENT1", from)[0], "a private answer");
    expect(told.method).toBe("chat.postEphemeral");
    expect(told.args.channel).toBe(CASES_CHANNEL);
    expect(told.args.text).toBe("Sorry, that did not work just now: the case was not claimed. Please try again.");
  });

  botTest("says so on /healthz without giving out the database's own error", async () => {
    const res = await t.api("/healthz", { method: "GET", token: null });
    expect(res.status).toBe(503);
    expect(res.json).toEqual({ ok: false, error: "database unreachable" });
  });

  botTest("answers a resolve form in the form itself", async () => {
    const res = await t.submit({
      callbackId: CALLBACKS.resolveCase,
      userId: "U0AGENT1",
      values: { [RESOLVE_BLOCKS.resolution]: "return_accepted", [RESOLVE_BLOCKS.rootCause]: "damaged_in_transit" },
      selects: [RESOLVE_BLOCKS.resolution, RESOLVE_BLOCKS.rootCause],
      privateMetadata: JSON.stringify({ caseId: 1 }),
    });
    expect(res.status).toBe(200);
    expect(res.json?.response_action).toBe("errors");
    expect(res.json.errors[RESOLVE_BLOCKS.resolution]).toContain("did not work just now");
    expect(res.json.errors[RESOLVE_BLOCKS.resolution]).toContain("Please try again.");
  });

  botTest("answers a routing form in the form itself", async () => {
    const submission = viewSubmission({
      callbackId: CALLBACKS.routing,
      userId: LEAD,
      values: {},
      privateMetadata: JSON.stringify({ marketplace: "" }),
    });
    submission.view.state.values = {
      [ownersBlock("return", "")]: { owners: { type: "multi_users_select", selected_users: ["U0AGENT1"] } },
    } as never;
    const res = await postSigned(t.baseUrl, interactionBody(submission));
    expect(res.json?.response_action).toBe("errors");
    expect(res.json.errors[ROUTING_BLOCKS.marketplace]).toBe(
      "Sorry, that did not work just now: the routing rules were not saved. Please try again.",
    );
  });

  botTest("answers a wave's bulk button privately", async () => {
    const from = t.slack.calls().length;
    await t.click(ACTIONS.crisisClaimAll, 1, "U0AGENT1");
    const told = await waitFor(() => privateLines("U0AGENT1", from)[0], "a private answer");
    expect(told.args.text).toBe(
      "Sorry, that did not work just now: the wave's cases were not claimed. Please try again.",
    );
  });
});
