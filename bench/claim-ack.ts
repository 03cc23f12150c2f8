// Benchmark: acknowledgement latency of Claim clicks, 20 at a time, with 10,000 cases stored and
// the outbox busy delivering. Runs the real bot in HTTP mode against a local stand-in for Slack's
// Web API (bench/slackApiProcess.ts, a process of its own), with signed requests, and a bare Bolt
// app (bench/bareBolt.ts) in the same run: each burst goes to both, one after the other, and the
// ratio of the two is printed.
// Embedded PGlite by default; set DATABASE_URL=postgres://… to measure PostgreSQL.
//   npm run bench

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { openDatabase } from "../src/db.ts";
import { ACTIONS } from "../src/ids.ts";
import { enqueue } from "../src/store/outbox.ts";
import { freePort } from "../test/support/freePort.ts";
import { buttonPayload, interactionBody, postSigned, SIGNING_SECRET } from "../test/support/signedRequests.ts";
import { spawnBenchBot, untilUp } from "./benchBot.ts";

const CASES = 10_000;
const BUSY_MESSAGES = 1_000;
const CONCURRENCY = 20;
const ROUNDS = 50; // 1,000 clicks to each app
const WARM_UP_BURSTS = 5;
// Bursts of clicks, as a team produces them: the bot gets a moment between bursts to do the work
// behind the acks (card updates, thread lines), instead of an endless flood no team produces.
const PAUSE_MS = 1000;
const pause = () => new Promise((r) => setTimeout(r, PAUSE_MS));

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms · p99 ${percentile(s, 99).toFixed(1)} ms · max ${s.at(-1)!.toFixed(1)} ms (${s.length} clicks)`;
};

async function seed(databaseUrl: string | undefined, dataDir: string) {
  const db = await openDatabase({ databaseUrl, dataDir });
  if (databaseUrl) {
    // A shared server may hold an earlier run's data: start from an empty case table.
    await db.prisma.$executeRawUnsafe(`TRUNCATE "CaseEvent", "OutboxMessage", "Case" RESTART IDENTITY CASCADE`);
  }
  const t0 = performance.now();
  for (let i = 0; i < CASES; i += 1000) {
    await db.prisma.case.createMany({
      data: Array.from({ length: Math.min(1000, CASES - i) }, (_, j) => ({
        category: "return",
        priority: "normal",
        orderId: `114-${String(1000000 + i + j).padStart(7, "0")}-5762619`,
        asin: "B00TZ73MUY",
        description: `Benchmark case ${i + j}`,
        source: "bench",
        externalId: `bench-${i + j}`,
        messageTs: `1700000000.${String(i + j).padStart(6, "0")}`,
        channelId: "C0CASES",
      })),
    });
  }
  const ids = (await db.prisma.case.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
  // Messages waiting for four channels, so the outbox delivers throughout the run.
  await enqueue(
    db.prisma,
    Array.from({ length: BUSY_MESSAGES }, (_, i) => ({
      kind: "message" as const,
      channelId: `C0BUSY${i % 4}`,
      message: { text: `Busy ${i}`, blocks: [] },
    })),
  );
  console.log(`Seeded ${CASES} cases on ${db.kind} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await db.close();
  return ids;
}

