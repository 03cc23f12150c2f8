// Bulk buttons on a return-wave alert: claim all unclaimed, assign them, log a first reply for
// all, and resolve eligible returns through a modal. Each person gets a private summary.
import type { App, BlockAction, ButtonAction, Logger, UsersSelectAction, webApi } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { bulkSummary, changeEach } from "../domain/bulk.ts";
import { fieldErrors } from "../domain/caseInput.ts";
import { decideAssign, decideClaim, decideLogReply, decideResolve } from "../domain/caseRules.ts";
import { lastEventAt } from "../domain/cases.ts";
import { casesOfAlert } from "../domain/crisis.ts";
import { actorFor } from "../domain/people.ts";
import { resolveSchema } from "../domain/resolveInput.ts";
import { ACTIONS, CALLBACKS, CASES_BLOCK, RESOLVE_BLOCKS } from "../ids.ts";
import { crisisResolveModal } from "../views/crisisResolveModal.ts";
import { readModalState } from "../views/modalParts.ts";

export function register(app: App, deps: AppDeps): void {
  const { prisma } = deps;

  async function openCasesOf(alertId: number) {
    const alert = await prisma.crisisAlert.findUnique({ where: { id: alertId } });
    if (!alert) return undefined;
    const cases = await casesOfAlert(prisma, alert, deps.config.crisis);
    return { alert, open: cases.filter((c) => c.status !== "resolved") };
  }

  async function tell(
    client: webApi.WebClient,
    channel: string | undefined,
    user: string,
    text: string,
    logger: Logger,
  ) {
    try {
      if (channel) await client.chat.postEphemeral({ channel, user, text });
      else await client.chat.postMessage({ channel: user, text });
    } catch (err) {
      logger.warn(`Could not send a bulk summary to ${user}: ${(err as Error).message}`);
    }
  }

  app.action<BlockAction<ButtonAction>>(ACTIONS.crisisClaimAll, async ({ ack, body, action, client, logger }) => {
    await ack();
    const wave = await openCasesOf(Number(action.value));
    if (!wave) return;
    const actor = actorFor(body.user.id, deps.config);
    const mine = wave.open.filter((c) => c.ownerId !== actor.userId).map((c) => c.id);
    const result = await changeEach(prisma, mine, actor.userId, (c) => decideClaim(c, actor, deps.now()), deps.now());
    deps.kickOutbox();
    await tell(client, body.channel?.id, actor.userId, bulkSummary("Claimed", result), logger);
  });

  app.action<BlockAction<UsersSelectAction>>(ACTIONS.crisisAssign, async ({ ack, body, action, client, logger }) => {
    await ack();
    const alertId = Number(body.actions[0]?.block_id?.split(":")[1]);
    const wave = await openCasesOf(alertId);
    if (!wave || !action.selected_user) return;
    const actor = actorFor(body.user.id, deps.config);
    if (!actor.isLead)
      return tell(
        client,
        body.channel?.id,
        actor.userId,
        "Only leads can assign a wave's cases. Use *Claim all unclaimed* to take them yourself.",
        logger,
      );
    const assignee = action.selected_user;
    const result = await changeEach(
      prisma,
      wave.open.map((c) => c.id),
      actor.userId,
      (c) => decideAssign(c, actor, assignee, deps.now()),
      deps.now(),
    );
    deps.kickOutbox();
    await tell(client, body.channel?.id, actor.userId, bulkSummary(`Assigned to <@${assignee}>`, result), logger);
  });

  app.action<BlockAction<ButtonAction>>(ACTIONS.crisisReplyAll, async ({ ack, body, action, client, logger }) => {
    await ack();
    const wave = await openCasesOf(Number(action.value));
    if (!wave) return;
    const actor = actorFor(body.user.id, deps.config);
    const unanswered = wave.open.filter((c) => c.firstReplyAt === null).map((c) => c.id);
    const result = await changeEach(
      prisma,
      unanswered,
      actor.userId,
      async (c) =>
        decideLogReply(c, actor, deps.now(), await lastEventAt(prisma, c.id, "replied", actor.userId), false),
      deps.now(),
    );
    deps.kickOutbox();
    await tell(
      client,
      body.channel?.id,
      actor.userId,
      bulkSummary("Logged the first reply on", result, ["duplicate"]),
      logger,
    );
  });

  app.action<BlockAction<ButtonAction>>(ACTIONS.crisisResolve, async ({ ack, body, action, client, logger }) => {
    await ack();
    const wave = await openCasesOf(Number(action.value));
    if (!wave) return;
    if (!wave.open.length)
      return tell(client, body.channel?.id, body.user.id, "Every case of this wave is already resolved.", logger);
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: crisisResolveModal(wave.alert, wave.open) });
    } catch (err) {
      logger.warn(`Could not open the bulk resolve form: ${(err as Error).message}`);
      await tell(
        client,
        body.channel?.id,
        body.user.id,
        "Slack did not let me open the form in time. Please press the button again.",
        logger,
      );
    }
  });

  app.view(CALLBACKS.crisisResolve, async ({ ack, view, body, client, logger }) => {
    const b = RESOLVE_BLOCKS;
    const meta = JSON.parse(view.private_metadata || "{}") as { channelId?: string };
    const picked = (view.state.values[CASES_BLOCK]?.value?.selected_options ?? []).map((o) => Number(o.value));
    const state = readModalState(view.state.values);
    const parsed = resolveSchema("per case").safeParse({
      resolution: state[b.resolution],
      rootCause: state[b.rootCause],
      amount: state[b.amount],
      note: state[b.note],
    });
    if (!picked.length || !parsed.success) {
      const errors: Record<string, string> = {};
      if (!picked.length) errors[CASES_BLOCK] = "Pick at least one case";
      if (!parsed.success)
        for (const e of fieldErrors(parsed.error)) errors[b[e.path as keyof typeof b] ?? b.note] ??= e.message;
      if (Object.keys(errors).length) {
        await ack({ response_action: "errors", errors });
        return;
      }
    }
    await ack();
    const input = parsed.data;
    if (!input) return;
    const actor = actorFor(body.user.id, deps.config);
    // Each case's own currency is used for the amount.
    const result = await changeEach(
      prisma,
      picked,
      actor.userId,
      (c) =>
        decideResolve(
          c,
          actor,
          { ...input, currency: input.amount ? (c.currency ?? undefined) : undefined },
          deps.now(),
        ),
      deps.now(),
    );
    deps.kickOutbox();
    await tell(client, meta.channelId, actor.userId, bulkSummary("Resolved", result), logger);
  });
}
