// Files the team's settings name, read once at start: the reply templates (TEMPLATES_FILE).
// Reading is here; what a file must contain is checked in domain/templatesFile.ts.
import { readFileSync } from "node:fs";
import type { ReplyTemplate } from "./domain/replyTemplates.ts";
import { parseTemplates, TemplatesFileError } from "./domain/templatesFile.ts";

/** Reads and checks the file; every problem names the file's line. */
export function loadTemplatesFile(path: string): ReplyTemplate[] {
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch (error) {
    throw new TemplatesFileError([`Cannot read the templates file ${path}: ${readFailure(error)}`]);
  }
  return parseTemplates(source, path);
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "there is no such file (check TEMPLATES_FILE)";
  if (code === "EACCES" || code === "EPERM") return "the bot is not allowed to read it";
  if (code === "EISDIR") return "it is a folder, not a file";
  return error instanceof Error ? error.message : String(error);
}
