// The workspace's forms: a note (into the thread and the history), waiting on the buyer, and a
// lead reassigning a case (from the Home tab), the new owner told in a direct message.
import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import type { Decision } from "../domain/caseRules.ts";
import { actorFor } from "../domain/people.ts";
import { caseNumber } from "../domain/vocabulary.ts";
import { decideNote, decideReassign, decideWaiting, NOTE_MAX } from "../domain/workspaceRules.ts";
import type { Case } from "../generated/prisma/client.ts";
import { ACTIONS, PLAYBOOK_BLOCKS as B, CALLBACKS } from "../ids.ts";
import { findCase } from "../store/cases.ts";
import { caseLink } from "../views/lists.ts";
import { readModalState } from "../views/modalParts.ts";
import { reassignModal } from "../views/workspaceModals.ts";
import { caseOfForm, changeFromForm, type FormAck } from "./caseForms.ts";
import { afterAck, clicker, modalError, openModal, privately } from "./kit.ts";

export function register(app: App, deps: AppDeps): void {
  const { prisma, config } = deps;

  /** The case of a submitted form, changed by `decide`; problems are shown in the form. */
  async function submitFor(
    view: ViewSubmitAction["view"],
    ack: FormAck,
    block: string,
    userId: string,
    decide: (c: Case) => Decision,
  ): Promise<void> {
    const c = await caseOfForm(deps, view, block, ack);
    if (c && (await changeFromForm(deps, c, userId, block, ack, decide))) await ack();
  }

  app.view<ViewSubmitAction>(
    CALLBACKS.addNote,
    afterAck(
      "the note was not added",
      async ({ ack, view, body }) => {
        const text = (readModalState(view.state.values)[B.note] ?? "").trim().slice(0, NOTE_MAX);
        if (!text) return ack(modalError(B.note, "Write the note first."));
        const actor = actorFor(body.user.id, config);
        await submitFor(view, ack, B.note, actor.userId, (c) => decideNote(c, actor, text));
      },
      { formBlock: B.note },
    ),
  );

  app.view<ViewSubmitAction>(
    CALLBACKS.waiting,
    afterAck(
      "the case was not set to wait",
      async ({ ack, view, body }) => {
        const day = readModalState(view.state.values)[B.followUp] ?? "";
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return ack(modalError(B.followUp, "Pick the day to follow up."));
        const actor = actorFor(body.user.id, config);
        await submitFor(view, ack, B.followUp, actor.userId, (c) =>
          decideWaiting(c, actor, day, config.teamTimezone, deps.now()),
        );
      },
      { formBlock: B.followUp },
    ),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.reassign,
    afterAck("the reassign form could not be opened", async ({ ack, body, action, client, logger }) => {
      await ack();
      const tell = privately(client, clicker(body), logger);
      if (!actorFor(body.user.id, config).isLead) return tell("Only leads can reassign cases.");
      const c = await findCase(prisma, Number(action.value));
      if (!c) return tell("That case no longer exists.");
      await openModal({
        client,
        triggerId: body.trigger_id,
        view: reassignModal(c),
        form: "the reassign form",
        again: "Please press Reassign again.",
        tell,
        logger,
      });
    }),
  );

  app.view<ViewSubmitAction>(
    CALLBACKS.reassign,
    afterAck(
      "the case was not reassigned",
      async ({ ack, view, body }) => {
        const to = readModalState(view.state.values)[B.assignee];
        if (!to || !/^[UW][A-Z0-9]{2,}$/.test(to)) return ack(modalError(B.assignee, "Pick the agent to hand it to."));
        const actor = actorFor(body.user.id, config);
        const assignee = actorFor(to, config);
        await submitFor(view, ack, B.assignee, actor.userId, (c) => {
          const decision = decideReassign(c, actor, assignee, deps.now());
          if (!decision.ok) return decision;
          // The new owner hears of it directly, with a link to the card.
          const text = `<@${actor.userId}> handed you ${caseLink(c)} (${caseNumber(c.number)}, order ${c.orderId}). It is yours now.`;
          return { ...decision, messages: [{ kind: "message", channelId: to, message: { text, blocks: [] } }] };
        });
      },
      { formBlock: B.assignee },
    ),
  );
}
