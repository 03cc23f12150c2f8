// Benchmark: time from `npm start` to the first answer on /healthz, on an empty data folder (the
// embedded database is created and migrated) and on an existing one. Slack is a local stand-in.
//   npm run bench:startup

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSlackStandIn } from "../src/sandbox/slackStandIn.ts";
import { freePort } from "../test/support/freePort.ts";
import { SIGNING_SECRET } from "../test/support/signedRequests.ts";

const RUNS = 5;

async function timeToHealthy(dataDir: string, slackUrl: string): Promise<number> {
  const port = await freePort();
  const startedAt = performance.now();
  // What `npm start` runs, without npm's own start-up in front of it.
  const bot = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "src/main.ts"], {
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slackUrl,
      SLACK_APP_TOKEN: "",
      CASES_CHANNEL: "C0CASES",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (;;) {
      const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return performance.now() - startedAt;
      if (bot.exitCode !== null) throw new Error(`The bot exited with ${bot.exitCode}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    bot.kill("SIGTERM");
    await new Promise((r) => bot.once("exit", r));
  }
}

async function main() {
  const slack = await startSlackStandIn();
  const empty: number[] = [];
  const existing: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = mkdtempSync(path.join(tmpdir(), "aftersales-startup-"));
    empty.push(await timeToHealthy(dataDir, slack.url));
    existing.push(await timeToHealthy(dataDir, slack.url));
    rmSync(dataDir, { recursive: true, force: true });
  }
  const show = (ms: number[]) => {
    const s = [...ms].sort((a, b) => a - b);
    return `median ${(s[Math.floor(s.length / 2)] / 1000).toFixed(2)} s · range ${(s[0] / 1000).toFixed(2)}–${(s.at(-1)! / 1000).toFixed(2)} s`;
  };
  console.log(`Start-up to /healthz, embedded database, ${RUNS} runs (target < 3 s on an empty folder):`);
  console.log(`  empty data folder:    ${show(empty)}`);
  console.log(`  existing data folder: ${show(existing)}`);
  await slack.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
