// The baseline of the claim benchmark: a bare Bolt app in HTTP mode with the same signing secret
// whose Claim action only acknowledges. Whatever the bot adds to an acknowledgement is measured
// against this, in the same run on the same machine.
//   PORT=3001 SLACK_SIGNING_SECRET=… tsx bench/bareBolt.ts
import { App, LogLevel } from "@slack/bolt";
import { ACTIONS } from "../src/ids.ts";

const app = new App({
  token: "xoxb-bench",
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  botId: "B0BENCH",
  botUserId: "U0BENCH",
  logLevel: LogLevel.ERROR,
  customRoutes: [{ path: "/healthz", method: ["GET"], handler: (_req, res) => res.end("ok") }],
});
app.action(ACTIONS.claim, async ({ ack }) => {
  await ack();
});
await app.start(Number(process.env.PORT));
process.on("SIGTERM", () => void app.stop().then(() => process.exit(0)));
