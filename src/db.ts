// The database: embedded PGlite by default (zero setup), PostgreSQL when DATABASE_URL says so.
// Migrations are applied before the Prisma client is handed out.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { lockDataDir } from "./dataDirLock.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { applyMigrations } from "./migrations.ts";

/**
 * PGlite runs in this process and answers without real I/O, so a chain of queries never lets
 * Node read new requests. Awaiting this before database work lets waiting Slack requests be
 * acknowledged first (Slack gives up after 3 s).
 */
export const yieldToWaitingRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

export type Database = {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** Closes the connections; false when they did not close in time (see CLOSE_WAIT_MS). */
  close(): Promise<boolean>;
};

/**
 * How long closing waits for connections to be handed back. A connection cut while a query ran
 * (the server went down) may never be, and a stopping bot must not hang on it.
 */
const CLOSE_WAIT_MS = 5000;

async function closeWithin(ms: number, close: () => Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([close().then(() => true as const), gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}

// Cross-process lock id so two copies starting together do not migrate at once.
const MIGRATION_LOCK_ID = 7_270_736_901;

export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir?: string;
  pglite?: PGlite;
  /** Named in the embedded database's lock, for whoever finds the folder in use. */
  owner?: { command: string; port?: number };
}): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  if (opts.pglite) return usePglite(opts.pglite);
  const dataDir = path.resolve(opts.dataDir ?? "./data");
  mkdirSync(dataDir, { recursive: true }); // PGlite creates only the last directory
  // Taken before PGlite touches a file: a second process must not even open them.
  const lock = lockDataDir(dataDir, opts.owner ?? { command: process.argv.slice(1).join(" ") });
  try {
    return await usePglite(new PGlite(path.join(dataDir, "pglite")), lock.release);
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function usePglite(db: PGlite, release = () => {}): Promise<Database> {
  // PGlite learns the database's array types when it opens; types a migration just created (the
  // vocabulary enums) must be learnt again, or a parameter such as an enum array is sent garbled.
  if ((await applyMigrations(db)).length > 0) await db.refreshArrayTypes();
  // The adapter is typed against an older @prisma/driver-adapter-utils; at run time they match.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) as never });
  return {
    prisma,
    kind: "pglite",
    close: async () => {
      const closed = await closeWithin(CLOSE_WAIT_MS, async () => {
        await prisma.$disconnect();
        if (!db.closed) await db.close();
      });
      // Only a database that closed gives up its folder: one still writing keeps it.
      if (closed) release();
      return closed;
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await applyMigrations({
      exec: (sql) => client.query(sql),
      query: (sql, params) => client.query(sql, params) as never,
    });
  } finally {
    // The lock belongs to this session and ends with it (client.end below), so a failed unlock
    // only delays another starting copy by the time it takes to close; worth a warning, not a stop.
    await client
      .query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID])
      .catch((err) => process.emitWarning(`Could not release the migration lock: ${(err as Error).message}`));
    await client.end();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  return {
    prisma,
    kind: "postgres",
    close: () => closeWithin(CLOSE_WAIT_MS, () => prisma.$disconnect()),
  };
}
