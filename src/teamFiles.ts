// Files the team's settings name, read once at start: the reply templates (TEMPLATES_FILE) and the
// routing rules (ROUTING_FILE). Reading is here; what a file must contain is checked in
// domain/templatesFile.ts and domain/routingFile.ts.
import { readFileSync } from "node:fs";
import type { ReplyTemplate } from "./domain/replyTemplates.ts";
import type { RoutingRule } from "./domain/routing.ts";
import { parseRoutingFile, RoutingFileError } from "./domain/routingFile.ts";
import { parseTemplates, TemplatesFileError } from "./domain/templatesFile.ts";

/** Reads and checks the file; every problem names the file's line. */
export function loadTemplatesFile(path: string): ReplyTemplate[] {
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch (error) {
    throw new TemplatesFileError([`Cannot read the templates file ${path}: ${readFailure(error, "TEMPLATES_FILE")}`]);
  }
  return parseTemplates(source, path);
}

/** Reads and checks the routing rules; every problem names the file's line. */
export function loadRoutingFile(path: string): RoutingRule[] {
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch (error) {
    throw new RoutingFileError([`Cannot read the routing file ${path}: ${readFailure(error, "ROUTING_FILE")}`]);
  }
  return parseRoutingFile(source, path);
}

/** Why a file could not be read; `setting` is the one that names it. */
function readFailure(error: unknown, setting: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `there is no such file (check ${setting})`;
  if (code === "EACCES" || code === "EPERM") return "the bot is not allowed to read it";
  if (code === "EISDIR") return "it is a folder, not a file";
  return error instanceof Error ? error.message : String(error);
}
