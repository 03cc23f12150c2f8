// Writes a returns report as cases: idempotent per row (a stable external id), in batches inside
// transactions, cards only for the returns that need action now, up to the import's card limit.
// The cards are held back until the import's summary is queued, so the summary comes first.

import { PRODUCT_NAME_MAX } from "../domain/amazon.ts";
import { cutText } from "../domain/cutText.ts";
import type { SlackMessage } from "../domain/outboxMessages.ts";
import { planClocks } from "../domain/responseClock.ts";
import {
  BATCH_SIZE,
  countBatch,
  emptySummary,
  IMPORT_SOURCE,
  type ImportOptions,
  type ImportSummary,
  noteRejection,
  type Planned,
  planReturn,
  returnDescription,
  withinCardLimit,
} from "../domain/returnsImport.ts";
import type { ReportReader } from "../domain/returnsReport.ts";
import { type Routing, ruleFor } from "../domain/routing.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { whenRequestsAnswered } from "../openRequests.ts";
import { checkWave } from "./crisisAlerts.ts";
import { enqueue } from "./outbox.ts";
import { lockTurns, routeNewCase } from "./routing.ts";

/**
 * Held cards go out by themselves after this if their summary never gets posted (the process
 * stopped mid-import, or Slack refused the summary).
 */
const CARD_HOLD_MS = 10 * 60_000;
/** Imports creating at least this many cases refresh the table's statistics. */
const ANALYZE_AFTER_ROWS = 1_000;

export type ImportResult = { summary: ImportSummary; cardCaseIds: number[] };

/** An import that stopped part-way: what it wrote stays (importing the file again skips it). */
export class ImportStopped extends Error {
  constructor(
    readonly partial: ImportResult,
    cause: unknown,
  ) {
    super((cause as Error).message, { cause });
  }
}

