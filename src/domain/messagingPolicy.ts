// The check on a reply before an agent sends it to a buyer through Amazon's buyer-seller messaging.
// Amazon warns or suspends sellers whose messages carry links off Amazon, contact details,
// marketing or review manipulation; a look here costs the agent a second. The check flags what
// Amazon's reviewers would flag and stays quiet on what replies are full of: order ids, amounts,
// dates, tracking and case numbers, and remedies (refund, replacement, coupon) for the problem itself.
import type { Key } from "../i18n/catalog.ts";
import type { Said, Words } from "../i18n/i18n.ts";
import { cutText } from "./cutText.ts";

export type PolicyRule =
  | "link"
  | "email"
  | "phone"
  | "review_request"
  | "review_incentive"
  | "marketing"
  | "off_amazon_contact";
/** `why` says what is wrong, in the reader's language (say it with `say`). */
export type PolicyProblem = { rule: PolicyRule; found: string; why: Said };

/** The rules in English; `policyRuleText` says one in a reader's language. */
export const POLICY_RULES: Record<PolicyRule, string> = {
  link: "Amazon allows only secure (https) links needed for the order, such as the order's Amazon page",
  email: "No e-mail addresses: buyers and sellers write to each other only through Amazon",
  phone: "No phone numbers: buyers and sellers write to each other only through Amazon",
  review_request:
    "Reviews and feedback may only be mentioned neutrally: never ask for a positive or 5-star one, or to change or remove one",
  review_incentive:
    "Nothing (refund, gift, coupon, discount, free item) may be offered for a review or for changing one",
  marketing:
    "No marketing: no other products, codes for other purchases, store or website visits, follows or newsletters",
  off_amazon_contact:
    "No other ways to reach you (WhatsApp, WeChat, social media, calls, texts): buyers stay on Amazon",
};

export const policyRuleText = (w: Words, rule: PolicyRule): string => w.t(`playbook.policy.rule.${rule}` as Key);

type Finding = { rule: PolicyRule; start: number; end: number; why: Said };
type Pattern = { re: RegExp; why: Said };

const WHY = {
  httpLink: { key: "playbook.policy.why.httpLink" },
  bareAmazonLink: { key: "playbook.policy.why.bareAmazonLink" },
  otherSite: { key: "playbook.policy.why.otherSite" },
  email: { key: "playbook.policy.why.email" },
  phone: { key: "playbook.policy.why.phone" },
  positiveReview: { key: "playbook.policy.why.positiveReview" },
  changeReview: { key: "playbook.policy.why.changeReview" },
  steerReview: { key: "playbook.policy.why.steerReview" },
  incentive: { key: "playbook.policy.why.incentive" },
  marketing: { key: "playbook.policy.why.marketing" },
  offAmazon: { key: "playbook.policy.why.offAmazon" },
} satisfies Record<string, Said>;

// ---------------------------------------------------------------------------------------------
// Links and e-mail addresses

