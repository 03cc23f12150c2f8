// Buttons on a case card: Claim, Take over, Log reply, Reopen, and Resolve (which opens a modal).
import type { App, BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import {
  type Decision,
  decideClaim,
  decideLogReply,
  decideReopen,
  decideTakeOver,
  mayResolve,
  refusalText,
} from "../domain/caseRules.ts";
import { type Actor, actorFor } from "../domain/people.ts";
import type { Case } from "../generated/prisma/client.ts";
import type { Key } from "../i18n/catalog.ts";
import { ACTIONS } from "../ids.ts";
import { changeCase, findCase, lastEventAt } from "../store/cases.ts";
import { resolveModal } from "../views/resolveModal.ts";
import { afterAck, clicker, openModal, privately, wordsFor } from "./kit.ts";

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

export function register(app: App, deps: AppDeps): void {
  const { prisma, now } = deps;

  /** Acks at once, then applies one guarded change; whoever loses a race is told why, privately. */
  const caseButton = (
    failed: Key,
    decide: (c: Case, actor: Actor, at: Date) => Decision | Promise<Decision>,
  ): Middleware<ButtonArgs> =>
    afterAck(
      { key: failed },
      async ({ ack, body, action, client, logger }) => {
        await ack();
        const actor = actorFor(body.user.id, deps.config);
        const caseId = Number(action.value);
        const result = await changeCase(prisma, caseId, actor.userId, (c) => decide(c, actor, now()), now());
        if (result.ok) {
          deps.wakeOutbox();
          return;
        }
        // Only the clicker sees why: in their own language.
        const w = await wordsFor(deps, body.user.id);
        await privately(client, clicker(body), logger)(refusalText(w, result));
      },
      { deps },
    );

  app.action<BlockAction<ButtonAction>>(ACTIONS.claim, caseButton("card.failed.claim", decideClaim));
  app.action<BlockAction<ButtonAction>>(ACTIONS.takeOver, caseButton("card.failed.takeOver", decideTakeOver));
  app.action<BlockAction<ButtonAction>>(ACTIONS.reopen, caseButton("card.failed.reopen", decideReopen));
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.logReply,
    caseButton("card.failed.logReply", async (c, actor, at) =>
      decideLogReply(c, actor, at, await lastEventAt(prisma, c.id, "replied", actor.userId)),
    ),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.resolve,
    afterAck(
      { key: "card.failed.resolveForm" },
      async ({ ack, body, action, client, logger }) => {
        await ack();
        const tell = privately(client, clicker(body), logger);
        const w = await wordsFor(deps, body.user.id);
        const c = await findCase(prisma, Number(action.value));
        if (!c) return tell(w.t("card.refusal.gone"));
        const refusal = mayResolve(c, actorFor(body.user.id, deps.config));
        if (refusal) return tell(refusalText(w, refusal));
        await openModal({
          client,
          triggerId: body.trigger_id,
          view: resolveModal(c, { playbook: deps.config.playbook, zone: deps.config.teamTimezone, words: w }),
          form: w.t("card.resolveForm"),
          again: w.t("card.resolveAgain"),
          tell,
          logger,
          words: w,
        });
      },
      { deps },
    ),
  );
}
