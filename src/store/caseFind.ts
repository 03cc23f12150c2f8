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

/** A search says "1000+" rather than counting every case a common word matches. */
export const FIND_COUNT_CAP = 1000;

export async function findCases(
  prisma: PrismaClient,
  q: FindQuery,
  page: { offset: number; limit: number },
): Promise<{ cases: FoundCase[]; total: number }> {
  const words = `coalesce(description, '') || ' ' || coalesce("buyerName", '') || ' ' || coalesce("productName", '')`;
  const where = `number = $2 OR "orderId" = $1 OR asin = upper($1) OR sku = $1 OR lower("buyerName") = lower($1)
        OR to_tsvector('simple', ${words}) @@ plainto_tsquery('simple', $1)`;
  const cases = await prisma.$queryRawUnsafe<FoundCase[]>(
    `SELECT id, number, category, priority, status, "orderId", "buyerName", "createdAt", "ownerId", "channelId", "messageTs"
     FROM "Case" WHERE ${where}
     ORDER BY "createdAt" DESC, id DESC
     OFFSET $3 LIMIT $4`,
    q.text,
    q.number ?? -1,
    page.offset,
    page.limit,
  );
  // The count stops at the cap: a common word matches most cases, and counting them all is slow.
  const [{ n }] = await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM "Case" WHERE ${where} LIMIT ${FIND_COUNT_CAP + 1}) AS capped`,
    q.text,
    q.number ?? -1,
  );
  return { cases, total: Math.max(n, page.offset + cases.length) };
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
