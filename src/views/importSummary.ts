// The one message an import posts: what was read, created, skipped and rejected, and why.
import type { types } from "@slack/bolt";
import type { ImportSummary } from "../domain/returnsImport.ts";
import { listWithMore } from "./lists.ts";
import { escapeMrkdwn, mrkdwnSection, plain, trimText } from "./text.ts";

const FORMAT = { fba: "FBA customer returns report", mfn: "merchant-fulfilled returns report" } as const;

const top = (counts: Record<string, number>, limit: number) =>
  listWithMore(
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, n]) => `${escapeMrkdwn(k)}: *${n}*`),
    limit,
  );

/** The cases an import left without a card because of its limit, and where to find them. */
const overLimit = (s: ImportSummary, command: string) =>
  s.overCardLimit
    ? ` ${s.overCardLimit} more that need action are over the import's card limit (IMPORT_CARD_LIMIT) and have no card: see ${command}.`
    : "";

/** A stopped import says so first: the numbers below are of the rows before it stopped. */
const stoppedLine = (s: ImportSummary, reason = s.stoppedBy) =>
  `The import stopped after ${s.rowsRead} rows: ${reason}. The rows before were imported; import the file again once it is fixed (imported rows are skipped).`;

export function importSummaryText(s: ImportSummary, fileName: string): string {
  const lines = [
    ...(s.stoppedBy ? [stoppedLine(s)] : []),
    `Imported ${fileName} (${FORMAT[s.format]}): ${s.rowsRead} rows read, ${s.created} cases created, ${s.duplicates} duplicates skipped, ${s.rejectedCount} rows rejected.`,
    `Cards posted for ${s.carded} cases that need action now; the rest are in /case list and the weekly digest.${overLimit(s, "/case list unclaimed")}`,
  ];
  if (s.rejectedCount)
    lines.push(
      "Rejected rows:",
      ...s.rejected.slice(0, 20).map((r) => `  line ${r.line}: ${r.reason}`),
      ...(s.rejectedCount > 20 ? [`  …and ${s.rejectedCount - 20} more`] : []),
    );
  return lines.join("\n");
}

export function importSummaryMessage(s: ImportSummary, fileName: string): { text: string; blocks: types.KnownBlock[] } {
  const blocks: types.KnownBlock[] = [
    { type: "header", text: plain(`Returns import · ${fileName}`, 150) },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text:
          `${FORMAT[s.format]}: *${s.rowsRead}* rows read · *${s.created}* cases created · ${s.duplicates} duplicates skipped · ${s.rejectedCount} rejected\n` +
          `Cards posted for *${s.carded}* cases that need action now (seller-fault reasons, A-to-z claims, risk words${s.withRiskWords ? `: ${s.withRiskWords}` : ""}); the rest are in \`/case list\` and the weekly digest.${overLimit(s, "`/case list unclaimed`")}`,
      },
    },
  ];
  // The reason may quote the file: escaped and cut like any cell.
  if (s.stoppedBy) blocks.push(mrkdwnSection(`:warning: ${stoppedLine(s, escapeMrkdwn(trimText(s.stoppedBy, 300)))}`));
  if (s.created) {
    blocks.push({
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*By reason*\n${top(s.byReason, 8)}` },
        { type: "mrkdwn", text: `*By ASIN*\n${Object.keys(s.byAsin).length ? top(s.byAsin, 8) : "—"}` },
      ],
    });
  }
  if (s.rejectedCount) {
    // Each line is cut so fifteen of them and the "…and N more" line fit in one section.
    const lines = s.rejected.map((r) => `line ${r.line}: ${escapeMrkdwn(trimText(r.reason, 160))}`);
    const shown = listWithMore(lines, 15, "more", s.rejectedCount);
    blocks.push(mrkdwnSection(`*Rejected rows* (the header is line 1)\n${shown}`));
  }
  // The file name is the uploader's words: escaped, so "<!channel>.txt" pings nobody, and cut.
  const text = `Returns import ${escapeMrkdwn(trimText(fileName, 200))}: ${s.rowsRead} rows read, ${s.created} created, ${s.duplicates} duplicates, ${s.rejectedCount} rejected.${s.stoppedBy ? " Stopped part-way." : ""}`;
  return { text, blocks };
}