const AMAZON_HOST = /^(?:[a-z0-9-]+\.)*amazon\.(?:com|ca|com\.mx|co\.uk|de|fr|it|es|co\.jp)$/i;
const URL_WITH_SCHEME = /\b(?:https?|ftp):\/\/[^\s<>"'`]+/gi;
// Common top-level domains only, so "e.g.", "Mr.", "No.5" or "v2.1" are not taken for sites.
const TLDS = new Set(
  (
    "com net org info biz shop store online site website app io ly link top xyz club vip " +
    "uk de fr it es ca mx jp cn hk tw eu at ch nl be pl se dk no fi pt ie au nz us co me to in tv"
  ).split(" "),
);
// Top-level domains that are also English words count only in lower case: "the item.It was".
const WORD_TLDS = new Set("it me us co to at be no in tv shop store site link".split(" "));
const BARE_DOMAIN =
  /(?<![\w@.\-/])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,}))(?![\w-]|\.[a-z0-9])([/?#][^\s<>"'`]*)?/gi;
const EMAIL = /(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
const SPELLED_EMAIL = /(?<![\w.+-])[\w.+-]+\s*[[(]\s*at\s*[\])]\s*[\w-]+\s*[[(]\s*dot\s*[\])]\s*[a-z]{2,}\b/gi;

function trimPunctuation(s: string): string {
  return s.replace(/[.,;:!?)\]}'"]+$/, "");
}

function findLinks(text: string, found: Finding[]): void {
  for (const m of text.matchAll(URL_WITH_SCHEME)) {
    const url = trimPunctuation(m[0]);
    const end = m.index + url.length;
    let host = "";
    let https = false;
    try {
      const parsed = new URL(url);
      host = parsed.hostname;
      https = parsed.protocol === "https:";
    } catch {
      // Not a URL a browser would open; still a link to a reader.
    }
    if (https && AMAZON_HOST.test(host)) continue;
    const why = AMAZON_HOST.test(host) ? WHY.httpLink : WHY.otherSite;
    found.push({ rule: "link", start: m.index, end, why });
  }
}

function findBareDomains(text: string, found: Finding[]): void {
  for (const m of text.matchAll(BARE_DOMAIN)) {
    const tld = m[2];
    const lowerTld = tld.toLowerCase();
    if (!TLDS.has(lowerTld) || (WORD_TLDS.has(lowerTld) && tld !== lowerTld)) continue;
    const path = m[3] ? trimPunctuation(m[3]) : "";
    // "Amazon.com" is a name buyers know; only an Amazon address with a path is a link.
    if (AMAZON_HOST.test(m[1]) && path === "") continue;
    const why = AMAZON_HOST.test(m[1]) ? WHY.bareAmazonLink : WHY.otherSite;
    found.push({ rule: "link", start: m.index, end: m.index + m[1].length + path.length, why });
  }
}

// ---------------------------------------------------------------------------------------------
// Phone numbers, told apart from the numbers a reply is full of

// Numbers that look like phone numbers but are not: hidden before phone numbers are looked for.
const NOT_PHONES = [
  /\b\d{3}-\d{7}-\d{7}\b/g, // order id
  /\b1Z[0-9A-Z]{16}\b/gi, // UPS tracking
  /\bTBA\d{12}\b/gi, // Amazon Logistics tracking
  /(?<![\d.,\-/])\d{16,}(?![\d.,\-/]?\d)/g, // long tracking numbers (phone numbers have at most 15 digits)
  /\b[A-Z]{1,6}-\d+\b/gi, // case and return numbers: AS-1042, RMA-2231
  /(?<![\d.\-/])\d{4}[-./]\d{1,2}[-./]\d{1,2}(?![.\-/]?\d)/g, // 2026-11-27
  /(?<![\d.\-/])\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})(?![.\-/]?\d)/g, // 27.11.2026, 11/27/26
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g, // 14:30
  /(?<![\d.,])\d{1,3}(?:[,.]\d{3})*[.,]\d{2}(?![.,]?\d)/g, // 12.50, 1,299.00, 1.299,00
  /[$€£¥]\s?\d[\d,.]*/g,
  /(?<![\d,.])\d[\d,.]*\s?(?:€|(?:USD|EUR|GBP|JPY|CAD|MXN|dollars?|euros?|pounds?|yen)\b)/gi,
  /(?<![\d,.])\d+(?:[.,]\d+)?\s?%/g,
];
// An optional country code or area code in brackets, then digit groups with one separator between.
const PHONE_SHAPE =
  /(?<![\w+.\-/])(?:\+\d{1,4}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,5}(?:[ ./-]?\d{1,5}){0,7}(?!\w|[./-]\d)/g;
