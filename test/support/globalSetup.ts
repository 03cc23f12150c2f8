// Runs once per test run: prepares a migrated PGlite template that each test file copies
// (restoring a copy takes well under a second; creating and migrating a database takes seconds).
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/migrations.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const db = new PGlite();
  await applyMigrations(db);
  const dump = await db.dumpDataDir("none");
  await db.close();
  const file = path.join(tmpdir(), `aftersales-pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
}
