// Benchmark: what routing adds to storing a case. 50,000 cases on file, 200 still open and held
// by the team (about 33 each, above the overload line a triage would flag), then new cases stored
// through createCase three ways, taking turns so that all three see the same machine: A-to-z
// claims without routing, with routing but no rule for their marketplace (DE), and routed by the
// US rule of five owners (assign mode). The rotation counts its owners' open cases, so its cost
// grows with them (OPEN_PER_OWNER to try more).
// Embedded PGlite by default; set DATABASE_URL=postgres://… to measure PostgreSQL.
//   npm run bench:routing

import { type CrisisSettings, DEFAULT_RISK_PHRASES } from "../src/domain/crisis.ts";
import type { ClockSettings } from "../src/domain/responseClock.ts";
import { DEFAULT_ROUTING, type Routing } from "../src/domain/routing.ts";
import { createCase } from "../src/store/cases.ts";
import { routingRules, saveRules } from "../src/store/routing.ts";
import { emptyBenchDatabase } from "./benchDatabase.ts";

const clock: ClockSettings = { slaMinutes: { urgent: 60, high: 60, normal: 60 }, warningMinutes: 15, stalledDays: 5 };
const CASES = 50_000;
const OPEN = Number(process.env.OPEN_PER_OWNER ?? 33) * 6;
const RUNS = 300;
const OWNERS = ["U0OWNER1", "U0OWNER2", "U0OWNER3", "U0OWNER4", "U0OWNER5"];
const crisis: CrisisSettings = {
  channelId: "C0CRISIS",
  wave: { minCases: 5, windowHours: 24, multiplier: 3, baselineDays: 28, quietHours: 24 },
  odr: { alertPercent: 1, warningPercent: 0.8 },
  riskPhrases: DEFAULT_RISK_PHRASES,
};

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const line = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(2)} ms · p95 ${pct(s, 95).toFixed(2)} ms`;
};

async function main() {
  const { db, done } = await emptyBenchDatabase("routing");
  const { prisma } = db;
  const now = new Date("2026-11-27T08:00:00Z");
  await prisma.$executeRaw`
    INSERT INTO "Case" (category, priority, status, "ownerId", "orderId", description, source, "createdAt", "updatedAt")
    SELECT 'a_to_z_claim', 'urgent', CASE WHEN g <= ${OPEN} THEN 'claimed' ELSE 'resolved' END::"CaseStatus",
           (ARRAY['U0OWNER1','U0OWNER2','U0OWNER3','U0OWNER4','U0OWNER5','U0OTHER'])[1 + g % 6],
           '114-' || lpad(g::text, 7, '0') || '-5762619', 'Benchmark case', 'bench',
           ${now}::timestamp - make_interval(secs => g), ${now}::timestamp
    FROM generate_series(1, ${CASES}) g`;
  await prisma.$executeRawUnsafe("ANALYZE");
  let seq = 0;
  let routing: Routing = { ...DEFAULT_ROUTING, rules: [], mayWork: () => true };
  const store = async (marketplace: "US" | "DE", routed: boolean) => {
    seq++;
    const t = performance.now();
    await createCase(
      prisma,
      {
        category: "a_to_z_claim",
        marketplace,
        orderId: `114-9${String(seq).padStart(6, "0")}-5762619`,
        description: "Claim",
        source: "bench",
        currency: undefined,
      },
      {
        channelId: "C0CASES",
        now,
        clock,
        crisis,
        logger: console,
        ...(routed ? { routing } : {}),
      },
    );
    return performance.now() - t;
  };
  const plain: number[] = [];
  const noRule: number[] = [];
  const routed: number[] = [];
  for (let i = 0; i < 20; i++) await store("US", i % 2 === 0); // warm-up
  await saveRules(prisma, "US", { a_to_z_claim: OWNERS }, null);
  // The bot keeps the rules in memory (read at start and after a change).
  routing = { ...routing, rules: await routingRules(prisma) };
  for (let i = 0; i < RUNS; i++) {
    plain.push(await store("US", false));
    noRule.push(await store("DE", true));
    routed.push(await store("US", true));
  }
  const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];
  console.log(`Storing a case on ${db.kind}, ${CASES} cases on file (${OPEN} open), ${RUNS} each:`);
  console.log(`  without routing          ${line(plain)}`);
  console.log(`  no rule for it           ${line(noRule)}`);
  console.log(`  routed (5 owners)        ${line(routed)}`);
  console.log(
    `  routing adds (median)    ${(median(routed) - median(plain)).toFixed(2)} ms routed, ${(median(noRule) - median(plain)).toFixed(2)} ms without a rule`,
  );
  await done();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
