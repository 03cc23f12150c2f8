// What a person's Home tab shows, read in a few indexed queries: their open cases by deadline,
// those waiting on the buyer, unclaimed cases near or past their deadline, until when they are away,
// and for leads the team.
import type { OdrReading } from "../domain/odr.ts";
import type { Case, PrismaClient } from "../generated/prisma/client.ts";
import { marketplacesWithOrders, readOdr } from "./odr.ts";
import { awayOf } from "./people.ts";

export const HOME_MY_CASES = 15;
export const HOME_WAITING = 10;
export const HOME_NEEDS_SOMEONE = 8;
/** Unclaimed cases due within this long show under "Needs someone". */
const NEEDS_SOMEONE_WITHIN_MS = 15 * 60_000;

export type HomeData = {
  mine: { cases: Case[]; total: number };
  waiting: { cases: Case[]; total: number };
  needsSomeone: { cases: Case[]; total: number };
  /** The day the person is back, while they are away (routing gives them no new cases until then). */
  awayUntil?: Date;
  team?: {
    open: number;
    unclaimed: number;
    overdue: number;
    loads: { userId: string; open: number }[];
    odr: OdrReading[];
  };
};

/** The deadline a case is worked to: its first reply, Amazon's clock, a refund. Earliest first. */
const DEADLINE = `LEAST(
  CASE WHEN "firstReplyAt" IS NULL THEN "responseDueAt" END,
  CASE WHEN "amazonDeadline" IS NOT NULL AND NOT ("amazonDeadline" = 'buyer_message' AND "firstReplyAt" IS NOT NULL) THEN "amazonDueAt" END,
  "refundDueAt")`;

/** Counts stop here: a Home tab says "1000+" rather than counting a backlog of 100,000 each time. */
export const HOME_COUNT_CAP = 1000;

async function page(prisma: PrismaClient, where: string, params: unknown[], order: string, limit: number) {
  const cases = await prisma.$queryRawUnsafe<Case[]>(
    `SELECT * FROM "Case" WHERE ${where} ORDER BY ${order} LIMIT ${limit}`,
    ...params,
  );
  const total =
    cases.length < limit
      ? cases.length
      : (
          await prisma.$queryRawUnsafe<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM (SELECT 1 FROM "Case" WHERE ${where} LIMIT ${HOME_COUNT_CAP + 1}) AS capped`,
            ...params,
          )
        )[0].n;
  return { cases, total };
}

export async function homeData(
  prisma: PrismaClient,
  userId: string,
  now: Date,
  isLead: boolean,
  odrLimit = 1,
): Promise<HomeData> {
  const mine = await page(
    prisma,
    `"ownerId" = $1 AND status = 'claimed' AND ("waitingUntil" IS NULL OR "waitingUntil" <= $2)`,
    [userId, now],
    `${DEADLINE} ASC NULLS LAST, "createdAt", id`,
    HOME_MY_CASES,
  );
  const waiting = await page(
    prisma,
    `"ownerId" = $1 AND status = 'claimed' AND "waitingUntil" > $2`,
    [userId, now],
    `"waitingUntil", id`,
    HOME_WAITING,
  );
  const needsSomeone = await page(
    prisma,
    `status = 'new' AND ("breachedAt" IS NOT NULL OR "responseDueAt" <= $1)`,
    [new Date(now.getTime() + NEEDS_SOMEONE_WITHIN_MS)],
    `"responseDueAt" ASC NULLS LAST, id`,
    HOME_NEEDS_SOMEONE,
  );
  const awayUntil = await awayOf(prisma, userId, now);
  if (!isLead) return { mine, waiting, needsSomeone, awayUntil };
  const [counts] = await prisma.$queryRaw<{ open: number; unclaimed: number; overdue: number }[]>`
    SELECT count(*)::int AS open,
           count(*) FILTER (WHERE status = 'new')::int AS unclaimed,
           count(*) FILTER (WHERE "breachedAt" IS NOT NULL AND "firstReplyAt" IS NULL)::int AS overdue
    FROM "Case" WHERE status IN ('new', 'claimed')`;
  const loads = await prisma.$queryRaw<{ userId: string; open: number }[]>`
    SELECT "ownerId" AS "userId", count(*)::int AS open FROM "Case"
    WHERE status = 'claimed' AND "ownerId" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`;
  const odr: OdrReading[] = [];
  for (const m of await marketplacesWithOrders(prisma)) {
    const reading = await readOdr(prisma, m, now, odrLimit);
    if (reading) odr.push(reading);
  }
  return { mine, waiting, needsSomeone, awayUntil, team: { ...counts, loads, odr } };
}

/** Someone opened the Home tab: from now on it is kept up to date for them. */
export async function recordHomeOpened(prisma: PrismaClient, userId: string, now: Date): Promise<void> {
  await prisma.person.upsert({
    where: { userId },
    create: { userId, homeOpenedAt: now },
    update: { homeOpenedAt: now },
  });
}

/** Of these people, those who have opened the Home tab. */
export async function peopleWithHome(prisma: PrismaClient, userIds: string[]): Promise<string[]> {
  if (!userIds.length) return [];
  const rows = await prisma.person.findMany({
    where: { userId: { in: userIds }, homeOpenedAt: { not: null } },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}
