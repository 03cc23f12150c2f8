// Benchmark: /case find over 200,000 cases (each kind of key), and building an agent's Home tab
// when they hold 500 open cases (the queries and the Block Kit: the bot's time before
// views.publish). Targets: find p95 under 300 ms; Home under 300 ms.
// Embedded PGlite by default; set DATABASE_URL=postgres://… to measure PostgreSQL.
//   npm run bench:workspace

import { parseFindQuery } from "../src/domain/caseFind.ts";
import { findCases } from "../src/store/caseFind.ts";
import { homeData } from "../src/store/home.ts";
import { homeView } from "../src/views/homeTab.ts";
import { emptyBenchDatabase } from "./benchDatabase.ts";

const CASES = 200_000;
const AGENT = "U0BENCHAGENT";
const HELD = 500;
const ROUNDS = 20;
const NAMES = ["Jane Roe", "Max Mustermann", "王小明", "Erika Muster", "John Smith"];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms · p95 ${percentile(s, 95).toFixed(1)} ms · max ${s.at(-1)!.toFixed(1)} ms`;
};
async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

const { db, done } = await emptyBenchDatabase("workspace");
const t0 = performance.now();
const now = new Date("2026-11-27T12:00:00Z");
for (let i = 0; i < CASES; i += 5000) {
  await db.prisma.case.createMany({
    data: Array.from({ length: Math.min(5000, CASES - i) }, (_, j) => {
      const n = i + j;
      const held = n < HELD;
      return {
        category: (["return", "complaint", "refund", "a_to_z_claim"] as const)[n % 4],
        priority: "normal" as const,
        status: held ? ("claimed" as const) : n % 3 === 0 ? ("resolved" as const) : ("new" as const),
        ownerId: held ? AGENT : null,
        orderId: `114-${String(1000000 + n).padStart(7, "0")}-5762619`,
        asin: `B0${String(n % 5000).padStart(8, "0")}`,
        sku: `SKU-${n % 20000}`,
        buyerName: n % 1000 === 0 ? NAMES[(n / 1000) % NAMES.length] : `Buyer ${n}`,
        description: `Case ${n}: ${n % 50 === 0 ? "the zip broke on the second day" : "wants to return it"}`,
        source: "bench",
        externalId: `ws-${n}`,
        createdAt: new Date(now.getTime() - (CASES - n) * 60_000),
        responseDueAt: new Date(now.getTime() - (CASES - n) * 60_000 + 3_600_000),
      };
    }),
  });
}
console.log(`Seeded ${CASES} cases on ${db.kind} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const queries = {
  "order id": "114-1123456-5762619",
  ASIN: "B000001234",
  SKU: "SKU-4242",
  "case number": "AS-150000",
  "buyer name": "max mustermann",
  "Chinese buyer name": "王小明",
  "rare words": "zip broke",
  "common word": "return",
};
console.log(`/case find over ${CASES} cases, ${db.kind} (target p95 under 300 ms):`);
const all: number[] = [];
for (const [kind, text] of Object.entries(queries)) {
  const q = parseFindQuery(text);
  if ("error" in q) throw new Error(q.error.key);
  const ms: number[] = [];
  let total = 0;
  for (let r = 0; r < ROUNDS; r++)
    ms.push(
      await timed(async () => {
        total = (await findCases(db.prisma, q, { offset: 0, limit: 10 })).total;
      }),
    );
  all.push(...ms);
  console.log(`  ${kind.padEnd(20)} ${summary(ms)} (${total} matches)`);
}
console.log(`  all kinds            ${summary(all)}`);

for (const isLead of [false, true]) {
  const home: number[] = [];
  let blocks = 0;
  for (let r = 0; r < ROUNDS; r++)
    home.push(
      await timed(async () => {
        const data = await homeData(db.prisma, AGENT, now, isLead);
        blocks = homeView(data, { now, isLead }).blocks.length;
      }),
    );
  const who = isLead ? "a lead (with the team today)" : "an agent";
  console.log(
    `Home tab of ${who} holding ${HELD} open cases: ${summary(home)} (${blocks} blocks; target under 300 ms)`,
  );
}
await done();
