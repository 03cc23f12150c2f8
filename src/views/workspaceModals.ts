// The workspace's forms on a case: a note, waiting on the buyer, and (leads) reassigning it.
import type { types } from "@slack/bolt";
import { DateTime } from "luxon";
import { caseNumber, categoryLabel } from "../domain/vocabulary.ts";
import { DEFAULT_FOLLOW_UP_DAYS, NOTE_MAX } from "../domain/workspaceRules.ts";
import type { Case } from "../generated/prisma/client.ts";
import { PLAYBOOK_BLOCKS as B, CALLBACKS, INPUT_ACTION } from "../ids.ts";
import type { ResolveCaseMetadata } from "./modalMetadata.ts";
import { dateInput, textInput } from "./modalParts.ts";
import { escapeMrkdwn, mrkdwnSection, plain, trimText } from "./text.ts";

const metadata = (c: Case) => JSON.stringify({ caseId: c.id } satisfies ResolveCaseMetadata);
const heading = (c: Case) =>
  mrkdwnSection(
    `*${caseNumber(c.number)}* · ${categoryLabel(c.category)} · order ${c.orderId}\n${escapeMrkdwn(trimText(c.description, 300))}`,
  );

export function noteModal(c: Case): types.ModalView {
  return {
    type: "modal",
    callback_id: CALLBACKS.addNote,
    title: plain(`Note on ${caseNumber(c.number)}`, 24),
    submit: plain("Add note", 24),
    close: plain("Cancel", 24),
    private_metadata: metadata(c),
    blocks: [
      heading(c),
      textInput(B.note, "Note", {
        multiline: true,
        maxLength: NOTE_MAX,
        placeholder: "What the buyer said, what you checked, what happens next",
        hint: "It goes into the card's thread and the case's history. A case waiting on the buyer becomes active again.",
      }),
    ],
  };
}

export function waitingModal(c: Case, zone: string, now: Date): types.ModalView {
  const suggested = DateTime.fromJSDate(c.waitingUntil ?? now, { zone })
    .plus({ days: c.waitingUntil ? 0 : DEFAULT_FOLLOW_UP_DAYS })
    .toISODate();
  return {
    type: "modal",
    callback_id: CALLBACKS.waiting,
    title: plain(`Waiting ${caseNumber(c.number)}`, 24),
    submit: plain("Wait", 24),
    close: plain("Cancel", 24),
    private_metadata: metadata(c),
    blocks: [
      heading(c),
      dateInput(B.followUp, "Follow up on", {
        initial: suggested ?? undefined,
        hint: "The case leaves your cases needing action until then; that morning you are reminded in its thread. A logged reply or a note ends the wait.",
      }),
    ],
  };
}

export function reassignModal(c: Case): types.ModalView {
  return {
    type: "modal",
    callback_id: CALLBACKS.reassign,
    title: plain(`Reassign ${caseNumber(c.number)}`, 24),
    submit: plain("Reassign", 24),
    close: plain("Cancel", 24),
    private_metadata: metadata(c),
    blocks: [
      heading(c),
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
    ],
  };
}
