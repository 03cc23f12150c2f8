// Routing rules in the database, and routing a new case: the rule it falls under, whose turn it
// is, and the claim or suggestion that follows. One turn is decided at a time (a lock held to the
// end of the transaction), so two copies of the bot storing cases at once never give a turn twice.
import type { OutboxMessageInput } from "../domain/outboxMessages.ts";
import { type Candidate, nextOwner, type Routing, type RoutingRule, ruleFor } from "../domain/routing.ts";
import type { Category } from "../domain/vocabulary.ts";
import { type Case, Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { enqueue, enqueueSelected, selectMessages } from "./outbox.ts";

type Tx = Prisma.TransactionClient;

/** Every rule, by case type then marketplace (every marketplace first). */
export async function routingRules(db: Pick<PrismaClient, "routingRule">): Promise<RoutingRule[]> {
  const rows = await db.routingRule.findMany({ orderBy: [{ category: "asc" }, { marketplace: "asc" }] });
  return rows.map(({ category, marketplace, owners }) => ({ category, marketplace, owners }));
}

/**
 * Sets the owners of each case type in one marketplace (or every one): a type given no owners
 * has no rule there any more. One transaction: readers see the old rules or the new, never half.
 */
export async function saveRules(
  prisma: PrismaClient,
  marketplace: string,
  owners: Partial<Record<Category, string[]>>,
  byUserId: string | null,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const [category, people] of Object.entries(owners) as [Category, string[]][]) {
      const key = { category_marketplace: { category, marketplace } };
      if (people.length === 0) await tx.routingRule.deleteMany({ where: { category, marketplace } });
      else
        await tx.routingRule.upsert({
          where: key,
          create: { category, marketplace, owners: people, updatedById: byUserId },
          update: { owners: people, updatedById: byUserId },
        });
    }
  });
}

/** ROUTING_FILE at start: the file's rules replace the stored ones. */
export async function replaceRules(prisma: PrismaClient, rules: RoutingRule[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    // Copies starting together each replace the rules, one after the other.
    await tx.$executeRaw`LOCK TABLE "RoutingRule" IN EXCLUSIVE MODE`;
    await tx.routingRule.deleteMany({});
    await tx.routingRule.createMany({ data: rules.map((r) => ({ ...r, updatedById: null })) });
  });
}

/**
 * The owners of a rule as the rotation sees them — their open cases, last turn and time away —
 * leaving out anyone who may not work cases (e.g. removed from AGENT_USER_IDS since).
 */
export async function candidatesOf(
  tx: Tx,
  owners: string[],
  mayWork: (userId: string) => boolean,
): Promise<Candidate[]> {
  const allowed = owners.filter(mayWork);
  if (allowed.length === 0) return [];
  return tx.$queryRaw<Candidate[]>`
    SELECT o AS "userId", p."awayUntil", p."lastAssignedAt",
           (SELECT count(*)::int FROM "Case" WHERE status = 'claimed' AND "ownerId" = o) AS open
    FROM unnest(${allowed}::text[]) AS o LEFT JOIN "Person" p ON p."userId" = o`;
}

/**
 * A WITH item (`turns`, to join) that holds routing for the rest of the transaction when `taken`:
 * one copy decides a turn at a time, whichever rules the turn's people are in (a person can own
 * several types). It rides on a statement that is made anyway, so the lock costs no round trip;
 * what is read after it, in later statements, includes the turns another copy just gave.
 */
export const turnsLock = (taken: boolean) =>
  Prisma.sql`turns AS (SELECT pg_advisory_xact_lock(${ROUTING_LOCK}) FROM (SELECT 1) AS one WHERE ${taken})`;
/** The advisory lock key of routing turns. */
const ROUTING_LOCK = 7_040_018;

