// What every form about one case does on submission: find its case (from private_metadata) and
// apply one guarded change, showing why not under the form's input when it cannot.
import type { ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import type { Decision } from "../domain/caseRules.ts";
import type { Case } from "../generated/prisma/client.ts";
import { changeCase, findCase } from "../store/cases.ts";
import { resolveCaseMetadata } from "../views/modalMetadata.ts";
import { modalError, readMetadata } from "./kit.ts";

export type FormAck = (response?: ViewResponseAction) => Promise<void>;

/** The case a submitted form is about, or the form answered with why it cannot be found. */
export async function caseOfForm(
  deps: AppDeps,
  view: ViewSubmitAction["view"],
  errorBlock: string,
  ack: FormAck,
): Promise<Case | null> {
  const meta = readMetadata(view.private_metadata, resolveCaseMetadata);
  const c = meta ? await findCase(deps.prisma, meta.caseId) : null;
  if (!c)
    await ack(
      modalError(errorBlock, "This form's case is not known any more; close it and start again from the card."),
    );
  return c;
}

/** Applies a decision from a form; a refusal is shown in the form. True when the change landed (not yet acked). */
export async function changeFromForm(
  deps: AppDeps,
  c: Case,
  userId: string,
  errorBlock: string,
  ack: FormAck,
  decide: (fresh: Case) => Decision,
): Promise<boolean> {
  const result = await changeCase(deps.prisma, c.id, userId, decide, deps.now());
  if (!result.ok) {
    await ack(modalError(errorBlock, result.message));
    return false;
  }
  deps.wakeOutbox();
  return true;
}
