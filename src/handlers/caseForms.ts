// What every form does for the person using it: speak their language, find the case a form is
// about (from private_metadata) and apply one guarded change, showing why not under the form's
// input when it cannot.
import type { ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { type Decision, refusalText } from "../domain/caseRules.ts";
import type { Case } from "../generated/prisma/client.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { changeCase, findCase } from "../store/cases.ts";
import { resolveCaseMetadata } from "../views/modalMetadata.ts";
import { modalError, readMetadata, teamWords, wordsFor } from "./kit.ts";

/** How long a form waits for the person's language before it speaks the team's. */
const LANGUAGE_WAIT_MS = 500;

/**
 * The words of a form for the person opening or submitting it: their language, looked up at once
 * (a trigger id expires 3 s after the click), else the team's when that look-up fails or is slow.
 */
export async function formWords(deps: Pick<AppDeps, "prisma" | "config">, userId: string): Promise<Words> {
  const team = teamWords(deps.config);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      wordsFor(deps, userId),
      new Promise<Words>((resolve) => {
        timer = setTimeout(() => resolve(team), LANGUAGE_WAIT_MS);
      }),
    ]);
  } catch {
    return team;
  } finally {
    clearTimeout(timer);
  }
}

export type FormAck = (response?: ViewResponseAction) => Promise<void>;

/** The case a submitted form is about, or the form answered with why it cannot be found. */
export async function caseOfForm(
  deps: AppDeps,
  view: ViewSubmitAction["view"],
  errorBlock: string,
  ack: FormAck,
  w: Words = ENGLISH,
): Promise<Case | null> {
  const meta = readMetadata(view.private_metadata, resolveCaseMetadata);
  const c = meta ? await findCase(deps.prisma, meta.caseId) : null;
  if (!c) await ack(modalError(errorBlock, w.t("forms.formCaseUnknown")));
  return c;
}

/**
 * Applies a decision from a form; a refusal is shown in the form, in the person's words. True when
 * the change landed (not yet acked).
 */
export async function changeFromForm(
  deps: AppDeps,
  c: Case,
  userId: string,
  errorBlock: string,
  ack: FormAck,
  decide: (fresh: Case) => Decision,
  w: Words = ENGLISH,
): Promise<boolean> {
  const result = await changeCase(deps.prisma, c.id, userId, decide, deps.now());
  if (!result.ok) {
    await ack(modalError(errorBlock, refusalText(w, result)));
    return false;
  }
  deps.wakeOutbox();
  return true;
}
