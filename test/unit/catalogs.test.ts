// The two catalogs say the same things: every key in both, no {{placeholder}} dropped or added,
// no empty text, and every key the code asks for exists.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en, zhCN } from "../../src/i18n/catalog.ts";
import { parseLanguage, words } from "../../src/i18n/i18n.ts";

function flatten(o: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === "string") out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

const english = flatten(en);
const chinese = flatten(zhCN);

describe("the catalogs", () => {
  it("have the same keys in both languages", () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("keep every placeholder of the English text, and add none", () => {
    const dropped: string[] = [];
    for (const [key, text] of english) {
      const zh = chinese.get(key) ?? "";
      // A singular may say "one" instead of {{count}}.
      const wanted = placeholders(text).filter((p) => !(key.endsWith("_one") && p === "count"));
      const got = placeholders(zh).filter((p) => !(key.endsWith("_one") && p === "count"));
      if (JSON.stringify(wanted) !== JSON.stringify(got))
        dropped.push(`${key}: ${wanted.join(",")} ≠ ${got.join(",")}`);
    }
    expect(dropped).toEqual([]);
  });

  it("have no empty text", () => {
    const empty = [...english, ...chinese].filter(([, v]) => !v.trim()).map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it("have every key the code asks for", () => {
    // Keys are written whole in t("…") calls, so the compiler checks them; this catches one built by hand.
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = path.join(dir, f);
        if (statSync(p).isDirectory()) {
          if (f !== "generated" && f !== "i18n") walk(p);
        } else if (p.endsWith(".ts")) files.push(p);
      }
    };
    walk(path.resolve(import.meta.dirname, "../../src"));
    const asked = new Set<string>();
    for (const f of files)
      for (const m of readFileSync(f, "utf8").matchAll(/\bt\(\s*"([a-zA-Z]+\.[\w.-]+)"/g)) asked.add(m[1]);
    const plural = (k: string) => english.has(`${k}_one`) || english.has(`${k}_other`);
    expect([...asked].filter((k) => !english.has(k) && !plural(k))).toEqual([]);
  });

  it("fill in placeholders and choose plurals in each language", () => {
    expect(words("zh-CN").t("common.languageNow", { team: "英文" })).toContain("团队语言：英文");
    expect(words("en").t("common.languageUnknown", { given: "Klingon" })).toContain("“Klingon”");
    expect(parseLanguage("中文")).toBe("zh-CN");
    expect(parseLanguage("EN")).toBe("en");
    expect(parseLanguage("fr")).toBeUndefined();
  });
});
