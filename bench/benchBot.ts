// The bot as a benchmark runs it: its own process, npm start's entry point, in HTTP mode against
// a stand-in for Slack's Web API, with the signing secret the benchmark signs its clicks with.
import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "../test/support/freePort.ts";
import { SIGNING_SECRET } from "../test/support/signedRequests.ts";

export async function spawnBenchBot(opts: { slackApiUrl: string; dataDir: string }): Promise<{
  bot: ChildProcess;
  base: string;
}> {
  const port = await freePort();
  const bot = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: opts.slackApiUrl,
      SLACK_APP_TOKEN: "",
      CASES_CHANNEL: "C0CASES",
      PORT: String(port),
      DATA_DIR: opts.dataDir,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return { bot, base: `http://127.0.0.1:${port}` };
}

/** Waits until `url` answers /healthz (30 s at most). */
export async function untilUp(url: string): Promise<void> {
  for (let i = 0; ; i++) {
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    if (i > 300) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
