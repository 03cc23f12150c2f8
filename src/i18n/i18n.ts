// The bot's two languages. Views take a Words (a language's translate and number formatting) and
// stay pure; who reads a message decides its language: the team's (TEAM_LANGUAGE) for shared
// channels, each person's own choice (/case language) for what only they see.
import i18next from "i18next";
import { en, type Key, zhCN } from "./catalog.ts";

export const LANGUAGES = ["en", "zh-CN"] as const;
export type Lang = (typeof LANGUAGES)[number];

const instance = i18next.createInstance();
void instance.init({
  resources: { en: { translation: en }, "zh-CN": { translation: zhCN } },
  lng: "en",
  fallbackLng: "en",
  initAsync: false,
  // Block Kit text is escaped where it is built (views/text.ts), not here.
  interpolation: { escapeValue: false },
});

export type Params = Record<string, string | number | undefined>;

export type Words = {
  lang: Lang;
  /** The text of a key in this language, its {{placeholders}} filled in ({{count}} picks the plural). */
  t(key: Key, params?: Params): string;
  /** A number as this language writes it: 1,234.5. */
  num(n: number, fractionDigits?: number): string;
};

const made = new Map<Lang, Words>();

export function words(lang: Lang): Words {
  let w = made.get(lang);
  if (!w) {
    const fixed = instance.getFixedT(lang);
    w = {
      lang,
      t: (key, params) => String((fixed as unknown as (k: string, p?: Params) => unknown)(key, params)),
      num: (n, digits) =>
        new Intl.NumberFormat(
          lang,
          digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits },
        ).format(n),
    };
    made.set(lang, w);
  }
  return w;
}

export const ENGLISH = words("en");

/** "zh", "中文", "Chinese", "en", "英文"…: the language meant, if any. */
export function parseLanguage(text: string): Lang | undefined {
  const v = text.trim().toLowerCase();
  if (["en", "en-us", "en-gb", "english", "英文", "英语"].includes(v)) return "en";
  if (["zh", "zh-cn", "zh-hans", "cn", "chinese", "中文", "简体中文", "汉语"].includes(v)) return "zh-CN";
  return undefined;
}

/**
 * Something a rule says to a person (a refusal, a reason), as a key and its values: the rule stays
 * pure and language-free; the handler or view says it in the reader's language.
 */
export type Said = { key: Key; params?: Params };
export const say = (w: Words, s: Said): string => w.t(s.key, s.params);
