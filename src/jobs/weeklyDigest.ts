// Posts the weekly triage digest on DIGEST_CRON in TEAM_TIMEZONE, once per period, and at start
// catches up a digest that was due while the bot was not running (marked late).

import type { Logger } from "@slack/bolt";
import schedule from "node-schedule";
import { reportCharts } from "../domain/charts.ts";
import type { ChannelSetting } from "../domain/deliveryHealth.ts";
import { digestPeriod, LATE_AFTER_MS, lastScheduledTime } from "../domain/digest.ts";
import { dedupeKey } from "../domain/outboxMessages.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { type Lang, words } from "../i18n/i18n.ts";
import { failedDeliveries } from "../store/deliveryHealth.ts";
import { claimDigestPeriod, wasInUseBefore } from "../store/digestRuns.ts";
import { enqueue } from "../store/outbox.ts";
import { triageReport } from "../store/triage.ts";
import { triageMessage } from "../views/triageReport.ts";

export type WeeklyDigest = {
  /** Posts the digest for the period ending at `scheduledFor`, unless it was posted already. */
  postFor(scheduledFor: Date): Promise<boolean>;
  catchUp(): Promise<boolean>;
  stop(): void;
};

export function startWeeklyDigest(opts: {
  prisma: PrismaClient;
  now: () => Date;
  cron: string;
  zone: string;
  channelId: string;
  odrLimitPercent: number;
  /** The share of first replies in time the team aims for (the charts' target line). */
  replyTargetPercent: number;
  /** Open cases above which a routed owner is flagged as overloaded. */
  routingOverload: number;
  /** The channel settings, named in the advice on messages Slack refused. */
  channelSettings: ChannelSetting[];
  /** The team's language: the digest is posted in a shared channel. */
  language: Lang;
  wakeOutbox: () => void;
  logger: Logger;
}): WeeklyDigest {
  const { prisma } = opts;

  async function postFor(scheduledFor: Date): Promise<boolean> {
    const period = digestPeriod(scheduledFor);
    const now = opts.now();
    const late = now.getTime() - scheduledFor.getTime() > LATE_AFTER_MS;
    const queued = await prisma.$transaction(
      async (tx) => {
        if (!(await claimDigestPeriod(tx, period, late))) return false;
        const report = await triageReport(tx, period, opts.odrLimitPercent, opts.zone, opts.routingOverload);
        const failed = await failedDeliveries(tx, period);
        const w = words(opts.language);
        const message = triageMessage(report, {
          title: w.t("reports.triage.weeklyTitle"),
          words: w,
          zone: opts.zone,
          now,
          lateSince: late ? scheduledFor : undefined,
          undelivered: { failed, settings: opts.channelSettings },
        });
        // The pictures go under the text, as their own message: one that cannot be uploaded never holds the text back.
        const digest = { kind: "digest" as const, channelId: opts.channelId, periodKey: period.key, message };
        await enqueue(tx, [
          digest,
          {
            kind: "chart",
            key: `digest:${period.key}`,
            place: { channel: opts.channelId, after: dedupeKey(digest) ?? undefined },
            charts: reportCharts(report, opts.zone, opts.replyTargetPercent),
            zone: opts.zone,
          },
        ]);
        return true;
      },
      { timeout: 30_000 },
    );
    if (queued) opts.wakeOutbox();
    return queued;
  }

  async function catchUp(): Promise<boolean> {
    const due = lastScheduledTime(opts.cron, opts.zone, opts.now());
    if (!(await wasInUseBefore(prisma, due))) return false;
    return postFor(due);
  }

  const job = schedule.scheduleJob({ rule: opts.cron, tz: opts.zone }, (fireDate: Date) => {
    postFor(fireDate).catch((err) =>
      opts.logger.error(`The weekly digest could not be prepared: ${(err as Error).message}`),
    );
  });
  catchUp().catch((err) => opts.logger.error(`Catching up the weekly digest failed: ${(err as Error).message}`));

  return { postFor, catchUp, stop: () => job?.cancel() };
}
