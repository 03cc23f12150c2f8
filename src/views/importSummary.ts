// The one message an import posts: what was read, created, skipped and rejected, and why.
import type { types } from "@slack/bolt";
import type { ImportSummary } from "../domain/returnsImport.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { listWithMore } from "./lists.ts";
import { escapeMrkdwn, mrkdwnSection, plain, trimText } from "./text.ts";

const formatName = (s: ImportSummary, w: Words) =>
  w.t(s.format === "fba" ? "reports.import.format.fba" : "reports.import.format.mfn");

const top = (counts: Record<string, number>, limit: number, w: Words) => {
  const lines = Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${escapeMrkdwn(k)}: *${n}*`);
  return listWithMore(lines, limit, "more", lines.length, w);
};

/** The cases an import left without a card because of its limit, and where to find them. */
const overLimit = (s: ImportSummary, command: string, w: Words) =>
  s.overCardLimit ? ` ${w.t("reports.import.overLimit", { n: s.overCardLimit, command })}` : "";

/** A stopped import says so first: the numbers below are of the rows before it stopped. */
const stoppedLine = (s: ImportSummary, w: Words, reason = s.stoppedBy) =>
  w.t("reports.import.stopped", { rows: s.rowsRead, reason });

/** The summary as plain text (the command line and the intake API answer with it). */
export function importSummaryText(s: ImportSummary, fileName: string, w: Words = ENGLISH): string {
  const lines = [
    ...(s.stoppedBy ? [stoppedLine(s, w)] : []),
    w.t("reports.import.imported", {
      file: fileName,
      format: formatName(s, w),
      rows: s.rowsRead,
      created: s.created,
      duplicates: s.duplicates,
      rejected: s.rejectedCount,
    }),
    `${w.t("reports.import.cardsText", { carded: s.carded })}${overLimit(s, "/case list unclaimed", w)}`,
  ];
  if (s.rejectedCount)
    lines.push(
      w.t("reports.import.rejectedRows"),
      ...s.rejected.slice(0, 20).map((r) => w.t("reports.import.rejectedLineText", { line: r.line, reason: r.reason })),
      ...(s.rejectedCount > 20 ? [w.t("reports.import.moreText", { n: s.rejectedCount - 20 })] : []),
    );
  return lines.join("\n");
}

/** The message posted in the channel the import was run from: in the team's words. */
export function importSummaryMessage(
  s: ImportSummary,
  fileName: string,
  w: Words = ENGLISH,
): { text: string; blocks: types.KnownBlock[] } {
  const cards = s.withRiskWords
    ? w.t("reports.import.cardsWithRisk", { carded: s.carded, risk: s.withRiskWords })
    : w.t("reports.import.cards", { carded: s.carded });
  const blocks: types.KnownBlock[] = [
    { type: "header", text: plain(w.t("reports.import.header", { file: fileName }), 150) },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `${w.t("reports.import.counts", {
          format: formatName(s, w),
          rows: s.rowsRead,
          created: s.created,
          duplicates: s.duplicates,
          rejected: s.rejectedCount,
        })}\n${cards}${overLimit(s, "`/case list unclaimed`", w)}`,
      },
    },
  ];
  // The reason may quote the file: escaped and cut like any cell.
  if (s.stoppedBy)
    blocks.push(mrkdwnSection(`:warning: ${stoppedLine(s, w, escapeMrkdwn(trimText(s.stoppedBy, 300)))}`));
  if (s.created) {
    blocks.push({
      type: "section",
      fields: [
        { type: "mrkdwn", text: `${w.t("reports.import.byReason")}\n${top(s.byReason, 8, w)}` },
        {
          type: "mrkdwn",
          text: `${w.t("reports.import.byAsin")}\n${Object.keys(s.byAsin).length ? top(s.byAsin, 8, w) : "—"}`,
        },
      ],
    });
  }
  if (s.rejectedCount) {
    // Each line is cut so fifteen of them and the "…and N more" line fit in one section.
    const lines = s.rejected.map((r) =>
      w.t("reports.import.rejectedLine", { line: r.line, reason: escapeMrkdwn(trimText(r.reason, 160)) }),
    );
    const shown = listWithMore(lines, 15, w.t("reports.import.more"), s.rejectedCount, w);
    blocks.push(mrkdwnSection(`${w.t("reports.import.rejectedTitle")}\n${shown}`));
  }
  // The file name is the uploader's words: escaped, so "<!channel>.txt" pings nobody, and cut.
  const totals = {
    file: escapeMrkdwn(trimText(fileName, 200)),
    rows: s.rowsRead,
    created: s.created,
    duplicates: s.duplicates,
    rejected: s.rejectedCount,
  };
  const text = s.stoppedBy ? w.t("reports.import.textStopped", totals) : w.t("reports.import.text", totals);
  return { text, blocks };
}
