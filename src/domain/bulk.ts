// Bulk handling of a crisis: one guarded change per case, so a case someone else took in the
// meantime is skipped and reported, never overwritten.
import type { Case, PrismaClient } from "../generated/prisma/client.ts";
import type { Decision } from "./caseRules.ts";
import { changeCase } from "./cases.ts";
import { caseNumber } from "./vocabulary.ts";

export type BulkResult = { changed: number[]; skipped: { number: number; reason: string; message: string }[] };

export async function changeEach(
  prisma: PrismaClient,
  caseIds: number[],
  actorId: string,
  decide: (c: Case) => Decision | Promise<Decision>,
  now: Date,
): Promise<BulkResult> {
  const result: BulkResult = { changed: [], skipped: [] };
  for (const id of caseIds) {
    const r = await changeCase(prisma, id, actorId, decide, now);
    if (r.ok) result.changed.push(r.case.number);
    else {
      const c = await prisma.case.findUnique({ where: { id }, select: { number: true } });
      result.skipped.push({ number: c?.number ?? 0, reason: r.reason, message: r.message });
    }
  }
  return result;
}

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
