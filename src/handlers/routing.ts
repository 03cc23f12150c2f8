// Owners per case type in Slack: /case routing shows the rules to anyone (leads get Edit rules),
// the form leads set them in (a marketplace menu, then a people picker per case type), and
// /case away for people who will not take new cases for a while.
import type { App, BlockAction, ButtonAction, RespondFn, StaticSelectAction, ViewSubmitAction } from "@slack/bolt";
import { DateTime } from "luxon";
import type { AppDeps } from "../deps.ts";
import { actorFor } from "../domain/people.ts";
import { CATEGORIES, type Category, keysOf } from "../domain/vocabulary.ts";
import type { Key } from "../i18n/catalog.ts";
import type { Params, Words } from "../i18n/i18n.ts";
import { ACTIONS, CALLBACKS, COMMAND, ROUTING_BLOCKS } from "../ids.ts";
import { awayOf, setAway } from "../store/people.ts";
import { candidatesOf, routingRules, saveRules } from "../store/routing.ts";
import {
  formShown,
  marketplaceOfValue,
  ownersBlock,
  ownersMark,
  routingModal,
  routingRulesMessage,
} from "../views/routing.ts";
import { escapeMrkdwn } from "../views/text.ts";
import { formWords } from "./caseForms.ts";
import { afterAck, modalError, openModal, replyPrivately, tellPrivately } from "./kit.ts";

/** "/case routing": the rules with each owner's load, privately; leads can edit them from here. */
export async function answerRouting(deps: AppDeps, userId: string, respond: RespondFn, w: Words): Promise<void> {
  const rules = await routingRules(deps.prisma);
  const owners = [...new Set(rules.flatMap((r) => r.owners))];
  const people = await deps.prisma.$transaction((tx) => candidatesOf(tx, owners, () => true));
  const message = routingRulesMessage(
    rules,
    people,
    {
      mode: deps.config.routing.mode,
      fromFile: Boolean(deps.config.routing.fileRules),
      isLead: actorFor(userId, deps.config).isLead,
      now: deps.now(),
    },
    w,
  );
  await respond({ response_type: "ephemeral", ...message });
}

/** The longest absence one command sets. */
const AWAY_MAX_DAYS = 366;

/**
 * "/case away until 2026-12-01" (back on that day, in the team's time zone), "/case away off", or
 * "/case away" to see; also the Home tab's day picker and "I'm back". Returns what to tell the
 * person, and whether their time away changed (a refusal says what was wrong).
 */
export async function changeAway(
  deps: AppDeps,
  userId: string,
  text: string,
  w: Words,
): Promise<{ text: string; changed: boolean }> {
  const zone = deps.config.teamTimezone;
  const said = (key: Key, values: Params = {}, changed = false) => ({
    text: w.t(key, { cmd: COMMAND, ...values }),
    changed,
  });
  // A day as the team reads it: the date in the team's time zone.
  const day = (d: Date) => DateTime.fromJSDate(d, { zone }).toISODate() ?? d.toISOString().slice(0, 10);
  const args = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const now = deps.now();
  if (args.length === 0) {
    const until = await awayOf(deps.prisma, userId, now);
    return until ? said("routing.away.set", { until: day(until) }) : said("routing.away.notAway");
  }
  if (["off", "back", "回来", "取消"].includes(args[0])) {
    await setAway(deps.prisma, userId, null);
    deps.homes.refresh([userId]);
    return said("routing.away.back", {}, true);
  }
  const dateText = args[0] === "until" || args[0] === "到" ? args[1] : args[0];
  if (!dateText) return said("routing.away.usage");
  const date = DateTime.fromISO(dateText, { zone });
  if (!date.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(dateText))
    return said("routing.away.badDate", { text: escapeMrkdwn(dateText.slice(0, 40)) });
  const until = date.startOf("day").toJSDate();
  if (until.getTime() <= now.getTime()) return said("routing.away.past", { until: dateText });
  if (until.getTime() > now.getTime() + AWAY_MAX_DAYS * 86_400_000)
    return said("routing.away.tooFar", { until: dateText });
  await setAway(deps.prisma, userId, until);
  deps.homes.refresh([userId]);
  return said("routing.away.set", { until: dateText }, true);
}

