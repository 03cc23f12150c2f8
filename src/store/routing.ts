// Routing rules in the database, and routing a new case: the rule it falls under, whose turn it
// is, and the claim or suggestion that follows. The rule's row is locked while a turn is decided,
// so two copies of the bot storing cases of one type at once never give the same turn twice.
import { EVERY_MARKETPLACE, nextOwner, type RoutingRule, type RoutingSettings, ruleFor } from "../domain/routing.ts";
import type { Category } from "../domain/vocabulary.ts";
import type { Case, Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { enqueue } from "./outbox.ts";

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
    await tx.routingRule.deleteMany({});
    await tx.routingRule.createMany({ data: rules.map((r) => ({ ...r, updatedById: null })) });
  });
}

/** Open cases each person holds now. */
async function openLoads(tx: Tx, people: string[]): Promise<Map<string, number>> {
  const rows = await tx.$queryRaw<{ ownerId: string; open: number }[]>`
    SELECT "ownerId", count(*)::int AS open FROM "Case"
    WHERE status = 'claimed' AND "ownerId" = ANY(${people}::text[]) GROUP BY 1`;
  return new Map(rows.map((r) => [r.ownerId, r.open]));
}

/** The owners of a rule as the rotation sees them: their open cases, last turn and time away. */
export async function candidatesOf(tx: Tx, owners: string[]) {
  const [loads, people] = await Promise.all([
    openLoads(tx, owners),
    tx.person.findMany({
      where: { userId: { in: owners } },
      select: { userId: true, awayUntil: true, lastAssignedAt: true },
    }),
  ]);
  const byId = new Map(people.map((p) => [p.userId, p]));
  return owners.map((userId) => ({
    userId,
    open: loads.get(userId) ?? 0,
    lastAssignedAt: byId.get(userId)?.lastAssignedAt ?? null,
    awayUntil: byId.get(userId)?.awayUntil ?? null,
  }));
}

export type Routed = { to: string; rule: RoutingRule; mode: RoutingSettings["mode"] };

/**
 * Routes a case being created (inside its transaction): with a rule for its type and someone
 * available, the turn goes to that person — the case becomes theirs (`assign`) or names them
 * (`suggest`) — and they are told in a direct message. Without either, the case waits for Claim.
 */
export async function routeNewCase(tx: Tx, c: Case, now: Date, settings: RoutingSettings): Promise<Routed | null> {
  // The rows that could hold the case's rule, locked: the turn is decided by one copy at a time.
  const rows = await tx.$queryRaw<RoutingRule[]>`
    SELECT category, marketplace, owners FROM "RoutingRule"
    WHERE category = ${c.category}::"Category" AND marketplace IN (${EVERY_MARKETPLACE}, ${c.marketplace ?? EVERY_MARKETPLACE})
    ORDER BY marketplace FOR UPDATE`;
  const rule = ruleFor(rows, c);
  if (!rule) return null;
  const next = nextOwner(await candidatesOf(tx, rule.owners), now);
  if (!next) return null;
  await tx.person.upsert({
    where: { userId: next.userId },
    create: { userId: next.userId, lastAssignedAt: now },
    update: { lastAssignedAt: now },
  });
  const routedBy = rule.marketplace ? `${rule.category}:${rule.marketplace}` : rule.category;
  const assign = settings.mode === "assign";
  await tx.case.update({
    where: { id: c.id },
    data: {
      routedBy,
      routedTo: next.userId,
      ...(assign ? { status: "claimed", ownerId: next.userId, claimedAt: now } : {}),
    },
  });
  await tx.caseEvent.create({
    data: {
      caseId: c.id,
      kind: assign ? "routed" : "suggested",
      actorId: null,
      detail: { to: next.userId, rule: routedBy },
      createdAt: now,
    },
  });
  if (assign) await enqueue(tx, [{ kind: "routed_dm", caseId: c.id, person: next.userId }]);
  return { to: next.userId, rule, mode: settings.mode };
}

/**
 * At the reminder, a routed case its owner has not answered goes back to the group: it is no
 * longer theirs, and the next person in the rotation is named on the card and in its thread.
 * Guarded: a case answered, resolved or handed on meanwhile is left as it is.
 */
export async function offerAgain(prisma: PrismaClient, caseIds: number[], now: Date): Promise<number> {
  // Most reminders are of cases nobody routed: those are found in one query and left alone.
  const routed = await prisma.case.findMany({
    where: { id: { in: caseIds }, routedBy: { not: null }, status: "claimed", firstReplyAt: null },
    select: { id: true },
  });
  let offered = 0;
  for (const { id: caseId } of routed) {
    const done = await prisma.$transaction(async (tx) => {
      const c = await tx.case.findUnique({ where: { id: caseId } });
      if (!c?.routedBy || !c.routedTo || c.status !== "claimed" || c.ownerId !== c.routedTo || c.firstReplyAt)
        return false;
      const rule = ruleFor(await routingRules(tx), c);
      const next = rule ? nextOwner(await candidatesOf(tx, rule.owners), now, [c.ownerId]) : undefined;
      const { count } = await tx.case.updateMany({
        where: { id: c.id, status: "claimed", ownerId: c.ownerId, firstReplyAt: null, updatedAt: c.updatedAt },
        data: { status: "new", ownerId: null, claimedAt: null, routedTo: next?.userId ?? null },
      });
      if (count === 0) return false;
      const event = await tx.caseEvent.create({
        data: {
          caseId: c.id,
          kind: "offered",
          actorId: null,
          detail: { from: c.ownerId, ...(next ? { to: next.userId } : {}), rule: c.routedBy },
          createdAt: now,
        },
      });
      await enqueue(tx, [
        { kind: "update_card", caseId: c.id },
        { kind: "history_note", caseId: c.id, eventId: event.id },
      ]);
      return true;
    });
    if (done) offered++;
  }
  return offered;
}
