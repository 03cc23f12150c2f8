// The weekly digest's schedule: its periods, when it was last due, and when it counts as late.
// (Exactly once per period is kept by store/digestRuns.ts.)
import cronParser from "cron-parser";

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
