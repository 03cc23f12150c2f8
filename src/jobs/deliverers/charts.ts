// Pictures: drawn when they are delivered (from the figures stored with the message) and uploaded
// with Slack's upload flow — ask for an upload address per file, send the PNG there, then share
// the files in one message. The file ids are stored before sharing, so an attempt whose sharing
// went unanswered looks at the files first and never shares a second copy.
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
  type Queued,
} from "./deliverer.ts";

type Target = { channel: string; threadTs?: string };

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

/** Whether Slack shows these files in the channel already (an earlier attempt shared them). */
async function alreadyShared(fileIds: string[], channel: string, ctx: DeliveryContext): Promise<boolean> {
  try {
    const { file } = await ctx.client.files.info({ file: fileIds[0] });
    const shares = file?.shares as { public?: Record<string, unknown>; private?: Record<string, unknown> } | undefined;
    const where = [...(file?.channels ?? []), ...(file?.groups ?? []), ...(file?.ims ?? [])];
    return where.includes(channel) || Boolean(shares?.public?.[channel] || shares?.private?.[channel]);
  } catch (err) {
    // A file Slack no longer has (never shared, expired) was not posted.
    if ((err as { data?: { error?: string } }).data?.error === "file_not_found") return false;
    throw err;
  }
}

/** Sends a PNG to the address Slack gave; its failures read like Slack's own (5xx and network retried). */
async function sendBytes(uploadUrl: string, png: Buffer): Promise<void> {
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

export const chart: Deliverer<"chart"> = async (m, ctx) => {
  const { payload } = m;
  const target = await targetOf(payload.place, ctx);
  if ("done" in target) return target;
  if (m.uncertainSince && payload.fileIds?.length && (await alreadyShared(payload.fileIds, target.channel, ctx))) {
    ctx.logger.info(`Outbox message ${m.id} (chart) was already in Slack; not shared again`);
    return DONE;
  }
  const w = payload.lang ? words(payload.lang) : ctx.words;
  // Drawing depends on the stored figures alone: a picture that cannot be drawn never will be.
  let drawings: RenderedChart[];
  try {
    // Loaded on first use: the drawing libraries are large, and most starts never draw.
    const { renderChart } = await import("../../charts/render.ts");
    drawings = await Promise.all(payload.charts.map((request) => renderChart(request, w, ctx.card.zone)));
  } catch (err) {
    return { done: false, failed: `the chart could not be drawn: ${(err as Error).message}` };
  }
  const files: { id: string; title: string }[] = [];
  try {
    for (const drawn of drawings) {
      // Slack's argument is alt_txt (the SDK's type names it alt_text, which Slack does not read).
      const slot = await ctx.client.files.getUploadURLExternal({
        filename: drawn.filename,
        length: drawn.png.length,
        alt_txt: drawn.alt,
      } as Parameters<typeof ctx.client.files.getUploadURLExternal>[0]);
      if (!slot.upload_url || !slot.file_id) throw new Error("Slack gave no upload address");
      await sendBytes(slot.upload_url, drawn.png);
      files.push({ id: slot.file_id, title: drawn.title });
    }
  } catch (err) {
    // Nothing was shared: only an earlier attempt may have been.
    throw notPosted(err, m.uncertainSince);
  }
  await recordUploadedFiles(
    ctx.prisma,
    m.id,
    files.map((f) => f.id),
  );
  await ctx.pace(target.channel);
  if (Date.now() + SLACK_CALL_TIMEOUT_MS > m.postBy.getTime()) throw outOfTime(m as Queued<"chart">);
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
