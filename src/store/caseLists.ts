// The paged query behind "/case list".
import { type ListFilter, PAGE_SIZE } from "../domain/caseLists.ts";
import type { CaseRef } from "../domain/triage.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

const OPEN: Prisma.CaseWhereInput = { status: { in: ["new", "claimed"] } };

function where(f: ListFilter, viewerId: string): Prisma.CaseWhereInput {
  switch (f.kind) {
    case "open":
      return OPEN;
    case "mine":
      return { ...OPEN, ownerId: viewerId };
    case "unclaimed":
      return { status: "new" };
    case "breached":
      return { ...OPEN, breachedAt: { not: null }, firstReplyAt: null };
    case "user":
      return { ...OPEN, ownerId: f.userId };
    case "asin":
      return { asin: f.asin };
  }
}

/** The columns of a case line in lists and reports (CaseRef). */
export const CASE_REF_SELECT = {
  number: true,
  category: true,
  priority: true,
  status: true,
  createdAt: true,
  ownerId: true,
  channelId: true,
  messageTs: true,
} as const satisfies Prisma.CaseSelect;

/** One page, oldest first (newest first for an ASIN's history). */
export async function listCases(
  prisma: PrismaClient,
  f: ListFilter,
  viewerId: string,
  page: number,
): Promise<{ cases: CaseRef[]; total: number }> {
  const w = where(f, viewerId);
  const [total, cases] = await Promise.all([
    prisma.case.count({ where: w }),
    prisma.case.findMany({
      where: w,
      orderBy: [{ createdAt: f.kind === "asin" ? "desc" : "asc" }, { id: "asc" }],
      skip: page * PAGE_SIZE,
      take: PAGE_SIZE,
      select: CASE_REF_SELECT,
    }),
  ]);
  return { cases, total };
}
