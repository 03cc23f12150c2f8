// How a returns report becomes cases: each row's stable external id, its category and priority,
// whether it gets a card now, and the summary of an import (store/returnsImport.ts writes them).

import { type CrisisSettings, findRiskPhrases, raisePriority } from "./crisis.ts";
import { cutText } from "./cutText.ts";
import type { ClockSettings } from "./responseClock.ts";
import { mapReason } from "./returnReasons.ts";
import type { ReportFormat, ReturnRow, RowRejection } from "./returnsReport.ts";
import type { Routing } from "./routing.ts";
import type { Category, Priority } from "./vocabulary.ts";

export const IMPORT_SOURCE = "amazon-returns";
export const BATCH_SIZE = 500;
export type CardRule = "seller_fault" | "claims" | "risk_words";
export const DEFAULT_CARD_RULES: CardRule[] = ["seller_fault", "claims", "risk_words"];

export type ImportSummary = {
  format: ReportFormat;
  rowsRead: number;
  created: number;
  duplicates: number;
  carded: number;
  /** Cases that needed a card but came after the import's card limit: found with /case list. */
  overCardLimit: number;
  withRiskWords: number;
  /** The first KEPT_REJECTIONS rejected rows, for the summary; `rejectedCount` counts them all. */
  rejected: RowRejection[];
  rejectedCount: number;
  byReason: Record<string, number>;
  byAsin: Record<string, number>;
  /** Why the import stopped part-way (the rows before it were imported); absent when it finished. */
  stoppedBy?: string;
};

export type ImportOptions = {
  now: Date;
  channelId: string;
  clock: ClockSettings;
  crisis: CrisisSettings;
  cardRules: CardRule[];
  /** At most this many cards per import; the cases beyond it are listed, not posted. */
  cardLimit: number;
  /** Owners per case type: a carded case of a type with owners goes to one of them in turn. */
  routing?: Routing;
  /** The marketplace of every row, when the report is one marketplace's (a file does not say). */
  marketplace?: string;
  onProgress?: (rowsRead: number) => void;
};

/** Cards one import may post unless IMPORT_CARD_LIMIT says otherwise: a few minutes of one channel. */
export const DEFAULT_IMPORT_CARD_LIMIT = 200;

/** order id + LPN/RMA id + SKU + return day: the same return in an overlapping report is the same case. */
export function returnExternalId(r: ReturnRow): string {
  return [r.orderId, r.returnRef ?? "", r.sku ?? "", r.returnDate.toISOString().slice(0, 10)].join("|");
}

/** A report row as it will be stored. */
export type Planned = {
  row: ReturnRow;
  externalId: string;
  category: Category;
  priority: Priority;
  risks: string[];
  card: boolean;
  rootCause?: string;
};

/** Category, priority and card of a row, by the reason code, A-to-z claim and risk words. */
export function planReturn(r: ReturnRow, rules: CardRule[], crisis: CrisisSettings): Planned {
  const m = mapReason(r.reason);
  const risks = r.comment ? findRiskPhrases(r.comment, crisis.riskPhrases) : [];
  const category: Category = r.aToZClaim ? "a_to_z_claim" : m.category;
  let priority: Priority = r.aToZClaim ? "urgent" : m.sellerFault || m.group === "unknown" ? "high" : "normal";
  if (risks.length) priority = raisePriority(priority);
  const card =
    (rules.includes("seller_fault") && m.sellerFault) ||
    (rules.includes("claims") && r.aToZClaim) ||
    (rules.includes("risk_words") && risks.length > 0);
  return { row: r, externalId: returnExternalId(r), category, priority, risks, card, rootCause: m.rootCause };
}

export function returnDescription(r: ReturnRow): string {
  const parts = [
    `Amazon return ${r.reason}`,
    `${r.quantity} × ${r.productName ?? r.sku ?? r.asin ?? "item"}`,
    `returned ${r.returnDate.toISOString().slice(0, 10)}`,
  ];
  if (r.disposition) parts.push(`disposition ${r.disposition}`);
  if (r.returnRef) parts.push(`ref ${r.returnRef}`);
  const comment = r.comment ? `\nBuyer: “${r.comment}”` : "";
  return cutText(parts.join(" · ") + comment, 3000);
}

export function emptySummary(format: ReportFormat): ImportSummary {
  return {
    format,
    rowsRead: 0,
    created: 0,
    duplicates: 0,
    carded: 0,
    overCardLimit: 0,
    withRiskWords: 0,
    rejected: [],
    rejectedCount: 0,
    byReason: {},
    byAsin: {},
  };
}

/** A report with thousands of bad rows keeps this many to show; the rest are only counted. */
export const KEPT_REJECTIONS = 100;

export function noteRejection(summary: ImportSummary, r: RowRejection): void {
  summary.rejectedCount++;
  if (summary.rejected.length < KEPT_REJECTIONS) summary.rejected.push(r);
}

/**
 * Keeps an import within its card limit: a new case that needs a card gets one while the limit
 * allows, otherwise it is counted as over the limit (no card, no clock; the summary says where it
 * is). Urgent cases (A-to-z claims, risk words on a high-priority return) always get theirs:
 * Amazon's clock runs on them.
 */
export function withinCardLimit(summary: ImportSummary, fresh: Planned[], limit: number): Planned[] {
  let left = Math.max(0, limit - summary.carded);
  return fresh.map((p) => {
    if (!p.card) return p;
    if (left > 0 || p.priority === "urgent") {
      left--;
      return p;
    }
    summary.overCardLimit++;
    return { ...p, card: false };
  });
}

/** Counts a written batch into the summary: what was created, by reason and ASIN; the rest were duplicates. */
export function countBatch(summary: ImportSummary, batchSize: number, created: Planned[]): void {
  summary.created += created.length;
  summary.duplicates += batchSize - created.length;
  for (const p of created) {
    summary.byReason[p.row.reason] = (summary.byReason[p.row.reason] ?? 0) + 1;
    if (p.row.asin) summary.byAsin[p.row.asin] = (summary.byAsin[p.row.asin] ?? 0) + 1;
    if (p.card) summary.carded++;
    if (p.risks.length) summary.withRiskWords++;
  }
}
