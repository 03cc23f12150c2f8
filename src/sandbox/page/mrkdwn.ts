// Slack's mrkdwn as HTML, for the sandbox page: *bold*, _italic_, ~strike~, `code`, ```blocks```,
// > quotes, <links|labels>, <@user> and <#channel> mentions, <!here>, <!date^…> tokens and the
// &lt; &gt; &amp; escapes Slack's own text uses, and :emoji: codes. Everything else is shown as
// typed, escaped.

export type Directory = {
  userName(id: string): string;
  channelName(id: string): string;
  /** The reader's time zone for <!date…> tokens (the browser's by default). */
  timeZone?: string;
};

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Only web and mail links are followed; anything else (javascript:, data:) goes nowhere. */
const safeHref = (href: string) => (/^(https?:|mailto:)/i.test(href) ? href : "#");

/** Slack's text is already escaped for &, < and >: undo that before escaping for HTML. */
const unescapeSlack = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export function plainHtml(text: string): string {
  return escapeHtml(text);
}

/** A plain_text object's text: escaped, with its :emoji: codes shown unless it says `emoji: false`. */
export function plainTextHtml(text: string, emoji = true): string {
  return emoji ? emojiHtml(escapeHtml(text)) : escapeHtml(text);
}

const emojiHtml = (html: string) =>
  html.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => (Object.hasOwn(EMOJI, name) ? EMOJI[name] : whole));

export function mrkdwnHtml(text: string, dir: Directory): string {
  // Code blocks are taken out first: nothing inside them is formatted.
  const parts = text.split(/```/);
  // An opening ``` without its closing one is shown as typed.
  return parts
    .map((part, i) =>
      i % 2 === 1 && i === parts.length - 1
        ? `\`\`\`${lines(part, dir)}`
        : i % 2 === 1
          ? `<pre class="code-block">${escapeHtml(unescapeSlack(part.replace(/^\n/, "")))}</pre>`
          : lines(part, dir),
    )
    .join("");
}

function lines(text: string, dir: Directory): string {
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length) out.push(`<blockquote>${quote.join("<br>")}</blockquote>`);
    quote = [];
  };
  for (const line of text.split("\n")) {
    const q = /^(&gt;|>)\s?(.*)$/.exec(line);
    if (q) quote.push(inline(q[2], dir));
    else {
      flush();
      out.push(inline(line, dir));
    }
  }
  flush();
  // Quotes are blocks of their own; other lines are separated by line breaks.
  return out.reduce((html, piece, i) => {
    if (i === 0) return piece;
    const block = piece.startsWith("<blockquote>") || out[i - 1].startsWith("<blockquote>");
    return html + (block ? "" : "<br>") + piece;
  }, "");
}

