// The workspace's forms on a case: a note, waiting on the buyer, and (leads) reassigning it.
import type { types } from "@slack/bolt";
import { DateTime } from "luxon";
import { DEFAULT_FOLLOW_UP_DAYS, NOTE_MAX } from "../domain/workspaceRules.ts";
import type { Case } from "../generated/prisma/client.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { PLAYBOOK_BLOCKS as B, CALLBACKS, INPUT_ACTION } from "../ids.ts";
import { caseForm } from "./caseForm.ts";
import { dateInput, textInput } from "./modalParts.ts";
import { plain } from "./text.ts";

export function noteModal(c: Case, w: Words = ENGLISH): types.ModalView {
  const title = (number: string) => w.t("forms.note.title", { number });
  return caseForm(c, { callbackId: CALLBACKS.addNote, title, submit: w.t("forms.note.submit"), words: w }, [
    textInput(B.note, w.t("forms.note.label"), {
      multiline: true,
      maxLength: NOTE_MAX,
      placeholder: w.t("forms.note.placeholder"),
      hint: w.t("forms.note.hint"),
    }),
  ]);
}

export function waitingModal(c: Case, zone: string, now: Date, w: Words = ENGLISH): types.ModalView {
  const suggested = DateTime.fromJSDate(c.waitingUntil ?? now, { zone })
    .plus({ days: c.waitingUntil ? 0 : DEFAULT_FOLLOW_UP_DAYS })
    .toISODate();
  const title = (number: string) => w.t("forms.waiting.title", { number });
  return caseForm(c, { callbackId: CALLBACKS.waiting, title, submit: w.t("forms.waiting.submit"), words: w }, [
    dateInput(B.followUp, w.t("forms.waiting.followUp"), {
      initial: suggested ?? undefined,
      hint: w.t("forms.waiting.hint"),
      words: w,
    }),
  ]);
}

export function reassignModal(c: Case, w: Words = ENGLISH): types.ModalView {
  const title = (number: string) => w.t("forms.reassign.title", { number });
  return caseForm(c, { callbackId: CALLBACKS.reassign, title, submit: w.t("forms.reassign.submit"), words: w }, [
    {
      type: "input",
      block_id: B.assignee,
      label: plain(w.t("forms.reassign.newOwner")),
      hint: plain(w.t("forms.reassign.hint"), 150),
      element: {
        type: "users_select",
        action_id: INPUT_ACTION,
        placeholder: plain(w.t("forms.reassign.pickAgent")),
        ...(c.ownerId ? { initial_user: c.ownerId } : {}),
      },
    },
  ]);
}
