// Reply drafts for the buyer: which ones a case gets, and how they read once filled in.
import { describe, expect, it } from "vitest";
import { checkReply } from "../../src/domain/messagingPolicy.ts";
import {
  fillTemplate,
  marketplaceLanguage,
  mergeTemplates,
  PLACEHOLDERS,
  REPLY_STAGES,
  type ReplyStage,
  type ReplyTemplate,
  replyStageName,
  SHIPPED_TEMPLATES,
  templateGloss,
  templatesFor,
  templateTitle,
  unknownPlaceholders,
} from "../../src/domain/replyTemplates.ts";
import { CATEGORIES, type Category } from "../../src/domain/vocabulary.ts";
import { ENGLISH, words } from "../../src/i18n/i18n.ts";

const FULL = {
  buyerName: "Anna Schmidt",
  orderId: "114-2962899-5762619",
  product: "Vive Alternating Air Pressure Mattress Pad",
  amount: "12.50 EUR",
  caseNumber: "AS-1042",
  seller: "Vive Care Team",
};
const BARE = { orderId: "114-2962899-5762619", caseNumber: "AS-1042" };

const template = (over: Partial<ReplyTemplate>): ReplyTemplate => ({
  id: "t",
  title: "T",
  stage: "acknowledge",
  categories: "all",
  language: "en",
  text: "Hello {buyer},",
  ...over,
});

describe("shipped templates", () => {
  it("cover every stage, in English, with their own ids", () => {
    for (const stage of Object.keys(REPLY_STAGES)) {
      expect(
        SHIPPED_TEMPLATES.some((t) => t.stage === stage && t.language === "en"),
        stage,
      ).toBe(true);
    }
    expect(new Set(SHIPPED_TEMPLATES.map((t) => t.id)).size).toBe(SHIPPED_TEMPLATES.length);
  });

  it.each(SHIPPED_TEMPLATES.map((t) => [t.id, t] as const))("%s uses only known placeholders", (_id, t) => {
    expect(unknownPlaceholders(t.text)).toEqual([]);
  });

  it.each(SHIPPED_TEMPLATES.map((t) => [t.id, t] as const))(
    "%s passes Amazon's messaging rules, with every fact and with none",
    (_id, t) => {
      expect(checkReply(fillTemplate(t, FULL))).toEqual([]);
      expect(checkReply(fillTemplate(t, BARE))).toEqual([]);
    },
  );

  it.each(SHIPPED_TEMPLATES.map((t) => [t.id, t] as const))("%s leaves no placeholder unfilled", (_id, t) => {
    expect(fillTemplate(t, BARE)).not.toMatch(/[{}]/);
    expect(fillTemplate(t, FULL)).not.toMatch(/[{}]/);
  });

  it("tells the buyer how to return the item: packed well, with Amazon's prepaid label", () => {
    const text = SHIPPED_TEMPLATES.find((t) => t.stage === "return_instructions")?.text ?? "";
    expect(text).toMatch(/pack the item well/);
    expect(text).toMatch(/prepaid return label/);
    expect(text).toMatch(/Return Center/);
  });

  it("fit the case types the playbook gives them", () => {
    const categoriesOf = (stage: ReplyStage) =>
      SHIPPED_TEMPLATES.filter((t) => t.stage === stage).flatMap((t) => t.categories);
    expect(categoriesOf("acknowledge")).toEqual(["all"]);
    expect(categoriesOf("claim_acknowledged").sort()).toEqual(["a_to_z_claim", "chargeback"]);
    expect(categoriesOf("return_instructions").sort()).toEqual(["refund", "replacement", "return"]);
    expect(categoriesOf("carrier_contacted").sort()).toEqual(["delivery_issue", "reshipment"]);
    expect(categoriesOf("partial_refund_offer").sort()).toEqual([
      "complaint",
      "negative_review",
      "other",
      "refund",
      "return",
    ]);
    expect(categoriesOf("replacement_sent").sort()).toEqual([
      "complaint",
      "delivery_issue",
      "replacement",
      "reshipment",
      "return",
    ]);
  });
});

