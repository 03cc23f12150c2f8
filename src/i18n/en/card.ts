// English words of the bot: card. Keys are grouped by what they are for; {{name}} is filled in,
// a key ending in _one/_other is chosen by {{count}}.
export default {
  // The case card in the cases channel.
  field: {
    priority: "Priority",
    status: "Status",
    orderId: "Order ID",
    asin: "ASIN",
    orderValue: "Order value",
    buyer: "Buyer",
    owner: "Owner",
  },
  unclaimed: "Unclaimed",
  riskWords: ":warning: Risk words: “{{phrases}}” — contact the buyer before a claim",
  earlierCases_one: ":busts_in_silhouette: {{count}} earlier case for this buyer or order: `/case find {{orderId}}`",
  earlierCases_other: ":busts_in_silhouette: {{count}} earlier cases for this buyer or order: `/case find {{orderId}}`",
  earlierCasesOrName_one:
    ":busts_in_silhouette: {{count}} earlier case for this buyer or order: `/case find {{orderId}}` or the buyer's name",
  earlierCasesOrName_other:
    ":busts_in_silhouette: {{count}} earlier cases for this buyer or order: `/case find {{orderId}}` or the buyer's name",
  opened: "Opened {{ago}} ({{date}}) via {{source}}",
  summary: {
    owned: "{{number}} {{category}} ({{priority}}) for order {{orderId}}: {{status}}, owner <@{{owner}}>",
    ownedOverdue:
      "{{number}} {{category}} ({{priority}}) for order {{orderId}}: {{status}}, owner <@{{owner}}>, overdue",
    unclaimed: "{{number}} {{category}} ({{priority}}) for order {{orderId}}: {{status}}, unclaimed",
    unclaimedOverdue: "{{number}} {{category}} ({{priority}}) for order {{orderId}}: {{status}}, unclaimed, overdue",
  },
  resolution: {
    resolvedBy: ":white_check_mark: *Resolved* by <@{{who}}>",
    resolvedByAt: ":white_check_mark: *Resolved* by <@{{who}}> {{when}}",
    howAndCause: "*How:* {{how}}   *Root cause:* {{cause}}",
    buyer: "*Buyer:* {{what}}",
    suggestedProduct: "suggested {{product}}",
    suggestionFollowed: "*Playbook suggested:* {{remedy}} (followed)",
    suggestionNotFollowed: "*Playbook suggested:* {{remedy}} (not followed)",
    note: "*Note:* {{note}}",
  },
  buyerOutcome: {
    kept: "Kept the buyer",
    bought_again: "Bought again",
    lost: "Lost the buyer",
    unknown: "Unknown yet",
  },
  button: {
    claim: "Claim",
    takeOver: "Take over",
    logReply: "Log reply",
    resolve: "Resolve",
    draftReply: "Draft reply",
    reopen: "Reopen",
  },
  more: {
    addNote: "Add a note",
    waiting: "Waiting on the buyer",
    waitingChange: "Waiting on the buyer: change",
    returnCheck: "Check the return window",
    returnReceived: "Return received: start the refund clock",
    suspectAbuse: "Suspect abuse",
    abuseEvidence: "Suspected abuse: evidence",
    appeal: "Appeal to Amazon",
    appealUpdate: "Appeal to Amazon: update",
  },

  // The card's clock lines.
  clock: {
    firstReplyAfter: ":white_check_mark: First reply after {{took}}",
    firstReplyAfterLate: ":warning: First reply after {{took}}, later than the deadline",
    overdue: ":warning: *Overdue:* the first reply was due {{due}} ({{ago}})",
    firstReplyDue: ":hourglass_flowing_sand: First reply due {{due}}",
    amazonPassed: ":rotating_light: *Amazon deadline passed:* {{task}} was due {{due}}",
    amazonDue: ":calendar: Amazon deadline: {{task}} by {{due}}",
    waitingUntil: ":speech_balloon: Waiting on the buyer until {{until}}",
    followUp: ":speech_balloon: *Follow up:* no answer from the buyer since {{since}}",
  },
  /** What Amazon's deadline asks for, by deadline (domain/responseClock.ts AMAZON_DEADLINES). */
  amazonTask: {
    buyer_message: "answer the buyer's message",
    a_to_z_claim: "respond to the A-to-z claim",
    chargeback: "respond to the chargeback",
    other: "respond",
  },
  /** How long something took or how late it is. */
  duration: {
    underMinute: "under a minute",
    minutes: "{{minutes}} min",
    hours: "{{hours}} h",
    hoursMinutes: "{{hours}} h {{minutes}} min",
    days: "{{days}} d",
    daysHours: "{{days}} d {{hours}} h",
  },

  // Reminders and escalations in the card's thread and the escalation channel.
  notice: {
    reminder: ":hourglass: {{who}} {{number}} needs a first reply to the buyer by {{due}} ({{left}} left).",
    reminderUnclaimed:
      ":hourglass: {{who}} {{number}} is unclaimed and needs a first reply to the buyer by {{due}} ({{left}} left).",
    escalationHeadline: ":rotating_light: {{leads}}*{{name}}* has no first reply: it was due {{due}}, *{{late}} late*.",
    escalationText: "{{leads}}{{number}} has no first reply to the buyer, {{late}} past the deadline (<@{{owner}}>).",
    escalationTextUnclaimed:
      "{{leads}}{{number}} has no first reply to the buyer, {{late}} past the deadline (unclaimed).",
    amazonReminder: ":calendar: {{who}} Amazon's deadline for {{number}} is in {{left}}: {{task}} by {{due}}.",
    amazonOverdue: ":rotating_light: {{who}} Amazon's deadline to {{task}} for {{number}} passed {{due}}.",
    refund: ":money_with_wings: {{who}} the refund for {{number}} is due now. Refund the buyer, then resolve the case.",
    refundReceived:
      ":money_with_wings: {{who}} the refund for {{number}} is due now (the return came back {{received}}). Refund the buyer, then resolve the case.",
    appeal:
      ":scales: {{who}} the appeal to Amazon for {{number}} must be filed by {{due}}. Once it is filed, set its stage with ⋯ → Appeal to Amazon.",
    appealLeft:
      ":scales: {{who}} the appeal to Amazon for {{number}} must be filed by {{due}}, {{left}} left. Once it is filed, set its stage with ⋯ → Appeal to Amazon.",
    followUp:
      ":speech_balloon: {{who}} no answer from the buyer on {{number}} yet — follow up or resolve. (A logged reply or a note makes the case active again.)",
  },

  // One line per event in the card's thread.
  history: {
    theBot: "The bot",
    claimed: "{{who}} claimed {{number}}",
    takenOver: "{{who}} took over {{number}}",
    takenOverFrom: "{{who}} took over {{number}} from <@{{from}}>",
    replied: "{{who}} logged a reply to the buyer",
    repliedFirst: "{{who}} logged the first reply to the buyer",
    repliedClaimed: "{{who}} logged a reply to the buyer and claimed {{number}}",
    repliedFirstClaimed: "{{who}} logged the first reply to the buyer and claimed {{number}}",
    resolved: "{{who}} resolved {{number}}: {{how}}, root cause {{cause}}",
    assigned: "{{who}} assigned {{number}} to <@{{to}}>",
    routed: "{{who}} assigned {{number}} to <@{{to}}> by the routing rule for {{rule}}",
    suggested: "{{who}} suggested <@{{to}}> for {{number}} by the routing rule for {{rule}}",
    reopened: "{{who}} reopened {{number}}",
    note: ":memo: {{who}} noted on {{number}}: {{text}}",
    waiting: "{{who}} is waiting on the buyer for {{number}} until {{until}}",
    waitingLater: "{{who}} is waiting on the buyer for {{number}} until later",
    reassigned: "{{who}} reassigned {{number}} to <@{{to}}>",
    reassignedFrom: "{{who}} reassigned {{number}} from <@{{from}}> to <@{{to}}>",
    returnChecked: "{{who}} checked the return window of {{number}}: {{summary}}",
    returnCheckedPlain: "{{who}} checked the return window of {{number}}: checked",
    returnReceived: "{{who}} marked the return of {{number}} received: the refund clock runs",
    abuseSuspected: "{{who}} marked {{number}} as suspected abuse",
    abuseSuspectedEvidence: "{{who}} marked {{number}} as suspected abuse (evidence: {{evidence}})",
    abuseEvidence: "{{who}} updated the evidence of {{number}} as suspected abuse",
    abuseEvidenceList: "{{who}} updated the evidence of {{number}} as suspected abuse (evidence: {{evidence}})",
    appeal: "{{who}} set the appeal to Amazon on {{number}}: {{stage}}",
    appealUpdated: "{{who}} set the appeal to Amazon on {{number}}: updated",
    other: "{{who}}: {{kind}} on {{number}}",
  },
  /** An appeal's stage as a thread line ends with it. */
  appealStage: {
    preparing: "preparing the appeal",
    filed: "filed with Amazon",
    won: "won: Amazon decided for us",
    lost: "lost: Amazon kept its decision",
  },

  // Lists of cases (reports, alerts, /case list).
  list: {
    line: "{{link}} · {{category}} · {{priority}} · {{age}} old · {{owner}}",
    unclaimed: "unclaimed",
    andMore: "…and {{count}} more",
    andMoreOf: "…and {{count}} {{noun}}",
    none: "{{title}}: none.",
    noneNow: "*{{title}}:* none right now.",
    pageTitle: "*{{title}}* — {{first}}–{{last}} of {{total}}",
    pageText: "{{title}}: {{first}}–{{last}} of {{total}}",
    previous: "‹ Previous",
    next: "Next ›",
  },

  // Why a step on a case was refused (domain/caseRules.ts), said to the person who tried it.
  refusal: {
    notAgentClaim:
      "Only after-sales agents can claim cases, so {{number}} was left as it is. Ask a lead to add you to the agents.",
    notAgentLogReply:
      "Only after-sales agents can log replies on cases, so {{number}} was left as it is. Ask a lead to add you to the agents.",
    notAgentResolve:
      "Only after-sales agents can resolve cases, so {{number}} was left as it is. Ask a lead to add you to the agents.",
    notAgentReopen:
      "Only after-sales agents can reopen cases, so {{number}} was left as it is. Ask a lead to add you to the agents.",
    resolved: "{{number}} is already resolved. Reopen it from its card if the buyer came back.",
    own: "You already own {{number}}.",
    alreadyClaimed: "{{number}} is already claimed by <@{{owner}}>.",
    alreadyClaimedLead:
      "{{number}} is already claimed by <@{{owner}}>. As a lead you can press *Take over* on the card.",
    notLeadTakeOver: "Only leads can take over a case. Ask <@{{owner}}> or a lead if {{number}} needs a new owner.",
    notOwnerReply: "{{number}} is owned by <@{{owner}}>; only the owner or a lead logs replies on it.",
    duplicateReply: "Your reply on {{number}} is already logged.",
    notLeadAssign: "Only leads can assign cases; {{number}} was left as it is.",
    assigneeNotAgent: "<@{{who}}> is not an after-sales agent, so {{number}} was left as it is.",
    claimFirst: "Claim {{number}} first; only its owner or a lead can resolve it.",
    notOwnerResolve: "Only <@{{owner}}> (the owner) or a lead can resolve {{number}}.",
    stillOpen: "{{number}} is still open.",
    notOwnerReopen: "Only <@{{owner}}> (who owned it) or a lead can reopen {{number}}.",
    gone: "That case no longer exists.",
    busy: "The case changed several times just now; please try again.",
  },
  /** What did not happen when a button on the card failed, and the form it opens. */
  failed: {
    claim: "the case was not claimed",
    takeOver: "the case was not taken over",
    reopen: "the case was not reopened",
    logReply: "the reply was not logged",
    resolveForm: "the resolve form could not be opened",
  },
  resolveForm: "the resolve form",
  resolveAgain: "Please press Resolve again.",
} as const;
