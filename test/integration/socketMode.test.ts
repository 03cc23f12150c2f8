// Socket Mode, the usual production set-up: the bot opens a WebSocket from apps.connections.open
// and receives envelopes over it. A local WebSocket server stands in for Slack's; it is one more
// file fixture, set up before the bot (whose settings point at it) and stopped after it.
import { describe, expect } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { botTest, waitFor } from "../support/botTest.ts";
import { freePort } from "../support/freePort.ts";

type SocketStandIn = {
  /** The bot's connection, once it has connected. */
  socket(): WebSocket | undefined;
  /** Everything the bot sent back (acks with their response payloads). */
  received: any[];
};

const socketTest = botTest
  .extend("socketSlack", { scope: "file" }, async ({ slack }, { onCleanup }): Promise<SocketStandIn> => {
    const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await new Promise((r) => wss.once("listening", r));
    let socket: WebSocket | undefined;
    const received: any[] = [];
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
    onCleanup(async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise((r) => wss.close(r));
    });
    return { socket: () => socket, received };
  })
  // With an app token the bot runs in Socket Mode; the intake API still listens on PORT. Asking for
  // socketSlack here starts the WebSocket stand-in before the bot, and stops it after the bot.
  .override("botOptions", async ({ socketSlack: _ }) => ({
    env: { SLACK_APP_TOKEN: "xapp-1-test-app-token", PORT: String(await freePort()) },
  }));

describe("Socket Mode", () => {
  socketTest(
    "connects with the app token and answers a slash command envelope end to end",
    async ({ bot, slack, socketSlack }) => {
      expect(bot.running).toBe(true);
      const open = await waitFor(() => slack.calls("apps.connections.open")[0], "apps.connections.open");
      expect(open.token).toBe("xapp-1-test-app-token");
      const socket = await waitFor(() => socketSlack.socket(), "the WebSocket connection");

      socket.send(
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
      const ack = await waitFor(
        () => socketSlack.received.find((m) => m.envelope_id === "env-help-1"),
        "the envelope ack",
      );
      expect(ack.payload.response_type).toBe("ephemeral");
      expect(ack.payload.text).toContain("/case new");

      socket.send(
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
    },
  );

  socketTest("serves the intake API and /healthz next to the socket", async ({ bot }) => {
    const res = await bot.api("/healthz", { method: "GET", token: null });
    expect(res.status).toBe(200);
  });
});
