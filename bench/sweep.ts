// Benchmark: one deadline sweep over 100,000 open cases of which 1,000 are past their deadline.
// Embedded PGlite by default; set DATABASE_URL=postgres://… to measure PostgreSQL.
//   npm run bench:sweep

import { offerAgain } from "../src/store/routing.ts";
import { fireDueTimers } from "../src/store/timers.ts";
import { emptyBenchDatabase } from "./benchDatabase.ts";

const OPEN_CASES = 100_000;
const DUE = 1_000;

async function main() {
  const { db, done } = await emptyBenchDatabase("sweep");
  const { prisma } = db;
  const now = new Date("2026-11-26T12:00:00Z");
  const t0 = performance.now();
  // Cases opened over the last 50 minutes; the first 1,000 are already past a one-hour deadline.
  await prisma.$executeRaw`
    INSERT INTO "Case" (category, priority, status, "orderId", description, source, "createdAt", "updatedAt", "responseDueAt", "messageTs", "channelId")
    SELECT 'refund', 'high', 'new', '114-' || lpad((g % 10000000)::text, 7, '0') || '-5762619', 'Benchmark case', 'bench',
           ${now}::timestamp - make_interval(mins => CASE WHEN g <= ${DUE} THEN 70 ELSE 50 END),
           ${now}::timestamp,
           ${now}::timestamp + make_interval(mins => CASE WHEN g <= ${DUE} THEN -10 ELSE 10 END),
           '1700000000.' || lpad(g::text, 6, '0'), 'C0CASES'
    FROM generate_series(1, ${OPEN_CASES}) g`;
  await prisma.$executeRaw`
    INSERT INTO "CaseTimer" ("caseId", kind, "fireAt", status)
    SELECT id, 'response_breach', "responseDueAt", 'pending' FROM "Case"
    UNION ALL SELECT id, 'response_warning', "responseDueAt" - interval '15 minutes', CASE WHEN id <= ${DUE} THEN 'fired' ELSE 'pending' END FROM "Case" WHERE id > ${DUE}
    UNION ALL SELECT id, 'amazon_warning', "createdAt" + interval '12 hours', 'pending' FROM "Case"
    UNION ALL SELECT id, 'amazon_due', "createdAt" + interval '24 hours', 'pending' FROM "Case"`;
  await prisma.$executeRawUnsafe(`ANALYZE`);
  const timers = await prisma.caseTimer.count({ where: { status: "pending" } });
  console.log(
    `Seeded ${OPEN_CASES} open cases and ${timers} pending timers on ${db.kind} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const channels = { casesChannel: "C0CASES", escalationChannel: "C0ESCAL" };
  // Warm the query paths once with a sweep that finds nothing (the usual case every 30 s).
  const before = new Date(now.getTime() - 3_600_000);
  await fireDueTimers(prisma, before, channels);
  let t = performance.now();
  await fireDueTimers(prisma, before, channels);
  const idleMs = performance.now() - t;

  t = performance.now();
  const fired = await fireDueTimers(prisma, now, channels);
  const sweepMs = performance.now() - t;
  // Every sweep also looks for routed cases unanswered at their reminder (none routed here).
  t = performance.now();
  await offerAgain(prisma, now, () => true, console);
  const offerMs = performance.now() - t;
  const outbox = await prisma.outboxMessage.count();
  console.log(`Deadline sweep on ${db.kind}, ${OPEN_CASES} open cases:`);
  console.log(`  nothing due: ${idleMs.toFixed(1)} ms`);
  console.log(
    `  ${fired.length} due: ${sweepMs.toFixed(1)} ms (claimed ${fired.length} timers, marked breaches, queued ${outbox} Slack messages)`,
  );
  console.log(`  routed cases to hand off at their reminder: ${offerMs.toFixed(1)} ms`);

  await done();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
