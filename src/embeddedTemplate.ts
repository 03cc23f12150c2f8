// A freshly initialised, empty embedded database, kept as an archive made once at install time
// (npm install runs scripts/prepare-embedded-database.ts). PGlite takes about two seconds to
// initialise a new data folder and well under one to unpack this archive, so a bot started on an
// empty folder answers within its start-up target. Without the archive PGlite initialises the
// folder itself, as before.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pgliteVersion: string = JSON.parse(
  readFileSync(path.join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8"),
).version;

/** Named after the PGlite version: a folder initialised by another version would not open. */
export const templatePath = path.join(root, `node_modules/.cache/aftersales-bot/pglite-${pgliteVersion}-empty.tar.gz`);
