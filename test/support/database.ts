// A fresh, migrated database per test file: PGlite (default) or a real PostgreSQL database
// created for the file and dropped afterwards (TEST_DB=postgres).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db.ts";

export const backend = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = {
  /** What the bot's config needs to open this database itself. */
  settings: { databaseUrl?: string; dataDir: string };
  open(): Promise<Database>;
  drop(): Promise<void>;
};

/** The settings a bot or a command-line tool needs to use this database. */
export function databaseEnv(testDb: TestDatabase): Record<string, string> {
  const { dataDir, databaseUrl } = testDb.settings;
  return { DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "aftersales-test-"));
  if (backend === "pglite") {
    const template = readFileSync(inject("pgliteTemplate"));
    const seeded = new PGlite(path.join(dataDir, "pglite"), { loadDataDir: new Blob([template]) });
    await seeded.close();
    return {
      settings: { dataDir },
      open: () => openDatabase({ dataDir }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `aftersales_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    settings: { databaseUrl, dataDir },
    open: () => openDatabase({ databaseUrl }),
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
