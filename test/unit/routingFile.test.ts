// A team's routing rules (owners per case type), read from the file ROUTING_FILE names and checked at start.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EVERY_MARKETPLACE } from "../../src/domain/routing.ts";
import { parseRoutingFile, RoutingFileError } from "../../src/domain/routingFile.ts";
import { loadRoutingFile } from "../../src/teamFiles.ts";

const GOOD_YAML = `# Who owns each case type. Slack user ids (U… or W…); a marketplace code narrows a rule to it.
rules:
  - type: a_to_z_claim
    owners: [U0AAAAAA1, U0AAAAAA2]
  - type: chargeback
    owners: [U0AAAAAA1]
  - type: return
    marketplace: DE
    owners: [U0BBBBBB1]
`;

const GOOD_JSON = JSON.stringify(
  {
    rules: [
      { type: "a_to_z_claim", owners: ["U0AAAAAA1", "U0AAAAAA2"] },
      { type: "chargeback", owners: ["U0AAAAAA1"] },
      { type: "return", marketplace: "DE", owners: ["U0BBBBBB1"] },
    ],
  },
  null,
  2,
);

const GOOD_RULES = [
  { category: "a_to_z_claim", marketplace: EVERY_MARKETPLACE, owners: ["U0AAAAAA1", "U0AAAAAA2"] },
  { category: "chargeback", marketplace: EVERY_MARKETPLACE, owners: ["U0AAAAAA1"] },
  { category: "return", marketplace: "DE", owners: ["U0BBBBBB1"] },
];

/** The problems a file has, or a note that it had none. */
function problemsOf(source: string, fileName = "routing.yaml"): string[] {
  try {
    parseRoutingFile(source, fileName);
    return ["(no problems)"];
  } catch (error) {
    if (!(error instanceof RoutingFileError)) throw error;
    return error.problems;
  }
}

/** A file with one rule whose fields are the given lines, the rule starting on line 2. */
const oneRule = (...fields: string[]) => `rules:\n  - ${fields.join("\n    ")}\n`;