async function writeBatch(
  prisma: PrismaClient,
  batch: Planned[],
  o: ImportOptions,
  summary: ImportSummary,
): Promise<{ created: Planned[]; carded: number[] }> {
  return prisma.$transaction(
    async (tx) => {
      const existing = await tx.case.findMany({
        where: { source: IMPORT_SOURCE, externalId: { in: batch.map((p) => p.externalId) } },
        select: { externalId: true },
      });
      const seen = new Set(existing.map((e) => e.externalId));
      const unseen: Planned[] = [];
      for (const p of batch) {
        if (seen.has(p.externalId)) continue;
        seen.add(p.externalId);
        unseen.push(p);
      }
      if (!unseen.length) return { created: [], carded: [] };
      const fresh = withinCardLimit(summary, unseen, o.cardLimit);
      // Plain SQL with one array per column: Prisma's createMany builds large inserts slowly.
      const clocksOf = fresh.map((p) =>
        p.card ? planClocks({ createdAt: o.now, priority: p.priority, category: p.category }, o.clock) : undefined,
      );
      const col = <T>(f: (p: Planned, i: number) => T) => fresh.map(f);
      const inserted = await tx.$queryRaw<{ id: number; externalId: string }[]>`
        INSERT INTO "Case" (category, priority, "orderId", asin, sku, "orderValue", currency, description, source, "externalId",
                            "createdAt", "updatedAt", "rootCause", "returnReason", "riskPhrases", "responseDueAt", "amazonDeadline", "amazonDueAt", "productName", marketplace)
        SELECT category, priority, "orderId", asin, sku, "orderValue"::numeric, currency, description, ${IMPORT_SOURCE}, "externalId",
               "createdAt"::timestamp, ${o.now}::timestamp, "rootCause", "returnReason", "riskPhrases", "responseDueAt"::timestamp, "amazonDeadline", "amazonDueAt"::timestamp, "productName", ${o.marketplace ?? null}::text
        FROM unnest(
          ${col((p) => p.category)}::"Category"[], ${col((p) => p.priority)}::"Priority"[], ${col((p) => p.row.orderId)}::text[], ${col((p) => p.row.asin ?? null)}::text[],
          ${col((p) => p.row.sku ?? null)}::text[], ${col((p) => p.row.orderAmount ?? null)}::text[], ${col((p) => (p.row.orderAmount ? (p.row.currency ?? null) : null))}::text[],
          ${col((p) => returnDescription(p.row))}::text[], ${col((p) => p.externalId)}::text[], ${col((p) => p.row.returnDate.toISOString())}::text[],
          ${col((p) => p.rootCause ?? null)}::"RootCause"[], ${col((p) => p.row.reason)}::text[], ${col((p) => (p.risks.length ? p.risks.join(", ") : null))}::text[],
          ${col((_, i) => clocksOf[i]?.responseDueAt.toISOString() ?? null)}::text[], ${col((_, i) => clocksOf[i]?.amazonDeadline ?? null)}::"AmazonDeadline"[],
          ${col((_, i) => clocksOf[i]?.amazonDueAt?.toISOString() ?? null)}::text[],
          ${col((p) => (p.row.productName ? cutText(p.row.productName, PRODUCT_NAME_MAX) : null))}::text[]
        ) AS r(category, priority, "orderId", asin, sku, "orderValue", currency, description, "externalId", "createdAt", "rootCause", "returnReason",
               "riskPhrases", "responseDueAt", "amazonDeadline", "amazonDueAt", "productName")
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
      await enqueue(
        tx,
        carded.map((caseId) => ({ kind: "post_card", caseId, channelId: o.channelId, bulk: true })),
        { holdUntil: new Date(Date.now() + CARD_HOLD_MS) },
      );
      if (o.routing) await routeImported(tx, carded, o.now, o.routing);
      return { created: fresh.filter((p) => idOf.has(p.externalId)), carded };
    },
    { timeout: 60_000 },
  );
}

/**
 * Carded cases of types with owners are routed as they would be one by one (their cards are
 * queued already): one lock for the batch, then each case's turn sees the turns before it.
 */
async function routeImported(tx: Prisma.TransactionClient, carded: number[], now: Date, routing: Routing) {
  if (!carded.length || !routing.rules.length) return;
  const cases = await tx.case.findMany({ where: { id: { in: carded } }, orderBy: { id: "asc" } });
  const routable = cases.flatMap((c) => {
    const rule = ruleFor(routing.rules, c);
    return rule ? [{ c, rule }] : [];
  });
  if (!routable.length) return;
  await lockTurns(tx);
  for (const { c, rule } of routable) await routeNewCase(tx, c, rule, now, routing);
}

/**
 * Imports a report. Its cards are queued but held: `queueImportSummary` queues the summary and
 * lets them go, in that order.
 */
export async function importReturns(
  prisma: PrismaClient,
  report: ReportReader,
  o: ImportOptions,
): Promise<ImportResult> {
  const summary = emptySummary(report.format);
  const cardCaseIds: number[] = [];
  const waveAsins = new Set<string>();
  let batch: Planned[] = [];

  const flush = async () => {
    if (!batch.length) return;
    const { created, carded } = await writeBatch(prisma, batch, o, summary);
    cardCaseIds.push(...carded);
    countBatch(summary, batch.length, created);
    for (const p of created) if (p.row.asin) waveAsins.add(p.row.asin);
    batch = [];
  };
  try {
    for await (const r of report.rows) {
      summary.rowsRead++;
      if (!("orderId" in r)) noteRejection(summary, r);
      else batch.push(planReturn(r, o.cardRules, o.crisis));
      if (batch.length >= BATCH_SIZE) {
        await whenRequestsAnswered(); // a big file must not hold back people's clicks
        await flush();
      }
      if (summary.rowsRead % 250 === 0) o.onProgress?.(summary.rowsRead);
    }
    await flush();
  } catch (err) {
    summary.stoppedBy = (err as Error).message;
    throw new ImportStopped({ summary, cardCaseIds }, err);
  }
  o.onProgress?.(summary.rowsRead);
  // A big import changes the table's make-up: fresh statistics keep the planner on the right index
  // (the embedded database has no autovacuum to gather them, and a server may have it off).
  if (summary.created >= ANALYZE_AFTER_ROWS) await prisma.$executeRawUnsafe(`ANALYZE "Case"`);

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
  return { summary, cardCaseIds };
}

/**
 * Queues the summary of an import; once it is posted it lets the import's cards go, so the
 * summary is the import's first message whichever channel it goes to.
 */
export async function queueImportSummary(
  prisma: PrismaClient,
  channelId: string,
  message: SlackMessage,
  imported: ImportResult,
): Promise<void> {
  await enqueue(prisma, [{ kind: "message", channelId, message, releasesCards: imported.cardCaseIds }]);
}
