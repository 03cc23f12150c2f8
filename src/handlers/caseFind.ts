// "/case find" (any case by any key, paged) and "/case show" (one case with its history), answered
// privately; the page buttons of a find.
import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { FIND_PAGE_SIZE, parseFindQuery, parseShowTarget } from "../domain/caseFind.ts";
import { ENGLISH, say, type Words } from "../i18n/i18n.ts";
import { ACTIONS } from "../ids.ts";
import { caseByNumberOrOrder, caseHistory, findCases } from "../store/caseFind.ts";
import { findMessage, showMessage } from "../views/findResults.ts";
import { escapeMrkdwn } from "../views/text.ts";
import { teamWords, wordsFor } from "./kit.ts";

/** An answer only the asker sees; a page turned replaces the page it came from. */
const privately = (respond: RespondFn, message: { text: string; blocks?: unknown[] }, replace = false) =>
  respond({ response_type: "ephemeral", replace_original: replace, ...message } as never);

export async function answerFind(
  deps: AppDeps,
  text: string,
  respond: RespondFn,
  page = 0,
  w: Words = ENGLISH,
): Promise<void> {
  const q = parseFindQuery(text);
  if ("error" in q) return void (await privately(respond, { text: say(w, q.error) }));
  const found = await findCases(deps.prisma, q, { offset: page * FIND_PAGE_SIZE, limit: FIND_PAGE_SIZE });
  await privately(
    respond,
    findMessage({ query: q.text, ...found, page, pageSize: FIND_PAGE_SIZE, words: w }),
    page > 0,
  );
}

export async function answerShow(
  deps: AppDeps,
  text: string,
  respond: RespondFn,
  permalinkOf: (channel: string, ts: string) => Promise<string | undefined>,
  isLead = false,
  w: Words = ENGLISH,
): Promise<void> {
  const target = parseShowTarget(text);
  if ("error" in target) return void (await privately(respond, { text: say(w, target.error) }));
  const c = await caseByNumberOrOrder(deps.prisma, target);
  if (!c)
    return void (await privately(respond, { text: w.t("commands.show.noCase", { given: escapeMrkdwn(text.trim()) }) }));
  const events = await caseHistory(deps.prisma, c.id);
  const permalink = c.channelId && c.messageTs ? await permalinkOf(c.channelId, c.messageTs) : undefined;
  const settings = { playbook: deps.config.playbook, zone: deps.config.teamTimezone, words: w };
  await privately(respond, showMessage(c, events, { now: deps.now(), settings, permalink, isLead }));
}

export function register(app: App, deps: AppDeps): void {
  for (const actionId of [ACTIONS.findPrevious, ACTIONS.findNext]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, respond, logger }) => {
      await ack();
      const w = await wordsFor(deps, body.user.id).catch(() => teamWords(deps.config));
      try {
        const { q, p } = JSON.parse(action.value ?? "{}") as { q?: string; p?: number };
        await answerFind(deps, String(q ?? ""), respond, Math.max(0, Number(p) || 0), w);
      } catch (err) {
        logger.error(`Could not turn the page of a search: ${(err as Error).message}`);
        await privately(respond, { text: w.t("commands.find.pageFailed") });
      }
    });
  }
}
