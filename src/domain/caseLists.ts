// "/case list" filters and the paged query behind them.
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { ASIN_PATTERN } from "./amazon.ts";
import type { CaseRef } from "./triage.ts";

export type ListFilter =
  | { kind: "open" | "mine" | "unclaimed" | "breached" }
  | { kind: "user"; userId: string }
  | { kind: "asin"; asin: string };

export const LIST_HELP =
  "Use `open`, `mine`, `unclaimed`, `breached`, a person (`@name`) or an ASIN like `B00TZ73MUY`.";
export const PAGE_SIZE = 20;

export function parseListFilter(text: string): ListFilter | { error: string } {
  const t = text.trim();
  if (t === "" || t === "open") return { kind: "open" };
  if (t === "mine" || t === "unclaimed" || t === "breached") return { kind: t };
  const user = t.match(/^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/);
  if (user) return { kind: "user", userId: user[1] };
  if (ASIN_PATTERN.test(t.toUpperCase())) return { kind: "asin", asin: t.toUpperCase() };
  return { error: `I can't list \`${t}\`. ${LIST_HELP}` };
}

export function describeFilter(f: ListFilter): string {
  switch (f.kind) {
    case "open":
      return "Open cases";
    case "mine":
      return "Your open cases";
    case "unclaimed":
      return "Unclaimed cases";
    case "breached":
      return "Open cases past the first-reply deadline";
    case "user":
      return `Open cases of <@${f.userId}>`;
    case "asin":
      return `Cases for ${f.asin}`;
  }
}

const OPEN = { status: { in: ["new", "claimed"] } };

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
      select: {
        number: true,
        category: true,
        priority: true,
        status: true,
        createdAt: true,
        ownerId: true,
        channelId: true,
        messageTs: true,
      },
    }),
  ]);
  return { cases, total };
}
