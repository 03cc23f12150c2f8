// "/case list" filters: what a person may type and how each is described (store/caseLists.ts
// runs the paged query).

import type { Said } from "../i18n/i18n.ts";
import { ASIN_PATTERN } from "./amazon.ts";
import { argument } from "./commandWords.ts";

export type ListFilter =
  | { kind: "open" | "mine" | "unclaimed" | "breached" }
  | { kind: "user"; userId: string }
  | { kind: "asin"; asin: string };

export const PAGE_SIZE = 20;

export function parseListFilter(text: string): ListFilter | { error: Said } {
  const t = argument(text.trim());
  if (t === "" || t === "open") return { kind: "open" };
  if (t === "mine" || t === "unclaimed" || t === "breached") return { kind: t };
  const user = t.match(/^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/);
  if (user) return { kind: "user", userId: user[1] };
  if (ASIN_PATTERN.test(t.toUpperCase())) return { kind: "asin", asin: t.toUpperCase() };
  return { error: { key: "commands.parse.list.unknown", params: { text: t } } };
}

/** The filter as the bot reads it back (the page buttons carry it): short, whatever was typed. */
export function filterText(f: ListFilter): string {
  if (f.kind === "user") return `<@${f.userId}>`;
  if (f.kind === "asin") return f.asin;
  return f.kind;
}

export function describeFilter(f: ListFilter): Said {
  if (f.kind === "user") return { key: "commands.parse.list.user", params: { user: `<@${f.userId}>` } };
  if (f.kind === "asin") return { key: "commands.parse.list.asin", params: { asin: f.asin } };
  return { key: `commands.parse.list.${f.kind}` };
}