/** One line: Slack's angle-bracket tokens, then code spans, then emphasis. */
function inline(line: string, dir: Directory): string {
  const tokens: string[] = [];
  const keep = (html: string) => `\uE000${tokens.push(html) - 1}\uE001`;
  // The markers are private-use characters; any typed ones are dropped so they cannot pose as markers.
  let s = line.replace(/[\uE000\uE001]/g, "").replace(/<([^<>]+)>/g, (_, inner: string) => keep(token(inner, dir)));
  s = s.replace(/`([^`\n]+)`/g, (_, code: string) => keep(`<code>${escapeHtml(unescapeSlack(code))}</code>`));
  s = escapeHtml(unescapeSlack(s));
  s = emphasis(s, "*", "strong");
  s = emphasis(s, "_", "em");
  s = emphasis(s, "~", "del");
  s = emojiHtml(s);
  return s.replace(/\uE000(\d+)\uE001/g, (_, n: string) => tokens[Number(n)]);
}

/** Slack formats *x* only where the marks stand at word boundaries. */
function emphasis(s: string, mark: string, tag: string): string {
  const m = mark === "*" ? "\\*" : mark;
  const re = new RegExp(`(^|[\\s(\\[{"'.,;:!?-])${m}(?!\\s)([^${m}\\n]+?)(?<!\\s)${m}(?=$|[\\s)\\]}"'.,;:!?-])`, "g");
  return s.replace(re, (_, before: string, inner: string) => `${before}<${tag}>${inner}</${tag}>`);
}

/** The emoji the bot writes as :shortcodes:, and a few common ones people type. */
const EMOJI: Record<string, string> = {
  warning: "⚠️",
  white_check_mark: "✅",
  rotating_light: "🚨",
  globe_with_meridians: "🌐",
  calendar: "📆",
  white_circle: "⚪",
  large_orange_circle: "🟠",
  red_circle: "🔴",
  truck: "🚚",
  technologist: "🧑‍💻",
  outbox_tray: "📤",
  new: "🆕",
  information_source: "ℹ️",
  hourglass_flowing_sand: "⏳",
  hourglass: "⌛",
  clock3: "🕒",
  books: "📚",
  bulb: "💡",
  "male-detective": "🕵️‍♂️",
  scales: "⚖️",
  package: "📦",
  money_with_wings: "💸",
  no_entry_sign: "🚫",
  grey_question: "❔",
  trophy: "🏆",
  tada: "🎉",
  thumbsup: "👍",
  "+1": "👍",
  eyes: "👀",
  pushpin: "📌",
  bar_chart: "📊",
  chart_with_upwards_trend: "📈",
  speech_balloon: "💬",
  memo: "📝",
  busts_in_silhouette: "👥",
  arrow_right: "➡️",
};

function token(inner: string, dir: Directory): string {
  const [target, label] = splitLabel(inner);
  if (target.startsWith("@")) {
    const id = target.slice(1);
    return `<span class="mention" data-user="${escapeHtml(id)}">@${escapeHtml(label ? unescapeSlack(label) : dir.userName(id))}</span>`;
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    return `<span class="mention">#${escapeHtml(label ? unescapeSlack(label) : dir.channelName(id))}</span>`;
  }
  if (target.startsWith("!subteam^")) return `<span class="mention">@${escapeHtml(label ?? "team")}</span>`;
  if (target.startsWith("!date^")) return dateToken(target, label, dir);
  if (target.startsWith("!")) return `<span class="mention">@${escapeHtml(target.slice(1))}</span>`;
  const href = unescapeSlack(target);
  const text = escapeHtml(unescapeSlack(label ?? href));
  const here = messageInPage(href);
  if (here) return `<a href="${escapeHtml(here)}" class="message-link">${text}</a>`;
  return `<a href="${escapeHtml(safeHref(href))}" target="_blank" rel="noopener">${text}</a>`;
}

/**
 * A link to a message in Slack (`https://slack.com/archives/C…/p1700000000123456`, also a
 * workspace's own address, maybe `?thread_ts=` of its thread) opens it on this page, as Slack
 * opens it in the workspace: the channel, with the message and its thread beside it.
 */
function messageInPage(href: string): string | undefined {
  const m = /^https:\/\/(?:[a-z0-9-]+\.)?slack\.com\/archives\/([A-Z0-9]+)\/p(\d{10})(\d{6})(?:\?(.*))?$/.exec(href);
  if (!m) return undefined;
  const [, channel, seconds, micros, query] = m;
  const thread = new URLSearchParams(query ?? "").get("thread_ts");
  return `#${channel}/${thread && /^\d{10}\.\d{6}$/.test(thread) ? thread : `${seconds}.${micros}`}`;
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf("|");
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

/** <!date^1700000000^{date_short} at {time}|fallback>: shown in the reader's own time zone. */
function dateToken(target: string, fallback: string | undefined, dir: Directory): string {
  const [, epoch, format = "", link] = target.split("^");
  const when = new Date(Number(epoch) * 1000);
  if (!Number.isFinite(when.getTime())) return escapeHtml(fallback ?? target);
  const zone = dir.timeZone;
  const fmt = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("en-US", { ...o, timeZone: zone }).format(when);
  const day = (o: Intl.DateTimeFormatOptions) => {
    const key = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(d);
    const today = new Date();
    if (key(when) === key(today)) return "today";
    if (key(when) === key(new Date(today.getTime() - 86_400_000))) return "yesterday";
    if (key(when) === key(new Date(today.getTime() + 86_400_000))) return "tomorrow";
    return fmt(o);
  };
  const words: Record<string, () => string> = {
    date_num: () => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(when),
    date: () => fmt({ month: "long", day: "numeric", year: "numeric" }),
    date_short: () => fmt({ month: "short", day: "numeric", year: "numeric" }),
    date_long: () => fmt({ weekday: "long", month: "long", day: "numeric", year: "numeric" }),
    date_pretty: () => day({ month: "long", day: "numeric", year: "numeric" }),
    date_short_pretty: () => day({ month: "short", day: "numeric", year: "numeric" }),
    date_long_pretty: () => day({ weekday: "long", month: "long", day: "numeric", year: "numeric" }),
    time: () => fmt({ hour: "numeric", minute: "2-digit" }),
    time_secs: () => fmt({ hour: "numeric", minute: "2-digit", second: "2-digit" }),
    ago: () => ago(when),
  };
  const text = format.replace(/\{(\w+)\}/g, (whole, word: string) => words[word]?.() ?? whole);
  const html = `<time datetime="${when.toISOString()}" title="${escapeHtml(when.toISOString())}">${escapeHtml(text)}</time>`;
  return link
    ? `<a href="${escapeHtml(safeHref(unescapeSlack(link)))}" target="_blank" rel="noopener">${html}</a>`
    : html;
}

function ago(when: Date): string {
  const minutes = Math.round((Date.now() - when.getTime()) / 60_000);
  const abs = Math.abs(minutes);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const span =
    abs < 60
      ? unit(abs, "minute")
      : abs < 1440
        ? unit(Math.round(abs / 60), "hour")
        : unit(Math.round(abs / 1440), "day");
  return minutes >= 0 ? `${span} ago` : `in ${span}`;
}
