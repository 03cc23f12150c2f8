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
} from "../domain/caseRules.ts";
import { type Actor, actorFor } from "../domain/people.ts";
import type { Case } from "../generated/prisma/client.ts";
import { ACTIONS } from "../ids.ts";
import { changeCase, findCase, lastEventAt } from "../store/cases.ts";
import { resolveModal } from "../views/resolveModal.ts";
import { afterAck, clicker, openModal, privately } from "./kit.ts";

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

export function register(app: App, deps: AppDeps): void {
  const { prisma, now } = deps;

  /** Acks at once, then applies one guarded change; whoever loses a race is told why, privately. */
  const caseButton = (
    failed: string,
    decide: (c: Case, actor: Actor, at: Date) => Decision | Promise<Decision>,
  ): Middleware<ButtonArgs> =>
    afterAck(failed, async ({ ack, body, action, client, logger }) => {
      await ack();
      const actor = actorFor(body.user.id, deps.config);
      const caseId = Number(action.value);
      const result = await changeCase(prisma, caseId, actor.userId, (c) => decide(c, actor, now()), now());
      if (result.ok) {
        deps.wakeOutbox();
        return;
      }
      await privately(client, clicker(body), logger)(result.message);
    });

  app.action<BlockAction<ButtonAction>>(ACTIONS.claim, caseButton("the case was not claimed", decideClaim));
  app.action<BlockAction<ButtonAction>>(ACTIONS.takeOver, caseButton("the case was not taken over", decideTakeOver));
  app.action<BlockAction<ButtonAction>>(ACTIONS.reopen, caseButton("the case was not reopened", decideReopen));
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.logReply,
    caseButton("the reply was not logged", async (c, actor, at) =>
      decideLogReply(c, actor, at, await lastEventAt(prisma, c.id, "replied", actor.userId)),
    ),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.resolve,
    afterAck("the resolve form could not be opened", async ({ ack, body, action, client, logger }) => {
      await ack();
      const tell = privately(client, clicker(body), logger);
      const c = await findCase(prisma, Number(action.value));
      if (!c) return tell("That case no longer exists.");
      const refusal = mayResolve(c, actorFor(body.user.id, deps.config));
      if (refusal) return tell(refusal.message);
      await openModal({
        client,
        triggerId: body.trigger_id,
        view: resolveModal(c, { playbook: deps.config.playbook, zone: deps.config.teamTimezone }),
        form: "the resolve form",
        again: "Please press Resolve again.",
        tell,
        logger,
      });
    }),
  );
}
