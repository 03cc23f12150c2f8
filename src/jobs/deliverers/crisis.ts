// Crisis-channel messages: alerts are rendered from the database each time (posted once, then
// updated in place), and thread lines go under their alert.
import type { types } from "@slack/bolt";
import type { CrisisAlert } from "../../generated/prisma/client.ts";
import { findCase } from "../../store/cases.ts";
import { casesOfAlert, findAlert, recordAlertPosted } from "../../store/crisisAlerts.ts";
import { alertPost } from "../../store/outbox.ts";
import { crisisNote, odrAlert, riskHeadsUpMessage, waveAlert } from "../../views/crisisAlert.ts";
import {
  type Deliverer,
  type DeliveryContext,
  DONE,
  followParent,
  type Outcome,
  postOnce,
  type Queued,
} from "./deliverer.ts";

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
  if (alert.kind !== "wave" && alert.kind !== "risk") return odrAlert(alert, ctx.words);
  const cases = await casesOfAlert(ctx.prisma, alert, ctx.crisis);
  return alert.kind === "wave"
    ? waveAlert(alert, cases, { now: ctx.now(), windowHours: ctx.crisis.wave.windowHours }, ctx.words)
    : riskHeadsUpMessage(alert, cases, ctx.now(), ctx.words);
}

export const crisisPost: Deliverer<"crisis_post"> = async (m, ctx) => {
  const alert = await findAlert(ctx.prisma, m.payload.alertId);
  if (!alert) return DONE;
  if (alert.messageTs) return DONE;
  const channel = channelFor(alert, m, ctx);
  const message = await alertMessage(alert, ctx);
  const posted = await postOnce(m, { channel, ...message, unfurl_links: false }, ctx);
  await recordAlertPosted(ctx.prisma, alert.id, posted.channel, posted.ts);
  return DONE;
};

export const crisisUpdate: Deliverer<"crisis_update"> = async (m, ctx): Promise<Outcome> => {
  const alert = await findAlert(ctx.prisma, m.payload.alertId);
  if (!alert) return DONE;
  if (!alert.messageTs) return followParent(await alertPost(ctx.prisma, alert.id));
  const channel = channelFor(alert, m, ctx);
  const message = await alertMessage(alert, ctx);
  await ctx.client.chat.update({ channel, ts: alert.messageTs, ...message });
  return DONE;
};

export const crisisNoteLine: Deliverer<"crisis_note"> = async (m, ctx) => {
  const alert = await findAlert(ctx.prisma, m.payload.alertId);
  if (!alert) return DONE;
  // The alert itself goes first; a line under an alert that could not be posted fails as it did.
  if (!alert.messageTs) return followParent(await alertPost(ctx.prisma, alert.id));
  const channel = channelFor(alert, m, ctx);
  const c = m.caseId ? await findCase(ctx.prisma, m.caseId) : null;
  await postOnce(m, { channel, thread_ts: alert.messageTs, text: crisisNote(m.payload.note, c, ctx.words) }, ctx);
  return DONE;
};
