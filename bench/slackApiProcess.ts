// Slack's Web API for the claim benchmark, in a process of its own: in production the bot's
// outbox calls go to Slack's servers, so answering them must not slow down the process that
// sends the clicks and times their acknowledgements. Prints its URL, then, on SIGTERM, how many
// messages it was asked to post or update.
import { startSlackStandIn } from "../src/sandbox/slackStandIn.ts";

const slack = await startSlackStandIn();
console.log(JSON.stringify({ url: slack.url }));
process.on("SIGTERM", () => {
  const delivered = slack.calls("chat.postMessage").length + slack.calls("chat.update").length;
  console.log(JSON.stringify({ delivered }));
  void slack.close().then(() => process.exit(0));
});
