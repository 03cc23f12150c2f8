// Turns a returns report into cases: idempotent per row (a stable external id), written in
// batches inside transactions, cards only for the returns that need action now.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { type CrisisSettings, checkWave, findRiskPhrases, raisePriority } from "./crisis.ts";
import { type ClockSettings, planClocks } from "./responseClock.ts";
import { mapReason } from "./returnReasons.ts";
import type { ReportFormat, ReportReader, ReturnRow, RowRejection } from "./returnsReport.ts";
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
  withRiskWords: number;
  rejected: RowRejection[];
  byReason: Record<string, number>;
  byAsin: Record<string, number>;
};

export type ImportOptions = {
  now: Date;
  channelId: string;
  clock: ClockSettings;
  crisis: CrisisSettings;
  cardRules: CardRule[];
  onProgress?: (rowsRead: number) => void;
};

/** order id + LPN/RMA id + SKU + return day: the same return in an overlapping report is the same case. */
export function returnExternalId(r: ReturnRow): string {
  return [r.orderId, r.returnRef ?? "", r.sku ?? "", r.returnDate.toISOString().slice(0, 10)].join("|");
}

type Planned = {
  row: ReturnRow;
  externalId: string;
  category: Category;
  priority: Priority;
  risks: string[];
  card: boolean;
  rootCause?: string;
};

