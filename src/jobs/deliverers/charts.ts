// Pictures: drawn when they are delivered (from the figures stored with the message) and uploaded
// with Slack's upload flow — ask for an upload address per file, send the PNG there, then share
// the files in one message. The file ids are stored before sharing, so an attempt after a sharing
// whose answer was lost looks at those files first and never shares a second copy.
import type { RenderedChart } from "../../charts/render.ts";
import type { ChartPlace } from "../../domain/outboxMessages.ts";
import { words } from "../../i18n/i18n.ts";
import { findAlert } from "../../store/crisisAlerts.ts";
import { alertPost, messagePost, recordUploadedFiles } from "../../store/outbox.ts";
import { clearlyRefused, SLACK_CALL_TIMEOUT_MS } from "../slackErrors.ts";
import {
  type Deliverer,
  type DeliveryContext,
  DONE,
  followParent,
  notPosted,
  type Outcome,
  outOfTime,
} from "./deliverer.ts";

type Target = { channel: string; threadTs?: string };

/**
 * Slack shares uploaded files in the background: for a while after an unanswered sharing, files
 * that are not listed as shared yet may still be. Until then the picture waits rather than goes twice.
 */
const SHARING_SETTLES_MS = 60_000;
const LOOK_AGAIN_MS = 2_000;

/** Where the picture goes now, or what it waits for (its message or alert still to be posted). */
async function targetOf(place: ChartPlace, ctx: DeliveryContext): Promise<Target | Outcome> {
  if ("person" in place) {
    // Files are shared into a conversation: the person's direct messages with the app.
    const res = await ctx.client.conversations.open({ users: place.person });
    const channel = res.channel?.id;
    return channel ? { channel } : { done: false, failed: "Slack did not open a direct message" };
  }
  if ("alertId" in place) {
    const alert = await findAlert(ctx.prisma, place.alertId);
    if (!alert) return DONE;
    if (!alert.messageTs) return followParent(await alertPost(ctx.prisma, alert.id));
    return { channel: alert.channelId ?? place.channel, threadTs: alert.messageTs };
  }
  // Below its message when that is still to go; a message that failed does not hold the picture back.
  if (place.after && (await messagePost(ctx.prisma, place.after))?.status === "pending")
    return followParent({ status: "pending" });
  return { channel: place.channel };
}

/** Whether Slack lists one of these files as shared in the channel (an earlier attempt shared it). */
async function anyShared(fileIds: string[], channel: string, ctx: DeliveryContext): Promise<boolean> {
  for (const id of fileIds) {
    try {
      const { file } = await ctx.client.files.info({ file: id });
      const shares = file?.shares as
        | { public?: Record<string, unknown>; private?: Record<string, unknown> }
        | undefined;
      const where = [...(file?.channels ?? []), ...(file?.groups ?? []), ...(file?.ims ?? [])];
      if (where.includes(channel) || shares?.public?.[channel] || shares?.private?.[channel]) return true;
    } catch (err) {
      // A file Slack no longer has (never shared, expired) was not posted.
      if ((err as { data?: { error?: string } }).data?.error !== "file_not_found") throw err;
    }
  }
  return false;
}

/**
 * The address Slack gave must be Slack's (or, for a Slack stand-in, the API's own host): the PNG
 * goes nowhere else.
 */
function checkedUploadUrl(url: string | undefined, ctx: DeliveryContext): URL | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    const slack = u.protocol === "https:" && (u.hostname === "slack.com" || u.hostname.endsWith(".slack.com"));
    return slack || u.origin === new URL(ctx.client.slackApiUrl).origin ? u : undefined;
  } catch {
    return undefined;
  }
}

/** Sends a PNG to the address Slack gave; its failures read like Slack's own (5xx and network retried). */
async function sendBytes(uploadUrl: URL, png: Buffer): Promise<void> {
  let res: Response;
  try {
    res = await fetch(uploadUrl, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: new Uint8Array(png),
      signal: AbortSignal.timeout(SLACK_CALL_TIMEOUT_MS),
    });
  } catch (err) {
    throw Object.assign(new Error(`upload failed: ${(err as Error).message}`), { code: "slack_webapi_request_error" });
  }
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok)
    throw Object.assign(new Error(`upload answered HTTP ${res.status}`), {
      code: "slack_webapi_http_error",
      statusCode: res.status,
    });
}

/** The pictures; a picture whose figures cannot be drawn never will be (errors of the machine are retried). */
async function draw(m: Parameters<Deliverer<"chart">>[0], ctx: DeliveryContext): Promise<RenderedChart[] | Outcome> {
  const w = m.payload.lang ? words(m.payload.lang) : ctx.words;
  const zone = m.payload.zone ?? ctx.card.zone;
  try {
    // Loaded on first use: the drawing libraries are large, and most starts never draw.
    const { renderChart } = await import("../../charts/render.ts");
    return await Promise.all(m.payload.charts.map((request) => renderChart(request, w, zone)));
  } catch (err) {
    if ((err as { code?: unknown }).code) throw notPosted(err, m.uncertainSince);
    return { done: false, failed: `the chart could not be drawn: ${(err as Error).message}` };
  }
}

export const chart: Deliverer<"chart"> = async (m, ctx) => {
  const { payload } = m;
  const target = await targetOf(payload.place, ctx);
  if ("done" in target) return target;
  const earlier = payload.fileIds ?? [];
  if (m.uncertainSince && earlier.length) {
    if (await anyShared(earlier, target.channel, ctx)) {
      ctx.logger.info(`Outbox message ${m.id} (chart) was already in Slack; not shared again`);
      return DONE;
    }
    if (Date.now() - m.uncertainSince.getTime() < SHARING_SETTLES_MS) return { done: false, waitMs: LOOK_AGAIN_MS };
  }
  const drawings = await draw(m, ctx);
  if ("done" in drawings) return drawings;
  const files: { id: string; title: string }[] = [];
  try {
    for (const drawn of drawings) {
      // Slack's argument is alt_txt (the SDK's type names it alt_text, which Slack does not read).
      const slot = await ctx.client.files.getUploadURLExternal({
        filename: drawn.filename,
        length: drawn.png.length,
        alt_txt: drawn.alt,
      } as Parameters<typeof ctx.client.files.getUploadURLExternal>[0]);
      const uploadUrl = checkedUploadUrl(slot.upload_url, ctx);
      if (!uploadUrl || !slot.file_id) return { done: false, failed: "Slack gave no usable upload address" };
      await sendBytes(uploadUrl, drawn.png);
      files.push({ id: slot.file_id, title: drawn.title });
    }
  } catch (err) {
    // Nothing was shared: only an earlier attempt may have been.
    throw notPosted(err, m.uncertainSince);
  }
  const ids = files.map((f) => f.id);
  if (!(await recordUploadedFiles(ctx.prisma, m.id, m.lockedUntil, ids))) throw outOfTime(m);
  await ctx.pace(target.channel);
  if (Date.now() + SLACK_CALL_TIMEOUT_MS > m.postBy.getTime()) throw outOfTime(m);
  try {
    await ctx.client.files.completeUploadExternal({
      files: files as [{ id: string; title: string }],
      channel_id: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      ...(payload.comment ? { initial_comment: payload.comment } : {}),
    });
  } catch (err) {
    // Refused: these files were not shared (the next attempt uploads anew and looks for them first).
    throw clearlyRefused(err) ? notPosted(err, m.uncertainSince) : err;
  }
  return DONE;
};
