// The Home tab: published when a person opens it (from then on kept up to date), again with the
// results when they search from it, in the language they choose on it, and when they mark
// themselves away or back on it.
import type {
  App,
  BlockAction,
  ButtonAction,
  DatepickerAction,
  Logger,
  PlainTextInputAction,
  StaticSelectAction,
  webApi,
} from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { actorFor } from "../domain/people.ts";
import { LANGUAGES } from "../i18n/i18n.ts";
import { ACTIONS } from "../ids.ts";
import { recordHomeOpened } from "../store/home.ts";
import { setPersonLanguage } from "../store/people.ts";
import { outsiderHome } from "../views/homeTab.ts";
import { afterAck, tellPrivately, wordsFor } from "./kit.ts";
import { changeAway } from "./routing.ts";

export function register(app: App, deps: AppDeps): void {
  app.event("app_home_opened", async ({ event, logger, client }) => {
    if (event.tab !== "home") return;
    try {
      // Cases hold buyers' details: someone outside the team sees only what the app is for.
      if (!actorFor(event.user, deps.config).isAgent) {
        await client.views.publish({ user_id: event.user, view: outsiderHome(await wordsFor(deps, event.user)) });
        return;
      }
      await recordHomeOpened(deps.prisma, event.user, deps.now());
      await deps.homes.publish(event.user);
    } catch (err) {
      logger.error(`Could not show the Home tab of ${event.user}: ${(err as Error).message}`);
    }
  });

  app.action<BlockAction<PlainTextInputAction>>(ACTIONS.homeSearch, async ({ ack, body, action, logger }) => {
    await ack();
    if (!actorFor(body.user.id, deps.config).isAgent) return;
    try {
      await deps.homes.publish(body.user.id, action.value ?? "");
    } catch (err) {
      logger.error(`Could not search from the Home tab of ${body.user.id}: ${(err as Error).message}`);
    }
  });

  // The person's language, chosen on the Home tab: kept for everything only they see.
  app.action<BlockAction<StaticSelectAction>>(ACTIONS.homeLanguage, async ({ ack, body, action, client, logger }) => {
    await ack();
    const userId = body.user.id;
    const lang = LANGUAGES.find((l) => l === action.selected_option?.value);
    if (!lang) return;
    try {
      await setPersonLanguage(deps.prisma, userId, lang);
      if (actorFor(userId, deps.config).isAgent) await deps.homes.publish(userId);
      else await client.views.publish({ user_id: userId, view: outsiderHome(await wordsFor(deps, userId)) });
    } catch (err) {
      logger.error(`Could not change the language of ${userId} from the Home tab: ${(err as Error).message}`);
    }
  });
  // Away from the Home tab, by the rules of "/case away until …" and "/case away off": the tab shows
  // the new state at once; a day too soon or too far is refused privately, saying why.
  const awayFromHome = async (userId: string, command: string, client: webApi.WebClient, logger: Logger) => {
    if (!actorFor(userId, deps.config).isAgent) return;
    const { text, changed } = await changeAway(deps, userId, command, await wordsFor(deps, userId));
    if (changed) await deps.homes.publish(userId);
    else await tellPrivately(client, { userId }, text, logger);
  };

  app.action<BlockAction<DatepickerAction>>(
    ACTIONS.homeAwayUntil,
    afterAck(
      { key: "home.away.notChanged" },
      async ({ ack, body, action, client, logger }) => {
        await ack();
        if (action.selected_date) await awayFromHome(body.user.id, `until ${action.selected_date}`, client, logger);
      },
      { deps },
    ),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.homeBack,
    afterAck(
      { key: "home.away.notBack" },
      async ({ ack, body, client, logger }) => {
        await ack();
        await awayFromHome(body.user.id, "off", client, logger);
      },
      { deps },
    ),
  );
}
