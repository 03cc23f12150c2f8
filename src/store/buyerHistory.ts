// A buyer's other cases: same order id, or the same buyer name whatever its letter case (an index
// on lower("buyerName") keeps this fast with hundreds of thousands of cases).

import type { RelatedCase } from "../domain/playbook.ts";
import type { Case, PrismaClient } from "../generated/prisma/client.ts";

export async function relatedCases(
  prisma: PrismaClient,
  c: Pick<Case, "id" | "orderId" | "buyerName">,
  limit = 10,
): Promise<{ cases: RelatedCase[]; total: number }> {
  const buyer = c.buyerName?.trim() || null;
  const cases = await prisma.$queryRaw<(RelatedCase & { total: number })[]>`
    SELECT number, "orderId", category, status, resolution, "createdAt", "channelId", "messageTs", "abuseSuspectedAt",
           (count(*) OVER ())::int AS total
    FROM "Case"
    WHERE id <> ${c.id}
      AND ("orderId" = ${c.orderId} OR (${buyer}::text IS NOT NULL AND lower("buyerName") = lower(${buyer}::text)))
    ORDER BY "createdAt" DESC, id DESC
    LIMIT ${limit}`;
  return { cases: cases.map(({ total: _, ...r }) => r), total: cases[0]?.total ?? 0 };
}

/** How many cases the same order or buyer name had before this one (the card mentions them). */
export async function countEarlierCases(
  prisma: PrismaClient,
  c: Pick<Case, "id" | "orderId" | "buyerName" | "createdAt">,
): Promise<number> {
  const buyer = c.buyerName?.trim() || null;
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Case"
    WHERE id <> ${c.id} AND "createdAt" <= ${c.createdAt}::timestamp
      AND ("orderId" = ${c.orderId} OR (${buyer}::text IS NOT NULL AND lower("buyerName") = lower(${buyer}::text)))`;
  return row?.n ?? 0;
}
