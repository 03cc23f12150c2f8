// Who may do what: agents work cases, leads may also take over and resolve any case. A refusal is
// a `Said`: the handler tells it in the reader's language.
import { ENGLISH, type Said, say } from "../i18n/i18n.ts";

export type Roles = { agentUserIds: string[]; leadUserIds: string[] };
export type Actor = { userId: string; isAgent: boolean; isLead: boolean };

export function actorFor(userId: string, roles: Roles): Actor {
  const isLead = roles.leadUserIds.includes(userId);
  // With no agent list configured, everyone in the workspace may work cases.
  const isAgent = isLead || roles.agentUserIds.length === 0 || roles.agentUserIds.includes(userId);
  return { userId, isAgent, isLead };
}

/** What only leads may do outside a case: the order volume behind the ODR alerts leads act on. */
export function mayRecordOrders(actor: Actor): Said | undefined {
  if (actor.isLead) return undefined;
  return { key: "commands.refusals.recordOrders" };
}

/** Importing a returns report creates cases: agents' work. */
export function mayImportReturns(actor: Actor): Said | undefined {
  if (actor.isAgent) return undefined;
  return { key: "commands.refusals.importReturns" };
}

/** Delivery to Slack (what waits, what Slack refused) is for the people who work cases and their leads. */
export function maySeeDeliveryHealth(actor: Actor): Said | undefined {
  if (actor.isAgent) return undefined;
  return { key: "commands.refusals.deliveryHealth" };
}

/** A lead hands cases only to someone who works cases. */
export function assignRefusal(actor: Actor, assignee: Actor): Said | undefined {
  if (!actor.isLead) return { key: "commands.refusals.assign" };
  if (!assignee.isAgent) return { key: "commands.refusals.assignNotAgent", params: { user: assignee.userId } };
  return undefined;
}

/** `assignRefusal` in English. */
export function mayAssignTo(actor: Actor, assignee: Actor): string | undefined {
  const refusal = assignRefusal(actor, assignee);
  return refusal && say(ENGLISH, refusal);
}

/** The connection to Amazon (what it pulls, its errors, pulling now) is for leads. */
export function mayManageAmazon(actor: Actor): Said | undefined {
  if (actor.isLead) return undefined;
  return { key: "commands.refusals.manageAmazon" };
}
