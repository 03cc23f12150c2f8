// Bulk handling of a crisis: what a bulk action changed and skipped, and how that is told
// (store/cases.ts changeEach applies it, one guarded change per case), in the reader's words.
import type { Key } from "../i18n/catalog.ts";
import { ENGLISH, type Params, type Said, say, type Words } from "../i18n/i18n.ts";
import { caseNumber } from "./vocabulary.ts";

/** `said` is a skipped case's reason in any language; `message` is the same in English. */
export type BulkResult = {
  changed: number[];
  skipped: { number: number; reason: string; message: string; said?: Said }[];
};

/**
 * "Claimed 18 cases: AS-1001, …. Skipped 2: AS-1003 is already claimed by <@U2>. …". `done` is the
 * head's key, given {{count}} and {{cases}} (and `params`).
 */
export function bulkSummary(w: Words, done: Key, r: BulkResult, ignore: string[] = [], params: Params = {}): string {
  const shown = r.skipped.filter((s) => !ignore.includes(s.reason));
  const head = r.changed.length
    ? w.t(done, { ...params, count: r.changed.length, cases: r.changed.map(caseNumber).join(", ") })
    : w.t("alerts.bulk.nothing");
  if (!shown.length) return head;
  const lines = shown.slice(0, 20).map((s) => `• ${s.said ? say(w, s.said) : s.message}`);
  const more = shown.length > 20 ? `\n${w.t("alerts.bulk.more", { n: w.num(shown.length - 20) })}` : "";
  return `${head}\n${w.t("alerts.bulk.skipped", { count: shown.length })}\n${lines.join("\n")}${more}`;
}

/** A bulk action covers at most `limit` cases of an alert: say so, and where to find the rest. */
export function coveredOnly(limit: number, subject: string, w: Words = ENGLISH): string {
  const list = /^[A-Z0-9]{10}$/.test(subject) ? `/case list ${subject}` : "/case list open";
  return `\n${w.t("alerts.bulk.coveredOnly", { limit: w.num(limit), list })}`;
}
