// The deliverer of each outbox kind. Adding a kind means a member in OutboxPayloads and an entry
// here; the type refuses a kind left without one.
import { historyNote, postCard, updateCard } from "./cards.ts";
import { chart } from "./charts.ts";
import {
  amazonOverdue,
  amazonReminder,
  appealReminder,
  escalation,
  followUpReminder,
  refundReminder,
  slaReminder,
  stalledReminder,
} from "./clockNotices.ts";
import { crisisNoteLine, crisisPost, crisisUpdate } from "./crisis.ts";
import type { Deliverers } from "./deliverer.ts";
import { routedDm } from "./routing.ts";
import { digest, message } from "./snapshots.ts";

export const DELIVERERS: Deliverers = {
  post_card: postCard,
  update_card: updateCard,
  history_note: historyNote,
  sla_reminder: slaReminder,
  escalation,
  amazon_reminder: amazonReminder,
  amazon_overdue: amazonOverdue,
  stalled_reminder: stalledReminder,
  refund_reminder: refundReminder,
  appeal_reminder: appealReminder,
  follow_up_reminder: followUpReminder,
  digest,
  message,
  crisis_post: crisisPost,
  crisis_update: crisisUpdate,
  crisis_note: crisisNoteLine,
  chart,
  routed_dm: routedDm,
};
