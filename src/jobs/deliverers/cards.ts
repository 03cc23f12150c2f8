// Case cards: posted once, re-rendered in place from the record, and each change's line in the
// card's thread.
import { countEarlierCases } from "../../store/buyerHistory.ts";
import { findCase, findEvent, recordCardPosted } from "../../store/cases.ts";
import { foldEarlierCardUpdates } from "../../store/outbox.ts";
import { caseCard } from "../../views/caseCard.ts";
import { historyLine } from "../../views/historyLine.ts";
import { type Deliverer, DONE, NO_CHANNEL, postOnce, waitingForCard } from "./deliverer.ts";

export const postCard: Deliverer<"post_card"> = async (m, ctx) => {
  const c = m.caseId ? await findCase(ctx.prisma, m.caseId) : null;
  if (!c || c.messageTs) return DONE;
  const channel = m.channelId;
  if (!channel) return NO_CHANNEL;
  const earlier = await countEarlierCases(ctx.prisma, c);
  const posted = await postOnce(
    m,
    { channel, ...caseCard(c, ctx.now(), ctx.card, { earlierCases: earlier }), unfurl_links: false },
    ctx,
  );
  await recordCardPosted(ctx.prisma, c.id, posted.channel, posted.ts);
  return DONE;
};

export const updateCard: Deliverer<"update_card"> = async (m, ctx) => {
  const c = m.caseId ? await findCase(ctx.prisma, m.caseId) : null;
  if (!c) return DONE;
  // The case changed: its owner's Home tab follows (soon, once for several changes).
  ctx.homes?.refresh([c.ownerId]);
  if (!c.messageTs || !c.channelId) return waitingForCard(ctx.prisma, c.id);
  // Earlier changes' re-renders are covered by this one: their changes are already in `c`.
  await foldEarlierCardUpdates(ctx.prisma, c.id, m.id);
  const earlier = await countEarlierCases(ctx.prisma, c);
  await ctx.client.chat.update({
    channel: c.channelId,
    ts: c.messageTs,
    ...caseCard(c, ctx.now(), ctx.card, { earlierCases: earlier }),
  });
  return DONE;
};

export const historyNote: Deliverer<"history_note"> = async (m, ctx) => {
  const c = m.caseId ? await findCase(ctx.prisma, m.caseId) : null;
  if (!c) return DONE;
  if (!c.messageTs || !c.channelId) return waitingForCard(ctx.prisma, c.id);
  const event = await findEvent(ctx.prisma, m.payload.eventId);
  if (!event) return DONE;
  // A case taken over or reassigned leaves its former owner's Home tab.
  const from = (event.detail as { from?: unknown } | null)?.from;
  if (typeof from === "string") ctx.homes?.refresh([from]);
  await postOnce(
    m,
    { channel: c.channelId, thread_ts: c.messageTs, text: historyLine(event, c.number, ctx.words) },
    ctx,
  );
  return DONE;
};
