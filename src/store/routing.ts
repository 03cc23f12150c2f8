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
 * The owners of a rule as the rotation sees them — their open cases (those they hold, and those
 * waiting for them to claim: suggested to them, or offered again naming them), last turn and time away —
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
           (SELECT count(*)::int FROM "Case" WHERE status = 'claimed' AND "ownerId" = o)
             + (SELECT count(*)::int FROM "Case" WHERE status = 'new' AND "routedTo" = o) AS open
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
  const turn = await turnFor(tx, c, rule, now, settings);
  if (!turn) return null;
  const { next } = turn;
  const assign = settings.mode === "assign";
  const routed: Routed = {
    routedBy: routedBy(turn.rule),
    routedTo: next.userId,
    status: assign ? "claimed" : c.status,
    ownerId: assign ? next.userId : c.ownerId,
    claimedAt: assign ? now : c.claimedAt,
    updatedAt: now,
  };
  const detail = JSON.stringify({ to: next.userId, rule: routed.routedBy });
  // The person hears of it directly, assigned or suggested (the cards of an import name them).
  const messages = card ? [card, { kind: "routed_dm", caseId: c.id, person: next.userId } as const] : [];
  // The turn is marked after every turn given before it (a rotation's order, not a clock: an
  // import gives many turns at one instant, and a clock set back must not give them again).
  await tx.$executeRaw`
    WITH turn AS (
      INSERT INTO "Person" ("userId", "lastAssignedAt", "updatedAt")
      SELECT ${next.userId}, GREATEST(${now}::timestamp, max("lastAssignedAt") + interval '1 millisecond'), ${now}::timestamp
      FROM "Person"
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
    ${messages.length ? enqueueSelected(selectMessages(messages)) : Prisma.sql`SELECT 1`}`;
  return routed;
}

/** "a_to_z_claim", or "return:DE" for a marketplace's own rule. */
const routedBy = (rule: RoutingRule) => (rule.marketplace ? `${rule.category}:${rule.marketplace}` : rule.category);

/**
 * Whose turn it is for a case under `rule`; when nobody of a marketplace's own rule is available,
 * the owners for every marketplace take it. `skip`: people left out (the owner a case is offered
 * away from); `named`: turns already named in this pass, counted as load.
 */
async function turnFor(
  tx: Tx,
  c: Pick<Case, "category" | "marketplace">,
  rule: RoutingRule,
  now: Date,
  settings: Pick<Routing, "rules" | "mayWork">,
  skip: string[] = [],
  named = new Map<string, number>(),
): Promise<{ rule: RoutingRule; next: Candidate } | undefined> {
  const everywhere = rule.marketplace
    ? ruleFor(settings.rules, { category: c.category, marketplace: null })
    : undefined;
  for (const r of everywhere ? [rule, everywhere] : [rule]) {
    // Read after the lock, in a statement of its own: it sees the turns another copy just gave.
    const candidates = (await candidatesOf(tx, r.owners, settings.mayWork)).map((p) => ({
      ...p,
      open: p.open + (named.get(p.userId) ?? 0),
    }));
    const next = nextOwner(candidates, now, skip);
    if (next) return { rule: r, next };
  }
  return undefined;
}

/**
 * At the reminder, a routed case its owner has not answered goes back to the group: it is no
 * longer theirs, and the next person in the rotation is named on the card and in its thread.
 * Decided once per case, at the first sweep after its reminder (so a restart between the two
 * loses none), and remembered: a case answered, resolved, handed on or waiting on the buyer by
 * then, one its suggested person claimed, or one nobody else can take stays as it is for good.
 */
export async function offerAgain(
  prisma: PrismaClient,
  now: Date,
  mayWork: (userId: string) => boolean,
  logger: Pick<Console, "error">,
): Promise<number> {
  const due = await prisma.$queryRaw<{ id: number }[]>`
    SELECT c.id FROM "Case" c
    WHERE c."routedBy" IS NOT NULL AND c.status = 'claimed' AND c."firstReplyAt" IS NULL AND c."reminderHandledAt" IS NULL
      AND EXISTS (SELECT 1 FROM "CaseTimer" t WHERE t."caseId" = c.id AND t.kind = 'response_warning' AND t.status = 'fired')
    ORDER BY c.id`;
  if (!due.length) return 0;
  const rules = await routingRules(prisma);
  // People named next in this pass count as busier, so a sweep's hand-offs are spread too.
  const named = new Map<string, number>();
  let offered = 0;
  for (const { id: caseId } of due) {
    const to = await prisma
      .$transaction(async (tx) => {
        const c = await tx.case.findUnique({ where: { id: caseId } });
        if (!c || c.reminderHandledAt || c.status !== "claimed" || c.firstReplyAt) return undefined;
        const handed =
          c.ownerId === c.routedTo &&
          !c.waitingUntil &&
          (await tx.caseEvent.count({ where: { caseId: c.id, kind: "routed" } })) > 0;
        const rule = handed && c.ownerId ? ruleFor(rules, c) : undefined;
        const turn =
          rule && c.ownerId ? await turnFor(tx, c, rule, now, { rules, mayWork }, [c.ownerId], named) : undefined;
        const { count } = await tx.case.updateMany({
          where: { id: c.id, status: "claimed", ownerId: c.ownerId, firstReplyAt: null, updatedAt: c.updatedAt },
          // Kept (nobody else to take it, or not a case to hand on): decided all the same.
          data: turn
            ? {
                status: "new",
                ownerId: null,
                claimedAt: null,
                routedTo: turn.next.userId,
                updatedAt: now,
                reminderHandledAt: now,
              }
            : { reminderHandledAt: now },
        });
        if (count === 0 || !turn) return undefined;
        const event = await tx.caseEvent.create({
          data: {
            caseId: c.id,
            kind: "offered",
            actorId: null,
            detail: { from: c.ownerId, to: turn.next.userId, rule: c.routedBy },
            createdAt: now,
          },
        });
        await enqueue(tx, [
          { kind: "update_card", caseId: c.id },
          { kind: "history_note", caseId: c.id, eventId: event.id },
        ]);
        return turn.next.userId;
      })
      // One case that cannot be offered again does not hold back the others.
      .catch((err) => {
        logger.error(`Case ${caseId} could not be offered again: ${(err as Error).message}`);
        return undefined;
      });
    if (to) {
      offered++;
      named.set(to, (named.get(to) ?? 0) + 1);
    }
  }
  return offered;
}