const PHONE_WORDS =
  /\b(?:call|phone|telephone|tel|mobile|cell|hotline|fax|text|sms|whats\s?app|wechat|ring|dial|reach|telefon|handy|téléphone|portable|appelez|teléfono|llámenos|móvil|telefono|cellulare|chiamare)\b/gi;
const NUMBER_WORDS =
  /\b(?:tracking|track|sendung|sendungsnummer|suivi|seguimiento|spedizione|order|bestellung|commande|pedido|ordine|case|invoice|rechnung|facture|factura|fattura|ref|reference|rma|isbn|asin|sku|lpn|parcel|package|shipment|label|serial|model|item|code)\b/gi;

/** Which kind of word comes last in the few words before a number: a phone word or another. */
function contextOf(text: string, start: number): "phone" | "other" | "none" {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - 40), start);
  const last = (re: RegExp) => Math.max(-1, ...[...before.matchAll(re)].map((m) => m.index));
  const phone = last(PHONE_WORDS);
  const other = last(NUMBER_WORDS);
  if (phone < 0 && other < 0) return "none";
  return phone > other ? "phone" : "other";
}

function looksLikePhone(candidate: string, context: "phone" | "other" | "none"): boolean {
  const digits = candidate.replace(/\D/g, "").length;
  if (digits < 7 || digits > 15) return false;
  const international = candidate.startsWith("+");
  const groups = candidate.split(/[ ./()-]+/).filter(Boolean);
  if (groups.length === 1 && !candidate.includes("(")) {
    // A bare run of digits is a phone number only with a country code or a phone word before it:
    // otherwise it is more likely a tracking, invoice or parcel number.
    return (international && digits >= 8) || context === "phone";
  }
  if (context === "other" && !international) return false;
  if (/^(?:19|20)\d\d[-/](?:19|20)\d\d$/.test(candidate)) return false; // 2025-2026
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(candidate)) return false; // network address
  if (/^(?:19|20)\d\d[ ./-]\d{1,2}[ ./-]\d{1,2}(?!\d)/.test(candidate)) return false; // 2026 11 27
  // Pairs of digits are a French number (01 23 45 67 89) or a list of sizes (36 38 40 42).
  if (!international && groups.every((g) => g.length <= 2)) return /^0\d(?:[ .]\d\d){4}$/.test(candidate);
  // "1 2 3 4 5 6 7" is a list; phone numbers have at most a one-digit country or trunk prefix.
  const plain = candidate.startsWith("+") || candidate.startsWith("(") ? groups.slice(1) : groups;
  return plain.slice(1).every((g) => g.length >= 2);
}

