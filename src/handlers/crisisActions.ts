// Bulk buttons on a return-wave alert: claim all unclaimed, assign them, log a first reply for
// all, and resolve eligible returns through a modal. Each person gets a private summary.
import type { App, BlockAction, ButtonAction, UsersSelectAction, ViewSubmitAction } from "@slack/bolt";
import type { z } from "zod";
import type { AppDeps } from "../deps.ts";
import { bulkSummary, coveredOnly } from "../domain/bulk.ts";
import { decideAssign, decideClaim, decideLogReply, decideResolve } from "../domain/caseRules.ts";
import { actorFor, assignRefusal } from "../domain/people.ts";
import { resolveProblem, resolveSchema } from "../domain/resolveInput.ts";
import { say, type Words } from "../i18n/i18n.ts";
import { ACTIONS, CALLBACKS, CASES_BLOCK, INPUT_ACTION, RESOLVE_BLOCKS, recordIdOfBlock } from "../ids.ts";
import { changeEach, lastEventAt } from "../store/cases.ts";
import { ALERT_CASES_LIMIT, casesOfAlert, openCasesOfAlert } from "../store/crisisAlerts.ts";
import { crisisResolveModal, RESOLVE_FORM_CASES } from "../views/crisisResolveModal.ts";
import { crisisResolveMetadata } from "../views/modalMetadata.ts";
import { readModalState } from "../views/modalParts.ts";
import { afterAck, clicker, modalErrors, openModal, privately, readMetadata, wordsFor } from "./kit.ts";

/** What the bulk resolve form says under its inputs, in the submitter's words. */
function problems(w: Words, error: z.ZodError | undefined, picked: boolean): Record<string, string> {
  const said: Record<string, string> = picked ? {} : { [CASES_BLOCK]: w.t("alerts.bulk.pickCase") };
  for (const issue of error?.issues ?? []) {
    const problem = resolveProblem(issue);
    const block = RESOLVE_BLOCKS[issue.path.join(".") as keyof typeof RESOLVE_BLOCKS] ?? RESOLVE_BLOCKS.note;
    if (problem) said[block] ??= say(w, problem);
  }
  return said;
}

