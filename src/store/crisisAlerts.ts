// Crisis alerts in the database: raising a return-wave alert or a risk heads-up once, adding
// cases to the one running, clearing waves that went quiet, and the cases an alert is about.
// Alerts have a unique (kind, subject, window) key, so a restart or a second copy of the bot
// never raises the same alert twice.

import { WAVE_CHART_EVERY_MS, WAVE_CHART_HOURS, type WaveChartData } from "../domain/charts.ts";
import {
  ACTIVE_STATUS,
  CLEARED_STATUS,
  type CrisisSettings,
  clearedWindow,
  HOUR,
  isWave,
  NO_ASIN,
  RUNNING_WINDOW,
  riskHourWindow,
  type WaveSettings,
  waveWindows,
} from "../domain/crisis.ts";
import type { CrisisAlert, Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { CASE_REF_SELECT } from "./caseLists.ts";
import { enqueue } from "./outbox.ts";

export async function waveCounts(db: Pick<PrismaClient, "$queryRaw">, asin: string, now: Date, s: WaveSettings) {
  const { windowStart, baselineStart } = waveWindows(now, s);
  // One range scan of the (asin, createdAt) index for both counts.
  const [r] = await db.$queryRaw<{ count: number; baseline: number }[]>`
    SELECT count(*) FILTER (WHERE "createdAt" > ${windowStart}::timestamp)::int AS count,
           count(*) FILTER (WHERE "createdAt" <= ${windowStart}::timestamp)::int AS baseline
    FROM "Case" WHERE asin = ${asin} AND "createdAt" > ${baselineStart}::timestamp AND "createdAt" <= ${now}::timestamp`;
  return { count: r.count, baseline: r.baseline, usualPerDay: r.baseline / s.baselineDays };
}

/** One ASIN's cases per hour over the chart's span, with the rates the wave is measured against. */
export async function waveChartData(
  db: Pick<PrismaClient, "$queryRaw">,
  asin: string,
  now: Date,
  s: WaveSettings,
  usualPerDay: number,
): Promise<WaveChartData> {
  const lastHour = Math.floor(now.getTime() / HOUR) * HOUR;
  const first = lastHour - (WAVE_CHART_HOURS - 1) * HOUR;
  const rows = await db.$queryRaw<{ hour: Date; count: number }[]>`
    SELECT date_trunc('hour', "createdAt") AS hour, count(*)::int AS count
    FROM "Case" WHERE asin = ${asin} AND "createdAt" >= ${new Date(first)}::timestamp AND "createdAt" <= ${now}::timestamp
    GROUP BY 1`;
  const byHour = new Map(rows.map((r) => [r.hour.getTime(), r.count]));
  const usualPerHour = usualPerDay / 24;
  return {
    asin,
    hours: Array.from({ length: WAVE_CHART_HOURS }, (_, i) => {
      const at = first + i * HOUR;
      return { hour: new Date(at).toISOString(), count: byHour.get(at) ?? 0 };
    }),
    usualPerHour,
    wavePerHour: Math.max(s.multiplier * usualPerHour, s.minCases / s.windowHours),
  };
}

/**
 * Queues the wave's chart for its thread unless one was queued within the hour (a conditional
 * update, so two copies seeing the same case queue it once).
 */
async function queueWaveChart(
  tx: Prisma.TransactionClient,
  alert: Pick<CrisisAlert, "id" | "subject" | "channelId">,
  now: Date,
  s: CrisisSettings,
  usualPerDay: number,
): Promise<void> {
  const { count } = await tx.crisisAlert.updateMany({
    where: {
      id: alert.id,
      OR: [{ chartedAt: null }, { chartedAt: { lte: new Date(now.getTime() - WAVE_CHART_EVERY_MS) } }],
    },
    data: { chartedAt: now },
  });
  if (count === 0) return;
  const channel = alert.channelId ?? s.channelId;
  const data = await waveChartData(tx, alert.subject, now, s.wave, usualPerDay);
  await enqueue(tx, [
    {
      kind: "chart",
      key: `wave:${alert.id}:${now.getTime()}`,
      place: { channel, alertId: alert.id },
      charts: [{ kind: "wave", data }],
    },
  ]);
}

export function findAlert(prisma: PrismaClient, id: number): Promise<CrisisAlert | null> {
  return prisma.crisisAlert.findUnique({ where: { id } });
}

/** Remembers where an alert was posted; a second post of the same alert changes nothing. */
export async function recordAlertPosted(
  prisma: PrismaClient,
  id: number,
  channelId: string,
  messageTs: string | undefined,
): Promise<void> {
  await prisma.crisisAlert.updateMany({ where: { id, messageTs: null }, data: { channelId, messageTs } });
}

/**
 * Runs when a case arrives for an ASIN: raises the wave alert when the threshold is crossed, or
 * adds the case to the alert that is already running (updated in place, never re-posted).
 */
export async function checkWave(
  prisma: PrismaClient,
  c: { id: number; asin: string | null },
  now: Date,
  s: CrisisSettings,
): Promise<"raised" | "updated" | "none"> {
  if (!c.asin) return "none";
  const asin = c.asin;
  const counts = await waveCounts(prisma, asin, now, s.wave);
  const holds = isWave(counts.count, counts.baseline, s.wave);
  const detail = { count: counts.count, usualPerDay: counts.usualPerDay };
  const key = { kind_subject_windowKey: { kind: "wave" as const, subject: asin, windowKey: RUNNING_WINDOW } };
  // The usual case (no wave, none running) costs no transaction.
  if (!holds && !(await prisma.crisisAlert.findUnique({ where: key, select: { id: true } }))) return "none";
  return prisma.$transaction(async (tx) => {
    let alert = await tx.crisisAlert.findUnique({ where: key });
    if (!alert) {
      if (!holds) return "none";
      const { count } = await tx.crisisAlert.createMany({
        data: [
          {
            kind: "wave",
            subject: asin,
            windowKey: RUNNING_WINDOW,
            startedAt: now,
            lastSeenAt: now,
            channelId: s.channelId,
            detail,
          },
        ],
        skipDuplicates: true,
      });
      alert = await tx.crisisAlert.findUniqueOrThrow({ where: key });
      if (count === 1) {
        await enqueue(tx, [{ kind: "crisis_post", alertId: alert.id, channelId: s.channelId }]);
        await queueWaveChart(tx, alert, now, s, counts.usualPerDay);
        return "raised";
      }
    }
    await tx.crisisAlert.update({ where: { id: alert.id }, data: holds ? { lastSeenAt: now, detail } : { detail } });
    if (holds) await queueWaveChart(tx, alert, now, s, counts.usualPerDay);
    await enqueue(tx, [
      { kind: "crisis_update", alertId: alert.id, channelId: s.channelId },
      { kind: "crisis_note", alertId: alert.id, channelId: s.channelId, note: "joined", caseId: c.id },
    ]);
    return "updated";
  });
}

/** Periodic: a wave whose rate stayed below the threshold for the quiet period is cleared. */
export async function clearQuietWaves(prisma: PrismaClient, now: Date, s: CrisisSettings): Promise<number> {
  const active = await prisma.crisisAlert.findMany({ where: { kind: "wave", status: ACTIVE_STATUS } });
  let cleared = 0;
  for (const alert of active) {
    const counts = await waveCounts(prisma, alert.subject, now, s.wave);
    if (isWave(counts.count, counts.baseline, s.wave)) {
      // Still going: its thread gets a fresh chart when the last one is an hour old.
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.crisisAlert.updateMany({
          where: { id: alert.id, status: ACTIVE_STATUS },
          data: { lastSeenAt: now },
        });
        if (count === 1) await queueWaveChart(tx, alert, now, s, counts.usualPerDay);
      });
      continue;
    }
    if (now.getTime() - alert.lastSeenAt.getTime() < s.wave.quietHours * HOUR) continue;
    const done = await prisma.$transaction(async (tx) => {
      // Frees the running window key, so a later wave for the same ASIN raises a new alert.
      const { count } = await tx.crisisAlert.updateMany({
        where: { id: alert.id, status: ACTIVE_STATUS },
        data: { status: CLEARED_STATUS, clearedAt: now, windowKey: clearedWindow(alert.startedAt) },
      });
      if (count === 0) return false;
      const channelId = alert.channelId ?? s.channelId;
      await enqueue(tx, [
        { kind: "crisis_update", alertId: alert.id, channelId },
        { kind: "crisis_note", alertId: alert.id, channelId, note: "cleared" },
      ]);
      return true;
    });
    if (done) cleared++;
  }
  return cleared;
}

