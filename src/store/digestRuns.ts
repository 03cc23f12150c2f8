// The weekly digest's exactly-once rule: a period's digest is claimed by inserting its unique
// row, in the same transaction that queues the message.
import type { DigestPeriod } from "../domain/digest.ts";
import type { Prisma } from "../generated/prisma/client.ts";

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
