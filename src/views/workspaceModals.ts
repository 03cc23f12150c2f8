// The workspace's forms on a case: a note, waiting on the buyer, and (leads) reassigning it.
import type { types } from "@slack/bolt";
import { DateTime } from "luxon";
import { DEFAULT_FOLLOW_UP_DAYS, NOTE_MAX } from "../domain/workspaceRules.ts";
import type { Case } from "../generated/prisma/client.ts";
import { PLAYBOOK_BLOCKS as B, CALLBACKS, INPUT_ACTION } from "../ids.ts";
import { caseForm } from "./caseForm.ts";
import { dateInput, textInput } from "./modalParts.ts";
import { plain } from "./text.ts";

export function noteModal(c: Case): types.ModalView {
  return caseForm(c, { callbackId: CALLBACKS.addNote, title: "Note on", submit: "Add note" }, [
    textInput(B.note, "Note", {
      multiline: true,
      maxLength: NOTE_MAX,
      placeholder: "What the buyer said, what you checked, what happens next",
      hint: "It goes into the card's thread and the case's history. A case waiting on the buyer becomes active again.",
    }),
  ]);
}

export function waitingModal(c: Case, zone: string, now: Date): types.ModalView {
  const suggested = DateTime.fromJSDate(c.waitingUntil ?? now, { zone })
    .plus({ days: c.waitingUntil ? 0 : DEFAULT_FOLLOW_UP_DAYS })
    .toISODate();
  return caseForm(c, { callbackId: CALLBACKS.waiting, title: "Waiting", submit: "Wait" }, [
    dateInput(B.followUp, "Follow up on", {
      initial: suggested ?? undefined,
      hint: "The case leaves your cases needing action until then; that morning you are reminded in its thread. A logged reply or a note ends the wait.",
    }),
  ]);
}

export function reassignModal(c: Case): types.ModalView {
  return caseForm(c, { callbackId: CALLBACKS.reassign, title: "Reassign", submit: "Reassign" }, [
    {
      type: "input",
      block_id: B.assignee,
      label: plain("New owner"),
      hint: plain("An after-sales agent. They get a direct message with a link to the case.", 150),
      element: {
        type: "users_select",
        action_id: INPUT_ACTION,
        placeholder: plain("Pick an agent"),
        ...(c.ownerId ? { initial_user: c.ownerId } : {}),
      },
    },
  ]);
}
