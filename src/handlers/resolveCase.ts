// The resolve modal: rebuilt with a new suggestion when the root cause or severity changes, and
// its submission validated inline, then applied as one guarded change to the case.
import type { App, BlockAction, StaticSelectAction, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { decideResolve, refusalText } from "../domain/caseRules.ts";
import { actorFor } from "../domain/people.ts";
import { SEVERITIES, type Severity } from "../domain/remedy.ts";
import { resolveProblem, resolveSchema } from "../domain/resolveInput.ts";
import { isRootCause } from "../domain/vocabulary.ts";
import { say } from "../i18n/i18n.ts";
import { ACTIONS, CALLBACKS, RESOLVE_BLOCKS } from "../ids.ts";
import { changeCase, findCase } from "../store/cases.ts";
import { resolveCaseMetadata } from "../views/modalMetadata.ts";
import { blockIdsByName, formErrors, readModalState } from "../views/modalParts.ts";
import { type ResolvePicks, suggestionFor } from "../views/playbookLines.ts";
import { resolveModal } from "../views/resolveModal.ts";
import { formWords } from "./caseForms.ts";
import { afterAck, modalError, readMetadata } from "./kit.ts";

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
    const words = await formWords(deps, body.user.id);
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
        view: resolveModal(c, { ...cardSettings, words }, picks),
      });
    } catch (err) {
      // A newer change of the same form already went through (hash_conflict), or the form was closed.
      logger.debug(`The resolve form was not updated: ${(err as Error).message}`);
    }
  });

  app.view<ViewSubmitAction>(
    CALLBACKS.resolveCase,
    afterAck(
      { key: "forms.failed.notResolved" },
      async ({ ack, view, body, logger }) => {
        const w = await formWords(deps, body.user.id);
        const ids = { ...b, ...blockIdsByName(view.state.values) };
        const meta = readMetadata(view.private_metadata, resolveCaseMetadata);
        if (!meta) {
          logger.warn(`A resolve form came back with unreadable metadata: ${view.private_metadata.slice(0, 200)}`);
          await ack(modalError(ids.resolution, w.t("forms.resolve.noCase")));
          return;
        }
        const c = await findCase(deps.prisma, meta.caseId);
        if (!c) {
          await ack(modalError(ids.resolution, w.t("forms.resolve.gone")));
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
          const problems = parsed.error.issues.map((issue) => {
            const said = resolveProblem(issue);
            return { path: issue.path.join("."), text: said ? say(w, said) : issue.message };
          });
          await ack(formErrors(problems, ids, ids.note));
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
            await ack(modalError(ids.resolution, refusalText(w, result)));
            return;
          }
        } catch (err) {
          logger.error(`Could not resolve case ${c.id}: ${(err as Error).message}`);
          await ack(modalError(ids.resolution, w.t("forms.resolve.saveFailed")));
          return;
        }
        await ack();
        deps.wakeOutbox();
      },
      // The resolution's block id changes with the suggestion: the one this form has.
      { formBlock: ({ view }) => blockIdsByName(view.state.values)[b.resolution] ?? b.resolution, deps },
    ),
  );
}
