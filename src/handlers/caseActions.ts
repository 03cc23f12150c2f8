// Buttons on a case card: Claim, Take over, Log reply, Reopen, and Resolve (which opens a modal).
import type {
  App,
  BlockAction,
  ButtonAction,
  Logger,
  Middleware,
  SlackActionMiddlewareArgs,
  webApi,
} from "@slack/bolt";
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

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

export function register(app: App, deps: AppDeps): void {
  const { prisma, now } = deps;

  /** Acks at once, then applies one guarded change; whoever loses a race is told why, privately. */
  const caseButton =
    (decide: (c: Case, actor: Actor, at: Date) => Decision | Promise<Decision>): Middleware<ButtonArgs> =>
    async ({ ack, body, action, client, logger }) => {
      await ack();
      const actor = actorFor(body.user.id, deps.config);
      const caseId = Number(action.value);
      const result = await changeCase(prisma, caseId, actor.userId, (c) => decide(c, actor, now()), now());
      if (result.ok) {
        deps.wakeOutbox();
        return;
      }
      await tellPrivately(client, body, result.message, logger);
    };

  app.action<BlockAction<ButtonAction>>(ACTIONS.claim, caseButton(decideClaim));
  app.action<BlockAction<ButtonAction>>(ACTIONS.takeOver, caseButton(decideTakeOver));
  app.action<BlockAction<ButtonAction>>(ACTIONS.reopen, caseButton(decideReopen));
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.logReply,
    caseButton(async (c, actor, at) =>
      decideLogReply(c, actor, at, await lastEventAt(prisma, c.id, "replied", actor.userId)),
    ),
  );

  app.action<BlockAction<ButtonAction>>(ACTIONS.resolve, async ({ ack, body, action, client, logger }) => {
    await ack();
    const c = await findCase(prisma, Number(action.value));
    if (!c) return tellPrivately(client, body, "That case no longer exists.", logger);
    const refusal = mayResolve(c, actorFor(body.user.id, deps.config));
    if (refusal) return tellPrivately(client, body, refusal.message, logger);
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: resolveModal(c) });
    } catch (err) {
      logger.warn(`Could not open the resolve form: ${(err as Error).message}`);
      await tellPrivately(
        client,
        body,
        "Slack did not let me open the resolve form in time. Please press Resolve again.",
        logger,
      );
    }
  });
}

async function tellPrivately(client: webApi.WebClient, body: BlockAction, text: string, logger: Logger): Promise<void> {
  const channel = body.channel?.id ?? body.container?.channel_id;
  try {
    if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text });
    else await client.chat.postMessage({ channel: body.user.id, text });
  } catch (err) {
    logger.warn(`Could not tell ${body.user.id} "${text}": ${(err as Error).message}`);
  }
}
