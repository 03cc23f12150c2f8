// Keeps Home tabs up to date: when a case changes, its owner's Home tab is published again, a
// couple of seconds later and once for several changes. Only people who have opened their Home
// tab get it. Publishing is idempotent (the whole tab, as it is now), so two copies of the bot
// publishing the same tab change nothing.
import type { Logger, webApi } from "@slack/bolt";
import type { Config } from "../config.ts";
import { parseFindQuery } from "../domain/caseFind.ts";
import { actorFor } from "../domain/people.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { words } from "../i18n/i18n.ts";
import { findCases } from "../store/caseFind.ts";
import { homeData, peopleWithHome } from "../store/home.ts";
import { personLanguage } from "../store/people.ts";
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
  /** Each person's last search from the Home tab, kept while the process runs (a refresh keeps it). */
  const searches = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let flushing = false;
  let stopped = false;

  async function publish(userId: string, search?: string): Promise<void> {
    if (search !== undefined) {
      if (search.trim()) searches.set(userId, search);
      else searches.delete(userId);
    }
    const actor = actorFor(userId, opts.config);
    const now = opts.now();
    const data = await homeData(opts.prisma, userId, now, actor.isLead, opts.config.crisis.odr.alertPercent);
    const q = searches.get(userId);
    const parsed = q ? parseFindQuery(q) : undefined;
    const found =
      parsed && !("error" in parsed)
        ? { query: parsed.text, ...(await findCases(opts.prisma, parsed, { offset: 0, limit: 10 })) }
        : undefined;
    // The Home tab is the person's own: their language, else the team's.
    const w = words((await personLanguage(opts.prisma, userId)) ?? opts.config.language);
    await opts.client.views.publish({
      user_id: userId,
      view: homeView(data, { now, isLead: actor.isLead, search: found, words: w, zone: opts.config.teamTimezone }),
    });
  }

  function schedule() {
    if (!due.size || timer || flushing || stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, DEBOUNCE_MS);
  }

  /** One flush at a time; what was asked for meanwhile goes in the next one. */
  async function flush() {
    flushing = true;
    const asked = [...due];
    due.clear();
    try {
      for (const userId of await peopleWithHome(opts.prisma, asked)) {
        if (stopped) return;
        await publish(userId).catch((err) =>
          opts.logger.warn(`Could not update the Home tab of ${userId}: ${(err as Error).message}`),
        );
      }
    } catch (err) {
      opts.logger.warn(`Home tabs were not updated: ${(err as Error).message}`);
    } finally {
      flushing = false;
      schedule();
    }
  }

  return {
    refresh(userIds) {
      for (const id of userIds) if (id) due.add(id);
      schedule();
    },
    publish,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
