// A team's own reply templates, from the file the setting TEMPLATES_FILE names: YAML, or JSON
// (which is YAML too). It is checked when the bot starts, and every problem is reported at once
// with its line, so whoever edits the file fixes it in one go instead of one restart per mistake.
import { isMap, isScalar, isSeq, type Node } from "yaml";
import { z } from "zod";
import { type Located, readLinedFile } from "./lineFile.ts";
import {
  PLACEHOLDERS,
  REPLY_LANGUAGES,
  REPLY_STAGES,
  type ReplyTemplate,
  unknownPlaceholders,
} from "./replyTemplates.ts";
import { CATEGORIES, keysOf } from "./vocabulary.ts";

export class TemplatesFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "TemplatesFileError";
  }
}

/** Amazon's buyer messages take a few thousand characters; a reply longer than this is a letter. */
/** Slack's text input takes 3,000 characters: room is left for the facts filled in. */
export const MAX_TEXT = 2800;
/** Titles are options in a Slack menu, which shows at most 75 characters. */
export const MAX_TITLE = 75;
const MAX_ID = 64;

const FIELDS = ["id", "title", "stage", "categories", "language", "text"];
const STAGE_LIST = Object.keys(REPLY_STAGES).join(", ");
const CATEGORY_LIST = Object.keys(CATEGORIES).join(", ");
const PLACEHOLDER_LIST = Object.keys(PLACEHOLDERS)
  .map((p) => `{${p}}`)
  .join(", ");

/** A field that must be text: says whether it is missing or of the wrong kind. */
const textField = (name: string, hint: string) =>
  z.string({
    error: (iss) => (iss.input === undefined ? `"${name}" is missing: ${hint}` : `"${name}" must be text: ${hint}`),
  });

const templateSchema = z.strictObject(
  {
    id: textField("id", "a short name such as size-exchange")
      .trim()
      .min(1, '"id" is empty: write a short name such as size-exchange')
      .max(MAX_ID, `"id" is longer than ${MAX_ID} characters`)
      .regex(/^[\w.-]+$/, '"id" may contain only letters, digits, "-", "_" and ".", like size-exchange'),
    title: textField("title", "what agents pick the template by")
      .trim()
      .min(1, '"title" is empty: write what agents pick the template by')
      .max(MAX_TITLE, `"title" is longer than ${MAX_TITLE} characters, which Slack's menus cannot show`),
    stage: z.enum(keysOf(REPLY_STAGES), { error: `"stage" must be one of ${STAGE_LIST}` }),
    categories: z
      .preprocess(
        (v) => (v === "all" ? undefined : v),
        z
          .array(
            z.enum(keysOf(CATEGORIES), {
              error: (iss) => `unknown case type ${JSON.stringify(iss.input)} in "categories"; use ${CATEGORY_LIST}`,
            }),
            { error: `"categories" must be "all" or a list of case types: ${CATEGORY_LIST}` },
          )
          .min(1, `"categories" is empty: write "all" or a list of case types`)
          .optional(),
      )
      .transform((v) => v ?? "all"),
    language: z
      .enum(REPLY_LANGUAGES as [string, ...string[]], {
        error: `"language" must be one of ${REPLY_LANGUAGES.join(", ")} (the languages of Amazon's marketplaces)`,
      })
      .default("en"),
    text: textField("text", "the reply to the buyer")
      .trim()
      .superRefine((text, ctx) => {
        if (text === "") ctx.addIssue({ code: "custom", message: '"text" is empty: write the reply to the buyer' });
        if (text.length > MAX_TEXT) {
          ctx.addIssue({
            code: "custom",
            message: `"text" is ${text.length.toLocaleString("en")} characters; keep it under ${MAX_TEXT.toLocaleString("en")}`,
          });
        }
        for (const placeholder of unknownPlaceholders(text)) {
          ctx.addIssue({
            code: "custom",
            message: `"text" uses the unknown placeholder ${placeholder}; the placeholders are ${PLACEHOLDER_LIST}`,
            params: { at: placeholder },
          });
        }
      }),
  },
  { error: `each template must be a mapping with ${FIELDS.join(", ")}` },
);

