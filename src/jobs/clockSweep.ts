// Every SWEEP_INTERVAL_SECONDS: fire the reminders and escalations that have come due, clear
// return waves that have gone quiet, and (every few minutes) re-read each marketplace's ODR.
// Runs once right at start, so deadlines that passed while the bot was down are handled at once.

import type { Logger } from "@slack/bolt";
import schedule from "node-schedule";
import type { CrisisSettings } from "../domain/crisis.ts";
import { FAILED_MESSAGES_KEPT_DAYS } from "../domain/deliveryHealth.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { clearQuietWaves } from "../store/crisisAlerts.ts";
import { removeFailedBefore } from "../store/deliveryHealth.ts";
import { checkOdr, marketplacesWithOrders } from "../store/odr.ts";
import { removeSentBefore } from "../store/outbox.ts";
import { offerAgain } from "../store/routing.ts";
import { fireDueTimers } from "../store/timers.ts";

const ODR_SCAN_EVERY_MS = 10 * 60_000;
const OUTBOX_CLEANUP_EVERY_MS = 60 * 60_000;
/** Delivered Slack messages are kept this long (for looking into "did it go out?"), then removed. */
export const SENT_MESSAGES_KEPT_DAYS = 30;

export type ClockSweep = {
  /** One sweep now; returns how many timers fired. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
};

export function startClockSweep(opts: {
  prisma: PrismaClient;
  now: () => Date;
  intervalSeconds: number;
  channels: { casesChannel: string; escalationChannel: string };
  crisis: CrisisSettings;
  /** Who may work cases: only they are named as next in a routing rotation. */
  mayWork: (userId: string) => boolean;
  wakeOutbox: () => void;
  logger: Logger;
}): ClockSweep {
  let running: Promise<number> | undefined;
  let stopped = false;
  let job: schedule.Job | null = null;
  let lastOdrScan = 0;
  let lastCleanup = 0;

  async function cleanUpOutbox() {
    if (Date.now() - lastCleanup < OUTBOX_CLEANUP_EVERY_MS) return;
    lastCleanup = Date.now();
    await removeSentBefore(opts.prisma, new Date(Date.now() - SENT_MESSAGES_KEPT_DAYS * 86_400_000));
    // Messages Slack refused for good stay as long, to be seen with /case health, then go too.
    await removeFailedBefore(opts.prisma, new Date(Date.now() - FAILED_MESSAGES_KEPT_DAYS * 86_400_000));
  }

  async function scanCrises(): Promise<number> {
    const now = opts.now();
    let changed = await clearQuietWaves(opts.prisma, now, opts.crisis);
    if (Date.now() - lastOdrScan >= ODR_SCAN_EVERY_MS) {
      lastOdrScan = Date.now();
      for (const marketplace of await marketplacesWithOrders(opts.prisma)) {
        if (await checkOdr(opts.prisma, marketplace, now, opts.crisis)) changed++;
      }
    }
    return changed;
  }

  async function sweep(): Promise<number> {
    let total = 0;
    // Several batches when many deadlines pass at once (e.g. after a long outage).
    for (;;) {
      const fired = await fireDueTimers(opts.prisma, opts.now(), opts.channels);
      total += fired.length;
      // A routed case not answered by its reminder goes back to the group, naming who is next,
      // before the reminder is sent: it then speaks of the case as it now is.
      const offered = await offerAgain(opts.prisma, opts.now(), opts.mayWork, opts.logger).catch((err) => {
        opts.logger.error(`Unanswered routed cases were not offered again: ${(err as Error).message}`);
        return 0;
      });
      if (fired.length || offered) opts.wakeOutbox();
      if (fired.length < 1000 || stopped) break;
    }
    if (!stopped && (await scanCrises()) > 0) opts.wakeOutbox();
    if (!stopped) await cleanUpOutbox();
    return total;
  }

  function runOnce(): Promise<number> {
    // One sweep at a time per process; other copies are kept apart by the database.
    running ??= sweep().finally(() => (running = undefined));
    return running;
  }

  function tick() {
    if (stopped) return;
    runOnce()
      .catch((err) => opts.logger.error(`Deadline sweep failed: ${(err as Error).message}; trying again next time`))
      .finally(() => {
        if (!stopped) job = schedule.scheduleJob(new Date(Date.now() + opts.intervalSeconds * 1000), tick);
      });
  }
  tick();

  return {
    runOnce,
    async stop() {
      stopped = true;
      job?.cancel();
      // Only wait for a sweep in progress to end; its failure was already logged where it ran.
      if (running) await Promise.allSettled([running]);
    },
  };
}
