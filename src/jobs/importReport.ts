// Imports a returns report as cases and queues its one summary message, whoever brought the file:
// a person in Slack, the intake API, or a scheduled pull from Amazon.

import type { Readable } from "node:stream";
import type { AppDeps } from "../deps.ts";
import type { ImportSummary } from "../domain/returnsImport.ts";
import { readReturnsReport } from "../domain/returnsReport.ts";
import { routingOf } from "../handlers/storeNewCase.ts";
import { words } from "../i18n/i18n.ts";
import { type ImportResult, ImportStopped, importReturns, queueImportSummary } from "../store/returnsImport.ts";
import { importSummaryMessage } from "../views/importSummary.ts";

export type ImportDeps = Pick<AppDeps, "prisma" | "config" | "now" | "wakeOutbox" | "routingRules">;

/**
 * Imports a report and queues its summary for `channel`; the import's cards follow the summary.
 * An import that stopped part-way keeps what it wrote and is summed up as far as it got (its
 * `stoppedBy` says why); one that wrote nothing throws.
 * Used by /case import, the intake API and the pulls from Amazon.
 */
export async function runImport(
  deps: ImportDeps,
  file: Readable,
  name: string,
  channel: string,
  /** `marketplace`: the one every row is from, when the report is one marketplace's (Amazon's pulls). */
  opts: { quietWhenNothingNew?: boolean; marketplace?: string } = {},
): Promise<ImportSummary> {
  const report = await readReturnsReport(file);
  let imported: ImportResult;
  try {
    imported = await importReturns(deps.prisma, report, {
      now: deps.now(),
      channelId: deps.config.casesChannel,
      clock: deps.config.clock,
      crisis: deps.config.crisis,
      cardRules: deps.config.importCardRules,
      cardLimit: deps.config.importCardLimit,
      routing: routingOf(deps.config, deps.routingRules.current()),
      marketplace: opts.marketplace,
    });
  } catch (err) {
    if (!(err instanceof ImportStopped) || err.partial.summary.created === 0) throw err;
    imported = err.partial;
  }
  const { summary } = imported;
  // A scheduled pull that found nothing new has nothing to say: its reports overlap, so the same
  // returns (and the same bad rows) come again and again.
  if (opts.quietWhenNothingNew && !summary.created && !summary.stoppedBy) return summary;
  // Posted in a channel: in the team's words.
  const message = importSummaryMessage(summary, name, words(deps.config.language));
  await queueImportSummary(deps.prisma, channel, message, imported);
  deps.wakeOutbox();
  return imported.summary;
}
