// English words of the bot: alerts. Keys are grouped by what they are for; {{name}} is filled in,
// a key ending in _one/_other is chosen by {{count}}.
export default {
  playbook:
    ":books: *Playbook:* don't blanket-reject returns (it turns returns into complaints) · process eligible returns in bulk · put one person on follow-up · keep buyers informed of progress.",
  wave: {
    head: ":rotating_light: Return wave: {{subject}}",
    headCleared: ":white_check_mark: Cleared: return wave for {{subject}}",
    subject: "*{{subject}}*",
    subjectSkus: "*{{subject}}* (SKU {{skus}})",
    body_one:
      "*{{count}}* case in the last {{hours}} h for {{what}} — about {{times}}× the usual {{usual}} a day. {{open}} open, {{unclaimed}} unclaimed.",
    body_other:
      "*{{count}}* cases in the last {{hours}} h for {{what}} — about {{times}}× the usual {{usual}} a day. {{open}} open, {{unclaimed}} unclaimed.",
    bodyFirst_one:
      "*{{count}}* case in the last {{hours}} h for {{what}} — usually none. {{open}} open, {{unclaimed}} unclaimed.",
    bodyFirst_other:
      "*{{count}}* cases in the last {{hours}} h for {{what}} — usually none. {{open}} open, {{unclaimed}} unclaimed.",
    bodyCleared_one:
      "The rate for {{what}} has been back to normal; cleared after {{duration}}. *{{count}}* case in all: {{resolved}} resolved, {{open}} still open.",
    bodyCleared_other:
      "The rate for {{what}} has been back to normal; cleared after {{duration}}. *{{count}}* cases in all: {{resolved}} resolved, {{open}} still open.",
    byType: "*By type*",
    rootCause: "*Root cause*",
    rootCauseUnknown: "not known yet",
    marketplaces: "*Marketplaces*",
    marketplaceUnknown: "unknown",
    cases: "*Cases*",
    claimAll: "Claim all unclaimed",
    assignTo: "Assign unclaimed to…",
    replyAll: "Log first reply for all",
    resolveReturns: "Resolve eligible returns…",
    text_one: "Return wave: {{count}} case in {{hours}} h for {{subject}} ({{unclaimed}} unclaimed).",
    text_other: "Return wave: {{count}} cases in {{hours}} h for {{subject}} ({{unclaimed}} unclaimed).",
    textCleared_one: "Return wave for {{subject}} cleared: {{count}} case, {{open}} still open.",
    textCleared_other: "Return wave for {{subject}} cleared: {{count}} cases, {{open}} still open.",
  },
  risk: {
    text: "Risk words from buyers of {{subject}}: contact them before they file a claim.",
    head: ":warning: *Risk words from buyers of {{subject}}* — contact them before they file a claim or leave a review.",
    none: "No case has risk words any more.",
  },
  odr: {
    above: ":rotating_light: *Order Defect Rate above the limit*",
    rising: ":warning: *Order Defect Rate rising*",
    cleared: ":white_check_mark: Back below the threshold.",
    ours: "{{defects}} defective orders of {{orders}} in the last 60 days: {{reviews}} negative reviews, {{claims}} A-to-z claims, {{chargebacks}} chargebacks",
    amazonOver:
      "Amazon counts it at or above {{limit}}%: start an investigation now (root causes, listings, carriers).",
    amazonNear: "Amazon counts it close to {{limit}}%.",
    amazonText: "{{subject}} Order Defect Rate {{pct}} by Amazon's account health. {{todo}}",
    amazonHead: "{{level}} — {{subject}}: *{{pct}}* by Amazon's account health.",
    teamEstimate: "The team's estimate: {{pct}} ({{ours}}).",
    untilLimit_one: "{{count}} more defective order until {{limit}}%.",
    untilLimit_other: "{{count}} more defective orders until {{limit}}%.",
    atLimit: "At or above {{limit}}%: start an investigation now (root causes, listings, carriers).",
    text: "{{subject}} Order Defect Rate {{pct}} ({{defects}} of {{orders}} orders, 60 days). {{until}}",
    head: "{{level}} — {{subject}}: *{{pct}}* ({{ours}}).",
  },
  note: {
    cleared: ":white_check_mark: The wave is over: the rate has been back to normal for the quiet period.",
    joined: "{{case}} ({{category}}, {{who}}) joined the wave.",
    unclaimed: "unclaimed",
  },
  stalledParcel_one:
    ":truck: {{mention}} The parcel for {{case}} is still not sorted after {{count}} day: contact the carrier, and offer the buyer a reshipment or compensation.",
  stalledParcel_other:
    ":truck: {{mention}} The parcel for {{case}} is still not sorted after {{count}} days: contact the carrier, and offer the buyer a reshipment or compensation.",
  bulk: {
    waveGone: "I could not find that return wave any more. Use `/case list` to work on its cases one by one.",
    allResolved: "Every case of this wave is already resolved.",
    form: "the form",
    again: "Please press the button again.",
    claimed_one: "Claimed {{count}} case: {{cases}}.",
    claimed_other: "Claimed {{count}} cases: {{cases}}.",
    assigned_one: "Assigned to {{who}} {{count}} case: {{cases}}.",
    assigned_other: "Assigned to {{who}} {{count}} cases: {{cases}}.",
    replied_one: "Logged the first reply on {{count}} case: {{cases}}.",
    replied_other: "Logged the first reply on {{count}} cases: {{cases}}.",
    resolved_one: "Resolved {{count}} case: {{cases}}.",
    resolved_other: "Resolved {{count}} cases: {{cases}}.",
    nothing: "Nothing to do: no case was changed.",
    skipped_one: "Skipped {{count}}:",
    skipped_other: "Skipped {{count}}:",
    more: "…and {{n}} more",
    coveredOnly:
      "This alert has more than {{limit}} cases: only the first {{limit}} were covered. Find the rest with `{{list}}`.",
    pickCase: "Pick at least one case",
    failedClaim: "the wave's cases were not claimed",
    failedAssign: "the wave's cases were not assigned",
    failedReply: "the first replies were not logged",
    failedForm: "the bulk resolve form could not be opened",
    failedResolve: "the cases were not resolved",
  },
} as const;
