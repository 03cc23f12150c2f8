// Run by `npm install` (postinstall): makes the archive of an empty embedded database that new
// data folders start from (see src/embeddedTemplate.ts). Failing here only makes the first start
// on a new folder slower, so it never fails the install.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { templatePath } from "../src/embeddedTemplate.ts";

async function main() {
  if (existsSync(templatePath)) return;
  const db = await PGlite.create();
  const archive = await db.dumpDataDir("gzip");
  await db.close();
  mkdirSync(path.dirname(templatePath), { recursive: true });
  writeFileSync(templatePath, Buffer.from(await archive.arrayBuffer()));
}

main().catch((err) => console.warn(`Could not prepare the embedded database's template: ${(err as Error).message}`));
