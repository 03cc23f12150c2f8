// Cases in the database: creation (idempotent per source + external id), guarded changes (one
// at a time, or one by one for a bulk action), and the reads around them.
import type { Logger } from "@slack/bolt";
import type { BulkResult } from "../domain/bulk.ts";
import type { NewCaseInput } from "../domain/caseInput.ts";
import { type CaseRefusal, type Decision, refusal } from "../domain/caseRules.ts";
import { type CrisisSettings, findRiskPhrases, raisePriority } from "../domain/crisis.ts";
import { DEFECT_CATEGORIES } from "../domain/odr.ts";
import { type ClockSettings, clocksToStop, planClocks } from "../domain/responseClock.ts";
import { type Routing, ruleFor } from "../domain/routing.ts";
import { type Priority, priorityFor } from "../domain/vocabulary.ts";
import { type Case, type CaseEvent, Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { checkWave, raiseRiskHeadsUp } from "./crisisAlerts.ts";
import { enqueue } from "./outbox.ts";
import { routeNewCase, turnsLock } from "./routing.ts";
import { setTimers, stopClocks } from "./timers.ts";

export type CreatedCase = { case: Case; created: boolean };

export async function createCase(
  prisma: PrismaClient,
  input: NewCaseInput & { source: string; createdById?: string },
  opts: {
    channelId: string;
    now: Date;
    clock: ClockSettings;
    crisis: CrisisSettings;
    /** Told when the early-warning checks fail; the case is stored all the same. */
    logger: Pick<Logger, "error">;
    /** Told about a new defect (review, claim, chargeback) in a marketplace, to re-read its ODR. */
    onDefect?: (marketplace: string) => void;
    /** Owners per case type: a case of a type with owners goes to one of them in turn. */
    routing?: Routing;
  },
): Promise<CreatedCase> {
  const externalId = input.externalId ?? null;
  if (externalId) {
    const existing = await prisma.case.findUnique({
      where: { source_externalId: { source: input.source, externalId } },
    });
    if (existing) return { case: existing, created: false };
  }
  // Risk words ("broken", "质量差"…) mean the buyer may file a claim next: one priority up.
  const risks = findRiskPhrases(input.description, opts.crisis.riskPhrases);
  const basePriority: Priority = input.priority ?? priorityFor(input.category);
  const priority = risks.length ? raisePriority(basePriority) : basePriority;
  const clocks = planClocks({ createdAt: opts.now, priority, category: input.category }, opts.clock);
  try {
    const c = await prisma.$transaction(async (tx) => {
      const c = await tx.case.create({
        data: {
          category: input.category,
          priority,
          orderId: input.orderId,
          asin: input.asin,
          sku: input.sku,
          marketplace: input.marketplace,
          orderValue: input.orderValue,
          currency: input.currency,
          buyerName: input.buyerName,
          productName: input.productName,
          description: input.description,
          source: input.source,
          externalId,
          createdById: input.createdById,
          createdAt: opts.now,
          responseDueAt: clocks.responseDueAt,
          amazonDeadline: clocks.amazonDeadline,
          amazonDueAt: clocks.amazonDueAt,
          riskPhrases: risks.length ? risks.join(", ") : null,
        },
      });
      await tx.caseTimer.createMany({ data: clocks.timers.map((t) => ({ caseId: c.id, ...t })) });
      // A case with a rule to follow takes the routing lock in the statement of its first event.
      // Its turn is then read in later statements, each with a fresh snapshot: this relies on the
      // databases' default isolation (READ COMMITTED), as every transaction of the bot does.
      const rule = opts.routing && ruleFor(opts.routing.rules, c);
      await tx.$executeRaw`
        WITH ${turnsLock(Boolean(rule))}
        INSERT INTO "CaseEvent" ("caseId", kind, "actorId", detail, "createdAt")
        SELECT ${c.id}, 'created', ${input.createdById ?? null}, ${JSON.stringify({ source: input.source })}::jsonb,
               ${opts.now}::timestamp
        FROM (SELECT 1) AS one LEFT JOIN turns ON true`;
      const card = { kind: "post_card", caseId: c.id, channelId: opts.channelId } as const;
      // A routed case's card is queued with its turn, in the same statement.
      const routed = rule && opts.routing ? await routeNewCase(tx, c, rule, opts.now, opts.routing, card) : null;
      if (!routed) await enqueue(tx, [card]);
      return routed ? { ...c, ...routed } : c;
    });
    await watchForCrisis(prisma, c, opts.now, opts.crisis, opts.logger);
    if (c.marketplace && DEFECT_CATEGORIES.includes(c.category)) opts.onDefect?.(c.marketplace);
    return { case: c, created: true };
  } catch (err) {
    // Two deliveries of the same external id raced: the other one created it.
    if (externalId && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const existing = await prisma.case.findUnique({
        where: { source_externalId: { source: input.source, externalId } },
      });
      if (existing) return { case: existing, created: false };
    }
    throw err;
  }
}

/** Early warning on every new case. The case is stored whatever happens here. */
async function watchForCrisis(
  prisma: PrismaClient,
  c: Case,
  now: Date,
  crisis: CrisisSettings,
  logger: Pick<Logger, "error">,
): Promise<void> {
  try {
    await checkWave(prisma, c, now, crisis);
    if (c.riskPhrases) await raiseRiskHeadsUp(prisma, c, now, crisis);
  } catch (err) {
    logger.error(`Crisis checks for case ${c.id} failed: ${(err as Error).message}; the periodic scan will catch up`);
  }
}

export async function findCase(prisma: PrismaClient, caseId: number): Promise<Case | null> {
  return prisma.case.findUnique({ where: { id: caseId } });
}

export function findEvent(prisma: PrismaClient, eventId: number): Promise<CaseEvent | null> {
  return prisma.caseEvent.findUnique({ where: { id: eventId } });
}

/** Remembers where a card was posted; a second post of the same card changes nothing. */
export async function recordCardPosted(
  prisma: PrismaClient,
  caseId: number,
  channelId: string,
  messageTs: string | undefined,
): Promise<void> {
  await prisma.case.updateMany({ where: { id: caseId, messageTs: null }, data: { channelId, messageTs } });
}

export type ChangeResult = { ok: true; case: Case } | CaseRefusal;

/**
 * Applies a decision to a case as a guarded update: it only lands if the case is still exactly as
 * the decision saw it (same status, owner and last change). Otherwise the decision is taken again
 * on the fresh record — so of several simultaneous clicks exactly one wins and the others are told why.
 */
export async function changeCase(
  prisma: PrismaClient,
  caseId: number,
  actorId: string,
  decide: (c: Case) => Decision | Promise<Decision>,
  now: Date,
): Promise<ChangeResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await prisma.case.findUnique({ where: { id: caseId } });
    if (!current) return refusal("not_found", "card.refusal.gone");
    const decision = await decide(current);
    if (!decision.ok) return decision;
    const updatedAt = new Date(Math.max(now.getTime(), current.updatedAt.getTime() + 1));
    const landed = await prisma.$transaction(async (tx) => {
      const { count } = await tx.case.updateMany({
        where: { id: caseId, status: current.status, ownerId: current.ownerId, updatedAt: current.updatedAt },
        data: { ...decision.data, updatedAt },
      });
      if (count === 0) return false;
      const event = await tx.caseEvent.create({
        data: {
          caseId,
          kind: decision.event.kind,
          actorId,
          detail: (decision.event.detail ?? undefined) as Prisma.InputJsonValue | undefined,
          createdAt: now,
        },
      });
      // Re-render the card (the worker reads the record as it is when delivering, and folds
      // several pending re-renders of one card into one) and add the event's line to its thread.
      await enqueue(tx, [
        { kind: "update_card", caseId },
        { kind: "history_note", caseId, eventId: event.id },
        ...(decision.messages ?? []),
      ]);
      await stopClocks(tx, caseId, [...clocksToStop(current, decision.data), ...(decision.stopTimers ?? [])]);
      if (decision.timers?.length) await setTimers(tx, caseId, decision.timers);
      return true;
    });
    if (landed) return { ok: true, case: { ...current, ...decision.data, updatedAt } as Case };
  }
  return refusal("busy", "card.refusal.busy");
}

/** One guarded change per case, so a case someone else took in the meantime is skipped and reported, never overwritten. */
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
      result.skipped.push({ number: c?.number ?? 0, reason: r.reason, message: r.message, said: r.said });
    }
  }
  return result;
}

export async function lastEventAt(
  prisma: PrismaClient,
  caseId: number,
  kind: string,
  actorId: string,
): Promise<Date | undefined> {
  const e = await prisma.caseEvent.findFirst({
    where: { caseId, kind, actorId },
    orderBy: { id: "desc" },
    select: { createdAt: true },
  });
  return e?.createdAt;
}
