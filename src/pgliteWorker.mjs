// The embedded database's own thread: PGlite (PostgreSQL compiled to WebAssembly) and a socket
// server that speaks PostgreSQL's wire protocol. The bot connects with the same `pg` driver it
// uses for PostgreSQL, and the database work no longer runs on the thread that answers Slack.
// Plain JavaScript so it starts the same under tsx, vitest and plain Node.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dataDir, socketPath, templatePath } = workerData;

/** A new folder starts from the archive of an empty database when there is one (src/embeddedTemplate.ts). */
function startingPoint() {
  const fresh = !existsSync(dataDir) || readdirSync(dataDir).length === 0;
  if (!fresh || !templatePath || !existsSync(templatePath)) return {};
  return { loadDataDir: new Blob([readFileSync(templatePath)]) };
}

try {
  const db = await PGlite.create(dataDir, startingPoint());
  // PGlite runs one query at a time, and the server does not keep one connection's protocol
  // messages apart from another's: the bot uses a single connection (see src/db.ts). The spare
  // connections only let a reconnect in while a dropped one is still being cleaned up.
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 4 });
  await server.start();
  parentPort.on("message", async (message) => {
    if (message !== "close") return;
    try {
      await server.stop();
      if (!db.closed) await db.close();
      parentPort.postMessage({ closed: true });
    } catch (err) {
      parentPort.postMessage({ closed: false, error: String(err?.message ?? err) });
    }
    parentPort.close();
  });
  parentPort.postMessage({ ready: true });
} catch (err) {
  parentPort.postMessage({ ready: false, error: String(err?.message ?? err) });
  parentPort.close();
}
