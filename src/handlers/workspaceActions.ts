// The workspace's forms: a note (into the thread and the history), waiting on the buyer, and a
// lead reassigning a case (from the Home tab), the new owner told in a direct message.
import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import type { Decision } from "../domain/caseRules.ts";
import { actorFor } from "../domain/people.ts";
import { caseNumber } from "../domain/vocabulary.ts";
import { decideNote, decideReassign, decideWaiting, NOTE_MAX } from "../domain/workspaceRules.ts";
import type { Case } from "../generated/prisma/client.ts";
import type { Words } from "../i18n/i18n.ts";
import { ACTIONS, PLAYBOOK_BLOCKS as B, CALLBACKS } from "../ids.ts";
import { findCase } from "../store/cases.ts";
import { caseLink } from "../views/lists.ts";
import { readModalState } from "../views/modalParts.ts";
import { reassignModal } from "../views/workspaceModals.ts";
import { caseOfForm, changeFromForm, type FormAck, formWords } from "./caseForms.ts";
import { afterAck, clicker, modalError, openModal, privately } from "./kit.ts";

export function register(app: App, deps: AppDeps): void {
  const { prisma, config } = deps;

  /** The case of a submitted form, changed by `decide`; problems are shown in the form, in `w`. */
  async function submitFor(
    view: ViewSubmitAction["view"],
    ack: FormAck,
    block: string,
    userId: string,
    w: Words,
    decide: (c: Case) => Decision,
  ): Promise<void> {
    const c = await caseOfForm(deps, view, block, ack, w);
    if (c && (await changeFromForm(deps, c, userId, block, ack, decide, w))) await ack();
  }

  app.view<ViewSubmitAction>(
    CALLBACKS.addNote,
    afterAck(
      { key: "forms.failed.noteNotAdded" },
      async ({ ack, view, body }) => {
        const w = await formWords(deps, body.user.id);
        const text = (readModalState(view.state.values)[B.note] ?? "").trim().slice(0, NOTE_MAX);
        if (!text) return ack(modalError(B.note, w.t("forms.note.empty")));
        const actor = actorFor(body.user.id, config);
        await submitFor(view, ack, B.note, actor.userId, w, (c) => decideNote(c, actor, text));
      },
      { formBlock: B.note, deps },
    ),
  );

  app.view<ViewSubmitAction>(
    CALLBACKS.waiting,
    afterAck(
      { key: "forms.failed.notWaiting" },
      async ({ ack, view, body }) => {
        const w = await formWords(deps, body.user.id);
        const day = readModalState(view.state.values)[B.followUp] ?? "";
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return ack(modalError(B.followUp, w.t("forms.waiting.pickDay")));
        const actor = actorFor(body.user.id, config);
        await submitFor(view, ack, B.followUp, actor.userId, w, (c) =>
          decideWaiting(c, actor, day, config.teamTimezone, deps.now()),
        );
      },
      { formBlock: B.followUp, deps },
    ),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.reassign,
    afterAck(
      { key: "forms.failed.reassignForm" },
      async ({ ack, body, action, client, logger }) => {
        await ack();
        const tell = privately(client, clicker(body), logger);
        // The trigger id expires 3 s after the click: the language and the case are looked up together.
        const [w, c] = await Promise.all([formWords(deps, body.user.id), findCase(prisma, Number(action.value))]);
        if (!actorFor(body.user.id, config).isLead) return tell(w.t("forms.reassign.leadsOnly"));
        if (!c) return tell(w.t("forms.caseGone"));
        await openModal({
          client,
          triggerId: body.trigger_id,
          view: reassignModal(c, w),
          form: w.t("forms.open.reassign"),
          again: w.t("forms.open.reassignAgain"),
          tell,
          logger,
          words: w,
        });
      },
      { deps },
    ),
  );

  app.view<ViewSubmitAction>(
    CALLBACKS.reassign,
    afterAck(
      { key: "forms.failed.notReassigned" },
      async ({ ack, view, body }) => {
        const w = await formWords(deps, body.user.id);
        const to = readModalState(view.state.values)[B.assignee];
        if (!to || !/^[UW][A-Z0-9]{2,}$/.test(to))
          return ack(modalError(B.assignee, w.t("forms.reassign.pickAgentError")));
        const actor = actorFor(body.user.id, config);
        const assignee = actorFor(to, config);
        // The new owner's direct message is in their own language.
        const theirs = to === body.user.id ? w : await formWords(deps, to);
        await submitFor(view, ack, B.assignee, actor.userId, w, (c) => {
          const decision = decideReassign(c, actor, assignee, deps.now());
          if (!decision.ok) return decision;
          // The new owner hears of it directly, with a link to the card.
          const text = theirs.t("forms.reassign.handedYou", {
            by: actor.userId,
            link: caseLink(c),
            number: caseNumber(c.number),
            orderId: c.orderId,
          });
          return { ...decision, messages: [{ kind: "message", channelId: to, message: { text, blocks: [] } }] };
        });
      },
      { formBlock: B.assignee, deps },
    ),
  );
}
