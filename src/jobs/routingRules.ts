// The team's routing rules, kept in memory so that a new case finds its rule without asking the
// database (most cases have none, and storing a case is on Slack's clock). Rules change only
// through /case routing — the copy that saved them reads them again at once — or ROUTING_FILE at
// start; other copies of the bot read them again every REFRESH_MS.
import type { Logger } from "@slack/bolt";
import type { RoutingRule } from "../domain/routing.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { routingRules } from "../store/routing.ts";

const REFRESH_MS = 10_000;

export type RoutingRulesBook = {
  /** The rules as last read. */
  current(): RoutingRule[];
  /** Reads them again now (after a change made here). */
  reload(): Promise<void>;
  /** Stops reading them, once a reading in hand is done. */
  stop(): Promise<void>;
};

export async function startRoutingRules(opts: {
  prisma: PrismaClient;
  logger: Pick<Logger, "warn">;
  refreshMs?: number;
}): Promise<RoutingRulesBook> {
  let rules = await routingRules(opts.prisma);
  // One reading at a time, in the order asked: the reading asked for after a change is the one kept.
  let last: Promise<void> = Promise.resolve();
  const reload = () => {
    last = last
      .catch(() => {})
      .then(async () => {
        rules = await routingRules(opts.prisma);
      });
    return last;
  };
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return; // a database slow to answer is not asked again and again
    reading = true;
    reload()
      .catch((err) =>
        opts.logger.warn(`Routing rules could not be read again (the last ones stay): ${(err as Error).message}`),
      )
      .finally(() => {
        reading = false;
      });
  }, opts.refreshMs ?? REFRESH_MS);
  timer.unref();
  return {
    current: () => rules,
    reload,
    async stop() {
      clearInterval(timer);
      await last.catch(() => {});
    },
  };
}
