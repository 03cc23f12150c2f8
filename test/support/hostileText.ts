// Text as people and files can write it, for property tests of what reaches Slack: mentions,
// channel pings, links, markup, emoji, Chinese, control characters and very long values.
import fc from "fast-check";

/** Slack ids that someone might try to mention or ping; the bot's own ids are never among them. */
export const VICTIM_USER = "U0VICTIM";

export const SPECIAL_FRAGMENTS = [
  `<@${VICTIM_USER}>`,
  `<@${VICTIM_USER}|victim>`,
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<#C0VICTIM>",
  "<#C0VICTIM|general>",
  "<!subteam^S0VICTIM>",
  "<!date^1700000000^{date}|today>",
  "<https://evil.example|click>",
  "<https://evil.example>",
  "https://evil.example/login?next=/",
  "<mailto:x@evil.example|write>",
  "*bold*",
  "_italic_",
  "~struck~",
  "`code`",
  "```",
  "&",
  "&amp;",
  "&lt;",
  "&gt",
  "<",
  ">",
  "> quoted",
  "\n",
  "\n>",
  ":rotating_light:",
  "😀",
  "👩‍👩‍👧‍👦",
  "🇯🇵",
  "质量差",
  "与描述不符",
  "买家说收到的是假货",
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u200b",
  "\u202e",
  "\r\n",
  "\t",
  " ",
  "…",
  "|",
  "^",
  "\\",
  '"',
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
);

/** A few words' worth of hostile text. */
export const shortHostileText = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(""));

/** A pattern repeated to 1,000–10,000 characters or a little more: a pasted email, a runaway cell. */
const longText = fc
  .tuple(fc.array(fragment, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1000, max: 10_000 }))
  .map(([parts, length]) => {
    const unit = parts.join("") || "x";
    return unit.repeat(Math.ceil(length / unit.length));
  });

/** Anything a person could type into a field or a report could hold. */
export const hostileText = fc.oneof({ weight: 4, arbitrary: shortHostileText }, { weight: 1, arbitrary: longText });

/** Hostile text of at most `max` characters, as a field checked at the edge lets through. */
export const hostileTextUpTo = (max: number) => hostileText.map((t) => firstCharacters(t, max));

/** The longest start of the text within `max` UTF-16 units that does not cut a character in half. */
function firstCharacters(text: string, max: number): string {
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** Every mrkdwn text in a Block Kit payload, and the message's fallback text; a string is itself. */
export function mrkdwnTexts(payload: unknown): string[] {
  if (typeof payload === "string") return [payload];
  const texts: string[] = [];
  const root = payload as { text?: unknown };
  if (typeof root?.text === "string") texts.push(root.text);
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o.type === "mrkdwn" && typeof o.text === "string") texts.push(o.text);
      for (const child of Object.values(o)) walk(child);
    }
  };
  walk((payload as { blocks?: unknown })?.blocks);
  return texts;
}

const TOKEN = /<[^<>]*>/g;

/**
 * Compares a payload rendered from hostile text with the same payload rendered from harmless text
 * ("x" in every place a person writes). Slack reads `<…>` as a mention, ping, link or date and `&`
 * as the start of an escape, so:
 * - every `<…>` in the hostile rendering must also be in the harmless one (the bot made it);
 * - no other `<` or `>` may remain, except `>` opening a quoted line;
 * - every `&` must start `&amp;`, `&lt;` or `&gt;`.
 * Returns the problems found, each with the text around it.
 */
export function userTextProblems(rendered: unknown, harmless: unknown): string[] {
  const botTokens = new Map<string, number>();
  for (const text of mrkdwnTexts(harmless))
    for (const token of text.match(TOKEN) ?? []) botTokens.set(token, (botTokens.get(token) ?? 0) + 1);
  const problems: string[] = [];
  for (const text of mrkdwnTexts(rendered)) {
    const rest = text.replace(TOKEN, (token) => {
      const left = botTokens.get(token) ?? 0;
      if (!left) return token;
      botTokens.set(token, left - 1);
      return "";
    });
    const unquoted = rest.replace(/(^|\n)>/g, "$1");
    const bracket = unquoted.search(/[<>]/);
    if (bracket >= 0) problems.push(`unescaped ${unquoted[bracket]} near ${excerpt(unquoted, bracket)}`);
    const amp = unquoted.search(/&(?!amp;|lt;|gt;)/);
    if (amp >= 0) problems.push(`unescaped & near ${excerpt(unquoted, amp)}`);
  }
  return problems;
}

const excerpt = (text: string, at: number) => JSON.stringify(text.slice(Math.max(0, at - 30), at + 30));
