// Bulk handling of a crisis: what a bulk action changed and skipped, and how that is told
// (store/cases.ts changeEach applies it, one guarded change per case).
import { caseNumber } from "./vocabulary.ts";

export type BulkResult = { changed: number[]; skipped: { number: number; reason: string; message: string }[] };

/** "Claimed 18 cases. Skipped 2: AS-1003 is already claimed by <@U2>. …" */
export function bulkSummary(verb: string, r: BulkResult, ignore: string[] = []): string {
  const shown = r.skipped.filter((s) => !ignore.includes(s.reason));
  const head = r.changed.length
    ? `${verb} ${r.changed.length} case${r.changed.length === 1 ? "" : "s"}: ${r.changed.map(caseNumber).join(", ")}.`
    : `Nothing to do: no case was changed.`;
  if (!shown.length) return head;
  const lines = shown.slice(0, 20).map((s) => `• ${s.message}`);
  const more = shown.length > 20 ? `\n…and ${shown.length - 20} more` : "";
  return `${head}\nSkipped ${shown.length}:\n${lines.join("\n")}${more}`;
}

/** A bulk action covers at most `limit` cases of an alert: say so, and where to find the rest. */
export function coveredOnly(limit: number, subject: string): string {
  const list = /^[A-Z0-9]{10}$/.test(subject) ? `/case list ${subject}` : "/case list open";
  return `\nThis alert has more than ${limit} cases: only the first ${limit} were covered. Find the rest with \`${list}\`.`;
}
