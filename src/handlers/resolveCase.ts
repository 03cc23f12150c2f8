// The resolve modal: rebuilt with a new suggestion when the root cause or severity changes, and
// its submission validated inline, then applied as one guarded change to the case.
import type { App, BlockAction, StaticSelectAction, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { decideResolve } from "../domain/caseRules.ts";
import { actorFor } from "../domain/people.ts";
import { SEVERITIES, type Severity } from "../domain/remedy.ts";
import { resolveSchema } from "../domain/resolveInput.ts";
import { isRootCause } from "../domain/vocabulary.ts";
import { ACTIONS, CALLBACKS, RESOLVE_BLOCKS } from "../ids.ts";
import { changeCase, findCase } from "../store/cases.ts";
import { resolveCaseMetadata } from "../views/modalMetadata.ts";
import { blockIdsByName, readModalState } from "../views/modalParts.ts";
import { type ResolvePicks, suggestionFor } from "../views/playbookLines.ts";
import { resolveModal } from "../views/resolveModal.ts";
import { afterAck, modalError, modalErrors, readMetadata } from "./kit.ts";

export function register(app: App, deps: AppDeps): void {
  const b = RESOLVE_BLOCKS;
  const cardSettings = { playbook: deps.config.playbook, zone: deps.config.teamTimezone };

  // A new root cause or severity: the same form again, with the suggestion for what is picked now.
  app.action<BlockAction<StaticSelectAction>>(ACTIONS.resolveRecompute, async ({ ack, body, logger, client }) => {
    await ack();
    const view = body.view;
    const meta = view && readMetadata(view.private_metadata, resolveCaseMetadata);
    if (!view || !meta) return;
    const c = await findCase(deps.prisma, meta.caseId).catch(() => null);
    if (!c) return;
    const state = readModalState(view.state.values);
    const rootCause = state[b.rootCause];
    const severity = state[b.severity];
    const picks: ResolvePicks = {
      rootCause: isRootCause(rootCause) ? rootCause : undefined,
      severity: severity && Object.hasOwn(SEVERITIES, severity) ? (severity as Severity) : undefined,
    };
    try {
      await client.views.update({
        view_id: view.id,
        hash: view.hash,
        view: resolveModal(c, cardSettings, picks),
      });
    } catch (err) {
      // A newer change of the same form already went through (hash_conflict), or the form was closed.
      logger.debug(`The resolve form was not updated: ${(err as Error).message}`);
    }
  });

  app.view<ViewSubmitAction>(
    CALLBACKS.resolveCase,
    afterAck(
      "the case was not resolved",
      async ({ ack, view, body, logger }) => {
        const ids = { ...b, ...blockIdsByName(view.state.values) };
        const meta = readMetadata(view.private_metadata, resolveCaseMetadata);
        if (!meta) {
          logger.warn(`A resolve form came back with unreadable metadata: ${view.private_metadata.slice(0, 200)}`);
          await ack(
            modalError(
              ids.resolution,
              "This form does not say which case it is for. Close it and press Resolve on the case card again.",
            ),
          );
          return;
        }
        const c = await findCase(deps.prisma, meta.caseId);
        if (!c) {
          await ack(modalError(ids.resolution, "This case no longer exists; close the form."));
          return;
        }
        const state = readModalState(view.state.values);
        const parsed = resolveSchema(c.currency).safeParse({
          resolution: state[b.resolution],
          rootCause: state[b.rootCause],
          amount: state[b.amount],
          currency: state[b.currency],
          note: state[b.note],
          severity: state[b.severity],
          outcome: state[b.outcome],
          suggestedProduct: state[b.suggestedProduct],
        });
        if (!parsed.success) {
          await ack(modalErrors(parsed.error, ids, ids.note));
          return;
        }
        // What the form showed is recorded with whether it was followed; a form from before
        // suggestions existed gets the suggestion for what was picked.
        const suggestion = meta.suggested ?? suggestionFor(c, cardSettings, parsed.data).suggestion;
        const input = {
          ...parsed.data,
          suggestion: suggestion && { resolution: suggestion.resolution, amountRange: suggestion.amountRange },
        };
        const actor = actorFor(body.user.id, deps.config);
        try {
          const result = await changeCase(
            deps.prisma,
            c.id,
            actor.userId,
            (fresh) => decideResolve(fresh, actor, input, deps.now()),
            deps.now(),
          );
          if (!result.ok) {
            // E.g. a lead took the case over while the form was open: say so where the person is looking.
            await ack(modalError(ids.resolution, result.message));
            return;
          }
        } catch (err) {
          logger.error(`Could not resolve case ${c.id}: ${(err as Error).message}`);
          await ack(modalError(ids.resolution, "The case could not be saved just now. Please press Resolve again."));
          return;
        }
        await ack();
        deps.wakeOutbox();
      },
      // The resolution's block id changes with the suggestion: the one this form has.
      { formBlock: ({ view }) => blockIdsByName(view.state.values)[b.resolution] ?? b.resolution },
    ),
  );
}
