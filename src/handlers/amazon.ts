// /case amazon (leads): how the pulls from Amazon are going, and "Pull now".
import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { actorFor, mayManageAmazon } from "../domain/people.ts";
import { ENGLISH, say, type Words } from "../i18n/i18n.ts";
import { ACTIONS } from "../ids.ts";
import { feedStatuses } from "../store/amazonFeeds.ts";
import { amazonStatusMessage, notConnected, pullNote } from "../views/amazonStatus.ts";
import { afterAck, teamWords, wordsFor } from "./kit.ts";

export async function answerAmazon(
  deps: AppDeps,
  respond: RespondFn,
  note?: string,
  replace = false,
  w: Words = ENGLISH,
): Promise<void> {
  const s = deps.config.amazon;
  if (!s) {
    await respond({ response_type: "ephemeral", text: notConnected(w) });
    return;
  }
  const feeds = await feedStatuses(deps.prisma, s.marketplaces);
  await respond({
    response_type: "ephemeral",
    ...(replace ? { replace_original: true } : {}),
    ...amazonStatusMessage(feeds, s, deps.now(), note, w),
  });
}

export function register(app: App, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.amazonPullNow,
    afterAck(
      { key: "commands.failed.pullNotStarted" },
      async ({ ack, body, respond, logger }) => {
        await ack();
        // The answer replaces the status only the lead who pressed it sees: in their words.
        const w = await wordsFor(deps, body.user.id).catch(() => teamWords(deps.config));
        const refusal = mayManageAmazon(actorFor(body.user.id, deps.config));
        if (refusal) {
          await respond({ response_type: "ephemeral", replace_original: false, text: say(w, refusal) });
          return;
        }
        if (!deps.config.amazon) {
          await respond({ response_type: "ephemeral", replace_original: true, text: notConnected(w) });
          return;
        }
        // A pull waits for Amazon to prepare its reports (minutes): the click's work ends here, and
        // the status is shown again once the pull is over.
        const pulling = deps.pullFromAmazon();
        const show = (note: string) =>
          answerAmazon(deps, respond, note, true, w).catch((err) =>
            logger.warn(`The status of the pull from Amazon could not be shown: ${(err as Error).message}`),
          );
        await show(w.t("commands.amazon.pulling"));
        void pulling.then((result) => show(pullNote(result, w)));
      },
      { deps },
    ),
  );
}
