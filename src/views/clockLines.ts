// The card's clock lines: the team's first-response deadline and Amazon's deadline, if any.

import { AMAZON_DEADLINES } from "../domain/responseClock.ts";
import type { Case } from "../generated/prisma/client.ts";
import { formatDuration, slackDate } from "./text.ts";

export function responseClockLine(c: Case): string | undefined {
  if (c.firstReplyAt) {
    const took = formatDuration(c.firstReplyAt.getTime() - c.createdAt.getTime());
    return c.breachedAt
      ? `:warning: First reply after ${took}, later than the deadline`
      : `:white_check_mark: First reply after ${took}`;
  }
  if (c.status === "resolved" || !c.responseDueAt) return undefined;
  if (c.breachedAt)
    return `:warning: *Overdue:* the first reply was due ${slackDate(c.responseDueAt)} (${slackDate(c.responseDueAt, "{ago}")})`;
  return `:hourglass_flowing_sand: First reply due ${slackDate(c.responseDueAt)}`;
}

/** Amazon's deadline is met by the first reply (buyer messages) or by resolving (claims, chargebacks). */
export function amazonDeadlineMet(c: Pick<Case, "amazonDeadline" | "firstReplyAt" | "status">): boolean {
  const d = c.amazonDeadline ? AMAZON_DEADLINES[c.amazonDeadline] : undefined;
  if (!d) return true;
  return d.metBy === "first_reply" ? c.firstReplyAt !== null || c.status === "resolved" : c.status === "resolved";
}

export function amazonClockLine(c: Case, now: Date): string | undefined {
  const d = c.amazonDeadline ? AMAZON_DEADLINES[c.amazonDeadline] : undefined;
  if (!d || !c.amazonDueAt || amazonDeadlineMet(c)) return undefined;
  if (c.amazonDueAt <= now)
    return `:rotating_light: *Amazon deadline passed:* ${d.task} was due ${slackDate(c.amazonDueAt)}`;
  return `:calendar: Amazon deadline: ${d.task} by ${slackDate(c.amazonDueAt)}`;
}

/** Waiting on the buyer: until when, or that the follow-up day has come. */
export function waitingLine(c: Case, now: Date): string | undefined {
  if (!c.waitingUntil || c.status === "resolved") return undefined;
  return c.waitingUntil > now
    ? `:speech_balloon: Waiting on the buyer until ${slackDate(c.waitingUntil)}`
    : `:speech_balloon: *Follow up:* no answer from the buyer since ${slackDate(c.waitingUntil)}`;
}
