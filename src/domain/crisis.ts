// Early warning and crisis rules: return waves per ASIN, risk words in buyers' text, and the
// alerts that rally the team. Alerts are rows with a unique (kind, subject, window) key, so a
// restart or a second copy of the bot never raises the same alert twice.
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { Priority } from "./vocabulary.ts";

export type WaveSettings = {
  minCases: number;
  windowHours: number;
  multiplier: number;
  baselineDays: number;
  quietHours: number;
};
export type CrisisSettings = {
  channelId: string;
  wave: WaveSettings;
  odr: { alertPercent: number; warningPercent: number };
  riskPhrases: string[];
};

export const DEFAULT_RISK_PHRASES = [
  "poor quality",
  "not as described",
  "broken",
  "fake",
  "never arrived",
  "质量差",
  "与描述不符",
  "假货",
  "没收到",
];
const ACTIVE = "active";
const HOUR = 3_600_000;

/** The configured risk phrases that occur in the text (case-insensitive), in configured order. */
export function findRiskPhrases(text: string, phrases: string[]): string[] {
  const lower = text.toLowerCase();
  return phrases.filter((p) => lower.includes(p.toLowerCase()));
}

/** A risk case moves up one priority: the buyer may file a claim next. */
export function raisePriority(p: Priority): Priority {
  return p === "normal" ? "high" : "urgent";
}

/** A wave: at least minCases in the window, and at least `multiplier` times the usual daily rate. */
export function isWave(countInWindow: number, baselineCount: number, s: WaveSettings): boolean {
  const usualPerWindow = (baselineCount / s.baselineDays) * (s.windowHours / 24);
  return countInWindow >= s.minCases && countInWindow >= s.multiplier * usualPerWindow;
}

export async function waveCounts(db: Pick<PrismaClient, "$queryRaw">, asin: string, now: Date, s: WaveSettings) {
  const windowStart = new Date(now.getTime() - s.windowHours * HOUR);
  const baselineStart = new Date(windowStart.getTime() - s.baselineDays * 24 * HOUR);
  // One range scan of the (asin, createdAt) index for both counts.
  const [r] = await db.$queryRaw<{ count: number; baseline: number }[]>`
    SELECT count(*) FILTER (WHERE "createdAt" > ${windowStart}::timestamp)::int AS count,
           count(*) FILTER (WHERE "createdAt" <= ${windowStart}::timestamp)::int AS baseline
    FROM "Case" WHERE asin = ${asin} AND "createdAt" > ${baselineStart}::timestamp AND "createdAt" <= ${now}::timestamp`;
  return { count: r.count, baseline: r.baseline, usualPerDay: r.baseline / s.baselineDays };
}

function queueCrisis(
  tx: Prisma.TransactionClient,
  kind: "crisis_post" | "crisis_update" | "crisis_note",
  alertId: number,
  channelId: string,
  extra: { caseId?: number; dedupeKey?: string; note?: string } = {},
) {
  return tx.outboxMessage.create({
    data: { kind, channelId, caseId: extra.caseId, payload: { alertId, note: extra.note }, dedupeKey: extra.dedupeKey },
  });
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
  // The usual case (no wave, none running) costs no transaction.
  const key = { kind_subject_windowKey: { kind: "wave", subject: asin, windowKey: ACTIVE } };
  if (!holds && !(await prisma.crisisAlert.findUnique({ where: key, select: { id: true } }))) return "none";
  return prisma.$transaction(async (tx) => {
    let alert = await tx.crisisAlert.findUnique({
      where: { kind_subject_windowKey: { kind: "wave", subject: asin, windowKey: ACTIVE } },
    });
    if (!alert) {
      if (!holds) return "none";
      const { count } = await tx.crisisAlert.createMany({
        data: [
          {
            kind: "wave",
            subject: asin,
            windowKey: ACTIVE,
            startedAt: now,
            lastSeenAt: now,
            channelId: s.channelId,
            detail,
          },
        ],
        skipDuplicates: true,
      });
      alert = await tx.crisisAlert.findUniqueOrThrow({
        where: { kind_subject_windowKey: { kind: "wave", subject: asin, windowKey: ACTIVE } },
      });
      if (count === 1) {
        await queueCrisis(tx, "crisis_post", alert.id, s.channelId, { dedupeKey: `crisis_post:${alert.id}` });
        return "raised";
      }
    }
    await tx.crisisAlert.update({ where: { id: alert.id }, data: holds ? { lastSeenAt: now, detail } : { detail } });
    await queueCrisis(tx, "crisis_update", alert.id, s.channelId);
    await queueCrisis(tx, "crisis_note", alert.id, s.channelId, {
      caseId: c.id,
      note: "joined",
      dedupeKey: `crisis_note:${alert.id}:${c.id}`,
    });
    return "updated";
  });
}

