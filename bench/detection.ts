// Benchmark: crisis detection on a new case with 200,000 cases stored: the return-wave check that
// runs as each case is stored, and the Order Defect Rate re-read that follows defect cases in the
// background (once per burst).
// Embedded PGlite by default; set DATABASE_URL=postgres://… to measure PostgreSQL.
//   npm run bench:detection

import { type CrisisSettings, DEFAULT_RISK_PHRASES } from "../src/domain/crisis.ts";
import { checkWave } from "../src/store/crisisAlerts.ts";
import { checkOdr, recordOrders } from "../src/store/odr.ts";
import { emptyBenchDatabase } from "./benchDatabase.ts";

const CASES = 200_000;
const settings: CrisisSettings = {
  channelId: "C0CRISIS",
  wave: { minCases: 5, windowHours: 24, multiplier: 3, baselineDays: 28, quietHours: 24 },
  odr: { alertPercent: 1, warningPercent: 0.8 },
  riskPhrases: DEFAULT_RISK_PHRASES,
};

const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(1)} ms · max ${s.at(-1)!.toFixed(1)} ms (${s.length} cases)`;
};

async function main() {
  const { db, done } = await emptyBenchDatabase("detect");
  const { prisma } = db;
  const now = new Date("2026-11-23T08:00:00Z");
  const t0 = performance.now();
  // 200,000 cases over 90 days: 2,000 ASINs, 9 marketplaces, every tenth a defect (review, claim, chargeback).
  await prisma.$executeRaw`
    INSERT INTO "Case" (category, priority, status, "orderId", asin, marketplace, description, source, "createdAt", "updatedAt")
    SELECT (ARRAY['return','refund','replacement','reshipment','complaint','a_to_z_claim','negative_review','chargeback','delivery_issue','other'])[1 + g % 10]::"Category",
           'normal', 'resolved', '114-' || lpad((g % 10000000)::text, 7, '0') || '-5762619', 'B0' || lpad((g % 2000)::text, 8, '0'),
           (ARRAY['US','CA','MX','UK','DE','FR','IT','ES','JP'])[1 + g % 9], 'Benchmark case', 'bench',
           ${now}::timestamp - make_interval(secs => (g::double precision / ${CASES}) * 90 * 86400), ${now}::timestamp
    FROM generate_series(1, ${CASES}) g`;
  await prisma.$executeRawUnsafe(`ANALYZE`);
  await recordOrders(prisma, { marketplace: "US", date: "2026-11-23", orders: 250_000, span: "60d" });
  console.log(`Seeded ${CASES} cases on ${db.kind} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const waveMs: number[] = [];
  const odrMs: number[] = [];
  for (let i = 0; i < 50; i++) {
    const c = await prisma.case.create({
      data: {
        category: "negative_review",
        priority: "high",
        orderId: `114-9${String(i).padStart(6, "0")}-5762619`,
        asin: `B0${String(i % 2000).padStart(8, "0")}`,
        marketplace: "US",
        description: "1 star",
        source: "bench",
        createdAt: now,
      },
    });
    let t = performance.now();
    await checkWave(prisma, c, now, settings);
    waveMs.push(performance.now() - t);
    t = performance.now();
    await checkOdr(prisma, "US", now, settings);
    odrMs.push(performance.now() - t);
  }
  console.log(`Crisis detection on a new case, ${CASES} cases stored, ${db.kind}:`);
  console.log(`  on the new case (return-wave check): ${summary(waveMs.slice(5))}`);
  console.log(`  in the background after defect cases (ODR re-read, alert active): ${summary(odrMs.slice(5))}`);
  await done();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