/** Risk words: one heads-up per ASIN per hour; later risk cases of that hour are added to it. */
export async function raiseRiskHeadsUp(
  prisma: PrismaClient,
  c: { id: number; asin: string | null },
  now: Date,
  s: CrisisSettings,
): Promise<"raised" | "updated"> {
  const subject = c.asin ?? NO_ASIN;
  const hour = riskHourWindow(now);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.crisisAlert.createMany({
      data: [{ kind: "risk", subject, windowKey: hour, startedAt: now, lastSeenAt: now, channelId: s.channelId }],
      skipDuplicates: true,
    });
    const alert = await tx.crisisAlert.findUniqueOrThrow({
      where: { kind_subject_windowKey: { kind: "risk", subject, windowKey: hour } },
    });
    if (count === 1) {
      await enqueue(tx, [{ kind: "crisis_post", alertId: alert.id, channelId: s.channelId }]);
      return "raised";
    }
    await tx.crisisAlert.update({ where: { id: alert.id }, data: { lastSeenAt: now } });
    await enqueue(tx, [{ kind: "crisis_update", alertId: alert.id, channelId: s.channelId }]);
    return "updated";
  });
}

/** An alert's list, and what a bulk action covers, stops here (a wave of thousands is paged by /case list). */
export const ALERT_CASES_LIMIT = 500;

