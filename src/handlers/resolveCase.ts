// The resolve modal's submission: validated inline, then one guarded change to the case.
import type { App } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { fieldErrors } from "../domain/caseInput.ts";
import { decideResolve } from "../domain/caseRules.ts";
import { actorFor } from "../domain/people.ts";
import { resolveSchema } from "../domain/resolveInput.ts";
import { CALLBACKS, RESOLVE_BLOCKS } from "../ids.ts";
import { changeCase, findCase } from "../store/cases.ts";
import { readModalState } from "../views/modalParts.ts";

export function register(app: App, deps: AppDeps): void {
  app.view(CALLBACKS.resolveCase, async ({ ack, view, body, logger }) => {
    const b = RESOLVE_BLOCKS;
    const { caseId } = JSON.parse(view.private_metadata || "{}") as { caseId?: number };
    const c = caseId ? await findCase(deps.prisma, caseId) : null;
    if (!c) {
      await ack({
        response_action: "errors",
        errors: { [b.resolution]: "This case no longer exists; close the form." },
      });
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
      const errors: Record<string, string> = {};
      for (const e of fieldErrors(parsed.error)) errors[b[e.path as keyof typeof b] ?? b.note] ??= e.message;
      await ack({ response_action: "errors", errors });
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
        await ack({ response_action: "errors", errors: { [b.resolution]: result.message } });
        return;
      }
    } catch (err) {
      logger.error(`Could not resolve case ${c.id}: ${(err as Error).message}`);
      await ack({
        response_action: "errors",
        errors: { [b.resolution]: "The case could not be saved just now. Please press Resolve again." },
      });
      return;
    }
    await ack();
    deps.wakeOutbox();
  });
}