describe("reading a routing file", () => {
  it("reads YAML: rules in file order, a rule without a marketplace holding in every one", () => {
    expect(parseRoutingFile(GOOD_YAML, "routing.yaml")).toEqual(GOOD_RULES);
  });

  it("reads the same rules from JSON", () => {
    expect(parseRoutingFile(GOOD_JSON, "routing.json")).toEqual(parseRoutingFile(GOOD_YAML, "routing.yaml"));
  });

  it("lists each owner once, and takes a marketplace written in lower case", () => {
    const [rule] = parseRoutingFile(
      oneRule("type: refund", "marketplace: uk", "owners: [U0AAAAAA1, W0BBBBBB2, U0AAAAAA1]"),
      "r.yaml",
    );
    expect(rule).toEqual({ category: "refund", marketplace: "UK", owners: ["U0AAAAAA1", "W0BBBBBB2"] });
  });

  it("takes a type with a rule for every marketplace and others for single marketplaces", () => {
    const rules = parseRoutingFile(
      [
        "rules:",
        "  - type: return",
        "    owners: [U0AAAAAA1]",
        "  - type: return",
        "    marketplace: DE",
        "    owners: [U0BBBBBB1]",
        "  - type: return",
        "    marketplace: FR",
        "    owners: [U0BBBBBB1]",
      ].join("\n"),
      "r.yaml",
    );
    expect(rules.map((r) => r.marketplace)).toEqual([EVERY_MARKETPLACE, "DE", "FR"]);
  });

  it("reads a file whose rules were all removed as no rules", () => {
    expect(parseRoutingFile("rules: []\n", "r.yaml")).toEqual([]);
    expect(parseRoutingFile("# none yet\nrules:\n", "r.yaml")).toEqual([]);
  });

  it("reads the file from disk", () => {
    const dir = mkdtempSync(join(tmpdir(), "routing-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "routing.yaml");
    writeFileSync(path, GOOD_YAML);
    expect(loadRoutingFile(path)).toEqual(GOOD_RULES);
  });
});

describe("problems in a routing file", () => {
  it("names an unknown case type, its line and the valid ones", () => {
    const [problem] = problemsOf(
      `# Our owners\n\nrules:\n  - type: chargeback\n    owners: [U0AAAAAA1]\n\n  - type: a_to_z\n    owners: [U0AAAAAA1]\n`,
    );
    expect(problem).toBe(
      'routing.yaml line 7: unknown case type "a_to_z" in "type"; use return, refund, replacement, reshipment, complaint, a_to_z_claim, negative_review, chargeback, delivery_issue, other',
    );
  });

  it("names an unknown marketplace and lists the codes", () => {
    expect(problemsOf(oneRule("type: return", "marketplace: Germany", "owners: [U0AAAAAA1]"))).toEqual([
      'routing.yaml line 3: unknown marketplace "Germany" in "marketplace"; use US, CA, MX, UK, DE, FR, IT, ES, JP, or leave it out for every marketplace',
    ]);
    expect(problemsOf(oneRule("type: return", "marketplace:", "owners: [U0AAAAAA1]"))[0]).toMatch(
      /^routing\.yaml line 3: "marketplace" is empty/,
    );
  });

  it("names each owner that is not a Slack user id, on its own line", () => {
    const source = [
      "rules:",
      "  - type: return",
      "    owners:",
      "      - U0AAAAAA1",
      "      - anna",
      "      - u0lower1",
      "      - 42",
    ].join("\n");
    expect(problemsOf(source)).toEqual([
      'routing.yaml line 5: "owners" has "anna", which is not a Slack user id; ids look like U012ABCDEF (a person\'s Slack profile → ⋯ → Copy member ID)',
      'routing.yaml line 6: "owners" has "u0lower1", which is not a Slack user id; ids look like U012ABCDEF (a person\'s Slack profile → ⋯ → Copy member ID)',
      'routing.yaml line 7: "owners" has 42, which is not a Slack user id; ids look like U012ABCDEF (a person\'s Slack profile → ⋯ → Copy member ID)',
    ]);
  });

  it("wants owners: present, a list, and not empty", () => {
    expect(problemsOf(oneRule("type: return"))).toEqual([
      'routing.yaml line 2: "owners" is missing: list the Slack user ids of the people who own the case type, like [U012ABCDEF]',
    ]);
    expect(problemsOf(oneRule("type: return", "owners: U0AAAAAA1"))).toEqual([
      'routing.yaml line 3: "owners" must be a list of Slack user ids, like [U012ABCDEF, U034GHIJKL]',
    ]);
    expect(problemsOf(oneRule("type: return", "owners: []"))).toEqual([
      'routing.yaml line 3: "owners" is empty: list at least one Slack user id, like [U012ABCDEF]',
    ]);
    expect(problemsOf(oneRule("type: return", "owners:"))).toEqual([
      'routing.yaml line 3: "owners" is empty: list at least one Slack user id, like [U012ABCDEF]',
    ]);
  });

  it("wants a type", () => {
    expect(problemsOf(oneRule("marketplace: US", "owners: [U0AAAAAA1]"))[0]).toMatch(
      /^routing\.yaml line 2: "type" is missing: write the case type the rule is for; use return, refund/,
    );
  });

  it("names an unknown field and its line", () => {
    expect(problemsOf(oneRule("type: return", "owners: [U0AAAAAA1]", "owner: U0BBBBBB1"))).toEqual([
      'routing.yaml line 4: unknown field "owner"; a rule has type, owners and (optionally) marketplace',
    ]);
    expect(problemsOf(`team: returns\n${oneRule("type: return", "owners: [U0AAAAAA1]")}`)).toEqual([
      'routing.yaml line 1: unknown field "team"; the file has one field, "rules", with the list of routing rules',
    ]);
  });

  it("names both lines of two rules for the same case type and marketplace", () => {
    const source = [
      "rules:",
      "  - type: return",
      "    marketplace: DE",
      "    owners: [U0AAAAAA1]",
      "  - type: chargeback",
      "    owners: [U0AAAAAA1]",
      "  - type: return",
      "    marketplace: de",
      "    owners: [U0BBBBBB1]",
      "  - type: chargeback",
      "    owners: [U0BBBBBB1]",
    ].join("\n");
    expect(problemsOf(source)).toEqual([
      "routing.yaml line 7: a second rule for return in DE (the first is on line 2); put all its owners in one rule",
      "routing.yaml line 10: a second rule for chargeback in every marketplace (the first is on line 5); put all its owners in one rule",
    ]);
  });

  it("says what is wrong with a file that has no list of rules", () => {
    expect(problemsOf("")).toEqual(['routing.yaml line 1: the file is empty: write a "rules:" list of routing rules']);
    expect(problemsOf("# nothing yet\n")).toEqual([
      'routing.yaml line 1: the file is empty: write a "rules:" list of routing rules',
    ]);
    expect(problemsOf("- type: return\n  owners: [U0AAAAAA1]\n")).toEqual([
      'routing.yaml line 1: the file must be a mapping with a "rules:" list of routing rules, each starting with "- type:"',
    ]);
    expect(problemsOf("just some text\n")[0]).toMatch(/line 1: the file must be a mapping with a "rules:" list/);
    expect(problemsOf("owners: [U0AAAAAA1]\n")).toEqual([
      'routing.yaml line 1: unknown field "owners"; the file has one field, "rules", with the list of routing rules',
      'routing.yaml line 1: the file has no "rules:" list of routing rules',
    ]);
    expect(problemsOf("# owners\nrules: chargeback\n")).toEqual([
      'routing.yaml line 2: "rules" must be a list of routing rules, each starting with "- type:"',
    ]);
    expect(problemsOf("rules:\n  - chargeback\n")).toEqual([
      "routing.yaml line 2: each rule must be a mapping with type, owners and (optionally) marketplace",
    ]);
  });

  it("reports a file that is not valid YAML or JSON with its line", () => {
    const [problem] = problemsOf('rules:\n  - type: return\n    owners: ["U0AAAAAA1"\n', "routing.yaml");
    expect(problem).toMatch(/^routing\.yaml line \d+: /);
    expect(problemsOf('{"rules": [\n  {"type": "return", "owners": ["U0AAAAAA1"],}\n', "routing.json")[0]).toMatch(
      /^routing\.json line \d+: /,
    );
  });

  it("reports every problem at once, in the order of the file", () => {
    const source = [
      "rules:", // 1
      "  - type: a_to_z", // 2
      "    owners: [U0AAAAAA1]", // 3
      "  - type: return", // 4
      "    marketplace: XX", // 5
      "    owners: [bob]", // 6
      "    team: returns", // 7
      "  - type: chargeback", // 8
      "    owners: [U0AAAAAA1]", // 9
      "  - type: chargeback", // 10
      "    owners: []", // 11
    ].join("\n");
    const problems = problemsOf(source);
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "routing.yaml line 2",
      "routing.yaml line 5",
      "routing.yaml line 6",
      "routing.yaml line 7",
      "routing.yaml line 10",
      "routing.yaml line 11",
    ]);
    expect(problems[4]).toContain("the first is on line 8");
    let message = "";
    try {
      parseRoutingFile(source, "routing.yaml");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toEqual(problems);
  });

  it("says a file that cannot be read, with its path", () => {
    const path = join(tmpdir(), "no-such-dir-for-routing", "routing.yaml");
    expect(() => loadRoutingFile(path)).toThrow(
      `Cannot read the routing file ${path}: there is no such file (check ROUTING_FILE)`,
    );
    expect(() => loadRoutingFile(tmpdir())).toThrow(
      `Cannot read the routing file ${tmpdir()}: it is a folder, not a file`,
    );
    expect(() => loadRoutingFile(tmpdir())).toThrow(RoutingFileError);
  });
});
