// An empty, migrated database for a benchmark: embedded PGlite in a temporary directory, or the
// PostgreSQL database DATABASE_URL names (emptied first: it may hold an earlier run's data).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Database, openDatabase } from "../src/db.ts";

export async function emptyBenchDatabase(name: string): Promise<{ db: Database; done(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `aftersales-bench-${name}-`));
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
  await db.prisma.$executeRawUnsafe(
    `TRUNCATE "CaseTimer", "CaseEvent", "OutboxMessage", "DigestRun", "CrisisAlert", "OrderVolume", "RoutingRule", "Person", "Case" RESTART IDENTITY CASCADE`,
  );
  return {
    db,
    async done() {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
