// The Home tab: published when a person opens it (from then on kept up to date), and again with
// the results when they search from it.
import type { App, BlockAction, PlainTextInputAction } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { actorFor } from "../domain/people.ts";
import { ACTIONS } from "../ids.ts";
import { recordHomeOpened } from "../store/home.ts";
import { outsiderHome } from "../views/homeTab.ts";

export function register(app: App, deps: AppDeps): void {
  app.event("app_home_opened", async ({ event, logger, client }) => {
    if (event.tab !== "home") return;
    try {
      // Cases hold buyers' details: someone outside the team sees only what the app is for.
      if (!actorFor(event.user, deps.config).isAgent) {
        await client.views.publish({ user_id: event.user, view: outsiderHome() });
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
}
