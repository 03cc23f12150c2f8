// A team's YAML or JSON file read with its lines, so every problem found in it can name the line
// to fix: shared by the reply templates (templatesFile.ts) and the routing rules (routingFile.ts).
import { type Document, LineCounter, type Node, parseDocument } from "yaml";

export type Located = { line: number; message: string };

export type LinedFile = {
  doc: Document.Parsed;
  /** The line of a character offset in the file. */
  lineAt(offset: number): number;
  /** The line a node starts on, if it is in the file. */
  lineOf(node: unknown): number | undefined;
  /** The line of the deepest node on the path that exists: for a missing field, its entry's. */
  lineOfPath(path: readonly PropertyKey[]): number;
  /** The problems as one error, in line order, each "<file> line N: …". */
  fail(problems: Located[]): Error;
};

/**
 * Parses the file; a file that is not valid YAML cannot be trusted past its mistakes, so only
 * those are reported (thrown at once).
 */
export function readLinedFile(source: string, fileName: string, makeError: (lines: string[]) => Error): LinedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => Math.max(1, lineCounter.linePos(offset).line);
  const fail = (problems: Located[]) =>
    makeError([...problems].sort((a, b) => a.line - b.line).map((p) => `${fileName} line ${p.line}: ${p.message}`));
  if (doc.errors.length > 0)
    throw fail(doc.errors.map((e) => ({ line: lineAt(e.pos[0]), message: firstLine(e.message) })));
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as Node | null | undefined)?.range;
    return range ? lineAt(range[0]) : undefined;
  };
  const lineOfPath = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n > 0; n--) {
      const line = lineOf(doc.getIn(path.slice(0, n), true));
      if (line !== undefined) return line;
    }
    return lineOf(doc.contents) ?? 1;
  };
  return { doc, lineAt, lineOf, lineOfPath, fail };
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/[.:]?\s*$/, "");
}
