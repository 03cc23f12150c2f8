// A team's own reply templates, read from the file TEMPLATES_FILE names and checked at start.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SHIPPED_TEMPLATES } from "../../src/domain/replyTemplates.ts";
import { parseTemplates, TemplatesFileError } from "../../src/domain/templatesFile.ts";
import { loadTemplatesFile } from "../../src/teamFiles.ts";

const GOOD_YAML = `# Our own wording
templates:
  - id: size-exchange
    title: Offer a bigger size
    stage: replacement_sent
    categories: [return, replacement]
    text: |
      Hello {buyer},

      We have sent you {product} in the next size up for order {order_id}.

      Kind regards,
      {seller}
  - id: acknowledge
    title: Wir kümmern uns
    stage: acknowledge
    language: de
    text: "Hallo {buyer}, danke für Ihre Nachricht zur Bestellung {order_id}. Ihre Referenz: {case_number}"
`;

/** The problems a file has, or a note that it had none. */
function problemsOf(source: string, fileName = "templates.yaml"): string[] {
  try {
    parseTemplates(source, fileName);
    return ["(no problems)"];
  } catch (error) {
    if (!(error instanceof TemplatesFileError)) throw error;
    return error.problems;
  }
}

/** A file with one template whose fields are the given lines, the template starting on line 2. */
const oneTemplate = (...fields: string[]) => `templates:\n  - ${fields.join("\n    ")}\n`;
const VALID = ["id: a", "title: A", "stage: acknowledge", "text: Hello {buyer}"];

