// A new case from Slack or from the intake API, stored with the team's settings: the one place
// that says which channel, clocks and early-warning rules a new case gets.
import type { Logger } from "@slack/bolt";
import type { Config } from "../config.ts";
import type { AppDeps } from "../deps.ts";
import { actorFor } from "../domain/people.ts";
import type { Routing, RoutingRule } from "../domain/routing.ts";
import { type CreatedCase, createCase } from "../store/cases.ts";

export function storeNewCase(
  deps: AppDeps,
  input: Parameters<typeof createCase>[1],
  logger: Pick<Logger, "error">,
): Promise<CreatedCase> {
  return createCase(deps.prisma, input, {
    channelId: deps.config.casesChannel,
    clock: deps.config.clock,
    crisis: deps.config.crisis,
    now: deps.now(),
    logger,
    onDefect: deps.defectIn,
    routing: routingOf(deps.config, deps.routingRules.current()),
  });
}

/** The team's routing: its settings, its rules as last read, and who may work cases (only they get turns). */
export const routingOf = (config: Config, rules: RoutingRule[]): Routing => ({
  ...config.routing,
  rules,
  mayWork: (userId) => actorFor(userId, config).isAgent,
});
