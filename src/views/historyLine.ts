// One short line per event in the card's thread, e.g. "<@U123> claimed AS-1042".
import { formatMoney } from "../domain/money.ts";
import { APPEAL_STAGES } from "../domain/playbook.ts";
import { caseNumber, isResolution, isRootCause } from "../domain/vocabulary.ts";
import { NOTE_MAX } from "../domain/workspaceRules.ts";
import type { Key } from "../i18n/catalog.ts";
import { ENGLISH, type Said, say, type Words } from "../i18n/i18n.ts";
import { resolutionName, rootCauseName } from "../i18n/labels.ts";
import { evidenceLabels } from "./playbookLines.ts";
import { ruleName } from "./routing.ts";
import { escapeMrkdwn, slackDate, trimText } from "./text.ts";

/** A Said kept in an event's JSON detail. */
const isSaid = (v: unknown): v is Said =>
  typeof v === "object" && v !== null && typeof (v as { key?: unknown }).key === "string";

export type HistoryEvent = { kind: string; actorId: string | null; detail: unknown };

export function historyLine(event: HistoryEvent, number: number, w: Words = ENGLISH): string {
  const who = event.actorId ? `<@${event.actorId}>` : w.t("card.history.theBot");
  const n = caseNumber(number);
  const d = (event.detail ?? {}) as Record<string, string | boolean | string[] | undefined>;
  const line = (key: Key, params: Record<string, string | undefined> = {}) => w.t(key, { who, number: n, ...params });
  const from = typeof d.from === "string" ? d.from : undefined;
  const to = typeof d.to === "string" ? d.to : String(d.to);
  switch (event.kind) {
    case "claimed":
      return line("card.history.claimed");
    case "taken_over":
      return from ? line("card.history.takenOverFrom", { from }) : line("card.history.takenOver");
    case "replied":
      return line(
        d.first
          ? d.claimed
            ? "card.history.repliedFirstClaimed"
            : "card.history.repliedFirst"
          : d.claimed
            ? "card.history.repliedClaimed"
            : "card.history.replied",
      );
    case "resolved": {
      // The detail is JSON the database did not check: anything but a known label is shown as text.
      const money = formatMoney(d.amount as string | undefined, d.currency as string | undefined);
      const how = isResolution(d.resolution) ? resolutionName(w, d.resolution) : escapeMrkdwn(String(d.resolution));
      const cause = isRootCause(d.rootCause) ? rootCauseName(w, d.rootCause) : escapeMrkdwn(String(d.rootCause));
      return line("card.history.resolved", { how: `${how}${money ? ` (${escapeMrkdwn(money)})` : ""}`, cause });
    }
    case "assigned":
      return line("card.history.assigned", { to });
    case "routed":
      return line("card.history.routed", { to, rule: ruleName(String(d.rule), w) });
    case "suggested":
      return line("card.history.suggested", { to, rule: ruleName(String(d.rule), w) });
    case "offered":
      return d.to
        ? w.t("routing.reminder.offered", { owner: from, next: to, rule: ruleName(String(d.rule), w) })
        : w.t("routing.reminder.offeredNobody", { owner: from });
    case "reopened":
      return line("card.history.reopened");
    case "note":
      return line("card.history.note", { text: escapeMrkdwn(trimText(String(d.text ?? ""), NOTE_MAX)) });
    case "waiting":
      return typeof d.until === "string" && !Number.isNaN(Date.parse(d.until))
        ? line("card.history.waiting", { until: slackDate(new Date(d.until)) })
        : line("card.history.waitingLater");
    case "reassigned":
      return from ? line("card.history.reassignedFrom", { from, to }) : line("card.history.reassigned", { to });
    case "return_checked": {
      // The summary is what the check said: as words to say (a Said), or text of an older check.
      const summary = event.detail && (event.detail as { summary?: unknown }).summary;
      if (isSaid(summary)) return line("card.history.returnChecked", { summary: say(w, summary) });
      return summary
        ? line("card.history.returnChecked", { summary: escapeMrkdwn(String(summary)) })
        : line("card.history.returnCheckedPlain");
    }
    case "return_received":
      return line("card.history.returnReceived");
    case "abuse_suspected":
    case "abuse_evidence": {
      const evidence = Array.isArray(d.evidence) ? evidenceLabels(d.evidence.join(","), w) : "";
      if (event.kind === "abuse_suspected")
        return evidence
          ? line("card.history.abuseSuspectedEvidence", { evidence })
          : line("card.history.abuseSuspected");
      return evidence ? line("card.history.abuseEvidenceList", { evidence }) : line("card.history.abuseEvidence");
    }
    case "appeal": {
      const stage = typeof d.stage === "string" && Object.hasOwn(APPEAL_STAGES, d.stage) ? d.stage : undefined;
      return stage
        ? line("card.history.appeal", { stage: w.t(`card.appealStage.${stage}` as Key) })
        : line("card.history.appealUpdated");
    }
    default:
      return line("card.history.other", { kind: event.kind.replace(/_/g, " ") });
  }
}
