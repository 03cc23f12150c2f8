// The team's playbook as settings: how remedies scale with price, the return window, how long an
// appeal to Amazon may wait, and the reply templates. Every threshold has the playbook's default.
import type { Case } from "../generated/prisma/client.ts";
import { DEFAULT_REMEDY_SETTINGS, type RemedySettings } from "./remedy.ts";
import { type ReplyTemplate, SHIPPED_TEMPLATES } from "./replyTemplates.ts";
import { DEFAULT_RETURN_SETTINGS, type ReturnSettings } from "./returnEligibility.ts";

export type AppealSettings = {
  /** Amazon takes appeals of A-to-z decisions for this many days after the decision. */
  windowDays: number;
  /** The owner is reminded this many days before the last day, while the appeal is not filed. */
  reminderDays: number;
};

export type PlaybookSettings = {
  remedy: RemedySettings;
  returns: ReturnSettings;
  appeal: AppealSettings;
  /** Shipped templates merged with the team's own (TEMPLATES_FILE). */
  templates: ReplyTemplate[];
  /** How replies are signed ({seller} in a template). */
  signature: string;
};

export const DEFAULT_APPEAL_SETTINGS: AppealSettings = { windowDays: 30, reminderDays: 5 };
export const DEFAULT_SIGNATURE = "Customer Service";

/** The playbook's rule for suspected abuse, shown wherever abuse is marked. */
export const ABUSE_RULE =
  "Collect evidence and appeal to Amazon; do not argue with the buyer. Keep the reply short and factual.";

/** What an abuse case is backed by; the form's checklist. */
export const ABUSE_EVIDENCE = {
  qc_report: "QC report of the batch",
  tracking: "Tracking / proof of delivery",
  buyer_history: "The buyer's case history",
  photos: "Photos (item as shipped, item as returned)",
  notes: "Notes of what the buyer said",
} as const;
export type AbuseEvidence = keyof typeof ABUSE_EVIDENCE;

export const BUYER_OUTCOMES = {
  kept: "Kept the buyer",
  bought_again: "Bought again",
  lost: "Lost the buyer",
  unknown: "Unknown yet",
} as const;
export type BuyerOutcome = keyof typeof BUYER_OUTCOMES;

export const APPEAL_STAGES = {
  preparing: "Preparing the appeal",
  filed: "Filed with Amazon",
  won: "Won: Amazon decided for us",
  lost: "Lost: Amazon kept its decision",
} as const;
export type AppealStage = keyof typeof APPEAL_STAGES;

/** A case of the same buyer or order, as the abuse form lists it. */
export type RelatedCase = Pick<
  Case,
  | "number"
  | "orderId"
  | "category"
  | "status"
  | "resolution"
  | "createdAt"
  | "channelId"
  | "messageTs"
  | "abuseSuspectedAt"
>;

export const DEFAULT_PLAYBOOK: PlaybookSettings = {
  remedy: DEFAULT_REMEDY_SETTINGS,
  returns: DEFAULT_RETURN_SETTINGS,
  appeal: DEFAULT_APPEAL_SETTINGS,
  templates: SHIPPED_TEMPLATES,
  signature: DEFAULT_SIGNATURE,
};
