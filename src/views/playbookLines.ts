// The playbook's lines on a case card: the remedy it suggests, the return check and refund clock,
// suspected abuse and an appeal to Amazon. Each line is a suggestion or a fact; none acts.

import {
  ABUSE_EVIDENCE,
  ABUSE_RULE,
  type AbuseEvidence,
  DEFAULT_PLAYBOOK,
  type PlaybookSettings,
} from "../domain/playbook.ts";
import {
  defaultSeverity,
  likelyRootCause,
  type RemedySuggestion,
  type Severity,
  suggestRemedy,
} from "../domain/remedy.ts";
import { checkEligibility, type Eligibility } from "../domain/returnEligibility.ts";
import { type Category, type RootCause, rootCauseLabel } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { formatDuration, slackDate } from "./text.ts";

/** What a card needs besides the case itself. */
/** What a card needs besides the case: the playbook, the team's time zone, and its reader's language. */
export type CardSettings = { playbook: PlaybookSettings; zone: string; words?: Words };
export const DEFAULT_CARD_SETTINGS: CardSettings = { playbook: DEFAULT_PLAYBOOK, zone: "UTC", words: ENGLISH };

/** Case types whose buyer sends something back: the return check and refund clock apply. */
const RETURN_CATEGORIES: Category[] = ["return", "refund", "replacement"];
export const isReturnCase = (c: Pick<Case, "category" | "returnReason">): boolean =>
  RETURN_CATEGORIES.includes(c.category) || c.returnReason !== null;

/** What the person picked so far in the resolve form (the form is rebuilt when they change). */
export type ResolvePicks = { rootCause?: RootCause; severity?: Severity };

/**
 * The playbook's suggestion for a case: for the cause and severity picked in the resolve form, or
 * else the case's own cause (or the one its type or return reason points to) at its usual severity.
 */
export function suggestionFor(
  c: Case,
  settings: CardSettings,
  picks: ResolvePicks = {},
): { rootCause?: RootCause; severity: Severity; suggestion?: RemedySuggestion } {
  const rootCause = picks.rootCause ?? c.rootCause ?? likelyRootCause(c);
  const severity = picks.severity ?? defaultSeverity(c, rootCause);
  const suggestion = rootCause
    ? suggestRemedy(
        {
          category: c.category,
          rootCause,
          severity,
          orderValue: c.orderValue?.toString() ?? null,
          currency: c.currency,
        },
        settings.playbook.remedy,
      )
    : undefined;
  return { rootCause, severity, suggestion };
}

/** The suggestion a card shows: only when there is one, and whether its cause was told from the case. */
export function cardSuggestion(
  c: Case,
  s: CardSettings,
): { suggestion: RemedySuggestion; rootCause: RootCause; inferred: boolean } | undefined {
  const { rootCause, suggestion } = suggestionFor(c, s);
  return rootCause && suggestion ? { suggestion, rootCause, inferred: !c.rootCause } : undefined;
}

export function caseEligibility(c: Case, s: CardSettings): Eligibility {
  return checkEligibility(
    { requestedAt: c.createdAt, orderDate: c.orderDate, deliveredAt: c.deliveredAt, condition: c.itemCondition },
    s.playbook.returns,
    s.zone,
  );
}

const VERDICT_MARK: Record<Eligibility["verdict"], string> = {
  eligible: ":package:",
  eligible_holiday: ":package:",
  outside: ":no_entry_sign:",
  unknown: ":grey_question:",
};

export function playbookLines(c: Case, now: Date, s: CardSettings): string[] {
  const lines: string[] = [];
  const open = c.status !== "resolved";
  if (open) {
    const found = cardSuggestion(c, s);
    if (found) {
      const cause = found.inferred ? ` (likely cause: ${rootCauseLabel(found.rootCause).toLowerCase()})` : "";
      lines.push(`:bulb: *Suggested remedy:* ${found.suggestion.summary} — ${found.suggestion.reason}${cause}`);
    }
  }
  if (c.returnCheckedAt) {
    const e = caseEligibility(c, s);
    lines.push(`${VERDICT_MARK[e.verdict]} *Return:* ${e.summary}. ${open ? e.advice : ""}`.trimEnd());
  }
  if (c.returnReceivedAt && c.refundDueAt && open) {
    lines.push(
      c.refundDueAt > now
        ? `:money_with_wings: Return received ${slackDate(c.returnReceivedAt)}: *refund due by ${slackDate(c.refundDueAt)}*`
        : `:rotating_light: *Refund overdue:* it was due ${slackDate(c.refundDueAt)} (return received ${slackDate(c.returnReceivedAt)})`,
    );
  }
  if (c.abuseSuspectedAt) {
    const evidence = evidenceLabels(c.abuseEvidence);
    lines.push(
      `:male-detective: *Suspected abuse* (marked ${slackDate(c.abuseSuspectedAt)})${evidence ? `, evidence: ${evidence}` : ", no evidence yet"}. ${ABUSE_RULE}`,
    );
  }
  const appeal = appealLine(c, now);
  if (appeal) lines.push(appeal);
  return lines;
}

export function evidenceLabels(keys: string | null): string {
  return (keys ?? "")
    .split(",")
    .filter((k): k is AbuseEvidence => Object.hasOwn(ABUSE_EVIDENCE, k))
    .map((k) => ABUSE_EVIDENCE[k].toLowerCase())
    .join(", ");
}

function appealLine(c: Case, now: Date): string | undefined {
  switch (c.appealStage) {
    case null:
      return undefined;
    case "preparing": {
      if (!c.appealDueAt) return ":scales: *Appeal to Amazon:* being prepared";
      return c.appealDueAt > now
        ? `:scales: *Appeal to Amazon:* file it by ${slackDate(c.appealDueAt)} (${formatDuration(c.appealDueAt.getTime() - now.getTime())} left)`
        : `:warning: *Appeal to Amazon:* the last day to file was ${slackDate(c.appealDueAt)}`;
    }
    case "filed":
      return `:scales: *Appeal to Amazon:* filed${c.appealFiledAt ? ` ${slackDate(c.appealFiledAt)}` : ""}, waiting for Amazon's decision`;
    case "won":
      return ":trophy: *Appeal to Amazon:* won";
    case "lost":
      return ":scales: *Appeal to Amazon:* lost, Amazon kept its decision";
  }
}
