// Reports and summaries are a snapshot, rendered when they were queued, and posted as they are.
import type { SlackMessage } from "../../domain/outboxMessages.ts";
import { releaseHeldCards } from "../../store/outbox.ts";
import { type Deliverer, type DeliveryContext, DONE, NO_CHANNEL, postOnce, type Queued } from "./deliverer.ts";

async function postSnapshot(m: Queued<"digest" | "message">, message: SlackMessage, ctx: DeliveryContext) {
  const channel = m.channelId;
  if (!channel) return NO_CHANNEL;
  await postOnce(m, { channel, text: message.text, blocks: message.blocks, unfurl_links: false }, ctx);
  return DONE;
}

export const digest: Deliverer<"digest"> = (m, ctx) => postSnapshot(m, m.payload, ctx);
/** A message that sums up an import lets the import's held cards go once it is in Slack. */
export const message: Deliverer<"message"> = async (m, ctx) => {
  const outcome = await postSnapshot(m, m.payload, ctx);
  if (outcome.done && m.payload.releasesCards?.length) await releaseHeldCards(ctx.prisma, m.payload.releasesCards);
  return outcome;
};
