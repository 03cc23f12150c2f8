// The database: embedded PGlite by default (zero setup), PostgreSQL when DATABASE_URL says so.
// Both are reached through the same `pg` driver: PGlite runs in a worker thread behind a local
// socket (src/pgliteWorker.mjs), so its work never delays the thread that answers Slack.
// Migrations are applied before the Prisma client is handed out.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Config } from "./config.ts";
import { BOT_COMMAND, lockDataDir } from "./dataDirLock.ts";
import { templatePath } from "./embeddedTemplate.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { applyMigrations } from "./migrations.ts";

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
  /** Named in the embedded database's lock, for whoever finds the folder in use. */
  owner?: { command: string; port?: number };
}): Promise<Database> {
  if (opts.databaseUrl) {
    return openPostgres({ connectionString: opts.databaseUrl, max: 10 }, { kind: "postgres", shared: true });
  }
  const embedded = await openEmbedded(opts.dataDir, opts.owner);
  try {
    // PGlite serves one connection's messages at a time: the pool holds exactly one.
    const db = await openPostgres({ ...embedded.connection, max: 1 }, { kind: "pglite", shared: false });
    return {
      ...db,
      close: async () => {
        // Connections still held after the wait (a transaction cut off) are closed with the
        // database: the folder is released once PGlite itself has closed.
        const disconnected = await db.close();
        return (await embedded.close()) && disconnected;
      },
    };
  } catch (err) {
    await embedded.close().catch(() => false);
    throw err;
  }
}

/** Opens the database named in the settings, with the bot named as the data folder's owner. */
export function openBotDatabase(config: Config): Promise<Database> {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    owner: { command: BOT_COMMAND, port: config.port || undefined },
  });
}

type EmbeddedServer = { connection: pg.PoolConfig; stop(): Promise<void> };

/**
 * Takes the data folder and starts the embedded database on it. Also used by the Prisma
 * command line (prisma.config.ts), so it too goes through the folder's lock.
 */
export async function openEmbedded(
  dataDirSetting: string | undefined,
  owner = { command: process.argv.slice(1).join(" ") } as { command: string; port?: number },
): Promise<{ connection: pg.PoolConfig; close(): Promise<boolean> }> {
  const dataDir = path.resolve(dataDirSetting ?? "./data");
  mkdirSync(dataDir, { recursive: true }); // PGlite creates only the last directory
  // Taken before PGlite touches a file: a second process must not even open them.
  const lock = lockDataDir(dataDir, owner);
  let server: EmbeddedServer;
  try {
    server = await startEmbeddedServer(path.join(dataDir, "pglite"));
  } catch (err) {
    lock.release();
    throw err;
  }
  return {
    connection: server.connection,
    close: async () => {
      const closed = await closeWithin(CLOSE_WAIT_MS, server.stop);
      // Only a database that closed gives up its folder: one still writing keeps it.
      if (closed) lock.release();
      return closed;
    },
  };
}

const SOCKET_DIR_PREFIX = "aftersales-db-";

/** Socket folders left by processes that were killed (SIGKILL skips the tidy-up) are removed. */
function removeStaleSocketDirs() {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(name.startsWith(SOCKET_DIR_PREFIX) ? name.slice(SOCKET_DIR_PREFIX.length).split("-")[0] : NaN);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ESRCH") {
        rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
      }
    }
  }
}

/** Starts PGlite on its own thread, listening on a socket in a private temporary folder. */
async function startEmbeddedServer(pgliteDir: string): Promise<EmbeddedServer> {
  removeStaleSocketDirs();
  // A folder only this user can enter (mkdtemp makes it 0700): no one else reaches the database.
  // Its name carries the process id, so a later start can tell a killed process's folder.
  const socketDir = mkdtempSync(path.join(tmpdir(), `${SOCKET_DIR_PREFIX}${process.pid}-`));
  const port = 5432; // only names the socket file, as PostgreSQL's own clients expect it
  const worker = new Worker(new URL("./pgliteWorker.mjs", import.meta.url), {
    workerData: { dataDir: pgliteDir, socketPath: path.join(socketDir, `.s.PGSQL.${port}`), templatePath },
  });
  const reply = (want: "ready" | "closed") =>
    new Promise<void>((resolve, reject) => {
      const onMessage = (m: { ready?: boolean; closed?: boolean; error?: string }) => {
        if (!(want in m)) return;
        worker.off("message", onMessage);
        if (m[want]) resolve();
        else reject(new Error(`The embedded database could not ${want === "ready" ? "start" : "close"}: ${m.error}`));
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
      worker.once("exit", () => reject(new Error("The embedded database stopped unexpectedly")));
    });
  // Said once, in the log; queries then fail and /healthz answers 503 until the bot is restarted.
  worker.on("error", (err) => console.error(`The embedded database stopped with an error: ${err.message}`));
  const removeSocketDir = () => rmSync(socketDir, { recursive: true, force: true });
  // A process that exits without closing (a command-line tool, an uncaught error) still tidies up.
  process.once("exit", removeSocketDir);
  try {
    await reply("ready");
  } catch (err) {
    await worker.terminate();
    removeSocketDir();
    throw err;
  }
  let stopping: Promise<void> | undefined;
  return {
    connection: { host: socketDir, port, user: "postgres", database: "postgres" },
    stop: () => {
      stopping ??= (async () => {
        const closed = reply("closed");
        worker.postMessage("close");
        await closed;
        removeSocketDir();
        process.off("exit", removeSocketDir);
      })();
      return stopping;
    },
  };
}

async function openPostgres(
  config: pg.PoolConfig,
  { kind, shared }: { kind: Database["kind"]; shared: boolean },
): Promise<Database> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    // Copies sharing a server must not migrate at once; the embedded database has one owner.
    if (shared) await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await applyMigrations({
      exec: (sql) => client.query(sql),
      query: (sql, params) => client.query(sql, params) as never,
    });
  } finally {
    // The lock belongs to this session and ends with it (client.end below), so a failed unlock
    // only delays another starting copy by the time it takes to close; worth a warning, not a stop.
    if (shared) {
      await client
        .query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID])
        .catch((err) => process.emitWarning(`Could not release the migration lock: ${(err as Error).message}`));
    }
    await client.end();
  }
  const pool = new ClosingPool(config);
  // Errors of idle connections (the server went away) surface on the next query instead.
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let closing: Promise<boolean> | undefined;
  return {
    prisma,
    kind,
    // Closing twice (a test, then the bot's own stop) waits for the same close.
    close: () =>
      (closing ??= closeWithin(CLOSE_WAIT_MS, async () => {
        await prisma.$disconnect();
        await pool.end();
      })),
  };
}

/**
 * A pool that, when closed, fails the queries still waiting for a connection. pg's own pool
 * leaves them waiting forever, and with the embedded database's single connection a query is
 * often waiting: a request or job would then hang instead of reporting the database closed.
 */
class ClosingPool extends pg.Pool {
  override end(): Promise<void> {
    const waiting = (this as unknown as { _pendingQueue?: { callback(err: Error): void }[] })._pendingQueue ?? [];
    for (const item of waiting.splice(0)) item.callback(new Error("The database connection is closed"));
    return super.end();
  }
}
