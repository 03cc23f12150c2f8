// The card's clock lines: the team's first-response deadline and Amazon's deadline, if any.

import { AMAZON_DEADLINES, type AmazonDeadline } from "../domain/responseClock.ts";
import type { Case } from "../generated/prisma/client.ts";
import type { Key } from "../i18n/catalog.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { formatDuration, slackDate } from "./text.ts";

/** What Amazon's deadline asks for, e.g. "answer the buyer's message" ("respond" when unknown). */
export const amazonTask = (w: Words, deadline: AmazonDeadline | null | undefined): string =>
  deadline && Object.hasOwn(AMAZON_DEADLINES, deadline)
    ? w.t(`card.amazonTask.${deadline}` as Key)
    : w.t("card.amazonTask.other");

export function responseClockLine(c: Case, w: Words = ENGLISH): string | undefined {
  if (c.firstReplyAt) {
    const took = formatDuration(c.firstReplyAt.getTime() - c.createdAt.getTime(), w);
    return w.t(c.breachedAt ? "card.clock.firstReplyAfterLate" : "card.clock.firstReplyAfter", { took });
  }
  if (c.status === "resolved" || !c.responseDueAt) return undefined;
  if (c.breachedAt)
    return w.t("card.clock.overdue", { due: slackDate(c.responseDueAt), ago: slackDate(c.responseDueAt, "{ago}") });
  return w.t("card.clock.firstReplyDue", { due: slackDate(c.responseDueAt) });
}

/** Amazon's deadline is met by the first reply (buyer messages) or by resolving (claims, chargebacks). */
export function amazonDeadlineMet(c: Pick<Case, "amazonDeadline" | "firstReplyAt" | "status">): boolean {
  const d = c.amazonDeadline ? AMAZON_DEADLINES[c.amazonDeadline] : undefined;
  if (!d) return true;
  return d.metBy === "first_reply" ? c.firstReplyAt !== null || c.status === "resolved" : c.status === "resolved";
}

export function amazonClockLine(c: Case, now: Date, w: Words = ENGLISH): string | undefined {
  const d = c.amazonDeadline ? AMAZON_DEADLINES[c.amazonDeadline] : undefined;
  if (!d || !c.amazonDueAt || amazonDeadlineMet(c)) return undefined;
  const task = amazonTask(w, c.amazonDeadline);
  if (c.amazonDueAt <= now) return w.t("card.clock.amazonPassed", { task, due: slackDate(c.amazonDueAt) });
  return w.t("card.clock.amazonDue", { task, due: slackDate(c.amazonDueAt) });
}

/** Waiting on the buyer: until when, or that the follow-up day has come. */
export function waitingLine(c: Case, now: Date, w: Words = ENGLISH): string | undefined {
  if (!c.waitingUntil || c.status === "resolved") return undefined;
  return c.waitingUntil > now
    ? w.t("card.clock.waitingUntil", { until: slackDate(c.waitingUntil) })
    : w.t("card.clock.followUp", { since: slackDate(c.waitingUntil) });
}
