// One process at a time on the embedded database. PGlite keeps its data in files that a second
// process would overwrite without a word (cases confirmed to one caller silently lost), so the
// data folder carries a lock file naming its holder. A lock left by a process that is gone (a
// crash, SIGKILL) is taken over; one held by a running process stops the second one at once.
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/** Who holds the data folder, as written in its lock file. */
export type LockHolder = {
  pid: number;
  host: string;
  /** The process's start time as the system counts it: tells a reused pid from the holder. */
  processStart: string | null;
  since: string;
  /** What runs, e.g. "npm start"; `port` is where a running bot answers (the import hands files to it). */
  command: string;
  port?: number;
};

export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const where = holder.port ? `, port ${holder.port}` : "";
    super(
      `The data folder ${dataDir} is in use by another process: pid ${holder.pid} (${holder.command}${where}) on ${holder.host}, since ${holder.since}. ` +
        "The embedded database allows one process at a time: stop that process first, or set DATABASE_URL to a PostgreSQL database to run several copies. " +
        `If no such process is running, delete ${lockFile(dataDir)}.`,
    );
  }
}

export const lockFile = (dataDir: string) => path.join(dataDir, "pglite.lock");

/** How the bot names itself in the lock: `npm run import` hands its file to a holder named so. */
export const BOT_COMMAND = "npm start";

/** The start time of a process (field 22 of /proc/<pid>/stat); null where the system does not say. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may contain spaces: count after it.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isRunning(holder: LockHolder): boolean {
  // A lock from another machine (a shared folder) cannot be checked: it is taken as held.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  // The pid runs, but it may be another process that got the crashed holder's number.
  const start = processStart(holder.pid);
  return !(start && holder.processStart && start !== holder.processStart);
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockHolder;
  } catch {
    return undefined; // gone, or written by a process that died half-way: nobody holds it
  }
}

export type DataDirLock = { holder: LockHolder; release(): void };

/**
 * Takes the data folder for this process, or throws DataDirInUse naming the process that has it.
 * The lock is written aside and linked into place, which fails when the file exists: of two
 * processes starting together exactly one wins, and nobody ever reads a half-written lock.
 */
export function lockDataDir(dataDir: string, about: { command: string; port?: number }): DataDirLock {
  const file = lockFile(dataDir);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    processStart: processStart(process.pid),
    since: new Date().toISOString(),
    ...about,
  };
  const written = `${file}.${process.pid}.new`;
  const fd = openSync(written, "w");
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(written, file);
        return { holder, release: () => releaseIfOurs(file, holder) };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      const current = readHolder(file);
      if (current && isRunning(current)) throw new DataDirInUse(dataDir, current);
      takeOverStale(file, current);
    }
  } finally {
    unlinkSync(written);
  }
  const current = readHolder(file);
  throw new DataDirInUse(dataDir, current ?? { ...holder, pid: 0, command: "unknown" });
}

/**
 * Moves a stale lock aside. Moving is atomic, so of two processes taking over together one moves
 * it; should the moved file turn out to be a fresh lock (the other process was quicker), it is put
 * back and this process tries again, finding it held.
 */
function takeOverStale(file: string, stale: LockHolder | undefined) {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return; // someone else moved it
    throw err;
  }
  const moved = readHolder(aside);
  if (moved && stale && (moved.pid !== stale.pid || moved.since !== stale.since)) {
    try {
      linkSync(aside, file);
    } catch {
      // A third process holds the folder now; the next attempt finds it.
    }
  }
  unlinkSync(aside);
}

function releaseIfOurs(file: string, holder: LockHolder) {
  const current = readHolder(file);
  if (current?.pid === holder.pid && current.since === holder.since) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  }
}
