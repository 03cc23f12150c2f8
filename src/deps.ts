// What every handler receives: settings, the database, the clock, and a way to wake the outbox.
import type { Config } from "./config.ts";
import type { PullResult } from "./domain/amazonFeeds.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import type { HomeTabs } from "./jobs/homeTabs.ts";
import type { RoutingRulesBook } from "./jobs/routingRules.ts";

export type AppDeps = {
  config: Config;
  prisma: PrismaClient;
  /** The clock; tests move it instead of sleeping. */
  now: () => Date;
  /** Ask the outbox to deliver what was just stored, without waiting for its next poll. */
  wakeOutbox: () => void;
  /** A defect case arrived in this marketplace: re-read its Order Defect Rate soon. */
  defectIn: (marketplace: string) => void;
  /** People's Home tabs: published when opened or searched, refreshed when their cases change. */
  homes: Pick<HomeTabs, "refresh" | "publish">;
  /** The routing rules as last read; reload after changing them. */
  routingRules: Pick<RoutingRulesBook, "current" | "reload">;
  /** Pulls every report from Amazon now (/case amazon → Pull now); nothing without the connection. */
  pullFromAmazon: () => Promise<PullResult | undefined>;
};
