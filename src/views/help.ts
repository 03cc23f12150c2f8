// The /case help text.
import { COMMAND } from "../ids.ts";

export function helpText(problem?: string): string {
  const lines = [
    ...(problem ? [`:warning: ${problem}`, ""] : []),
    `*After-sales cases — \`${COMMAND}\` commands*`,
    `• \`${COMMAND} new\` — open the form for a new case (order id, case type, what happened…). The card is posted to the cases channel.`,
    `• \`${COMMAND} summary [7d | 30d | 2026-11-01..2026-11-30]\` — the triage report for a period (default: the last 7 days), just for you.`,
    `• \`${COMMAND} list [open | mine | unclaimed | breached | @person | ASIN]\` — matching cases with their age, priority and owner, 20 a page.`,
    `• \`${COMMAND} find <order id | ASIN | SKU | buyer name | words>\` — any case, open or resolved, newest first, 10 a page.`,
    `• \`${COMMAND} show AS-1042\` (or an order id) — one case: its card, its history and a link to its thread.`,
    `• \`${COMMAND} orders <marketplace> <orders in the last 60 days>\` — e.g. \`${COMMAND} orders US 48200\`: the order volume behind the Order Defect Rate alerts (leads only).`,
    `• \`${COMMAND} amazon\` — the connection to Amazon: what was pulled when, errors, and *Pull now* (leads only).`,
    `• \`${COMMAND} import\` — upload an Amazon returns report (FBA or merchant-fulfilled); each return becomes a case, without duplicates on re-import (agents only).`,
    `• \`${COMMAND} health\` — messages still waiting to reach Slack, and those Slack refused (e.g. the bot is not in a channel) with what to do; \`${COMMAND} health retry\` sends those again once fixed (agents and leads).`,
    `• \`${COMMAND} check\` — paste a reply before sending it to a buyer: it is checked against Amazon's messaging rules (links, contact details, review requests, marketing).`,
    `• \`${COMMAND} help\` — this list.`,
    "",
    "*On a case card*",
    "• *Claim* — you own the case (first click wins).",
    "• *Log reply* — record that the buyer was answered; stops the one-hour clock. On an unclaimed case it also claims it for you.",
    "• *Resolve* — record how it ended (refund, replacement…), the amount and the root cause; the form suggests a remedy from the playbook (price, cause, severity). Owner or lead only.",
    "• *Draft reply* — a reply for the buyer from the team's templates, filled in and checked against Amazon's messaging rules; press *Sent: log reply* once sent.",
    "• *⋯* — check the return window, mark a return received (starts the refund clock), suspect abuse (with the buyer's other cases), appeal to Amazon.",
    "• *Take over* — leads only: become the owner of a claimed case.",
    "• *Reopen* — the buyer came back: the case is open again with the same owner (agents and leads).",
    "",
    "*From any message*: the message shortcut *Create after-sales case* (⋮ on the message) opens the same form, filled with the message text and any order id / ASIN found in it.",
  ];
  return lines.join("\n");
}