export function register(app: App, deps: AppDeps): void {
  const { config } = deps;

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.editRouting,
    afterAck(
      { key: "routing.form.notOpened" },
      async ({ ack, body, client, respond, logger }) => {
        await ack();
        const w = await formWords(deps, body.user.id);
        const tell = replyPrivately(respond, logger);
        if (!actorFor(body.user.id, config).isLead) return tell(w.t("routing.list.leadsOnly"));
        await openModal({
          client,
          triggerId: body.trigger_id,
          view: routingModal(await routingRules(deps.prisma), "", w),
          form: w.t("routing.form.title"),
          again: w.t("routing.list.edit"),
          tell,
          logger,
          words: w,
        });
      },
      { deps },
    ),
  );

  // Another marketplace picked in the form: its owners replace the pickers' contents.
  app.action<BlockAction<StaticSelectAction>>(
    ACTIONS.routingMarketplace,
    afterAck(
      { key: "routing.form.notSwitched" },
      async ({ ack, body, action, client, logger }) => {
        await ack();
        if (!body.view || !actorFor(body.user.id, config).isLead) return;
        const w = await formWords(deps, body.user.id);
        const marketplace = marketplaceOfValue(action.selected_option?.value);
        if (marketplace === undefined) return;
        const view = routingModal(await routingRules(deps.prisma), marketplace, w);
        // A newer version of the form (another pick answered first) stays as it is.
        await client.views
          .update({ view_id: body.view.id, hash: body.view.hash, view })
          .catch((err) =>
            logger.warn(
              `The routing form was not switched to ${marketplace || "every marketplace"}: ${(err as Error).message}`,
            ),
          );
      },
      { deps },
    ),
  );

  // Saved before the form closes: a lead whose rules could not be stored is told in the form.
  app.view<ViewSubmitAction>(
    CALLBACKS.routing,
    afterAck(
      { key: "routing.form.notSaved" },
      async ({ ack, body, view, client, logger }) => {
        const w = await formWords(deps, body.user.id);
        if (!actorFor(body.user.id, config).isLead)
          return ack(modalError(ROUTING_BLOCKS.marketplace, w.t("routing.list.leadsOnly")));
        const values = view.state.values;
        // The marketplace the pickers were filled for (the menu may have moved since).
        const { marketplace, shown } = formShown(view.private_metadata);
        if (marketplace === undefined)
          return ack(modalError(ROUTING_BLOCKS.marketplace, w.t("routing.form.marketplaceHint")));
        // Only the types the lead changed: another lead's change to the others since is kept.
        const owners: Partial<Record<Category, string[]>> = {};
        for (const category of keysOf(CATEGORIES)) {
          const picked = values[ownersBlock(category, marketplace)]?.owners?.selected_users;
          if (!picked) continue; // not in this form: left as it is
          const people = [...new Set(picked)];
          if (ownersMark(people) !== shown[category]) owners[category] = people;
        }
        // Only people who work cases can own them: each picker that names someone else says who.
        const errors: Record<string, string> = {};
        for (const [category, people] of Object.entries(owners)) {
          const outsiders = people.filter((p) => !actorFor(p, config).isAgent);
          if (outsiders.length)
            errors[ownersBlock(category as Category, marketplace)] = w.t("routing.form.notAgents", {
              people: outsiders.map((p) => `<@${p}>`).join(", "),
            });
        }
        if (Object.keys(errors).length) return ack({ response_action: "errors", errors });
        await saveRules(deps.prisma, marketplace, owners, body.user.id);
        await ack();
        // Saved: should this reading fail, the next one (within seconds) brings them in.
        await deps.routingRules
          .reload()
          .catch((err) => logger.warn(`Routing rules saved but not read again yet: ${(err as Error).message}`));
        const where = marketplace || w.t("routing.form.everyMarketplace");
        await tellPrivately(
          client,
          { userId: body.user.id },
          w.t("routing.form.saved", { marketplace: where }),
          logger,
        );
      },
      { formBlock: ROUTING_BLOCKS.marketplace, deps },
    ),
  );
}
