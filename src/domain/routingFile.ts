// A team's routing rules (who owns each case type), from the file the setting ROUTING_FILE names:
// YAML, or JSON (which is YAML too). It is checked when the bot starts, and every problem is
// reported at once with its line, so whoever edits the file fixes it in one go.
//
//   rules:
//     - type: a_to_z_claim
//       owners: [U0AAAAAA1, U0AAAAAA2]
//     - type: return
//       marketplace: DE          # optional: the rule holds in this marketplace only
//       owners: [U0BBBBBB1]
import { isMap, isScalar, isSeq } from "yaml";
import { z } from "zod";
import { MARKETPLACE_CODES, marketplaceCode } from "./amazon.ts";
import { type Located, readLinedFile } from "./lineFile.ts";
import { EVERY_MARKETPLACE, type RoutingRule } from "./routing.ts";
import { CATEGORIES, keysOf } from "./vocabulary.ts";

export class RoutingFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "RoutingFileError";
  }
}

const FIELD_LIST = "type, owners and (optionally) marketplace";
const CATEGORY_LIST = Object.keys(CATEGORIES).join(", ");
const MARKETPLACE_LIST = MARKETPLACE_CODES.join(", ");
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
const ID_HINT = "ids look like U012ABCDEF (a person's Slack profile → ⋯ → Copy member ID)";

const ruleSchema = z.strictObject(
  {
    type: z.enum(keysOf(CATEGORIES), {
      error: (iss) =>
        iss.input === undefined
          ? `"type" is missing: write the case type the rule is for; use ${CATEGORY_LIST}`
          : iss.input === null
            ? `"type" is empty: write the case type the rule is for; use ${CATEGORY_LIST}`
            : `unknown case type ${JSON.stringify(iss.input)} in "type"; use ${CATEGORY_LIST}`,
    }),
    marketplace: z
      .unknown()
      .optional()
      .transform((v, ctx): string => {
        if (v === undefined) return EVERY_MARKETPLACE;
        const code = typeof v === "string" ? marketplaceCode(v) : undefined;
        if (code) return code;
        ctx.issues.push({
          code: "custom",
          input: v,
          message:
            v === null || (typeof v === "string" && v.trim() === "")
              ? `"marketplace" is empty: write a marketplace code (${MARKETPLACE_LIST}), or leave the line out for every marketplace`
              : `unknown marketplace ${JSON.stringify(v)} in "marketplace"; use ${MARKETPLACE_LIST}, or leave it out for every marketplace`,
        });
        return z.NEVER;
      }),
    owners: z
      .array(
        z
          .string({
            error: (iss) => `"owners" has ${JSON.stringify(iss.input)}, which is not a Slack user id; ${ID_HINT}`,
          })
          .trim()
          .regex(SLACK_USER_ID, {
            error: (iss) => `"owners" has ${JSON.stringify(iss.input)}, which is not a Slack user id; ${ID_HINT}`,
          }),
        {
          error: (iss) =>
            iss.input === undefined
              ? `"owners" is missing: list the Slack user ids of the people who own the case type, like [U012ABCDEF]`
              : iss.input === null
                ? `"owners" is empty: list at least one Slack user id, like [U012ABCDEF]`
                : `"owners" must be a list of Slack user ids, like [U012ABCDEF, U034GHIJKL]`,
        },
      )
      .min(1, '"owners" is empty: list at least one Slack user id, like [U012ABCDEF]')
      // The same person twice would only get two turns in the rotation.
      .transform((ids) => [...new Set(ids)]),
  },
  { error: `each rule must be a mapping with ${FIELD_LIST}` },
);

/**
 * Reads and checks the file; the rules come back in file order, a rule without a marketplace as
 * EVERY_MARKETPLACE. Every problem names the file's line, e.g.
 * 'routing.yaml line 7: unknown case type "a_to_z" in "type"; use return, refund, …'.
 */
export function parseRoutingFile(source: string, path: string): RoutingRule[] {
  const { doc, lineOf, lineOfPath, fail } = readLinedFile(source, path, (lines) => new RoutingFileError(lines));

  const problems: Located[] = [];
  const contents = doc.contents;
  if (!isMap(contents)) {
    const message =
      contents === null || contents === undefined
        ? 'the file is empty: write a "rules:" list of routing rules'
        : 'the file must be a mapping with a "rules:" list of routing rules, each starting with "- type:"';
    throw fail([{ line: lineOf(contents) ?? 1, message }]);
  }
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (key !== "rules") {
      problems.push({
        line: lineOf(pair.key) ?? 1,
        message: `unknown field ${JSON.stringify(String(key))}; the file has one field, "rules", with the list of routing rules`,
      });
    }
  }
  if (!contents.has("rules")) {
    problems.push({ line: 1, message: 'the file has no "rules:" list of routing rules' });
    throw fail(problems);
  }
  const list = contents.get("rules", true);
  if (list === null || list === undefined || (isScalar(list) && list.value === null)) {
    if (problems.length > 0) throw fail(problems);
    return []; // "rules:" with every rule removed
  }
  if (!isSeq(list)) {
    problems.push({
      line: lineOfPath(["rules"]),
      message: '"rules" must be a list of routing rules, each starting with "- type:"',
    });
    throw fail(problems);
  }

  const parsed = z.array(ruleSchema).safeParse((doc.toJS() as { rules: unknown }).rules);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const path = ["rules", ...issue.path];
    if (issue.code === "unrecognized_keys") {
      const item = doc.getIn(path, true);
      for (const key of issue.keys) {
        const pair = isMap(item) ? item.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
        const message = `unknown field ${JSON.stringify(key)}; a rule has ${FIELD_LIST}`;
        problems.push({ line: lineOf(pair?.key) ?? lineOfPath(path), message });
      }
    } else {
      problems.push({ line: lineOfPath(path), message: issue.message });
    }
  }

  // Two rules for the same case type and marketplace would leave it to chance whose owners count.
  const firstRule = new Map<string, number>();
  list.items.forEach((item, i) => {
    const type = doc.getIn(["rules", i, "type"]);
    const given = doc.getIn(["rules", i, "marketplace"]);
    if (typeof type !== "string" || !Object.hasOwn(CATEGORIES, type)) return;
    const marketplace =
      given === undefined ? EVERY_MARKETPLACE : typeof given === "string" ? marketplaceCode(given) : undefined;
    if (marketplace === undefined) return;
    const key = `${type} ${marketplace}`;
    const line = lineOf(item) ?? lineOfPath(["rules", i]);
    const first = firstRule.get(key);
    if (first === undefined) firstRule.set(key, line);
    else {
      const where = marketplace === EVERY_MARKETPLACE ? "every marketplace" : marketplace;
      problems.push({
        line,
        message: `a second rule for ${type} in ${where} (the first is on line ${first}); put all its owners in one rule`,
      });
    }
  });

  if (problems.length > 0 || !parsed.success) throw fail(problems);
  return parsed.data.map((r) => ({ category: r.type, marketplace: r.marketplace, owners: r.owners }));
}
