// Finding any case (open or resolved) by any of its keys, newest first, a page at a time; and a
// case's history. Every key has its index: order id, ASIN, SKU, lower(buyer name), the words index.
import type { FindQuery } from "../domain/caseFind.ts";
import type { Case, CaseEvent, PrismaClient } from "../generated/prisma/client.ts";

export type FoundCase = Pick<
  Case,
  | "id"
  | "number"
  | "category"
  | "priority"
  | "status"
  | "orderId"
  | "buyerName"
  | "createdAt"
  | "ownerId"
  | "channelId"
  | "messageTs"
>;

export async function findCases(
  prisma: PrismaClient,
  q: FindQuery,
  page: { offset: number; limit: number },
): Promise<{ cases: FoundCase[]; total: number }> {
  const words = `coalesce(description, '') || ' ' || coalesce("buyerName", '') || ' ' || coalesce("productName", '')`;
  // The matches are found first, through each key's index at once (materialised, so the planner
  // cannot walk every case newest first instead), then sorted and cut to the page.
  const rows = await prisma.$queryRawUnsafe<(FoundCase & { total: number })[]>(
    `WITH m AS MATERIALIZED (
       SELECT id, "createdAt" FROM "Case"
       WHERE number = $2 OR "orderId" = $1 OR asin = upper($1) OR sku = $1 OR lower("buyerName") = lower($1)
          OR to_tsvector('simple', ${words}) @@ plainto_tsquery('simple', $1)
     ), pageOf AS (
       SELECT id FROM m ORDER BY "createdAt" DESC, id DESC OFFSET $3 LIMIT $4
     )
     SELECT c.id, c.number, c.category, c.priority, c.status, c."orderId", c."buyerName", c."createdAt", c."ownerId",
            c."channelId", c."messageTs", (SELECT count(*) FROM m)::int AS total
     FROM pageOf JOIN "Case" c USING (id)
     ORDER BY c."createdAt" DESC, c.id DESC`,
    q.text,
    q.number ?? -1,
    page.offset,
    page.limit,
  );
  const total = rows[0]?.total ?? (page.offset > 0 ? (await findCases(prisma, q, { offset: 0, limit: 1 })).total : 0);
  return { cases: rows.map(({ total: _, ...c }) => c), total };
}

export async function caseByNumberOrOrder(
  prisma: PrismaClient,
  target: { number: number } | { orderId: string },
): Promise<Case | null> {
  if ("number" in target) return prisma.case.findUnique({ where: { number: target.number } });
  return prisma.case.findFirst({ where: { orderId: target.orderId }, orderBy: { createdAt: "desc" } });
}

/** The latest events of a case, oldest first. */
export async function caseHistory(prisma: PrismaClient, caseId: number, limit = 20): Promise<CaseEvent[]> {
  const events = await prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: "desc" }, take: limit });
  return events.reverse();
}
