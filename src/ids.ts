// Identifiers shared by views (which put them in Block Kit) and handlers (which listen for them).

export const COMMAND = "/case";

export const ACTIONS = {
  claim: "case_claim",
  amazonPullNow: "amazon_pull_now",
  takeOver: "case_take_over",
  logReply: "case_log_reply",
  resolve: "case_resolve",
  reopen: "case_reopen",
  draftReply: "case_draft_reply",
  reassign: "case_reassign",
  /** The card's "More" menu; each option's value is "<what>:<case id>" (see MORE_OPTIONS). */
  more: "case_more",
  /** In the resolve form: a new root cause or severity recomputes the suggested remedy. */
  resolveRecompute: "resolve_recompute",
  /** In the draft form: another template fills the text. */
  draftTemplate: "draft_template",
  listPrevious: "case_list_previous",
  listNext: "case_list_next",
  findPrevious: "case_find_previous",
  findNext: "case_find_next",
  homeSearch: "home_search",
  /** On the Home tab: the person chooses their language. */
  homeLanguage: "home_language",
  /** On the Home tab of people who work cases: the day they are back (marks them away until then), and "I'm back". */
  homeAwayUntil: "home_away_until",
  homeBack: "home_back",
  /** Under /case routing (leads): opens the rules form; in it, the marketplace whose rules it shows. */
  editRouting: "routing_edit",
  routingMarketplace: "routing_marketplace",
  crisisClaimAll: "crisis_claim_all",
  crisisAssign: "crisis_assign",
  crisisReplyAll: "crisis_reply_all",
  crisisResolve: "crisis_resolve",
} as const;

export const CALLBACKS = {
  newCase: "new_case_modal",
  resolveCase: "resolve_case_modal",
  messageShortcut: "create_case_from_message",
  crisisResolve: "crisis_resolve_modal",
  importReturns: "import_returns_modal",
  returnCheck: "return_check_modal",
  suspectAbuse: "suspect_abuse_modal",
  appeal: "appeal_modal",
  draftReply: "draft_reply_modal",
  addNote: "add_note_modal",
  waiting: "waiting_modal",
  reassign: "reassign_modal",
  policyCheck: "policy_check_modal",
  routing: "routing_modal",
} as const;

/** Block ids of the routing form: the marketplace menu, and one people picker per case type (prefix + type). */
export const ROUTING_BLOCKS = {
  marketplace: "routing_marketplace",
  ownersPrefix: "routing_owners_",
} as const;

/** Block ids of the new-case modal; errors from validation are keyed by these. */
export const NEW_CASE_BLOCKS = {
  orderId: "order_id",
  asin: "asin",
  sku: "sku",
  marketplace: "marketplace",
  category: "category",
  priority: "priority",
  orderValue: "order_value",
  currency: "currency",
  buyerName: "buyer_name",
  description: "description",
} as const;

export const RESOLVE_BLOCKS = {
  resolution: "resolution",
  amount: "amount",
  currency: "currency",
  rootCause: "root_cause",
  severity: "severity",
  note: "note",
  outcome: "buyer_outcome",
  suggestedProduct: "suggested_product",
} as const;

/** What the card's "More" menu offers, by the first part of an option's value. */
export const MORE_OPTIONS = {
  addNote: "add_note",
  waiting: "waiting",
  returnCheck: "return_check",
  returnReceived: "return_received",
  suspectAbuse: "suspect_abuse",
  appeal: "appeal",
} as const;
export type MoreOption = (typeof MORE_OPTIONS)[keyof typeof MORE_OPTIONS];

/** Block ids of the playbook's forms; errors from validation are keyed by these. */
export const PLAYBOOK_BLOCKS = {
  orderDate: "order_date",
  deliveredAt: "delivered_at",
  condition: "item_condition",
  evidence: "evidence",
  note: "note",
  appealStage: "appeal_stage",
  decisionDate: "decision_date",
  template: "template",
  text: "reply_text",
  sentAnyway: "sent_anyway",
  followUp: "follow_up",
  assignee: "assignee",
} as const;

/** Every input block holds one element with this action id, so values read as state[block].value. */
export const INPUT_ACTION = "value";

/** The cases picked in the bulk resolve modal of a return wave. */
export const CASES_BLOCK = "cases";
/** The file input of the returns import modal. */
export const REPORT_FILE_BLOCK = "report_file";

/**
 * Actions blocks carry the record they act on in their block id ("crisis_actions:42"), so a
 * listener whose element has no value of its own (a user picker) still knows which record it is.
 */
const ACTIONS_BLOCK_PREFIXES = {
  case: "case_actions",
  crisis: "crisis_actions",
  escalation: "escalation_actions",
} as const;
export type ActionsBlockKind = keyof typeof ACTIONS_BLOCK_PREFIXES;

export function actionsBlockId(kind: ActionsBlockKind, recordId: number): string {
  return `${ACTIONS_BLOCK_PREFIXES[kind]}:${recordId}`;
}

/** The record id in an actions block id of this kind; undefined for any other block id. */
export function recordIdOfBlock(kind: ActionsBlockKind, blockId: string | undefined): number | undefined {
  const prefix = `${ACTIONS_BLOCK_PREFIXES[kind]}:`;
  if (!blockId?.startsWith(prefix)) return undefined;
  const id = Number(blockId.slice(prefix.length));
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
