// Who may do what: agents work cases, leads may also take over and resolve any case.

export type Roles = { agentUserIds: string[]; leadUserIds: string[] };
export type Actor = { userId: string; isAgent: boolean; isLead: boolean };

export function actorFor(userId: string, roles: Roles): Actor {
  const isLead = roles.leadUserIds.includes(userId);
  // With no agent list configured, everyone in the workspace may work cases.
  const isAgent = isLead || roles.agentUserIds.length === 0 || roles.agentUserIds.includes(userId);
  return { userId, isAgent, isLead };
}

/** What only leads may do outside a case: the order volume behind the ODR alerts leads act on. */
export function mayRecordOrders(actor: Actor): string | undefined {
  if (actor.isLead) return undefined;
  return "Only leads can record order volume: it sets the Order Defect Rate that the alerts watch. Ask a lead to run it.";
}

/** Importing a returns report creates cases: agents' work. */
export function mayImportReturns(actor: Actor): string | undefined {
  if (actor.isAgent) return undefined;
  return "Only after-sales agents can import returns reports. Ask a lead to add you to the agents.";
}

/** Delivery to Slack (what waits, what Slack refused) is for the people who work cases and their leads. */
export function maySeeDeliveryHealth(actor: Actor): string | undefined {
  if (actor.isAgent) return undefined;
  return "Only after-sales agents and leads can see how messages reach Slack. Ask a lead to add you to the agents.";
}

/** A lead hands cases only to someone who works cases. */
export function mayAssignTo(actor: Actor, assignee: Actor): string | undefined {
  if (!actor.isLead) return "Only leads can assign cases. Use *Claim all unclaimed* to take them yourself.";
  if (!assignee.isAgent) return `<@${assignee.userId}> is not an after-sales agent; assign the cases to an agent.`;
  return undefined;
}

/** The connection to Amazon (what it pulls, its errors, pulling now) is for leads. */
export function mayManageAmazon(actor: Actor): string | undefined {
  if (actor.isLead) return undefined;
  return "Only leads can see and run the connection to Amazon. Ask a lead to check it.";
}
