// Drafts of replies to the buyer, one for each step of the playbook: answer within the hour, offer
// a fitting remedy, keep the buyer informed. Shipped in English; a team adds its own wording and
// languages in the templates file (templatesFile.ts). Every draft must pass Amazon's messaging
// rules (messagingPolicy.ts): no links, contact details or review requests.
import type { Key } from "../i18n/catalog.ts";
import type { Words } from "../i18n/i18n.ts";
import { marketplaceCode } from "./amazon.ts";
import type { Category } from "./vocabulary.ts";

export type ReplyStage =
  | "acknowledge"
  | "return_instructions"
  | "partial_refund_offer"
  | "replacement_sent"
  | "carrier_contacted"
  | "claim_acknowledged";

/** In the order agents usually need them (in English; `replyStageName` says one in an agent's language). */
export const REPLY_STAGES: Record<ReplyStage, string> = {
  acknowledge: "First reply: we're on it",
  return_instructions: "How to return the item",
  partial_refund_offer: "Offer a partial refund",
  replacement_sent: "Replacement on its way",
  carrier_contacted: "We contacted the carrier",
  claim_acknowledged: "Claim or chargeback received",
};

export const replyStageName = (w: Words, stage: ReplyStage): string => w.t(`playbook.replyStage.${stage}` as Key);

export type ReplyTemplate = {
  id: string;
  title: string;
  stage: ReplyStage;
  categories: Category[] | "all";
  language: string;
  text: string;
};

export const PLACEHOLDERS: Record<string, string> = {
  buyer: 'the buyer\'s name; left out when unknown, so write it after the greeting: "Hello {buyer},"',
  order_id: "the Amazon order id, e.g. 114-2962899-5762619",
  product: 'the product\'s name; "your item" when unknown',
  amount: 'the amount with its currency, e.g. 12.50 EUR; "the amount" when unknown',
  case_number: "the team's case number, e.g. AS-1042, for the buyer to quote",
  seller: 'the team\'s signature; "Customer Service" unless set',
};

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** The placeholders in a text that fillTemplate does not know, each once, as written ({buyer_name}). */
export function unknownPlaceholders(text: string): string[] {
  const unknown = [...text.matchAll(PLACEHOLDER)].filter((m) => !Object.hasOwn(PLACEHOLDERS, m[1])).map((m) => m[0]);
  return [...new Set(unknown)];
}

const SIGNATURE = "Kind regards,\n{seller}";
const REFERENCE = "Your reference: {case_number}";

export const SHIPPED_TEMPLATES: ReplyTemplate[] = [
  {
    id: "acknowledge",
    title: "We're on it",
    stage: "acknowledge",
    categories: "all",
    language: "en",
    text: `Hello {buyer},

Thank you for your message about order {order_id}, and we are sorry for the trouble with {product}. We have received your request and are looking into it now. We will get back to you with a solution as soon as possible.

${REFERENCE}

${SIGNATURE}`,
  },
  {
    id: "return-instructions",
    title: "How to return the item",
    stage: "return_instructions",
    categories: ["return", "refund", "replacement"],
    language: "en",
    text: `Hello {buyer},

Thank you for your patience. To return {product} from order {order_id}, please go to Your Orders on Amazon, choose the order and select "Return or replace items". Amazon's Online Return Center will give you a prepaid return label.

Please pack the item well, ideally in its original packaging, and attach the label to the parcel. As soon as the return reaches us, we will take care of your refund or replacement within two business days and let you know.

${REFERENCE}

${SIGNATURE}`,
  },
  {
    id: "partial-refund-offer",
    title: "Offer a partial refund and keep the item",
    stage: "partial_refund_offer",
    categories: ["complaint", "refund", "return", "negative_review", "other"],
    language: "en",
    text: `Hello {buyer},

We are sorry that {product} did not meet your expectations. To make up for it, we would like to offer you a partial refund on order {order_id}: we will refund {amount} to your original payment method, and you can keep the item.

Please reply to this message to let us know if this works for you. If you would rather return the item or receive a replacement, just tell us and we will arrange it.

${REFERENCE}

${SIGNATURE}`,
  },
  {
    id: "replacement-sent",
    title: "Replacement on its way",
    stage: "replacement_sent",
    categories: ["replacement", "reshipment", "return", "complaint", "delivery_issue"],
    language: "en",
    text: `Hello {buyer},

We have sent you a replacement for {product} from order {order_id}, at no cost to you. You can follow its delivery in Your Orders on Amazon.

We are sorry for the inconvenience, and we will keep an eye on the parcel until it reaches you.

${REFERENCE}

${SIGNATURE}`,
  },
  {
    id: "carrier-contacted",
    title: "We contacted the carrier",
    stage: "carrier_contacted",
    categories: ["delivery_issue", "reshipment"],
    language: "en",
    text: `Hello {buyer},

We are sorry that your parcel for order {order_id} has not reached you yet. We have contacted the carrier to find out where it is, and we will update you as soon as we hear back, within two business days at the latest.

If the parcel cannot be found, we will send you a replacement or a full refund, whichever you prefer.

${REFERENCE}

${SIGNATURE}`,
  },
  {
    id: "claim-acknowledged",
    title: "We received your claim",
    stage: "claim_acknowledged",
    categories: ["a_to_z_claim", "chargeback"],
    language: "en",
    text: `Hello {buyer},

We have been informed of your claim about order {order_id}, and we are sorry that you had to take this step. We are looking into it now and will give Amazon everything we know about your order.

We would like to make this right. Please reply to this message and tell us what happened; if the item is faulty or missing, we will send a replacement or a refund.

${REFERENCE}

${SIGNATURE}`,
  },
];

