// Re-reads a marketplace's Order Defect Rate shortly after defect cases arrive, once per burst:
// a hundred imported reviews cost one reading, not a hundred, and the case itself is stored and
// answered without waiting for it. The periodic sweep re-reads every marketplace as a safety net.
import type { Logger } from "@slack/bolt";
import type { CrisisSettings } from "../domain/crisis.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { checkOdr } from "../store/odr.ts";

export type OdrWatch = { touch(marketplace: string): void; settle(): Promise<void>; stop(): void };

export function startOdrWatch(opts: {
  prisma: PrismaClient;
  now: () => Date;
  crisis: CrisisSettings;
  delayMs?: number;
  wakeOutbox: () => void;
  logger: Logger;
}): OdrWatch {
  const pending = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let stopped = false;

  function check(marketplace: string) {
    pending.delete(marketplace);
    const p = checkOdr(opts.prisma, marketplace, opts.now(), opts.crisis)
      .then(() => opts.wakeOutbox())
      .catch((err) => opts.logger.error(`Order Defect Rate check for ${marketplace} failed: ${(err as Error).message}`))
      .finally(() => running.delete(p));
    running.add(p);
  }

  return {
    touch(marketplace) {
      if (stopped || pending.has(marketplace)) return;
      pending.set(
        marketplace,
        setTimeout(() => check(marketplace), opts.delayMs ?? 500),
      );
    },
    /** Runs what is waiting now (tests, shutdown). */
    async settle() {
      for (const [marketplace, timer] of pending) {
        clearTimeout(timer);
        check(marketplace);
      }
      await Promise.all(running);
    },
    stop() {
      stopped = true;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