type AlertScope = { kind: string; subject: string; startedAt: Date; windowKey: string; clearedAt: Date | null };

const ALERT_CASE_SELECT = {
  ...CASE_REF_SELECT,
  id: true,
  asin: true,
  sku: true,
  marketplace: true,
  rootCause: true,
  riskPhrases: true,
  description: true,
  firstReplyAt: true,
} as const;

/** Which cases an alert is about: a wave's cases since its window began; a heads-up's risk cases of its hour. */
function casesOfAlertWhere(alert: AlertScope, s: CrisisSettings): Prisma.CaseWhereInput {
  const asin = alert.subject === NO_ASIN ? null : alert.subject;
  if (alert.kind === "risk") {
    const from = new Date(alert.windowKey);
    return { asin, riskPhrases: { not: null }, createdAt: { gte: from, lt: new Date(from.getTime() + HOUR) } };
  }
  const since = new Date(alert.startedAt.getTime() - s.wave.windowHours * HOUR);
  return { asin, createdAt: { gt: since, ...(alert.clearedAt ? { lte: alert.clearedAt } : {}) } };
}

/** The cases an alert is about, oldest first, at most ALERT_CASES_LIMIT. */
export async function casesOfAlert(prisma: PrismaClient, alert: AlertScope, s: CrisisSettings) {
  return prisma.case.findMany({
    where: casesOfAlertWhere(alert, s),
    orderBy: { createdAt: "asc" },
    select: ALERT_CASE_SELECT,
    take: ALERT_CASES_LIMIT,
  });
}

/** The alert's cases still open, oldest first, at most `take` of them, and how many are open in all. */
export async function openCasesOfAlert(prisma: PrismaClient, alert: AlertScope, s: CrisisSettings, take: number) {
  const where: Prisma.CaseWhereInput = { ...casesOfAlertWhere(alert, s), status: { not: "resolved" } };
  const cases = await prisma.case.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: ALERT_CASE_SELECT,
    take,
  });
  const total = cases.length < take ? cases.length : await prisma.case.count({ where });
  return { cases, total };
}