/** Takes the lock of `turnsLock` in a statement of its own (for cases stored many at once). */
export async function lockTurns(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROUTING_LOCK})`;
}

/** What routing changed on a new case: its fields as they now are in the database. */
export type Routed = Pick<Case, "routedBy" | "routedTo" | "status" | "ownerId" | "claimedAt" | "updatedAt">;

/**
 * Routes a case being created under `rule`, inside the transaction that stored it and took the
 * `turnsLock`: with someone available, the turn goes to that person — the case becomes theirs
 * (`assign`) or names them (`suggest`) — and they are told in a direct message. With nobody, the
 * case waits for Claim and nothing is queued (null): the caller queues `card` itself. Storing a
 * case stays quick: the rules are in memory and the lock rides on another statement, so a routed
 * case costs two statements: its owners' load, and one that records the turn, the case and its
 * event and queues the card and the direct message.
 */
export async function routeNewCase(
  tx: Tx,
  c: Case,
  rule: RoutingRule,
  now: Date,
  settings: Routing,
  /** Queued with the turn; none for a case whose card is queued already (an import's). */
  card?: OutboxMessageInput,
): Promise<Routed | null> {
  // Read after the lock, in a statement of its own: it sees the turns another copy just gave.
  let next = nextOwner(await candidatesOf(tx, rule.owners, settings.mayWork), now);
  // A marketplace's owners all away: the owners for every marketplace take it.
  const everywhere = rule.marketplace
    ? ruleFor(settings.rules, { category: c.category, marketplace: null })
    : undefined;
  if (!next && everywhere) {
    rule = everywhere;
    next = nextOwner(await candidatesOf(tx, rule.owners, settings.mayWork), now);
  }
  if (!next) return null;
  const assign = settings.mode === "assign";
  const routed: Routed = {
    routedBy: rule.marketplace ? `${rule.category}:${rule.marketplace}` : rule.category,
    routedTo: next.userId,
    status: assign ? "claimed" : c.status,
    ownerId: assign ? next.userId : c.ownerId,
    claimedAt: assign ? now : c.claimedAt,
    updatedAt: now,
  };
  const detail = JSON.stringify({ to: next.userId, rule: routed.routedBy });
  // The person hears of it directly, assigned or suggested.
  const dm: OutboxMessageInput = { kind: "routed_dm", caseId: c.id, person: next.userId };
  await tx.$executeRaw`
    WITH turn AS (
      INSERT INTO "Person" ("userId", "lastAssignedAt", "updatedAt") VALUES (${next.userId}, ${now}::timestamp, ${now}::timestamp)
      ON CONFLICT ("userId") DO UPDATE SET "lastAssignedAt" = EXCLUDED."lastAssignedAt", "updatedAt" = EXCLUDED."updatedAt"
    ), routed AS (
      UPDATE "Case" SET "routedBy" = ${routed.routedBy}, "routedTo" = ${routed.routedTo},
        status = ${routed.status}::"CaseStatus", "ownerId" = ${routed.ownerId}, "claimedAt" = ${routed.claimedAt}::timestamp,
        "updatedAt" = ${routed.updatedAt}::timestamp
      WHERE id = ${c.id}
    ), event AS (
      INSERT INTO "CaseEvent" ("caseId", kind, "actorId", detail, "createdAt")
      VALUES (${c.id}, ${assign ? "routed" : "suggested"}, NULL, ${detail}::jsonb, ${now}::timestamp)
    )
    ${enqueueSelected(selectMessages(card ? [card, dm] : [dm]))}`;
  return routed;
}

/**
 * At the reminder, a routed case its owner has not answered goes back to the group: it is no
 * longer theirs, and the next person in the rotation is named on the card and in its thread.
 * Looked for at every sweep (not only among the reminders just fired), so a restart between the
 * two loses none. Left as it is: a case answered, resolved, handed on or waiting on the buyer
 * meanwhile; a case offered once already; and a case with nobody else to offer it to.
 */
export async function offerAgain(
  prisma: PrismaClient,
  now: Date,
  mayWork: (userId: string) => boolean,
  logger: Pick<Console, "error">,
): Promise<number> {
  // A case its suggested person claimed themselves was not handed to them: it stays theirs.
  const routed = await prisma.$queryRaw<{ id: number }[]>`
    SELECT c.id FROM "Case" c
    WHERE c."routedBy" IS NOT NULL AND c.status = 'claimed' AND c."firstReplyAt" IS NULL
      AND c."ownerId" = c."routedTo" AND c."waitingUntil" IS NULL
      AND EXISTS (SELECT 1 FROM "CaseTimer" t WHERE t."caseId" = c.id AND t.kind = 'response_warning' AND t.status = 'fired')
      AND EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = c.id AND e.kind = 'routed')
      AND NOT EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = c.id AND e.kind = 'offered')`;
  let offered = 0;
  for (const { id: caseId } of routed) {
    const done = await prisma
      .$transaction(async (tx) => {
        const c = await tx.case.findUnique({ where: { id: caseId } });
        if (!c?.routedBy || !c.routedTo || c.status !== "claimed" || c.ownerId !== c.routedTo || c.firstReplyAt)
          return false;
        const rule = ruleFor(await routingRules(tx), c);
        const next = rule ? nextOwner(await candidatesOf(tx, rule.owners, mayWork), now, [c.ownerId]) : undefined;
        // Nobody else to offer it to (a rule of one, or none any more): it stays with its owner,
        // whom the reminder speaks to.
        if (!next) return false;
        const { count } = await tx.case.updateMany({
          where: { id: c.id, status: "claimed", ownerId: c.ownerId, firstReplyAt: null, updatedAt: c.updatedAt },
          data: { status: "new", ownerId: null, claimedAt: null, routedTo: next.userId, updatedAt: now },
        });
        if (count === 0) return false;
        const event = await tx.caseEvent.create({
          data: {
            caseId: c.id,
            kind: "offered",
            actorId: null,
            detail: { from: c.ownerId, to: next.userId, rule: c.routedBy },
            createdAt: now,
          },
        });
        await enqueue(tx, [
          { kind: "update_card", caseId: c.id },
          { kind: "history_note", caseId: c.id, eventId: event.id },
        ]);
        return true;
      })
      // One case that cannot be offered again does not hold back the others.
      .catch((err) => {
        logger.error(`Case ${caseId} could not be offered again: ${(err as Error).message}`);
        return false;
      });
    if (done) offered++;
  }
  return offered;
}