describe("filling a template", () => {
  const t = template({
    text: "Hello {buyer},\n\nAbout {product} ({order_id}): we refund {amount}. Ref {case_number}\n\n{seller}",
  });

  it("puts in every fact", () => {
    expect(fillTemplate(t, FULL)).toBe(
      "Hello Anna Schmidt,\n\nAbout Vive Alternating Air Pressure Mattress Pad (114-2962899-5762619): we refund 12.50 EUR. Ref AS-1042\n\nVive Care Team",
    );
  });

  it("reads well with facts missing: a plain greeting, your item, the amount, Customer Service", () => {
    expect(fillTemplate(t, { ...BARE, buyerName: " ", product: null, amount: "" })).toBe(
      "Hello,\n\nAbout your item (114-2962899-5762619): we refund the amount. Ref AS-1042\n\nCustomer Service",
    );
  });

  it("stands in for missing facts in the template's language", () => {
    const german = template({
      language: "de",
      text: "Hallo {buyer},\nwir erstatten {amount} für {product}.\n{seller}",
    });
    expect(fillTemplate(german, BARE)).toBe("Hallo,\nwir erstatten den Betrag für Ihren Artikel.\nKundenservice");
  });

  it("leaves an unknown placeholder as written", () => {
    expect(fillTemplate(template({ text: "Hi {nickname}" }), FULL)).toBe("Hi {nickname}");
  });

  it("names the unknown placeholders once each", () => {
    expect(unknownPlaceholders("{buyer} {buyer_name} {order} {buyer_name}")).toEqual(["{buyer_name}", "{order}"]);
  });

  it("explains every placeholder", () => {
    expect(Object.keys(PLACEHOLDERS).sort()).toEqual([
      "amount",
      "buyer",
      "case_number",
      "order_id",
      "product",
      "seller",
    ]);
  });
});

describe("marketplace language", () => {
  it.each([
    ["US", "en"],
    ["CA", "en"],
    ["UK", "en"],
    ["GB", "en"],
    ["DE", "de"],
    ["FR", "fr"],
    ["IT", "it"],
    ["ES", "es"],
    ["MX", "es"],
    ["JP", "ja"],
    ["A1PA6795UKMFR9", "de"],
    ["de", "de"],
    ["BR", "en"],
    [null, "en"],
    [undefined, "en"],
    ["", "en"],
  ])("%s → %s", (marketplace, language) => {
    expect(marketplaceLanguage(marketplace)).toBe(language);
  });
});

