// The weekly digest's schedule and its exactly-once rule: a period's digest is claimed by
// inserting its unique row, in the same transaction that queues the message.
import cronParser from "cron-parser";
import type { Prisma } from "../generated/prisma/client.ts";

export type DigestPeriod = { key: string; from: Date; to: Date; scheduledFor: Date };

export const DIGEST_DAYS = 7;
/** Started this long after the scheduled time, the digest says it is late. */
export const LATE_AFTER_MS = 5 * 60_000;

/** The 7 days before a scheduled time; the scheduled time is the period's key. */
export function digestPeriod(scheduledFor: Date): DigestPeriod {
  return {
    key: scheduledFor.toISOString(),
    from: new Date(scheduledFor.getTime() - DIGEST_DAYS * 86_400_000),
    to: scheduledFor,
    scheduledFor,
  };
}

/** Checks a DIGEST_CRON expression (5 fields, or 6 with leading seconds); returns a problem or undefined. */
export function cronProblem(expression: string, zone: string): string | undefined {
  try {
    cronParser.parseExpression(expression, { tz: zone });
    return undefined;
  } catch (err) {
    return `is not a valid schedule (${(err as Error).message}); e.g. "0 9 * * 1" for Mondays at 09:00`;
  }
}

/** The most recent scheduled time at or before `now`. */
export function lastScheduledTime(expression: string, zone: string, now: Date): Date {
  const it = cronParser.parseExpression(expression, { tz: zone, currentDate: new Date(now.getTime() + 1) });
  return it.prev().toDate();
}

/** Claims the period; false when another run (or another copy of the bot) already has it. */
export async function claimDigestPeriod(
  tx: Prisma.TransactionClient,
  p: DigestPeriod,
  late: boolean,
): Promise<boolean> {
  const { count } = await tx.digestRun.createMany({
    data: [{ periodKey: p.key, periodStart: p.from, periodEnd: p.to, late }],
    skipDuplicates: true,
  });
  return count === 1;
}

export async function queueDigest(
  tx: Prisma.TransactionClient,
  p: DigestPeriod,
  channelId: string,
  message: { text: string; blocks: unknown[] },
): Promise<void> {
  await tx.outboxMessage.create({
    data: { kind: "digest", channelId, payload: message as Prisma.InputJsonValue, dedupeKey: `digest:${p.key}` },
  });
}

/**
 * Whether a missed digest should be caught up at start: only for a period the bot was already
 * in use for (there were cases or an earlier digest before it), and not on a brand-new install.
 */
export async function wasInUseBefore(db: Prisma.TransactionClient, when: Date): Promise<boolean> {
  const [c, d] = await Promise.all([
    db.case.findFirst({ where: { createdAt: { lt: when } }, select: { id: true } }),
    db.digestRun.findFirst({ where: { createdAt: { lt: when } }, select: { id: true } }),
  ]);
  return Boolean(c || d);
}
