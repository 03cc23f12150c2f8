// Benchmark: the weekly triage digest computed over 200,000 stored cases.
// Embedded PGlite by default; set DATABASE_URL=postgres://… to measure PostgreSQL.
//   npm run bench:digest

import { digestPeriod } from "../src/domain/digest.ts";
import { triageReport } from "../src/store/triage.ts";
import { triageMessage } from "../src/views/triageReport.ts";
import { emptyBenchDatabase } from "./benchDatabase.ts";

const CASES = 200_000;
const DAYS = 56; // eight weeks of history

async function main() {
  const { db, done } = await emptyBenchDatabase("digest");
  const { prisma } = db;
  const end = new Date("2026-11-23T08:00:00Z");
  const t0 = performance.now();
  // Cases spread evenly over eight weeks: 500 ASINs, 12 agents, a fifth still open.
  await prisma.$executeRaw`
    INSERT INTO "Case" (category, priority, status, "orderId", asin, description, source, "createdAt", "updatedAt",
                        "responseDueAt", "firstReplyAt", "breachedAt", "ownerId", "resolvedAt", resolution, "resolutionAmount", "resolutionCurrency", "rootCause")
    SELECT (ARRAY['return','refund','replacement','reshipment','complaint','a_to_z_claim','negative_review','chargeback','delivery_issue','other'])[1 + g % 10]::"Category",
           (ARRAY['urgent','high','normal'])[1 + g % 3]::"Priority",
           (CASE WHEN g % 5 = 0 THEN 'new' WHEN g % 5 = 1 THEN 'claimed' ELSE 'resolved' END)::"CaseStatus",
           '114-' || lpad((g % 10000000)::text, 7, '0') || '-5762619',
           'B0' || lpad((g % 500)::text, 8, '0'),
           'Benchmark case', 'bench',
           c.created, c.created, c.created + interval '60 minutes',
           CASE WHEN g % 5 = 0 THEN NULL ELSE c.created + make_interval(mins => g % 120) END,
           CASE WHEN g % 5 <> 0 AND g % 120 > 60 THEN c.created + interval '60 minutes' END,
           CASE WHEN g % 5 = 0 THEN NULL ELSE 'U0AGENT' || (g % 12) END,
           CASE WHEN g % 5 >= 2 THEN c.created + make_interval(hours => g % 72) END,
           CASE WHEN g % 5 >= 2 THEN (ARRAY['refund','partial_refund','replacement','reshipment','return_accepted','coupon','repair','declined','appealed'])[1 + g % 9]::"Resolution" END,
           CASE WHEN g % 5 >= 2 AND g % 9 IN (0, 1, 5) THEN (g % 10000) / 100.0 END,
           CASE WHEN g % 5 >= 2 AND g % 9 IN (0, 1, 5) THEN (ARRAY['USD','EUR','GBP','JPY'])[1 + g % 4] END,
           CASE WHEN g % 5 >= 2 THEN (ARRAY['defect','not_as_described','wrong_item','damaged_in_transit','late_or_lost','buyer_remorse','suspected_abuse','other'])[1 + g % 8]::"RootCause" END
    FROM generate_series(1, ${CASES}) g,
         LATERAL (SELECT ${end}::timestamp - make_interval(secs => (g::double precision / ${CASES}) * ${DAYS} * 86400) AS created) c`;
  await prisma.$executeRawUnsafe(`ANALYZE`);
  console.log(
    `Seeded ${CASES} cases over ${DAYS} days on ${db.kind} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const period = digestPeriod(end);
  await triageReport(prisma, period); // warm-up
  const runs: number[] = [];
  let report: Awaited<ReturnType<typeof triageReport>> | undefined;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    report = await triageReport(prisma, period);
    triageMessage(report, { title: "Weekly triage", zone: "UTC", now: end });
    runs.push(performance.now() - t);
  }
  console.log(
    `Weekly digest over ${CASES} cases on ${db.kind}: ${runs.map((r) => `${r.toFixed(0)} ms`).join(", ")} (${report!.opened.count} opened in the week, ${report!.backlog.new + report!.backlog.claimed} open)`,
  );
  await done();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
