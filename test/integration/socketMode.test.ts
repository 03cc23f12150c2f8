// Socket Mode, the usual production set-up: the bot opens a WebSocket from apps.connections.open
// and receives envelopes over it. A local WebSocket server stands in for Slack's.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { freePort } from "../support/freePort.ts";
import { type SlackStandIn, startSlackStandIn } from "../support/slackStandIn.ts";
import { startTestBot, type TestBot, waitFor } from "../support/testBot.ts";

let testDb: TestDatabase;
let slack: SlackStandIn;
let wss: WebSocketServer;
let socket: WebSocket | undefined;
const received: any[] = [];
let t: TestBot;

beforeAll(async () => {
  testDb = await createTestDatabase();
  slack = await startSlackStandIn();
  wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise((r) => wss.once("listening", r));
  wss.on("connection", (ws) => {
    socket = ws;
    ws.on("message", (data) => received.push(JSON.parse(String(data))));
    ws.send(
      JSON.stringify({
        type: "hello",
        num_connections: 1,
        debug_info: { host: "stand-in" },
        connection_info: { app_id: "A0APP" },
      }),
    );
  });
  slack.answer("apps.connections.open", { url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/` });
  t = await startTestBot(testDb, {
    slack,
    env: { SLACK_APP_TOKEN: "xapp-1-test-app-token", PORT: String(await freePort()) },
  });
});
afterAll(async () => {
  await t?.stop();
  for (const c of wss.clients) c.terminate();
  await new Promise((r) => wss.close(r));
  await slack.close();
  await testDb.drop();
});

describe("Socket Mode", () => {
  it("connects with the app token and answers a slash command envelope end to end", async () => {
    const open = await waitFor(() => slack.calls("apps.connections.open")[0], "apps.connections.open");
    expect(open.token).toBe("xapp-1-test-app-token");
    await waitFor(() => socket, "the WebSocket connection");

    socket!.send(
      JSON.stringify({
        envelope_id: "env-help-1",
        type: "slash_commands",
        accepts_response_payload: true,
        payload: {
          token: "legacy",
          team_id: "T0STANDIN",
          channel_id: "C0CASES",
          user_id: "U0AGENT1",
          command: "/case",
          text: "help",
          response_url: "http://127.0.0.1:9/response/none",
          trigger_id: "trigger-socket",
        },
      }),
    );
    const ack = await waitFor(() => received.find((m) => m.envelope_id === "env-help-1"), "the envelope ack");
    expect(ack.payload.response_type).toBe("ephemeral");
    expect(ack.payload.text).toContain("/case new");

    socket!.send(
      JSON.stringify({
        envelope_id: "env-new-1",
        type: "slash_commands",
        accepts_response_payload: true,
        payload: {
          team_id: "T0STANDIN",
          channel_id: "C0CASES",
          user_id: "U0AGENT1",
          command: "/case",
          text: "new",
          response_url: "http://127.0.0.1:9/response/none",
          trigger_id: "trigger-socket-2",
        },
      }),
    );
    const modal = await waitFor(
      () => slack.calls("views.open").find((c) => c.args.trigger_id === "trigger-socket-2"),
      "the modal",
    );
    expect(modal.args.view.callback_id).toBe("new_case_modal");
    expect(modal.token).toBe("xoxb-test-token");
  });

  it("serves the intake API and /healthz next to the socket", async () => {
    const res = await t.api("/healthz", { method: "GET", token: null });
    expect(res.status).toBe(200);
  });
});
