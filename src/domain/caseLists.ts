// "/case list" filters: what a person may type and how each is described (store/caseLists.ts
// runs the paged query).
import { ASIN_PATTERN } from "./amazon.ts";
import { argument } from "./commandWords.ts";

export type ListFilter =
  | { kind: "open" | "mine" | "unclaimed" | "breached" }
  | { kind: "user"; userId: string }
  | { kind: "asin"; asin: string };

export const LIST_HELP =
  "Use `open`, `mine`, `unclaimed`, `breached`, a person (`@name`) or an ASIN like `B00TZ73MUY`.";
export const PAGE_SIZE = 20;

export function parseListFilter(text: string): ListFilter | { error: string } {
  const t = argument(text.trim());
  if (t === "" || t === "open") return { kind: "open" };
  if (t === "mine" || t === "unclaimed" || t === "breached") return { kind: t };
  const user = t.match(/^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/);
  if (user) return { kind: "user", userId: user[1] };
  if (ASIN_PATTERN.test(t.toUpperCase())) return { kind: "asin", asin: t.toUpperCase() };
  return { error: `I can't list \`${t}\`. ${LIST_HELP}` };
}

/** The filter as the bot reads it back (the page buttons carry it): short, whatever was typed. */
export function filterText(f: ListFilter): string {
  if (f.kind === "user") return `<@${f.userId}>`;
  if (f.kind === "asin") return f.asin;
  return f.kind;
}

export function describeFilter(f: ListFilter): string {
  switch (f.kind) {
    case "open":
      return "Open cases";
    case "mine":
      return "Your open cases";
    case "unclaimed":
      return "Unclaimed cases";
    case "breached":
      return "Open cases past the first-reply deadline";
    case "user":
      return `Open cases of <@${f.userId}>`;
    case "asin":
      return `Cases for ${f.asin}`;
  }
}
