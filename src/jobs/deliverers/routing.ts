// The direct message of a routed case: sent once its card is in the channel, so it can link to it,
// in the person's own language.
import { words } from "../../i18n/i18n.ts";
import { findCase } from "../../store/cases.ts";
import { personLanguage } from "../../store/people.ts";
import { routedMessage } from "../../views/routing.ts";
import { type Deliverer, DONE, postOnce, waitingForCard } from "./deliverer.ts";

export const routedDm: Deliverer<"routed_dm"> = async (m, ctx) => {
  const c = m.caseId ? await findCase(ctx.prisma, m.caseId) : null;
  // A case resolved or handed to someone else meanwhile needs no word any more.
  if (!c || c.status === "resolved" || c.routedTo !== m.payload.person) return DONE;
  if (c.ownerId && c.ownerId !== m.payload.person) return DONE;
  if (!c.messageTs || !c.channelId) return waitingForCard(ctx.prisma, c.id);
  const lang = await personLanguage(ctx.prisma, m.payload.person);
  const w = lang ? words(lang) : ctx.words;
  await postOnce(m, { channel: m.payload.person, text: routedMessage(c, w), unfurl_links: false }, ctx);
  return DONE;
};
