// Benchmark: how long after a click the playbook's forms open, with 200,000 cases stored — Slack
// lets a form open only within 3 seconds of the click. Runs the real bot (npm start's entry point)
// in HTTP mode with signed requests; this process plays Slack: it sends the clicks and answers the
// bot's Web API calls, noting when each form arrives. Also times the Claim acknowledgement.
// Embedded PGlite by default; set DATABASE_URL=postgres://… to measure PostgreSQL.
//   npm run bench:forms

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../src/db.ts";
import { ACTIONS, MORE_OPTIONS } from "../src/ids.ts";
import { startSlackStandIn } from "../src/sandbox/slackStandIn.ts";
import { buttonPayload, interactionBody, overflowPayload, postSigned } from "../test/support/signedRequests.ts";
import { spawnBenchBot, untilUp } from "./benchBot.ts";

const CASES = 200_000;
const BUYERS = 40_000; // about five cases per buyer, so the abuse form has a history to show
const ROUNDS = 30;
const AGENT = "U0BENCHAGENT";

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(0)} ms · p95 ${percentile(s, 95).toFixed(0)} ms · max ${s.at(-1)!.toFixed(0)} ms (${s.length} opens)`;
};

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "aftersales-bench-forms-"));
  const databaseUrl = process.env.DATABASE_URL;
  const db = await openDatabase({ databaseUrl, dataDir });
  // A shared server may hold an earlier run's data: start from empty tables.
  if (databaseUrl)
    await db.prisma.$executeRawUnsafe(
      `TRUNCATE "CaseTimer", "CaseEvent", "OutboxMessage", "DigestRun", "CrisisAlert", "OrderVolume", "Case" RESTART IDENTITY CASCADE`,
    );
  const kind = db.kind;
  const t0 = performance.now();
  for (let i = 0; i < CASES; i += 5000) {
    await db.prisma.case.createMany({
      data: Array.from({ length: Math.min(5000, CASES - i) }, (_, j) => {
        const n = i + j;
        return {
          category: (["return", "complaint", "refund", "a_to_z_claim"] as const)[n % 4],
          priority: "normal" as const,
          status: "claimed" as const,
          ownerId: AGENT,
          orderId: `114-${String(1000000 + (n % 150_000)).padStart(7, "0")}-5762619`,
          asin: "B00TZ73MUY",
          marketplace: "US",
          orderValue: "19.99",
          currency: "USD",
          buyerName: `Buyer ${n % BUYERS}`,
          description: `Benchmark case ${n}: the zip broke`,
          source: "bench",
          externalId: `forms-${n}`,
          messageTs: `1700000000.${String(n).padStart(6, "0")}`,
          channelId: "C0CASES",
        };
      }),
    });
  }
  const ids = (await db.prisma.case.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 1000 })).map(
    (c) => c.id,
  );
  console.log(`Seeded ${CASES} cases on ${kind} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await db.close();

  const slack = await startSlackStandIn();
  const { bot, base } = await spawnBenchBot({ slackApiUrl: slack.url, dataDir });
  await untilUp(base);

  /** Sends a click and waits until the bot asks Slack to open a form (and, with `filled`, to update it once). */
  async function timeToForm(payload: unknown, filled = false): Promise<number> {
    const method = filled ? "views.update" : "views.open";
    const before = slack.calls(method).length;
    const start = performance.now();
    const opened = new Promise<void>((resolve) => {
      const stop = slack.onChange(() => {
        if (slack.calls(method).length > before) {
          stop();
          resolve();
        }
      });
    });
    const res = await postSigned(base, interactionBody(payload));
    if (res.status !== 200) throw new Error(`The click answered ${res.status}`);
    await opened;
    return performance.now() - start;
  }

  const forms = {
    resolve: [] as number[],
    abuse: [] as number[],
    draft: [] as number[],
  };
  const acks: number[] = [];
  // Warm-up, not measured.
  await timeToForm(buttonPayload({ actionId: ACTIONS.resolve, value: String(ids[0]), userId: AGENT }));
  for (let r = 1; r <= ROUNDS; r++) {
    const id = String(ids[r]);
    forms.resolve.push(await timeToForm(buttonPayload({ actionId: ACTIONS.resolve, value: id, userId: AGENT })));
    forms.abuse.push(
      await timeToForm(
        overflowPayload({ actionId: ACTIONS.more, value: `${MORE_OPTIONS.suspectAbuse}:${id}`, userId: AGENT }),
      ),
    );
    forms.draft.push(await timeToForm(buttonPayload({ actionId: ACTIONS.draftReply, value: id, userId: AGENT })));
    const start = performance.now();
    await postSigned(
      base,
      interactionBody(buttonPayload({ actionId: ACTIONS.claim, value: String(ids[500 + r]), userId: "U0OTHER" })),
    );
    acks.push(performance.now() - start);
  }
  const abuseForm = slack.calls("views.update").at(-1)?.args.view;
  const history = JSON.stringify(abuseForm?.blocks ?? []).match(/AS-\d+/g)?.length ?? 0;

  console.log(`Time from click to the form being opened, ${CASES} cases, ${kind} (Slack allows 3,000 ms):`);
  console.log(`  Resolve (with the suggested remedy): ${summary(forms.resolve)}`);
  console.log(
    `  Suspect abuse, until the buyer's other cases are shown (${history - 1} of them): ${summary(forms.abuse)}`,
  );
  console.log(`  Draft reply (template filled and checked): ${summary(forms.draft)}`);
  console.log(`  Claim acknowledgement meanwhile: ${summary(acks).replace("opens", "clicks")}`);

  bot.kill("SIGTERM");
  await new Promise((r) => bot.once("exit", r));
  await slack.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