function findPhones(text: string, found: Finding[]): void {
  const masked = NOT_PHONES.reduce((t, re) => mask(t, [...t.matchAll(re)]), text);
  for (const m of masked.matchAll(PHONE_SHAPE)) {
    // "call 555 123 4567 2 times": the count after the number is not part of it.
    const candidate = m[0].replace(/[ ./-]\d$/, "");
    if (looksLikePhone(candidate, contextOf(masked, m.index))) {
      found.push({ rule: "phone", start: m.index, end: m.index + candidate.length, why: WHY.phone });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reviews, marketing, other channels

const APOSTROPHE = "['’]";
const POSITIVE = "(?:positive|good|great|excellent|nice|favou?rable|glowing|high|higher|top|perfect|5|five)";
// Stems, so "revising your feedback" and "have you changed your rating" count as well.
const CHANGE =
  "(?:chang|updat|remov|delet|revis|edit|withdr[ae]w|retract|modif|reconsider|amend|adjust|rais|upgrad|improv|correct)\\w*";
// "Thank you for your 5-star review" answers a review; it does not ask for one.
const THANKED = "(?<!thank you for (?:your|the) |thanks for (?:your|the) )";
const REVIEW_OBJECT_WORD =
  "(?:your|the|this|that|my|our|its|previous|negative|bad|low|poor|recent|earlier|current|product|seller|amazon|neutral|critical|one|two|three|[123](?:-star)?|one-star|two-star|star)";

const REVIEW_REQUEST: Pattern[] = [
  {
    re: new RegExp(`${THANKED}\\b${POSITIVE}(?:[- ]?stars?)?[- ](?:reviews?|feedback|ratings?)\\b`, "gi"),
    why: WHY.positiveReview,
  },
  { re: new RegExp(`${THANKED}\\b(?:5|five)[- ]?stars?\\b`, "gi"), why: WHY.positiveReview },
  { re: /(?:(?:⭐|🌟)\uFE0F?|★){3,}/g, why: WHY.positiveReview },
  { re: /\brate\s+(?:us|it|the\s+\w+|this\s+\w+)\s+(?:5|five|10|ten|highly)\b/gi, why: WHY.positiveReview },
  {
    // German, French, Spanish, Italian and Japanese: positive review, 5 stars.
    re: /\b(?:positive|gute|sehr gute)\s+Bewertung(?:en)?\b|(?:\b5|\bfünf)\s+Sternen?\b|\bavis\s+positifs?\b|\bbons?\s+avis\b|(?:\b5|\bcinq)\s+étoiles|(?<!\w)évaluations?\s+positives?\b|\bcommentaires?\s+positifs?\b|\b(?:reseña|valoración|opinión|reseñas|valoraciones|opiniones)\s+positivas?|\bbuenas?\s+(?:reseña|valoración|opinión)|(?:\b5|\bcinco)\s+estrellas\b|\brecension[ei]\s+positiv[ae]\b|\bfeedback\s+positivo\b|(?:\b5|\bcinque)\s+stelle\b|\bbuona\s+recensione\b|高評価|星\s*5|★\s*5|五つ星|良いレビュー|良い評価/gi,
    why: WHY.positiveReview,
  },
  {
    re: new RegExp(`\\b${CHANGE}\\s+(?:${REVIEW_OBJECT_WORD}[- ]?\\s*){0,3}(?:reviews?|feedback|ratings?)\\b`, "gi"),
    why: WHY.changeReview,
  },
  {
    re: /\b(?:take\s+(?:your|the|this|that)\s+(?:\w+\s+)?(?:review|feedback|rating)\s+down|(?:have|get|see)\s+(?:your|the|this|that)\s+(?:\w+\s+)?(?:review|feedback|rating)\s+(?:removed|changed|updated|deleted|revised|edited|withdrawn|taken\s+down|amended|raised))\b/gi,
    why: WHY.changeReview,
  },
  {
    re: /\bBewertung\s+(?:zu\s+)?(?:ändern|entfernen|löschen|anpassen)|\b(?:modifier|supprimer|retirer)\s+(?:votre|l['’]|cet|ce)\s*(?:avis|commentaire|évaluation)|\b(?:cambiar|eliminar|modificar|retirar)\s+(?:su|la|tu)\s+(?:reseña|valoración|opinión)|\b(?:modificare|rimuovere|cancellare)\s+(?:la\s+)?(?:sua\s+)?recensione/gi,
    why: WHY.changeReview,
  },
  {
    re: new RegExp(
      `\\b(?:if|when|once)\\s+you(?:${APOSTROPHE}re|\\s+are|\\s+were|\\s+feel)\\s+(?:(?!not\\b)\\w+\\s+)?(?:happy|satisfied|pleased|delighted|content)\\b[^.!?;\\n]{0,60}?\\b(?:reviews?|feedback|ratings?|rate)\\b`,
      "gi",
    ),
    why: WHY.steerReview,
  },
  {
    re: new RegExp(
      `\\b(?:reviews?|feedback|ratings?|rate\\s+us)\\b[^.!?;\\n]{0,60}?\\bif\\s+you(?:${APOSTROPHE}re|\\s+are|\\s+were)\\s+(?:(?!not\\b)\\w+\\s+)?(?:happy|satisfied|pleased|delighted)\\b`,
      "gi",
    ),
    why: WHY.steerReview,
  },
  {
    re: /\b(?:before|instead\s+of)\s+(?:leaving|writing|posting|giving|submitting)\s+(?:a|any|your|the|an?\s+\w+|negative|bad)?\s*(?:\w+\s+)?(?:reviews?|feedback|ratings?)\b/gi,
    why: WHY.steerReview,
  },
  {
    re: new RegExp(
      `\\b(?:not|don${APOSTROPHE}t|do\\s+not|avoid|refrain\\s+from)\\s+(?:to\\s+)?(?:leav|writ|post|giv)\\w*\\s+(?:a\\s+|an\\s+|any\\s+)?(?:negative|bad|low|poor|1-star|one-star|2-star|two-star|neutral|critical)\\s+(?:reviews?|feedback|ratings?)\\b`,
      "gi",
    ),
    why: WHY.steerReview,
  },
];

const MARKETING: Pattern[] = [
  {
    re: /\b(?:check\s+out|take\s+a\s+look\s+at|have\s+a\s+look\s+at|browse|explore|discover|visit|shop|see)\s+(?:all\s+|more\s+)?(?:of\s+)?our\s+(?:other\s+|new\s+|latest\s+|full\s+|whole\s+|entire\s+|amazon\s+)?(?:products?|items?|range|collection|catalog(?:ue)?|store(?:front)?|shop|web\s?site|site|brand|page|listings?|offers?|deals?|best\s?sellers?)\b/gi,
    why: WHY.marketing,
  },
  { re: /\bour\s+(?:other|new|latest)\s+(?:products|items|arrivals|collection|models)\b/gi, why: WHY.marketing },
  {
    re: /\b(?:follow\s+us|like\s+us\s+on|newsletters?|mailing\s+list|subscribe\s+to\s+our|(?:sign\s+up|join)\s+(?:for\s+|to\s+)?our\s+(?:club|community|vip|group|program(?:me)?))\b/gi,
    why: WHY.marketing,
  },
  {
    re: /\b(?:new\s+arrivals?|limited[- ]time\s+(?:offers?|deals?|sales?)|flash\s+sales?|(?:black\s+friday|cyber\s+monday|prime\s+day)\s+(?:deals?|sales?|offers?)|shop\s+now)\b/gi,
    why: WHY.marketing,
  },
];

const OFF_AMAZON: Pattern[] = [
  {
    re: /\b(?:whats\s?app|wechat|we\s+chat|telegram|skype|viber|kakao\s?talk|facebook|fb\s+messenger|messenger|instagram|tiktok|twitter|snapchat|signal\s+app|line\s+app)\b|微信/gi,
    why: WHY.offAmazon,
  },
  {
    re: /\b(?:call|phone|ring|text|sms|e-?mail|telephone|dm)\s+(?:us|me)\b|\bgive\s+(?:us|me)\s+a\s+(?:call|ring|text)\b/gi,
    why: WHY.offAmazon,
  },
  {
    re: /\b(?:contact|reach|write\s+to|talk\s+to|chat\s+with)\s+(?:us|me)\s+(?:directly|outside\s+(?:of\s+)?amazon|off\s+amazon|(?:at|on|via|by|through|over)\s+(?:our\s+|my\s+)?(?:e-?mail|phone|telephone|mobile|cell|website|site|hotline|number|social\s+media))\b/gi,
    why: WHY.offAmazon,
  },
  {
    re: /\b(?:our|my)\s+(?:personal\s+|direct\s+|private\s+|customer\s+service\s+|support\s+)?(?:phone(?:\s+number)?|telephone|hotline|mobile\s+number|e-?mail\s+address|cell\s+number)\b/gi,
    why: WHY.offAmazon,
  },
  {
    re: /\brufen\s+Sie\s+(?:uns|mich)\s+an\b|\bappelez[- ](?:nous|moi)\b|\bllám(?:enos|eme)\b|\bchiamateci\b|\bci\s+chiami\b/gi,
    why: WHY.offAmazon,
  },
];

// An offer tied to a review: "a gift card for your review", "a refund once you update your feedback",
// "leave a review and get a coupon". An offer and a review in the same sentence but not tied
// ("a refund for the broken item; your feedback helps us") is a remedy, not an incentive.
const INCENTIVE =
  /\b(?:refund(?:s|ed)?|reimburs\w*|money\s+back|cash\s?back|gifts?|gift\s?cards?|vouchers?|coupons?|discounts?|promo(?:tion(?:al)?)?\s?codes?|free|rewards?|bonus(?:es)?|compensat\w*|credit|replacements?|samples?|\d+\s?%\s?off)\b|[$€£¥]\s?\d+|\b\d+(?:[.,]\d+)?\s?(?:USD|EUR|GBP|JPY|CAD|MXN|dollars?|euros?|pounds?)\b/gi;
const TIED_REVIEW = new RegExp(
  `(?<!thank\\s+you\\s+|thanks\\s+)\\b(?:in\\s+(?:exchange|return)\\s+for|for|if\\s+you|once\\s+you|after\\s+you|when\\s+you|as\\s+soon\\s+as\\s+you|provided\\s+(?:that\\s+)?you|as\\s+long\\s+as\\s+you)(?:${APOSTROPHE}\\w+)?\\s+(?:(?!(?:and|but|or|so|also)\\b)[\\w'’-]+\\s+){0,4}?(?:reviews?|feedback|ratings?|stars?|rate\\s+us)\\b`,
  "gi",
);
const REVIEW_ACTION =
  /\b(?:leave|leaving|write|writing|post|posting|give|giving|update|updating|change|changing|remove|removing|delete|deleting|revise|revising|edit|editing|withdraw|withdrawing|retract)\s+(?:[\w'’-]+\s+){0,3}?(?:reviews?|feedback|ratings?)\b|\brate\s+us\b/gi;
const THEN_REWARD =
  /\b(?:and\s+(?:we|you|get|receive|earn|claim|enjoy)|to\s+(?:get|receive|earn|claim|unlock|enjoy)|for\s+(?:a|an|your|the)|in\s+(?:exchange|return))\b/gi;

const incentive = (start: number, end: number): Finding => ({
  rule: "review_incentive",
  start,
  end,
  why: WHY.incentive,
});

function findIncentives(text: string, clause: Clause, found: Finding[]): void {
  const part = text.slice(clause.start, clause.end);
  const incentives = [...part.matchAll(INCENTIVE)];
  if (incentives.length === 0) return;
  for (const tie of part.matchAll(TIED_REVIEW)) {
    const offer = incentives.find((o) => o.index < tie.index);
    if (offer) {
      found.push(incentive(clause.start + offer.index, clause.start + tie.index + tie[0].length));
      return;
    }
  }
  for (const action of part.matchAll(REVIEW_ACTION)) {
    const after = action.index + action[0].length;
    const reward = [...part.matchAll(THEN_REWARD)].find((r) => r.index >= after);
    const offer = reward && incentives.find((o) => o.index > reward.index);
    if (offer) {
      found.push(incentive(clause.start + action.index, clause.start + offer.index + offer[0].length));
      return;
    }
  }
}

// A code or discount for another purchase is marketing; a coupon for the trouble is a remedy.
const DISCOUNT =
  /\b(?:discounts?|coupons?|promo(?:tion(?:al)?)?|vouchers?|codes?|save|savings|deals?|free\s+(?:shipping|delivery))\b|\d+\s?%\s?off\b/gi;
const OTHER_PURCHASE = /\b(?:next|future|another|other|further|subsequent)\s+(?:purchases?|orders?|buys?|shopping)\b/gi;
const REMEDY = /\b(?:inconvenience|apolog\w*|sorry|trouble|make\s+up|compensat\w*|problem|issue)\b/i;

function findPromotions(text: string, clause: Clause, found: Finding[]): void {
  const part = text.slice(clause.start, clause.end);
  if (REMEDY.test(part)) return;
  const discount = [...part.matchAll(DISCOUNT)][0];
  const purchase = [...part.matchAll(OTHER_PURCHASE)][0];
  if (!discount || !purchase) return;
  const start = Math.min(discount.index, purchase.index);
  const end = Math.max(discount.index + discount[0].length, purchase.index + purchase[0].length);
  found.push({ rule: "marketing", start: clause.start + start, end: clause.start + end, why: WHY.marketing });
}

type Clause = { start: number; end: number };

/** Sentences and clauses: split at . ! ? ; followed by a space, and at line breaks (not in 12.50). */
function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?;](?=\s|$)|\n/g)) {
    out.push({ start, end: m.index + 1 });
    start = m.index + 1;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function findPatterns(text: string, rule: PolicyRule, patterns: Pattern[], found: Finding[]): void {
  for (const { re, why } of patterns) {
    for (const m of text.matchAll(re)) found.push({ rule, start: m.index, end: m.index + m[0].length, why });
  }
}

/** The text with the matched parts replaced by underscores: positions stay, the words are gone. */
function mask(text: string, ranges: { index: number; 0: string }[] | Finding[]): string {
  const spans = ranges
    .map((r): [number, number] => ("rule" in r ? [r.start, r.end] : [r.index, r.index + r[0].length]))
    .sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + "_".repeat(end - from);
    at = end;
  }
  return out + text.slice(at);
}

const MAX_FOUND = 60;
function excerpt(text: string, f: Finding): string {
  const s = text.slice(f.start, f.end).replace(/\s+/g, " ").trim();
  return s.length <= MAX_FOUND ? s : `${cutText(s, MAX_FOUND - 1)}…`;
}

/** Problems in order of appearance; the same finding once. Empty = passes. */
export function checkReply(text: string): PolicyProblem[] {
  const found: Finding[] = [];
  const emails: Finding[] = [];
  findPatterns(
    text,
    "email",
    [EMAIL, SPELLED_EMAIL].map((re) => ({ re, why: WHY.email })),
    emails,
  );
  found.push(...emails);
  // Addresses are hidden once found, so "care@shop.com" is one e-mail address, not also a link,
  // and the digits in a link are not read as a phone number.
  let rest = mask(text, emails);
  const links: Finding[] = [];
  findLinks(rest, links);
  rest = mask(rest, [...rest.matchAll(URL_WITH_SCHEME)]);
  findBareDomains(rest, links);
  found.push(...links);
  rest = mask(rest, links);

  findPhones(rest, found);
  findPatterns(rest, "review_request", REVIEW_REQUEST, found);
  findPatterns(rest, "marketing", MARKETING, found);
  findPatterns(rest, "off_amazon_contact", OFF_AMAZON, found);
  for (const clause of clauses(rest)) {
    findIncentives(rest, clause, found);
    findPromotions(rest, clause, found);
  }
  return report(text, found);
}

const RULE_ORDER = Object.keys(POLICY_RULES) as PolicyRule[];

function report(text: string, found: Finding[]): PolicyProblem[] {
  const sorted = [...found].sort(
    (a, b) => a.start - b.start || b.end - a.end || RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule),
  );
  const reachedUntil = new Map<PolicyRule, number>();
  const seen = new Set<string>();
  const problems: PolicyProblem[] = [];
  for (const f of sorted) {
    // Two patterns of one rule on overlapping words are one problem.
    if (f.start < (reachedUntil.get(f.rule) ?? -1)) continue;
    reachedUntil.set(f.rule, f.end);
    const problem = { rule: f.rule, found: excerpt(text, f), why: f.why };
    const key = `${f.rule}\n${problem.found.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
