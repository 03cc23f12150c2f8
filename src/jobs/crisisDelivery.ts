// Delivers crisis-channel messages from the outbox: alerts are rendered from the database each
// time (posted once, then updated in place), and thread lines go under their alert.
import type { types, webApi } from "@slack/bolt";
import { type CrisisSettings, casesOfAlert } from "../domain/crisis.ts";
import type { OutboxMessage, PrismaClient } from "../generated/prisma/client.ts";
import { crisisNote, odrAlert, riskHeadsUpMessage, waveAlert } from "../views/crisisAlert.ts";

type Outcome = { done: true } | { done: false; waitMs: number };

export async function deliverCrisis(
  row: OutboxMessage,
  ctx: {
    prisma: PrismaClient;
    client: webApi.WebClient;
    now: Date;
    crisis: CrisisSettings;
    pace: (channel: string) => Promise<void>;
  },
): Promise<Outcome> {
  const { prisma, client } = ctx;
  const { alertId, note } = row.payload as { alertId: number; note?: string };
  const alert = await prisma.crisisAlert.findUnique({ where: { id: alertId } });
  if (!alert) return { done: true };
  const channel = alert.channelId ?? row.channelId ?? ctx.crisis.channelId;

  if (row.kind === "crisis_note") {
    if (!alert.messageTs) return { done: false, waitMs: 1000 }; // the alert itself goes first
    const c = row.caseId ? await prisma.case.findUnique({ where: { id: row.caseId } }) : null;
    await ctx.pace(channel);
    await client.chat.postMessage({ channel, thread_ts: alert.messageTs, text: crisisNote(note ?? "", c) });
    return { done: true };
  }

  let message: { text: string; blocks: types.KnownBlock[] };
  if (alert.kind === "wave" || alert.kind === "risk") {
    const cases = await casesOfAlert(prisma, alert, ctx.crisis);
    message =
      alert.kind === "wave"
        ? waveAlert(alert, cases, { now: ctx.now, windowHours: ctx.crisis.wave.windowHours })
        : riskHeadsUpMessage(alert, cases, ctx.now);
  } else {
    message = odrAlert(alert);
  }

  if (row.kind === "crisis_post") {
    if (alert.messageTs) return { done: true };
    await ctx.pace(channel);
    const res = await client.chat.postMessage({ channel, ...message, unfurl_links: false });
    await prisma.crisisAlert.updateMany({
      where: { id: alert.id, messageTs: null },
      data: { channelId: res.channel ?? channel, messageTs: res.ts },
    });
    return { done: true };
  }
  // crisis_update
  if (!alert.messageTs) {
    const posting = await prisma.outboxMessage.findFirst({
      where: { kind: "crisis_post", status: "pending", payload: { equals: { alertId } } },
      select: { id: true },
    });
    return posting ? { done: false, waitMs: 1000 } : { done: true };
  }
  await client.chat.update({ channel, ts: alert.messageTs, ...message });
  return { done: true };
}
