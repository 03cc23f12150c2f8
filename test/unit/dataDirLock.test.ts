import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirInUse, lockDataDir, lockFile } from "../../src/dataDirLock.ts";

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "aftersales-lock-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the data folder lock", () => {
  it("lets one holder in at a time, naming it to the next, until it lets go", () => {
    const dir = freshDir();
    const lock = lockDataDir(dir, { command: "npm start", port: 3000 });
    expect(JSON.parse(readFileSync(lockFile(dir), "utf8"))).toMatchObject({ pid: process.pid, port: 3000 });
    expect(() => lockDataDir(dir, { command: "npm run import" })).toThrow(DataDirInUse);
    expect(() => lockDataDir(dir, { command: "npm run import" })).toThrow(/pid \d+ \(npm start, port 3000\)/);
    lock.release();
    lockDataDir(dir, { command: "npm run import" }).release();
  });

  it("takes over a lock whose process is gone", () => {
    const dir = freshDir();
    const gone = {
      pid: 2 ** 22 + 7,
      host: hostname(),
      processStart: "1",
      since: "2026-11-01T00:00:00Z",
      command: "npm start",
    };
    writeFileSync(lockFile(dir), JSON.stringify(gone));
    const lock = lockDataDir(dir, { command: "npm start" });
    expect(lock.holder.pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a lock whose pid now belongs to another process", () => {
    const dir = freshDir();
    // This very pid, but a process that started at another time: the holder crashed, the pid was reused.
    const reused = {
      pid: process.pid,
      host: hostname(),
      processStart: "0",
      since: "2026-11-01T00:00:00Z",
      command: "npm start",
    };
    writeFileSync(lockFile(dir), JSON.stringify(reused));
    expect(lockDataDir(dir, { command: "npm start" }).holder.since).not.toBe(reused.since);
  });

  it("leaves a lock from another machine alone", () => {
    const dir = freshDir();
    const elsewhere = {
      pid: 1,
      host: `${hostname()}-other`,
      processStart: null,
      since: "2026-11-01T00:00:00Z",
      command: "npm start",
    };
    writeFileSync(lockFile(dir), JSON.stringify(elsewhere));
    expect(() => lockDataDir(dir, { command: "npm start" })).toThrow(/delete .*pglite\.lock/);
  });
});