/** The person who clicked, in the crisis channel where the alert is. */
export function register(app: App, deps: AppDeps): void {
  const { prisma } = deps;

  // Each answer is the clicker's alone: in their words.
  async function openCasesOf(alertId: number | undefined, w: Words) {
    if (!alertId) return undefined;
    const alert = await prisma.crisisAlert.findUnique({ where: { id: alertId } });
    if (!alert) return undefined;
    const cases = await casesOfAlert(prisma, alert, deps.config.crisis);
    // Told with every bulk answer when the alert has more cases than one action covers.
    const more = cases.length >= ALERT_CASES_LIMIT ? coveredOnly(ALERT_CASES_LIMIT, alert.subject, w) : "";
    return { alert, open: cases.filter((c) => c.status !== "resolved"), more };
  }

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.crisisClaimAll,
    afterAck(
      { key: "alerts.bulk.failedClaim" },
      async ({ ack, body, action, client, logger }) => {
        await ack();
        const tell = privately(client, clicker(body), logger);
        const w = await wordsFor(deps, body.user.id);
        const wave = await openCasesOf(Number(action.value), w);
        if (!wave) return tell(w.t("alerts.bulk.waveGone"));
        const actor = actorFor(body.user.id, deps.config);
        const mine = wave.open.filter((c) => c.ownerId !== actor.userId).map((c) => c.id);
        const result = await changeEach(
          prisma,
          mine,
          actor.userId,
          (c) => decideClaim(c, actor, deps.now()),
          deps.now(),
        );
        deps.wakeOutbox();
        await tell(bulkSummary(w, "alerts.bulk.claimed", result) + wave.more);
      },
      { deps },
    ),
  );

  app.action<BlockAction<UsersSelectAction>>(
    ACTIONS.crisisAssign,
    afterAck(
      { key: "alerts.bulk.failedAssign" },
      async ({ ack, body, action, client, logger }) => {
        await ack();
        // A user picker has no value of its own: the alert is named by its actions block.
        if (!action.selected_user) return;
        const tell = privately(client, clicker(body), logger);
        const w = await wordsFor(deps, body.user.id);
        const wave = await openCasesOf(recordIdOfBlock("crisis", action.block_id), w);
        if (!wave) return tell(w.t("alerts.bulk.waveGone"));
        const actor = actorFor(body.user.id, deps.config);
        const assignee = actorFor(action.selected_user, deps.config);
        const refusal = assignRefusal(actor, assignee);
        if (refusal) return tell(say(w, refusal));

        const result = await changeEach(
          prisma,
          wave.open.map((c) => c.id),
          actor.userId,
          (c) => decideAssign(c, actor, assignee, deps.now()),
          deps.now(),
        );
        deps.wakeOutbox();
        await tell(bulkSummary(w, "alerts.bulk.assigned", result, [], { who: `<@${assignee.userId}>` }) + wave.more);
      },
      { deps },
    ),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.crisisReplyAll,
    afterAck(
      { key: "alerts.bulk.failedReply" },
      async ({ ack, body, action, client, logger }) => {
        await ack();
        const tell = privately(client, clicker(body), logger);
        const w = await wordsFor(deps, body.user.id);
        const wave = await openCasesOf(Number(action.value), w);
        if (!wave) return tell(w.t("alerts.bulk.waveGone"));
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
        deps.wakeOutbox();
        await tell(bulkSummary(w, "alerts.bulk.replied", result, ["duplicate"]) + wave.more);
      },
      { deps },
    ),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.crisisResolve,
    afterAck(
      { key: "alerts.bulk.failedForm" },
      async ({ ack, body, action, client, logger }) => {
        await ack();
        const tell = privately(client, clicker(body), logger);
        const w = await wordsFor(deps, body.user.id);
        const alertId = Number(action.value);
        const alert = alertId ? await prisma.crisisAlert.findUnique({ where: { id: alertId } }) : null;
        if (!alert) return tell(w.t("alerts.bulk.waveGone"));
        // The form lists the oldest open cases it can hold and says how many more there are.
        const open = await openCasesOfAlert(prisma, alert, deps.config.crisis, RESOLVE_FORM_CASES);
        if (!open.total) return tell(w.t("alerts.bulk.allResolved"));
        await openModal({
          client,
          triggerId: body.trigger_id,
          view: crisisResolveModal(alert, open.cases, open.total, w),
          form: w.t("alerts.bulk.form"),
          again: w.t("alerts.bulk.again"),
          tell,
          logger,
          words: w,
        });
      },
      { deps },
    ),
  );

  const b = RESOLVE_BLOCKS;
  app.view<ViewSubmitAction>(
    CALLBACKS.crisisResolve,
    afterAck(
      { key: "alerts.bulk.failedResolve" },
      async ({ ack, view, body, client, logger }) => {
        const w = await wordsFor(deps, body.user.id);
        const picked = (view.state.values[CASES_BLOCK]?.[INPUT_ACTION]?.selected_options ?? []).map((o) =>
          Number(o.value),
        );
        const state = readModalState(view.state.values);
        const parsed = resolveSchema("per case").safeParse({
          resolution: state[b.resolution],
          rootCause: state[b.rootCause],
          amount: state[b.amount],
          note: state[b.note],
        });
        if (!picked.length || !parsed.success) {
          await ack(modalErrors(parsed.error, b, b.note, problems(w, parsed.error, picked.length > 0)));
          return;
        }
        await ack();
        const input = parsed.data;
        // The picked cases are in the form itself; only where to send the summary is in the metadata,
        // and without it the summary comes as a direct message.
        const meta = readMetadata(view.private_metadata, crisisResolveMetadata);
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
        deps.wakeOutbox();
        await privately(
          client,
          { userId: actor.userId, channelId: meta?.channelId },
          logger,
        )(bulkSummary(w, "alerts.bulk.resolved", result));
      },
      { formBlock: b.note, deps },
    ),
  );
}
