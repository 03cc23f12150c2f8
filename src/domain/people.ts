// Who may do what: agents work cases, leads may also take over and resolve any case.

export type Roles = { agentUserIds: string[]; leadUserIds: string[] };
export type Actor = { userId: string; isAgent: boolean; isLead: boolean };

export function actorFor(userId: string, roles: Roles): Actor {
  const isLead = roles.leadUserIds.includes(userId);
  // With no agent list configured, everyone in the workspace may work cases.
  const isAgent = isLead || roles.agentUserIds.length === 0 || roles.agentUserIds.includes(userId);
  return { userId, isAgent, isLead };
}
