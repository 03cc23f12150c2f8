// Crisis-channel messages: alerts are rendered from the database each time (posted once, then
// updated in place), and thread lines go under their alert.
import type { types } from "@slack/bolt";
import type { CrisisAlert } from "../../generated/prisma/client.ts";
import { findCase } from "../../store/cases.ts";
import { casesOfAlert, findAlert, recordAlertPosted } from "../../store/crisisAlerts.ts";
import { alertPostPending } from "../../store/outbox.ts";
import { crisisNote, odrAlert, riskHeadsUpMessage, waveAlert } from "../../views/crisisAlert.ts";
import { type Deliverer, type DeliveryContext, DONE, type Outcome, type Queued } from "./deliverer.ts";

const WAIT_FOR_ALERT_MS = 1000;

function channelFor(
  alert: CrisisAlert,
  m: Queued<"crisis_post" | "crisis_update" | "crisis_note">,
  ctx: DeliveryContext,
) {
  return alert.channelId ?? m.channelId ?? ctx.crisis.channelId;
}

async function alertMessage(
  alert: CrisisAlert,
  ctx: DeliveryContext,
): Promise<{ text: string; blocks: types.KnownBlock[] }> {
  if (alert.kind !== "wave" && alert.kind !== "risk") return odrAlert(alert);
  const cases = await casesOfAlert(ctx.prisma, alert, ctx.crisis);
  return alert.kind === "wave"
    ? waveAlert(alert, cases, { now: ctx.now(), windowHours: ctx.crisis.wave.windowHours })
    : riskHeadsUpMessage(alert, cases, ctx.now());
}

export const crisisPost: Deliverer<"crisis_post"> = async (m, ctx) => {
  const alert = await findAlert(ctx.prisma, m.payload.alertId);
  if (!alert) return DONE;
  if (alert.messageTs) return DONE;
  const channel = channelFor(alert, m, ctx);
  const message = await alertMessage(alert, ctx);
  await ctx.pace(channel);
  const res = await ctx.client.chat.postMessage({ channel, ...message, unfurl_links: false });
  await recordAlertPosted(ctx.prisma, alert.id, res.channel ?? channel, res.ts);
  return DONE;
};

export const crisisUpdate: Deliverer<"crisis_update"> = async (m, ctx): Promise<Outcome> => {
  const alert = await findAlert(ctx.prisma, m.payload.alertId);
  if (!alert) return DONE;
  if (!alert.messageTs) {
    return (await alertPostPending(ctx.prisma, alert.id)) ? { done: false, waitMs: WAIT_FOR_ALERT_MS } : DONE;
  }
  const channel = channelFor(alert, m, ctx);
  const message = await alertMessage(alert, ctx);
  await ctx.client.chat.update({ channel, ts: alert.messageTs, ...message });
  return DONE;
};

export const crisisNoteLine: Deliverer<"crisis_note"> = async (m, ctx) => {
  const alert = await findAlert(ctx.prisma, m.payload.alertId);
  if (!alert) return DONE;
  if (!alert.messageTs) return { done: false, waitMs: WAIT_FOR_ALERT_MS }; // the alert itself goes first
  const channel = channelFor(alert, m, ctx);
  const c = m.caseId ? await findCase(ctx.prisma, m.caseId) : null;
  await ctx.pace(channel);
  await ctx.client.chat.postMessage({ channel, thread_ts: alert.messageTs, text: crisisNote(m.payload.note, c) });
  return DONE;
};
