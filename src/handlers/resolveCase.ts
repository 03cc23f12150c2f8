// The resolve modal's submission: validated inline, then one guarded change to the case.
import type { App, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { decideResolve } from "../domain/caseRules.ts";
import { actorFor } from "../domain/people.ts";
import { resolveSchema } from "../domain/resolveInput.ts";
import { CALLBACKS, RESOLVE_BLOCKS } from "../ids.ts";
import { changeCase, findCase } from "../store/cases.ts";
import { resolveCaseMetadata } from "../views/modalMetadata.ts";
import { readModalState } from "../views/modalParts.ts";
import { afterAck, modalError, modalErrors, readMetadata } from "./kit.ts";

export function register(app: App, deps: AppDeps): void {
  const b = RESOLVE_BLOCKS;
  app.view<ViewSubmitAction>(
    CALLBACKS.resolveCase,
    afterAck(
      "the case was not resolved",
      async ({ ack, view, body, logger }) => {
        const meta = readMetadata(view.private_metadata, resolveCaseMetadata);
        if (!meta) {
          logger.warn(`A resolve form came back with unreadable metadata: ${view.private_metadata.slice(0, 200)}`);
          await ack(
            modalError(
              b.resolution,
              "This form does not say which case it is for. Close it and press Resolve on the case card again.",
            ),
          );
          return;
        }
        const c = await findCase(deps.prisma, meta.caseId);
        if (!c) {
          await ack(modalError(b.resolution, "This case no longer exists; close the form."));
          return;
        }
        const state = readModalState(view.state.values);
        const parsed = resolveSchema(c.currency).safeParse({
          resolution: state[b.resolution],
          rootCause: state[b.rootCause],
          amount: state[b.amount],
          currency: state[b.currency],
          note: state[b.note],
        });
        if (!parsed.success) {
          await ack(modalErrors(parsed.error, b, b.note));
          return;
        }
        const actor = actorFor(body.user.id, deps.config);
        try {
          const result = await changeCase(
            deps.prisma,
            c.id,
            actor.userId,
            (fresh) => decideResolve(fresh, actor, parsed.data, deps.now()),
            deps.now(),
          );
          if (!result.ok) {
            // E.g. a lead took the case over while the form was open: say so where the person is looking.
            await ack(modalError(b.resolution, result.message));
            return;
          }
        } catch (err) {
          logger.error(`Could not resolve case ${c.id}: ${(err as Error).message}`);
          await ack(modalError(b.resolution, "The case could not be saved just now. Please press Resolve again."));
          return;
        }
        await ack();
        deps.wakeOutbox();
      },
      { formBlock: b.resolution },
    ),
  );
}
