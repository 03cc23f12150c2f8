// Reports and summaries are a snapshot, rendered when they were queued, and posted as they are.
import type { SlackMessage } from "../../domain/outboxMessages.ts";
import { type Deliverer, type DeliveryContext, DONE, NO_CHANNEL, postOnce, type Queued } from "./deliverer.ts";

async function postSnapshot(m: Queued<"digest" | "message">, message: SlackMessage, ctx: DeliveryContext) {
  const channel = m.channelId;
  if (!channel) return NO_CHANNEL;
  await postOnce(m, { channel, text: message.text, blocks: message.blocks, unfurl_links: false }, ctx);
  return DONE;
}

export const digest: Deliverer<"digest"> = (m, ctx) => postSnapshot(m, m.payload, ctx);
export const message: Deliverer<"message"> = (m, ctx) => postSnapshot(m, m.payload, ctx);
