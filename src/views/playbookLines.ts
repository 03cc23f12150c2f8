// The playbook's lines on a case card: the remedy it suggests, the return check and refund clock,
// suspected abuse and an appeal to Amazon. Each line is a suggestion or a fact; none acts.

import {
  ABUSE_EVIDENCE,
  type AbuseEvidence,
  type AppealStage,
  DEFAULT_PLAYBOOK,
  type PlaybookSettings,
} from "../domain/playbook.ts";
import {
  defaultSeverity,
  likelyRootCause,
  type RemedySuggestion,
  type Severity,
  sayRemedy,
  suggestRemedy,
} from "../domain/remedy.ts";
import { checkEligibility, type Eligibility } from "../domain/returnEligibility.ts";
import type { Category, RootCause } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import type { Key } from "../i18n/catalog.ts";
import { ENGLISH, say, type Words } from "../i18n/i18n.ts";
import { rootCauseName } from "../i18n/labels.ts";
import { formatDuration, slackDate } from "./text.ts";

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

/** The suggestion as one line in a reader's language: what to offer — why. */
export const suggestionText = (w: Words, s: RemedySuggestion): string =>
  `${sayRemedy(w, s.summary)} — ${sayRemedy(w, s.reason)}`;

export function playbookLines(c: Case, now: Date, s: CardSettings): string[] {
  const w = s.words ?? ENGLISH;
  const lines: string[] = [];
  const open = c.status !== "resolved";
  if (open) {
    const found = cardSuggestion(c, s);
    if (found) {
      const summary = sayRemedy(w, found.suggestion.summary);
      const reason = sayRemedy(w, found.suggestion.reason);
      lines.push(
        found.inferred
          ? w.t("playbook.lines.suggestedLikely", {
              summary,
              reason,
              cause: rootCauseName(w, found.rootCause).toLowerCase(),
            })
          : w.t("playbook.lines.suggested", { summary, reason }),
      );
    }
  }
  if (c.returnCheckedAt) {
    const e = caseEligibility(c, s);
    const mark = VERDICT_MARK[e.verdict];
    const summary = say(w, e.summary);
    lines.push(
      open
        ? w.t("playbook.lines.returnVerdictAdvice", { mark, summary, advice: say(w, e.advice) })
        : w.t("playbook.lines.returnVerdict", { mark, summary }),
    );
  }
  if (c.returnReceivedAt && c.refundDueAt && open) {
    const dates = { received: slackDate(c.returnReceivedAt), due: slackDate(c.refundDueAt) };
    lines.push(
      c.refundDueAt > now ? w.t("playbook.lines.refundDue", dates) : w.t("playbook.lines.refundOverdue", dates),
    );
  }
  if (c.abuseSuspectedAt) {
    const evidence = evidenceLabels(c.abuseEvidence, w);
    const said = { marked: slackDate(c.abuseSuspectedAt), evidence, rule: w.t("playbook.abuseRule") };
    lines.push(evidence ? w.t("playbook.lines.abuse", said) : w.t("playbook.lines.abuseNoEvidence", said));
  }
  const appeal = appealLine(c, now, w);
  if (appeal) lines.push(appeal);
  return lines;
}

/** The evidence collected, as a list in the reader's language ("qc report of the batch, tracking…"). */
export function evidenceLabels(keys: string | null, w: Words = ENGLISH): string {
  return (keys ?? "")
    .split(",")
    .filter((k): k is AbuseEvidence => Object.hasOwn(ABUSE_EVIDENCE, k))
    .map((k) => w.t(`playbook.evidence.${k}` as Key).toLowerCase())
    .join(w.t("playbook.lines.evidenceSeparator"));
}

/** A stage of an appeal in the reader's language ("Filed with Amazon"). */
export const appealStageName = (w: Words, s: AppealStage): string => w.t(`playbook.appealStage.${s}` as Key);

function appealLine(c: Case, now: Date, w: Words): string | undefined {
  switch (c.appealStage) {
    case null:
      return undefined;
    case "preparing": {
      if (!c.appealDueAt) return w.t("playbook.lines.appealPreparing");
      return c.appealDueAt > now
        ? w.t("playbook.lines.appealDue", {
            due: slackDate(c.appealDueAt),
            left: formatDuration(c.appealDueAt.getTime() - now.getTime(), w),
          })
        : w.t("playbook.lines.appealMissed", { due: slackDate(c.appealDueAt) });
    }
    case "filed":
      return c.appealFiledAt
        ? w.t("playbook.lines.appealFiled", { filed: slackDate(c.appealFiledAt) })
        : w.t("playbook.lines.appealFiledUndated");
    case "won":
      return w.t("playbook.lines.appealWon");
    case "lost":
      return w.t("playbook.lines.appealLost");
  }
}