function plan(r: ReturnRow, rules: CardRule[], crisis: CrisisSettings): Planned {
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

function returnDescription(r: ReturnRow): string {
  const parts = [
    `Amazon return ${r.reason}`,
    `${r.quantity} × ${r.productName ?? r.sku ?? r.asin ?? "item"}`,
    `returned ${r.returnDate.toISOString().slice(0, 10)}`,
  ];
  if (r.disposition) parts.push(`disposition ${r.disposition}`);
  if (r.returnRef) parts.push(`ref ${r.returnRef}`);
  const comment = r.comment ? `\nBuyer: “${r.comment}”` : "";
  return (parts.join(" · ") + comment).slice(0, 3000);
}

async function writeBatch(prisma: PrismaClient, batch: Planned[], o: ImportOptions): Promise<{ created: Planned[] }> {
  return prisma.$transaction(
    async (tx) => {
      const existing = await tx.case.findMany({
        where: { source: IMPORT_SOURCE, externalId: { in: batch.map((p) => p.externalId) } },
        select: { externalId: true },
      });
      const seen = new Set(existing.map((e) => e.externalId));
      const fresh: Planned[] = [];
      for (const p of batch) {
        if (seen.has(p.externalId)) continue;
        seen.add(p.externalId);
        fresh.push(p);
      }
      if (!fresh.length) return { created: [] };
      // Plain SQL with one array per column: Prisma's createMany builds large inserts slowly.
      const clocksOf = fresh.map((p) =>
        p.card ? planClocks({ createdAt: o.now, priority: p.priority, category: p.category }, o.clock) : undefined,
      );
      const col = <T>(f: (p: Planned, i: number) => T) => fresh.map(f);
      const inserted = await tx.$queryRaw<{ id: number; externalId: string }[]>`
        INSERT INTO "Case" (category, priority, "orderId", asin, sku, "orderValue", currency, description, source, "externalId",
                            "createdAt", "updatedAt", "rootCause", "returnReason", "riskPhrases", "responseDueAt", "amazonDeadline", "amazonDueAt")
        SELECT category, priority, "orderId", asin, sku, "orderValue"::numeric, currency, description, ${IMPORT_SOURCE}, "externalId",
               "createdAt"::timestamp, ${o.now}::timestamp, "rootCause", "returnReason", "riskPhrases", "responseDueAt"::timestamp, "amazonDeadline", "amazonDueAt"::timestamp
        FROM unnest(
          ${col((p) => p.category)}::text[], ${col((p) => p.priority)}::text[], ${col((p) => p.row.orderId)}::text[], ${col((p) => p.row.asin ?? null)}::text[],
          ${col((p) => p.row.sku ?? null)}::text[], ${col((p) => p.row.orderAmount ?? null)}::text[], ${col((p) => (p.row.orderAmount ? (p.row.currency ?? null) : null))}::text[],
          ${col((p) => returnDescription(p.row))}::text[], ${col((p) => p.externalId)}::text[], ${col((p) => p.row.returnDate.toISOString())}::text[],
          ${col((p) => p.rootCause ?? null)}::text[], ${col((p) => p.row.reason)}::text[], ${col((p) => (p.risks.length ? p.risks.join(", ") : null))}::text[],
          ${col((_, i) => clocksOf[i]?.responseDueAt.toISOString() ?? null)}::text[], ${col((_, i) => clocksOf[i]?.amazonDeadline ?? null)}::text[],
          ${col((_, i) => clocksOf[i]?.amazonDueAt?.toISOString() ?? null)}::text[]
        ) AS r(category, priority, "orderId", asin, sku, "orderValue", currency, description, "externalId", "createdAt", "rootCause", "returnReason",
               "riskPhrases", "responseDueAt", "amazonDeadline", "amazonDueAt")
        ON CONFLICT (source, "externalId") DO NOTHING
        RETURNING id, "externalId"`;
      const idOf = new Map(inserted.map((c) => [c.externalId, c.id]));
      const ids = inserted.map((c) => c.id);
      await tx.$executeRaw`INSERT INTO "CaseEvent" ("caseId", kind, "createdAt") SELECT unnest(${ids}::int[]), 'imported', ${o.now}::timestamp`;
      const timerRows: { caseId: number; kind: string; fireAt: string }[] = [];
      const carded: number[] = [];
      fresh.forEach((p, i) => {
        const id = idOf.get(p.externalId);
        const clocks = clocksOf[i];
        if (!id || !clocks) return;
        carded.push(id);
        for (const t of clocks.timers) timerRows.push({ caseId: id, kind: t.kind, fireAt: t.fireAt.toISOString() });
      });
      if (timerRows.length) {
        await tx.$executeRaw`INSERT INTO "CaseTimer" ("caseId", kind, "fireAt")
          SELECT * FROM unnest(${timerRows.map((t) => t.caseId)}::int[], ${timerRows.map((t) => t.kind)}::text[], ${timerRows.map((t) => t.fireAt)}::timestamp[])`;
      }
      if (carded.length) {
        await tx.$executeRaw`INSERT INTO "OutboxMessage" (kind, "caseId", "channelId", payload, "dedupeKey", "nextAttemptAt", "createdAt")
          SELECT 'post_card', id, ${o.channelId}, '{}'::jsonb, 'card:' || id, ${new Date()}::timestamp, ${new Date()}::timestamp FROM unnest(${carded}::int[]) AS id
          ON CONFLICT ("dedupeKey") DO NOTHING`;
      }
      return { created: fresh.filter((p) => idOf.has(p.externalId)) };
    },
    { timeout: 60_000 },
  );
}

export async function importReturns(
  prisma: PrismaClient,
  report: ReportReader,
  o: ImportOptions,
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    format: report.format,
    rowsRead: 0,
    created: 0,
    duplicates: 0,
    carded: 0,
    withRiskWords: 0,
    rejected: [],
    byReason: {},
    byAsin: {},
  };
  const waveAsins = new Set<string>();
  let batch: Planned[] = [];

  const flush = async () => {
    if (!batch.length) return;
    const { created } = await writeBatch(prisma, batch, o);
    summary.created += created.length;
    summary.duplicates += batch.length - created.length;
    for (const p of created) {
      summary.byReason[p.row.reason] = (summary.byReason[p.row.reason] ?? 0) + 1;
      if (p.row.asin) {
        summary.byAsin[p.row.asin] = (summary.byAsin[p.row.asin] ?? 0) + 1;
        waveAsins.add(p.row.asin);
      }
      if (p.card) summary.carded++;
      if (p.risks.length) summary.withRiskWords++;
    }
    batch = [];
  };

  for await (const r of report.rows) {
    summary.rowsRead++;
    if (!("orderId" in r)) summary.rejected.push(r);
    else batch.push(plan(r, o.cardRules, o.crisis));
    if (batch.length >= BATCH_SIZE) await flush();
    if (summary.rowsRead % 250 === 0) o.onProgress?.(summary.rowsRead);
  }
  await flush();
  o.onProgress?.(summary.rowsRead);

  // Early warning once per ASIN for the whole file, not once per row.
  for (const asin of waveAsins) {
    const latest = await prisma.case.findFirst({
      where: { asin, source: IMPORT_SOURCE },
      orderBy: { createdAt: "desc" },
      select: { id: true, asin: true, createdAt: true },
    });
    if (latest) await checkWave(prisma, latest, o.now, o.crisis);
  }
  // Imported risk cases are raised a priority, tagged and carded; the summary counts them.
  return summary;
}