describe("reading a templates file", () => {
  it("reads YAML, with categories and language defaulting to all and English", () => {
    expect(parseTemplates(GOOD_YAML, "templates.yaml")).toEqual([
      {
        id: "size-exchange",
        title: "Offer a bigger size",
        stage: "replacement_sent",
        categories: ["return", "replacement"],
        language: "en",
        text: "Hello {buyer},\n\nWe have sent you {product} in the next size up for order {order_id}.\n\nKind regards,\n{seller}",
      },
      {
        id: "acknowledge",
        title: "Wir kümmern uns",
        stage: "acknowledge",
        categories: "all",
        language: "de",
        text: "Hallo {buyer}, danke für Ihre Nachricht zur Bestellung {order_id}. Ihre Referenz: {case_number}",
      },
    ]);
  });

  it("reads JSON, as an object with templates or a bare list", () => {
    expect(parseTemplates(JSON.stringify({ templates: SHIPPED_TEMPLATES }, null, 2), "t.json")).toEqual(
      SHIPPED_TEMPLATES,
    );
    expect(parseTemplates(JSON.stringify(SHIPPED_TEMPLATES), "t.json")).toEqual(SHIPPED_TEMPLATES);
  });

  it("reads a bare YAML list", () => {
    expect(parseTemplates(`- ${VALID.join("\n  ")}\n`, "t.yaml")).toHaveLength(1);
  });

  it("reads a list with every template removed as no templates", () => {
    expect(parseTemplates("templates:\n", "t.yaml")).toEqual([]);
    expect(parseTemplates("templates: []\n", "t.yaml")).toEqual([]);
  });

  it("trims the text and title", () => {
    const [t] = parseTemplates(
      oneTemplate("id: a", "title: '  A  '", "stage: acknowledge", "text: |\n      Hi\n"),
      "t",
    );
    expect([t.title, t.text]).toEqual(["A", "Hi"]);
  });

  it("reads the file from disk", () => {
    const dir = mkdtempSync(join(tmpdir(), "templates-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "templates.yaml");
    writeFileSync(path, GOOD_YAML);
    expect(loadTemplatesFile(path).map((t) => t.id)).toEqual(["size-exchange", "acknowledge"]);
  });
});

describe("problems in a templates file", () => {
  it("names a stage that does not exist, on its line", () => {
    expect(problemsOf(oneTemplate("id: a", "title: A", "stage: thank_you", "text: Hi"))).toEqual([
      'templates.yaml line 4: "stage" must be one of acknowledge, return_instructions, partial_refund_offer, replacement_sent, carrier_contacted, claim_acknowledged',
    ]);
  });

  it("names a missing field on its template's line", () => {
    expect(problemsOf(oneTemplate("id: a", "stage: acknowledge", "text: Hi"))).toEqual([
      'templates.yaml line 2: "title" is missing: what agents pick the template by',
    ]);
  });

  it("names an unknown placeholder on the line it is written", () => {
    const file = oneTemplate(
      "id: a",
      "title: A",
      "stage: acknowledge",
      "text: |\n      Hello {buyer},\n      your {item}\n",
    );
    expect(problemsOf(file)).toEqual([
      'templates.yaml line 7: "text" uses the unknown placeholder {item}; the placeholders are {buyer}, {order_id}, {product}, {amount}, {case_number}, {seller}',
    ]);
  });

  it("names an unknown case type on its line", () => {
    const file = oneTemplate(
      "id: a",
      "title: A",
      "stage: acknowledge",
      "categories:\n      - return\n      - refunds",
      "text: Hi",
    );
    expect(problemsOf(file)).toEqual([
      'templates.yaml line 7: unknown case type "refunds" in "categories"; use return, refund, replacement, reshipment, complaint, a_to_z_claim, negative_review, chargeback, delivery_issue, other',
    ]);
  });

  it("refuses categories that are neither all nor a list", () => {
    expect(problemsOf(oneTemplate(...VALID, "categories: some"))).toEqual([
      'templates.yaml line 6: "categories" must be "all" or a list of case types: return, refund, replacement, reshipment, complaint, a_to_z_claim, negative_review, chargeback, delivery_issue, other',
    ]);
    expect(problemsOf(oneTemplate(...VALID, "categories: []"))).toEqual([
      'templates.yaml line 6: "categories" is empty: write "all" or a list of case types',
    ]);
  });

  it("refuses the same id twice, naming both lines", () => {
    const file = `templates:\n  - ${VALID.join("\n    ")}\n  - ${VALID.join("\n    ")}\n`;
    expect(problemsOf(file)).toEqual([
      'templates.yaml line 6: the id "a" is used twice (first on line 2); give each template its own id',
    ]);
  });

  it("refuses an empty text and a text over 2,800 characters (Slack's text box holds 3,000 with the facts)", () => {
    expect(problemsOf(oneTemplate("id: a", "title: A", "stage: acknowledge", 'text: "  "'))).toEqual([
      'templates.yaml line 5: "text" is empty: write the reply to the buyer',
    ]);
    expect(problemsOf(oneTemplate("id: a", "title: A", "stage: acknowledge", `text: ${"x".repeat(2801)}`))).toEqual([
      'templates.yaml line 5: "text" is 2,801 characters; keep it under 2,800',
    ]);
  });

  it("names an unknown key on its own line", () => {
    expect(problemsOf(oneTemplate(...VALID, "subject: Your order"))).toEqual([
      'templates.yaml line 6: unknown key "subject"; a template has id, title, stage, categories, language, text',
    ]);
    expect(problemsOf(`templates: []\nsettings: {}\n`)).toEqual([
      'templates.yaml line 2: unknown key "settings"; the file has one key, "templates", with the list of templates',
    ]);
  });

  it("refuses a language no marketplace writes in", () => {
    expect(problemsOf(oneTemplate(...VALID, "language: zh"))).toEqual([
      'templates.yaml line 6: "language" must be one of en, de, fr, it, es, ja (the languages of Amazon\'s marketplaces)',
    ]);
  });

  it("refuses an id with spaces and a title too long for Slack's menus", () => {
    expect(
      problemsOf(oneTemplate("id: size exchange", `title: ${"T".repeat(76)}`, "stage: acknowledge", "text: Hi")),
    ).toEqual([
      'templates.yaml line 2: "id" may contain only letters, digits, "-", "_" and ".", like size-exchange',
      'templates.yaml line 3: "title" is longer than 75 characters, which Slack\'s menus cannot show',
    ]);
  });

  it("refuses a template that is not a mapping, and text that is not text", () => {
    expect(problemsOf("templates:\n  - just a line\n")).toEqual([
      "templates.yaml line 2: each template must be a mapping with id, title, stage, categories, language, text",
    ]);
    expect(problemsOf(oneTemplate("id: a", "title: A", "stage: acknowledge", "text: [1, 2]"))).toEqual([
      'templates.yaml line 5: "text" must be text: the reply to the buyer',
    ]);
  });

  it("reports YAML mistakes on their own line", () => {
    // A colon in an unquoted title is the usual one.
    const [problem] = problemsOf("templates:\n  - id: a\n    title: Sorry: late parcel\n    stage: acknowledge\n");
    expect(problem).toMatch(/^templates\.yaml line 3: /);
    expect(problem).not.toContain("\n");
  });

  it("reports a repeated key in JSON on its line", () => {
    const json = '{\n  "templates": [\n    {\n      "id": "a",\n      "id": "b"\n    }\n  ]\n}\n';
    expect(problemsOf(json, "templates.json")).toEqual(["templates.json line 5: Map keys must be unique"]);
  });

  it("refuses a file without a templates list", () => {
    expect(problemsOf("")).toEqual(['templates.yaml line 1: the file is empty: write a "templates:" list']);
    expect(problemsOf("just text")).toEqual([
      'templates.yaml line 1: the file must hold a "templates:" list of templates',
    ]);
    expect(problemsOf("template:\n  - id: a\n")).toEqual([
      'templates.yaml line 1: unknown key "template"; the file has one key, "templates", with the list of templates',
      'templates.yaml line 1: the file has no "templates:" list',
    ]);
    expect(problemsOf("templates: none\n")).toEqual([
      'templates.yaml line 1: "templates" must be a list of templates, each starting with "- id:"',
    ]);
  });

  it("reports every problem at once, in line order, one per line of the message", () => {
    const file = [
      "templates:",
      "  - id: a",
      "    title: A",
      "    stage: later",
      "    text: Hi {name}",
      "  - id: a",
      "    stage: acknowledge",
      "    colour: blue",
      "    text: ''",
    ].join("\n");
    let thrown: unknown;
    try {
      parseTemplates(file, "templates.yaml");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TemplatesFileError);
    const { problems, message } = thrown as TemplatesFileError;
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "templates.yaml line 4",
      "templates.yaml line 5",
      "templates.yaml line 6",
      "templates.yaml line 6",
      "templates.yaml line 8",
      "templates.yaml line 9",
    ]);
    expect(message.split("\n")).toEqual(problems);
  });

  it("says a file that cannot be read, with its path", () => {
    const path = join(tmpdir(), "no-such-dir-for-templates", "templates.yaml");
    expect(() => loadTemplatesFile(path)).toThrow(
      `Cannot read the templates file ${path}: there is no such file (check TEMPLATES_FILE)`,
    );
    expect(() => loadTemplatesFile(tmpdir())).toThrow(/it is a folder, not a file/);
  });
});