/** Periodic: a wave whose rate stayed below the threshold for the quiet period is cleared. */
export async function clearQuietWaves(prisma: PrismaClient, now: Date, s: CrisisSettings): Promise<number> {
  const active = await prisma.crisisAlert.findMany({ where: { kind: "wave", status: ACTIVE } });
  let cleared = 0;
  for (const alert of active) {
    const counts = await waveCounts(prisma, alert.subject, now, s.wave);
    if (isWave(counts.count, counts.baseline, s.wave)) {
      await prisma.crisisAlert.updateMany({ where: { id: alert.id, status: ACTIVE }, data: { lastSeenAt: now } });
      continue;
    }
    if (now.getTime() - alert.lastSeenAt.getTime() < s.wave.quietHours * HOUR) continue;
    const done = await prisma.$transaction(async (tx) => {
      // Frees the "active" key, so a later wave for the same ASIN raises a new alert.
      const { count } = await tx.crisisAlert.updateMany({
        where: { id: alert.id, status: ACTIVE },
        data: { status: "cleared", clearedAt: now, windowKey: alert.startedAt.toISOString() },
      });
      if (count === 0) return false;
      await queueCrisis(tx, "crisis_update", alert.id, alert.channelId ?? s.channelId);
      await queueCrisis(tx, "crisis_note", alert.id, alert.channelId ?? s.channelId, {
        note: "cleared",
        dedupeKey: `crisis_cleared:${alert.id}`,
      });
      return true;
    });
    if (done) cleared++;
  }
  return cleared;
}

/** Risk words: one heads-up per ASIN per hour; later risk cases of that hour are added to it. */
export async function riskHeadsUp(
  prisma: PrismaClient,
  c: { id: number; asin: string | null },
  now: Date,
  s: CrisisSettings,
): Promise<"raised" | "updated"> {
  const subject = c.asin ?? "(no ASIN)";
  const hour = new Date(Math.floor(now.getTime() / HOUR) * HOUR).toISOString();
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.crisisAlert.createMany({
      data: [{ kind: "risk", subject, windowKey: hour, startedAt: now, lastSeenAt: now, channelId: s.channelId }],
      skipDuplicates: true,
    });
    const alert = await tx.crisisAlert.findUniqueOrThrow({
      where: { kind_subject_windowKey: { kind: "risk", subject, windowKey: hour } },
    });
    if (count === 1) {
      await queueCrisis(tx, "crisis_post", alert.id, s.channelId, { dedupeKey: `crisis_post:${alert.id}` });
      return "raised";
    }
    await tx.crisisAlert.update({ where: { id: alert.id }, data: { lastSeenAt: now } });
    await queueCrisis(tx, "crisis_update", alert.id, s.channelId);
    return "updated";
  });
}

/** The cases an alert is about: a wave's cases since its window began; a heads-up's risk cases of its hour. */
export async function casesOfAlert(
  prisma: PrismaClient,
  alert: { kind: string; subject: string; startedAt: Date; windowKey: string; clearedAt: Date | null },
  s: CrisisSettings,
) {
  const select = {
    id: true,
    number: true,
    category: true,
    priority: true,
    status: true,
    createdAt: true,
    ownerId: true,
    channelId: true,
    messageTs: true,
    asin: true,
    sku: true,
    marketplace: true,
    rootCause: true,
    riskPhrases: true,
    description: true,
    firstReplyAt: true,
  } as const;
  const asin = alert.subject === "(no ASIN)" ? null : alert.subject;
  if (alert.kind === "risk") {
    const from = new Date(alert.windowKey);
    return prisma.case.findMany({
      where: { asin, riskPhrases: { not: null }, createdAt: { gte: from, lt: new Date(from.getTime() + HOUR) } },
      orderBy: { createdAt: "asc" },
      select,
    });
  }
  const since = new Date(alert.startedAt.getTime() - s.wave.windowHours * HOUR);
  return prisma.case.findMany({
    where: { asin, createdAt: { gt: since, ...(alert.clearedAt ? { lte: alert.clearedAt } : {}) } },
    orderBy: { createdAt: "asc" },
    select,
    take: 500,
  });
}