/** The next JSON line the process prints. */
function nextLine(child: ChildProcess): Promise<Record<string, unknown>> {
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolve) =>
    lines.once("line", (line) => {
      lines.close();
      resolve(JSON.parse(line));
    }),
  );
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "aftersales-bench-"));
  const databaseUrl = process.env.DATABASE_URL;
  const ids = await seed(databaseUrl, dataDir);

  // The bot runs as its own process (npm start's entry point), as in production; this process
  // plays Slack's side that sends the signed clicks, another answers the bot's Web API calls.
  const slackApi = spawn(process.execPath, ["--import", "tsx", "bench/slackApiProcess.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const slack = { url: (await nextLine(slackApi)).url as string };
  const { bot, base } = await spawnBenchBot({ slackApiUrl: slack.url, dataDir });
  const barePort = await freePort();
  const bare = spawn(process.execPath, ["--import", "tsx", "bench/bareBolt.ts"], {
    env: { ...process.env, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(barePort) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const bareBase = `http://127.0.0.1:${barePort}`;
  const startedAt = performance.now();
  for (const url of [base, bareBase]) {
    await untilUp(url);
    if (url === base)
      console.log(`The bot answered /healthz ${((performance.now() - startedAt) / 1000).toFixed(1)} s after start`);
  }

  const clickOn = (url: string) => async (caseId: number, user: string) => {
    const start = performance.now();
    const res = await postSigned(
      url,
      interactionBody(buttonPayload({ actionId: ACTIONS.claim, value: String(caseId), userId: user })),
    );
    if (res.status !== 200) throw new Error(`Claim click answered ${res.status}`);
    return performance.now() - start;
  };
  const click = clickOn(base);
  const bareClick = clickOn(bareBase);

  // Warm-up, not measured: the first bursts after start are slower while the database client
  // prepares its queries and the JavaScript engine compiles the code on the click's path.
  for (let w = 0; w < WARM_UP_BURSTS; w++) {
    const warm = ids.slice(CASES - (w + 1) * CONCURRENCY, CASES - w * CONCURRENCY);
    await Promise.all(warm.map((id, i) => click(id, `U0WARM${i}`)));
    await Promise.all(warm.map((id, i) => bareClick(id, `U0WARM${i}`)));
    await pause();
  }

  // 20 agents clicking Claim on 20 different cases at once, round after round; the same burst
  // also goes to the bare app, first to one and then the other in turn (whichever goes second
  // shares the machine with the bot's work behind its acks).
  const distinct: number[] = [];
  const baseline: number[] = [];
  const burstWorst: { bot: number; bare: number }[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    const batch = ids.slice(r * CONCURRENCY, (r + 1) * CONCURRENCY);
    const toBot = async () => distinct.push(...(await Promise.all(batch.map((id, i) => click(id, `U0AGENT${i}`)))));
    const toBare = async () =>
      baseline.push(...(await Promise.all(batch.map((id, i) => bareClick(id, `U0AGENT${i}`)))));
    for (const burst of r % 2 ? [toBot, toBare] : [toBare, toBot]) {
      await burst();
      await pause();
    }
    burstWorst.push({
      bot: Math.max(...distinct.slice(-CONCURRENCY)),
      bare: Math.max(...baseline.slice(-CONCURRENCY)),
    });
  }
  // 20 agents racing for the same case, round after round.
  const raceIds = ids.slice((ROUNDS + 2) * CONCURRENCY, (ROUNDS + 2) * CONCURRENCY + ROUNDS);
  const racing: number[] = [];
  for (const id of raceIds) {
    racing.push(...(await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => click(id, `U0RACE${i}`)))));
    await pause();
  }

  // Let the work behind the acks finish, stop the bot, and check each race had one winner.
  await new Promise((r) => setTimeout(r, 2000));
  const deliveredLine = nextLine(slackApi);
  slackApi.kill("SIGTERM");
  const delivered = (await deliveredLine).delivered as number;
  bot.kill("SIGTERM");
  bare.kill("SIGTERM");
  await new Promise((r) => bot.once("exit", r));
  const db = await openDatabase({ databaseUrl, dataDir });
  const raced = await db.prisma.case.findMany({ where: { id: { in: raceIds } } });
  const claimEvents = await db.prisma.caseEvent.count({ where: { caseId: { in: raceIds }, kind: "claimed" } });
  await db.close();

  console.log(`Claim ack latency, ${CONCURRENCY} concurrent, ${CASES} cases, ${databaseUrl ? "postgres" : "pglite"}:`);
  console.log(`  different cases: ${summary(distinct)}`);
  console.log(`  bare Bolt app:   ${summary(baseline)}`);
  const ratio = (p: number) =>
    (
      percentile(
        [...distinct].sort((a, b) => a - b),
        p,
      ) /
      percentile(
        [...baseline].sort((a, b) => a - b),
        p,
      )
    ).toFixed(2);
  console.log(`  bot / bare app: p50 ${ratio(50)}× · p99 ${ratio(99)}× (target p50 ≤ 2×, p99 ≤ 1.5×)`);
  const worst = (side: "bot" | "bare") =>
    burstWorst
      .map((b, i) => ({ ms: b[side], round: i + 1 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((b) => `${b.ms.toFixed(0)} ms (burst ${b.round})`)
      .join(", ");
  console.log(`  slowest bursts, bot: ${worst("bot")}`);
  console.log(`  slowest bursts, bare app: ${worst("bare")}`);
  console.log(`  outbox: ${delivered} messages posted to Slack during the run`);
  console.log(
    `  same case (race): ${summary(racing)}; ${raced.filter((c) => c.ownerId).length}/${raced.length} cases claimed, ${claimEvents} claim events`,
  );

  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
