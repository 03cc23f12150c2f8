// English words of the bot: commands. Keys are grouped by what they are for; {{name}} is filled in,
// a key ending in _one/_other is chosen by {{count}}.
export default {
  help: {
    unknown: "`{{cmd}} {{sub}}` is not a command I know. Here is what I can do:",
    title: "*After-sales cases — `{{cmd}}` commands*",
    new: "• `{{cmd}} new` — open the form for a new case (order id, case type, what happened…). The card is posted to the cases channel.",
    summary:
      "• `{{cmd}} summary [7d | 30d | 2026-11-01..2026-11-30] [chart]` — the triage report for a period (default: the last 7 days), just for you; with `chart`, its charts come to your direct messages.",
    list: "• `{{cmd}} list [open | mine | unclaimed | breached | @person | ASIN]` — matching cases with their age, priority and owner, 20 a page.",
    find: "• `{{cmd}} find <order id | ASIN | SKU | buyer name | words>` — any case, open or resolved, newest first, 10 a page.",
    show: "• `{{cmd}} show AS-1042` (or an order id) — one case: its card, its history and a link to its thread.",
    orders:
      "• `{{cmd}} orders <marketplace> <orders in the last 60 days>` — e.g. `{{cmd}} orders US 48200`: the order volume behind the Order Defect Rate alerts (leads only).",
    amazon: "• `{{cmd}} amazon` — the connection to Amazon: what was pulled when, errors, and *Pull now* (leads only).",
    import:
      "• `{{cmd}} import` — upload an Amazon returns report (FBA or merchant-fulfilled); each return becomes a case, without duplicates on re-import (agents only).",
    health:
      "• `{{cmd}} health` — messages still waiting to reach Slack, and those Slack refused (e.g. the bot is not in a channel) with what to do; `{{cmd}} health retry` sends those again once fixed (agents and leads).",
    check:
      "• `{{cmd}} check` — paste a reply before sending it to a buyer: it is checked against Amazon's messaging rules (links, contact details, review requests, marketing).",
    language:
      "• `{{cmd}} language zh|en` — the language of what only you see (forms, private answers, the Home tab); channels use the team's.",
    routing:
      "• `{{cmd}} routing` — who owns each case type (new cases go to them in turn); leads edit the rules from there.",
    away: "• `{{cmd}} away until 2026-12-01` — no routed cases for you until then (`{{cmd}} away off` when back).",
    help: "• `{{cmd}} help` — this list.",
    cardTitle: "*On a case card*",
    claim: "• *Claim* — you own the case (first click wins).",
    logReply:
      "• *Log reply* — record that the buyer was answered; stops the one-hour clock. On an unclaimed case it also claims it for you.",
    resolve:
      "• *Resolve* — record how it ended (refund, replacement…), the amount and the root cause; the form suggests a remedy from the playbook (price, cause, severity). Owner or lead only.",
    draftReply:
      "• *Draft reply* — a reply for the buyer from the team's templates, filled in and checked against Amazon's messaging rules; press *Sent: log reply* once sent.",
    more: "• *⋯* — check the return window, mark a return received (starts the refund clock), suspect abuse (with the buyer's other cases), appeal to Amazon.",
    takeOver: "• *Take over* — leads only: become the owner of a claimed case.",
    reopen: "• *Reopen* — the buyer came back: the case is open again with the same owner (agents and leads).",
    shortcut:
      "*From any message*: the message shortcut *Create after-sales case* (⋮ on the message) opens the same form, filled with the message text and any order id / ASIN found in it.",
  },
  failed: {
    command: "`{{command}}` could not be finished",
    answer: "Sorry, `{{cmd}} {{sub}}` could not be answered just now. Please try again in a moment.",
    tryAgain: "Sorry, that did not work just now: {{what}}. Please try again.",
    modalRefused: "Slack did not let me open {{form}} in time. {{again}}",
    importNotDone: "the returns report was not imported",
    pullNotStarted: "the pull from Amazon could not be started",
  },
  forms: {
    newCase: "the new-case form",
    newCaseAgain: "Please run `/case new` again.",
    import: "the import form",
    importAgain: "Please run `/case import` again.",
    check: "the reply check",
    checkAgain: "Please run `/case check` again.",
  },
  refusals: {
    lookUp:
      "Only after-sales agents and leads can look up cases: they hold buyers' details. Ask a lead to add you to the agents.",
    recordOrders:
      "Only leads can record order volume: it sets the Order Defect Rate that the alerts watch. Ask a lead to run it.",
    importReturns: "Only after-sales agents can import returns reports. Ask a lead to add you to the agents.",
    deliveryHealth:
      "Only after-sales agents and leads can see how messages reach Slack. Ask a lead to add you to the agents.",
    assign: "Only leads can assign cases. Use *Claim all unclaimed* to take them yourself.",
    assignNotAgent: "<@{{user}}> is not an after-sales agent; assign the cases to an agent.",
    manageAmazon: "Only leads can see and run the connection to Amazon. Ask a lead to check it.",
  },
  import: {
    importing: "Importing {{name}}… a summary follows here.",
    importingShared: "Importing the report you shared… a summary follows here.",
    attachFile: "Attach the returns report (.txt as downloaded from Seller Central)",
    noFile: "Slack did not give me the file. Upload it again.",
    stoppedPartway:
      "The import stopped part-way: {{reason}}. The {{created}} cases before that were imported (the summary is in the channel). Import the file again once it is fixed: rows already imported are skipped.",
    notImported: "The returns report was not imported: {{reason}}",
  },
  list: {
    pageFailed: "That list could not be shown just now. Please run `/case list` again.",
  },
  find: {
    help: "Search by order id (`114-2962899-5762619`), ASIN, SKU, buyer name or words from the case, e.g. `/case find broken zip`.",
    noMatch: "No case matches “{{query}}”.",
    noMatchHelp: "No case matches “{{query}}”. {{help}}",
    title: "*Cases matching “{{query}}”* — {{first}}–{{last}} of {{total}}, newest first",
    text: "Cases matching “{{query}}”: {{first}}–{{last}} of {{total}}",
    line: "{{case}} · {{category}} · {{status}} · order {{order}}{{buyer}}{{owner}} · {{date}}",
    previous: "‹ Previous",
    next: "Next ›",
    pageFailed: "That search could not be shown just now. Please run `/case find` again.",
  },
  show: {
    noCase: "No case {{given}} here. Try `/case find {{given}}`.",
    history: "*History* (latest {{n}})",
    open: "<{{link}}|Open {{case}} in the cases channel> to act on it and see its thread.",
    noCard: "{{case}} has no card in a channel yet.",
    reassign: "Reassign",
  },
  orders: {
    usage:
      "Give the marketplace and its orders of the last 60 days, e.g. `/case orders US 48200` (marketplaces: {{codes}}).",
    saved: "Saved: {{orders}} orders in the last 60 days for {{marketplace}}.",
    odrBelow:
      "Order Defect Rate {{percent}}% ({{defects}} defective orders of {{orders}}); {{left}} more until {{limit}}%.",
    odrAtLimit: "Order Defect Rate {{percent}}% ({{defects}} defective orders of {{orders}}); at or above {{limit}}%.",
  },
  amazon: {
    pulling: "Pulling every report now… this message updates when it is done.",
  },
  parse: {
    range: {
      outOfRange: "`{{text}}` is out of range. Use `7d`, `30d` (up to `365d`) or dates like `2026-11-01..2026-11-30`.",
      noSuchDate:
        "`{{text}}` has a date that does not exist. Use `7d`, `30d` (up to `365d`) or dates like `2026-11-01..2026-11-30`.",
      yearOutside:
        "`{{text}}` has a year outside {{first}}–{{last}}. Use `7d`, `30d` (up to `365d`) or dates like `2026-11-01..2026-11-30`.",
      endsBeforeStart:
        "`{{text}}` ends before it starts. Use `7d`, `30d` (up to `365d`) or dates like `2026-11-01..2026-11-30`.",
      unreadable:
        "I can't read `{{text}}` as a period. Use `7d`, `30d` (up to `365d`) or dates like `2026-11-01..2026-11-30`.",
    },
    find: {
      empty:
        "What should I look for? Search by order id (`114-2962899-5762619`), ASIN, SKU, buyer name or words from the case, e.g. `/case find broken zip`.",
      tooLong: "Search for at most 200 characters: an order id, a name or a few words.",
      showWhich: "Show which case? Give its number (`/case show AS-1042`) or its order id.",
    },
    list: {
      unknown:
        "I can't list `{{text}}`. Use `open`, `mine`, `unclaimed`, `breached`, a person (`@name`) or an ASIN like `B00TZ73MUY`.",
      open: "Open cases",
      mine: "Your open cases",
      unclaimed: "Unclaimed cases",
      breached: "Open cases past the first-reply deadline",
      user: "Open cases of {{user}}",
      asin: "Cases for {{asin}}",
    },
  },
} as const;