/** Reads and checks the file; every problem names the file's line, e.g. 'templates.yaml line 12: "stage" must be one of acknowledge, return_instructions, …'. */

export function parseTemplates(source: string, fileName: string): ReplyTemplate[] {
  const { doc, lineAt, lineOf, lineOfPath, fail } = readLinedFile(
    source,
    fileName,
    (lines) => new TemplatesFileError(lines),
  );

  const problems: Located[] = [];
  const base = listPath(doc.contents, problems, lineOf);
  if (!base) throw fail(problems);
  const list = base.length ? doc.getIn(base) : doc.contents;
  if (list === null || list === undefined) {
    if (problems.length > 0) throw fail(problems);
    return []; // "templates:" with every template removed
  }
  if (!isSeq(list)) {
    problems.push({
      line: lineOfPath(base),
      message: '"templates" must be a list of templates, each starting with "- id:"',
    });
    throw fail(problems);
  }

  const items = doc.toJS() as unknown;
  const parsed = z.array(templateSchema).safeParse(base.length ? (items as { templates: unknown }).templates : items);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const path = [...base, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      const item = doc.getIn(path, true);
      for (const key of issue.keys) {
        const pair = isMap(item) ? item.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
        const message = `unknown key "${key}"; a template has ${FIELDS.join(", ")}`;
        problems.push({ line: lineOf(pair?.key) ?? lineOfPath(path), message });
      }
    } else {
      const at = issue.code === "custom" ? (issue.params as { at?: string } | undefined)?.at : undefined;
      problems.push({
        line: (at && lineOfWithin(doc.getIn(path, true), at)) || lineOfPath(path),
        message: issue.message,
      });
    }
  }

  // The same id twice would make one template silently hide the other.
  const idLines = new Map<string, number>();
  list.items.forEach((_item, i) => {
    const id = doc.getIn([...base, i, "id"]);
    if (typeof id !== "string" || id.trim() === "") return;
    const line = lineOfPath([...base, i, "id"]);
    const first = idLines.get(id.trim());
    if (first === undefined) idLines.set(id.trim(), line);
    else
      problems.push({
        line,
        message: `the id "${id.trim()}" is used twice (first on line ${first}); give each template its own id`,
      });
  });

  if (problems.length > 0 || !parsed.success) throw fail(problems);
  return parsed.data;

  /** The line of a word inside a multi-line text, e.g. an unknown placeholder in a "text: |" block. */
  function lineOfWithin(node: unknown, word: string): number | undefined {
    const range = (node as Node | null | undefined)?.range;
    if (!range) return undefined;
    const offset = source.slice(range[0], range[1]).indexOf(word);
    return offset < 0 ? undefined : lineAt(range[0] + offset);
  }
}

/**
 * Where the list of templates is: the top level itself (a bare list) or under "templates:".
 * Undefined, with the problem noted, when the file has neither.
 */
function listPath(
  contents: unknown,
  problems: Located[],
  lineOf: (node: unknown) => number | undefined,
): PropertyKey[] | undefined {
  if (isSeq(contents)) return [];
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (key !== "templates") {
        problems.push({
          line: lineOf(pair.key) ?? 1,
          message: `unknown key ${JSON.stringify(String(key))}; the file has one key, "templates", with the list of templates`,
        });
      }
    }
    if (contents.has("templates")) return ["templates"];
    problems.push({ line: 1, message: 'the file has no "templates:" list' });
    return undefined;
  }
  const message =
    contents === null || contents === undefined
      ? 'the file is empty: write a "templates:" list'
      : 'the file must hold a "templates:" list of templates';
  problems.push({ line: 1, message });
  return undefined;
}