/** A shipped template as it ships (not one a team's file replaced): its title and gloss are in the catalogs. */
const isShipped = (t: ReplyTemplate): boolean => SHIPPED_TEMPLATES.includes(t);

/** What agents pick a template by, in their language for a shipped template; a team's own as written. */
export const templateTitle = (w: Words, t: ReplyTemplate): string =>
  isShipped(t) ? w.t(`playbook.templateTitle.${t.id}` as Key) : t.title;

/**
 * One line in the agent's language on what a shipped template tells the buyer, so an agent who
 * does not read the buyer's language knows what they send; none for a team's own templates.
 */
export const templateGloss = (w: Words, t: ReplyTemplate): string | undefined =>
  isShipped(t) ? w.t(`playbook.templateGloss.${t.id}` as Key) : undefined;

export type ReplyFacts = {
  buyerName?: string | null;
  orderId: string;
  product?: string | null;
  amount?: string | null;
  caseNumber: string;
  seller?: string;
};

// What stands in for a missing fact, in the template's language (English for the others).
const FALLBACKS: Record<string, { product: string; amount: string; seller: string }> = {
  en: { product: "your item", amount: "the amount", seller: "Customer Service" },
  de: { product: "Ihren Artikel", amount: "den Betrag", seller: "Kundenservice" },
  fr: { product: "votre article", amount: "le montant", seller: "Service client" },
  es: { product: "su artículo", amount: "el importe", seller: "Atención al cliente" },
  it: { product: "il suo articolo", amount: "l'importo", seller: "Servizio clienti" },
  ja: { product: "ご注文の商品", amount: "ご返金額", seller: "カスタマーサービス" },
};

const given = (v: string | null | undefined): string | undefined => (v?.trim() ? v.trim() : undefined);

export function fillTemplate(t: ReplyTemplate, facts: ReplyFacts): string {
  const fallback = FALLBACKS[t.language] ?? FALLBACKS.en;
  const values: Record<string, string | undefined> = {
    buyer: given(facts.buyerName),
    order_id: facts.orderId,
    product: given(facts.product) ?? fallback.product,
    amount: given(facts.amount) ?? fallback.amount,
    case_number: facts.caseNumber,
    seller: given(facts.seller) ?? fallback.seller,
  };
  // Without a name the greeting stands alone ("Hello,", "Hallo,", "Bonjour,") in every language.
  const text = values.buyer ? t.text : t.text.replace(/[ \t]*\{buyer\}/g, "");
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

const LANGUAGE_OF: Record<string, string> = {
  US: "en",
  CA: "en",
  UK: "en",
  DE: "de",
  FR: "fr",
  IT: "it",
  ES: "es",
  MX: "es",
  JP: "ja",
};
/** The languages a marketplace can ask for: a template in another language is never offered. */
export const REPLY_LANGUAGES = [...new Set(Object.values(LANGUAGE_OF))];

/** A marketplace code (DE) or Amazon id → the language its buyers are written to in; English if unknown. */
export function marketplaceLanguage(marketplace: string | null | undefined): string {
  const code = marketplace ? marketplaceCode(marketplace) : undefined;
  return (code && LANGUAGE_OF[code]) ?? "en";
}

const STAGES = Object.keys(REPLY_STAGES) as ReplyStage[];

/** Templates for a case: its category's (or "all"), in the marketplace's language, with English for any stage that language has no template for; acknowledge first while the buyer has no first reply yet, otherwise acknowledge last; then in REPLY_STAGES order. */
export function templatesFor(
  all: ReplyTemplate[],
  c: { category: Category; marketplace: string | null; firstReplyAt: Date | null },
): ReplyTemplate[] {
  const language = marketplaceLanguage(c.marketplace);
  const fitting = all.filter((t) => t.categories === "all" || t.categories.includes(c.category));
  const later = STAGES.filter((s) => s !== "acknowledge");
  const stages: ReplyStage[] = c.firstReplyAt ? [...later, "acknowledge"] : ["acknowledge", ...later];
  return stages.flatMap((stage) => {
    const ofStage = fitting.filter((t) => t.stage === stage);
    const own = ofStage.filter((t) => t.language === language);
    return own.length > 0 ? own : ofStage.filter((t) => t.language === "en");
  });
}

/** A custom template with the same id and language replaces the shipped one; the others are added. */
export function mergeTemplates(shipped: ReplyTemplate[], custom: ReplyTemplate[]): ReplyTemplate[] {
  // Only a template in the same language replaces a shipped one: a German "acknowledge" adds the
  // German first reply and keeps the English one for every other marketplace.
  const key = (t: ReplyTemplate) => `${t.id}\u0000${t.language}`;
  const byKey = new Map(custom.map((t) => [key(t), t]));
  const kept = shipped.map((t) => byKey.get(key(t)) ?? t);
  const shippedKeys = new Set(shipped.map(key));
  return [...kept, ...custom.filter((t) => !shippedKeys.has(key(t)))];
}
