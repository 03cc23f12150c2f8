// English words of routing: owners per case type, who is away, and what routing says on cards,
// in direct messages, in /case routing and in the weekly triage.
// {{name}} is filled in, a key ending in _one/_other is chosen by {{count}}.
export default {
  rule: "{{type}}",
  ruleIn: "{{type}} ({{marketplace}})",
  card: {
    assigned: ":arrow_right: Assigned to <@{{to}}> by rule: {{rule}}",
    suggested: ":bulb: Suggested owner by rule ({{rule}}): <@{{to}}> — Claim decides",
  },
  dm: {
    assigned:
      "{{link}} ({{type}}, order {{orderId}}) is yours by the routing rule for {{rule}}. First reply to the buyer due {{due}}.",
    suggested:
      "You are next in the rotation for {{rule}}: {{link}} ({{type}}, order {{orderId}}) — claim it if you can take it.",
  },
  reminder: {
    offered:
      "<@{{owner}}> has not answered yet, so the case is open to anyone again: <@{{next}}> is next in the rotation for {{rule}} — Claim it.",
    offeredNobody: "<@{{owner}}> has not answered yet, so the case is open to anyone again.",
  },
  list: {
    title: "*Routing rules* ({{mode}})",
    modeAssign: "new cases are assigned",
    modeSuggest: "new cases name a suggested owner; Claim decides",
    none: "No routing rules: every case waits for someone to press Claim. Leads set owners per case type with *Edit rules*.",
    line: "• *{{rule}}*: {{owners}}",
    away: "away until {{until}}",
    open_one: "{{count}} open",
    open_other: "{{count}} open",
    fromFile: "Rules come from ROUTING_FILE at every start; changes made here last until the next start.",
    edit: "Edit rules",
    leadsOnly: "Only leads can change the routing rules. Ask a lead, or see them with `/case routing`.",
  },
  form: {
    title: "Routing rules",
    submit: "Save",
    close: "Cancel",
    marketplace: "Marketplace",
    marketplaceHint: "Owners for cases of one marketplace come before those for every marketplace.",
    everyMarketplace: "Every marketplace",
    intro:
      "Pick who owns each case type. New cases go to them in turn: fewest open cases first, skipping people who are away. Leave a type empty to let anyone claim its cases.",
    owners: "{{type}}",
    pickPeople: "Pick people",
    notAgents: "{{people}} cannot work on cases (not in AGENT_USER_IDS or LEAD_USER_IDS).",
    saved: "Routing rules saved for {{marketplace}}.",
    notOpened: "the routing form could not be opened",
    notSwitched: "the routing form could not show that marketplace",
    notSaved: "the routing rules were not saved",
  },
  away: {
    set: "You are away until {{until}}: routing gives you no new cases until then. `{{cmd}} away off` when you are back earlier.",
    back: "Welcome back: routing gives you new cases again.",
    notAway: "You are not marked away. `{{cmd}} away until 2026-12-01` marks you away until that day.",
    usage:
      "Say until when: `{{cmd}} away until 2026-12-01` (a date in the team's time zone, within a year), or `{{cmd}} away off`.",
    badDate: "“{{text}}” is not a date I can read. Write it as 2026-12-01.",
    past: "{{until}} has passed. Pick a day from tomorrow on, within a year.",
    tooFar: "{{until}} is more than a year away. Pick a day within a year.",
  },
  triage: {
    title: "*Owners per case type*",
    owners: "• *{{rule}}*: {{people}}",
    person: "<@{{user}}> {{open}} open · {{inTime}} in time",
    personNoReplies: "<@{{user}}> {{open}} open",
    noOwner: ":warning: *No owner*: {{types}} — these cases wait for someone to press Claim.",
    noMarketplace: "no marketplace",
    overloaded: ":warning: *Overloaded* (over {{limit}} open): {{people}}",
  },
};
