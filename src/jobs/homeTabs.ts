// Keeps Home tabs up to date: when a case changes, its owner's Home tab is published again, a
// couple of seconds later and once for several changes. Only people who have opened their Home
// tab get it. Publishing is idempotent (the whole tab, as it is now), so two copies of the bot
// publishing the same tab change nothing.
import type { Logger, webApi } from "@slack/bolt";
import type { Config } from "../config.ts";
import { actorFor } from "../domain/people.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { findCases } from "../store/caseFind.ts";
import { homeData, peopleWithHome } from "../store/home.ts";
import { homeView } from "../views/homeTab.ts";

const DEBOUNCE_MS = 2000;

export type HomeTabs = {
  /** These people's cases changed: publish their Home tabs soon (people without one are skipped). */
  refresh(userIds: (string | null | undefined)[]): void;
  /** Publish one person's Home tab now, with a search's results if they asked for one. */
  publish(userId: string, search?: string): Promise<void>;
  stop(): void;
};

export function startHomeTabs(opts: {
  prisma: PrismaClient;
  client: webApi.WebClient;
  config: Config;
  now: () => Date;
  logger: Logger;
}): HomeTabs {
  const due = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function publish(userId: string, search?: string): Promise<void> {
    const actor = actorFor(userId, opts.config);
    const now = opts.now();
    const data = await homeData(opts.prisma, userId, now, actor.isLead, opts.config.crisis.odr.alertPercent);
    const q = search?.trim().slice(0, 200);
    const found = q ? await findCases(opts.prisma, { text: q }, { offset: 0, limit: 10 }) : undefined;
    await opts.client.views.publish({
      user_id: userId,
      view: homeView(data, { now, isLead: actor.isLead, search: q && found ? { query: q, ...found } : undefined }),
    });
  }

  async function flush() {
    timer = undefined;
    const users = await peopleWithHome(opts.prisma, [...due]);
    due.clear();
    for (const userId of users) {
      if (stopped) return;
      await publish(userId).catch((err) =>
        opts.logger.warn(`Could not update the Home tab of ${userId}: ${(err as Error).message}`),
      );
    }
  }

  return {
    refresh(userIds) {
      for (const id of userIds) if (id) due.add(id);
      if (!due.size || timer || stopped) return;
      timer = setTimeout(() => {
        flush().catch((err) => opts.logger.warn(`Home tabs were not updated: ${(err as Error).message}`));
      }, DEBOUNCE_MS);
    },
    publish,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
