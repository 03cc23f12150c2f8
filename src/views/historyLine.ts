// One short line per event in the card's thread, e.g. "<@U123> claimed AS-1042".
import { formatMoney } from "../domain/money.ts";
import { APPEAL_STAGES, type AppealStage } from "../domain/playbook.ts";
import { caseNumber, isResolution, isRootCause, resolutionLabel, rootCauseLabel } from "../domain/vocabulary.ts";
import { NOTE_MAX } from "../domain/workspaceRules.ts";
import { evidenceLabels } from "./playbookLines.ts";
import { escapeMrkdwn, slackDate, trimText } from "./text.ts";

export type HistoryEvent = { kind: string; actorId: string | null; detail: unknown };

export function historyLine(event: HistoryEvent, number: number): string {
  const who = event.actorId ? `<@${event.actorId}>` : "The bot";
  const n = caseNumber(number);
  const d = (event.detail ?? {}) as Record<string, string | boolean | string[] | undefined>;
  switch (event.kind) {
    case "claimed":
      return `${who} claimed ${n}`;
    case "taken_over":
      return `${who} took over ${n}${d.from ? ` from <@${d.from}>` : ""}`;
    case "replied":
      return `${who} logged ${d.first ? "the first" : "a"} reply to the buyer${d.claimed ? ` and claimed ${n}` : ""}`;
    case "resolved": {
      // The detail is JSON the database did not check: anything but a known label is shown as text.
      const money = formatMoney(d.amount as string | undefined, d.currency as string | undefined);
      const how = isResolution(d.resolution) ? resolutionLabel(d.resolution) : escapeMrkdwn(String(d.resolution));
      const cause = isRootCause(d.rootCause) ? rootCauseLabel(d.rootCause) : escapeMrkdwn(String(d.rootCause));
      return `${who} resolved ${n}: ${how}${money ? ` (${escapeMrkdwn(money)})` : ""}, root cause ${cause}`;
    }
    case "assigned":
      return `${who} assigned ${n} to <@${d.to}>`;
    case "reopened":
      return `${who} reopened ${n}`;
    case "note":
      return `:memo: ${who} noted on ${n}: ${escapeMrkdwn(trimText(String(d.text ?? ""), NOTE_MAX))}`;
    case "waiting":
      return `${who} is waiting on the buyer for ${n} until ${typeof d.until === "string" && !Number.isNaN(Date.parse(d.until)) ? slackDate(new Date(d.until)) : "later"}`;
    case "reassigned":
      return `${who} reassigned ${n}${d.from ? ` from <@${d.from}>` : ""} to <@${d.to}>`;
    case "return_checked":
      return `${who} checked the return window of ${n}: ${escapeMrkdwn(String(d.summary ?? "checked"))}`;
    case "return_received":
      return `${who} marked the return of ${n} received: the refund clock runs`;
    case "abuse_suspected":
    case "abuse_evidence": {
      const evidence = Array.isArray(d.evidence) ? evidenceLabels(d.evidence.join(",")) : "";
      const verb = event.kind === "abuse_suspected" ? "marked" : "updated the evidence of";
      return `${who} ${verb} ${n} as suspected abuse${evidence ? ` (evidence: ${evidence})` : ""}`;
    }
    case "appeal": {
      const stage = typeof d.stage === "string" && Object.hasOwn(APPEAL_STAGES, d.stage) ? d.stage : undefined;
      return `${who} set the appeal to Amazon on ${n}: ${stage ? APPEAL_STAGES[stage as AppealStage].toLowerCase() : "updated"}`;
    }
    default:
      return `${who}: ${event.kind.replace(/_/g, " ")} on ${n}`;
  }
}
