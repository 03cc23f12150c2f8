// Benchmark: how long the outbox takes to pick the next message of each channel (`dueHeads`) as
// the backlog grows: cards waiting for the cases channel (as after an import with a raised card
// limit, or after Slack was down), each with a reminder waiting for its card, plus a few messages
// for other channels. Runs after every delivery, so it bounds how much of the bot's time a backlog
// costs. Embedded PGlite by default; set DATABASE_URL=postgres://… to measure PostgreSQL.
//   npm run bench:outbox
import { dueHeads, enqueue } from "../src/store/outbox.ts";
import { emptyBenchDatabase } from "./benchDatabase.ts";

const BACKLOGS = [200, 2_000, 10_000];
const RUNS = 30;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function main() {
  const { db, done } = await emptyBenchDatabase("outbox");
  const { prisma } = db;
  let queued = 0;
  for (const backlog of BACKLOGS) {
    // Cases whose cards wait (no messageTs yet), each with a reminder that waits for its card.
    const ids = await prisma.$queryRaw<{ id: number }[]>`
      INSERT INTO "Case" (category, priority, "orderId", description, source, "updatedAt")
      SELECT 'return', 'high', '114-' || g || '-0000001', 'Bench case', 'bench', now()
      FROM generate_series(${queued + 1}::int, ${backlog}::int) g
      RETURNING id`;
    await enqueue(
      prisma,
      ids.flatMap(({ id }) => [
        { kind: "post_card" as const, caseId: id, channelId: "C0CASES", bulk: true },
        { kind: "sla_reminder" as const, caseId: id, channelId: "C0CASES" },
      ]),
    );
    queued = backlog;
    await enqueue(prisma, [{ kind: "message", channelId: "C0DIGEST", message: { text: "digest", blocks: [] } }]);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const heads = await dueHeads(prisma, new Date(), [], 4);
      times.push(performance.now() - t);
      if (heads.length !== 2) throw new Error(`expected one message per channel, got ${heads.length}`);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${backlog} cards (and ${backlog} reminders) waiting, ${db.kind}: next message per channel in median ${percentile(times, 0.5).toFixed(1)} ms · p95 ${percentile(times, 0.95).toFixed(1)} ms`,
    );
  }
  await done();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