describe("templates for a case", () => {
  const ids = (ts: ReplyTemplate[]) => ts.map((t) => t.id);
  const open = { marketplace: "US", firstReplyAt: null };

  it("puts the first reply first while the buyer has none, then the stages in order", () => {
    expect(ids(templatesFor(SHIPPED_TEMPLATES, { ...open, category: "return" }))).toEqual([
      "acknowledge",
      "return-instructions",
      "partial-refund-offer",
      "replacement-sent",
    ]);
  });

  it("puts the first reply last once the buyer has had it", () => {
    const c = { ...open, category: "delivery_issue" as Category, firstReplyAt: new Date("2026-11-27T10:00:00Z") };
    expect(ids(templatesFor(SHIPPED_TEMPLATES, c))).toEqual(["replacement-sent", "carrier-contacted", "acknowledge"]);
  });

  it("offers claims and chargebacks the claim reply", () => {
    for (const category of ["a_to_z_claim", "chargeback"] as const) {
      expect(ids(templatesFor(SHIPPED_TEMPLATES, { ...open, category }))).toEqual([
        "acknowledge",
        "claim-acknowledged",
      ]);
    }
  });

  it("offers every case type at least the first reply and one more", () => {
    for (const category of Object.keys(CATEGORIES) as Category[]) {
      expect(templatesFor(SHIPPED_TEMPLATES, { ...open, category }).length, category).toBeGreaterThanOrEqual(2);
    }
  });

  it("prefers the marketplace's language, with English for stages it has no template for", () => {
    const all = [
      ...SHIPPED_TEMPLATES,
      template({ id: "ack-de", language: "de" }),
      template({ id: "ack-fr", language: "fr" }),
      template({ id: "return-de", stage: "return_instructions", categories: ["return"], language: "de" }),
      template({ id: "claim-de", stage: "claim_acknowledged", categories: ["a_to_z_claim"], language: "de" }),
    ];
    expect(ids(templatesFor(all, { ...open, marketplace: "DE", category: "return" }))).toEqual([
      "ack-de",
      "return-de",
      "partial-refund-offer",
      "replacement-sent",
    ]);
    expect(ids(templatesFor(all, { ...open, marketplace: "US", category: "return" }))[0]).toBe("acknowledge");
  });

  it("falls back to English for a stage whose template in the language is for another case type", () => {
    const all = [
      ...SHIPPED_TEMPLATES,
      template({ id: "refund-de", stage: "partial_refund_offer", categories: ["complaint"], language: "de" }),
    ];
    expect(ids(templatesFor(all, { ...open, marketplace: "DE", category: "refund" }))).toContain(
      "partial-refund-offer",
    );
  });

  it("keeps several templates of one stage in their order", () => {
    const all = [template({ id: "a" }), template({ id: "b", stage: "carrier_contacted" }), template({ id: "c" })];
    expect(ids(templatesFor(all, { ...open, category: "other" }))).toEqual(["a", "c", "b"]);
  });
});

describe("merging a team's templates", () => {
  it("replaces a shipped template with the team's one of the same id, in its place, and adds the others", () => {
    const own = template({ id: "carrier-contacted", title: "Our carrier reply", stage: "carrier_contacted" });
    const extra = template({ id: "size-exchange", title: "Size exchange" });
    const merged = mergeTemplates(SHIPPED_TEMPLATES, [extra, own]);
    expect(merged.map((t) => t.id)).toEqual([...SHIPPED_TEMPLATES.map((t) => t.id), "size-exchange"]);
    expect(merged.find((t) => t.id === "carrier-contacted")?.title).toBe("Our carrier reply");
  });

  it("adds a template of another language beside the shipped one of the same id", () => {
    const german: ReplyTemplate = { ...SHIPPED_TEMPLATES[0], language: "de", text: "Hallo {buyer}, danke." };
    const merged = mergeTemplates(SHIPPED_TEMPLATES, [german]);
    expect(merged).toHaveLength(SHIPPED_TEMPLATES.length + 1);
    // Every case type still has its English templates for a US order.
    for (const category of Object.keys(CATEGORIES) as Category[]) {
      expect(templatesFor(merged, { category, marketplace: "US", firstReplyAt: null }).length).toBeGreaterThan(0);
    }
    const de = templatesFor(merged, { category: "complaint", marketplace: "DE", firstReplyAt: null });
    expect(de[0].language).toBe("de");
  });

  it("keeps the shipped templates when the team has none", () => {
    expect(mergeTemplates(SHIPPED_TEMPLATES, [])).toEqual(SHIPPED_TEMPLATES);
  });
});

describe("templates in the agent's language", () => {
  it("names each shipped template and its stage, and glosses it, in both languages", () => {
    const zh = words("zh-CN");
    for (const t of SHIPPED_TEMPLATES) {
      expect(templateTitle(ENGLISH, t)).toBe(t.title);
      expect(replyStageName(ENGLISH, t.stage)).toBe(REPLY_STAGES[t.stage]);
      expect(templateTitle(zh, t)).toMatch(/[\u4e00-\u9fff]/);
      expect(templateGloss(zh, t)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("shows a team's own template as written, with no gloss", () => {
    const own = template({ id: "acknowledge", title: "Our first reply" });
    expect(templateTitle(words("zh-CN"), own)).toBe("Our first reply");
    expect(templateGloss(words("zh-CN"), own)).toBeUndefined();
  });
});
