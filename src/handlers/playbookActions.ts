// The card's "⋯" menu: check the return window, mark the return received (the refund clock),
// suspect abuse (with the buyer's other cases), and appeal to Amazon; and the forms behind them.
import type { App, BlockAction, OverflowAction, ViewSubmitAction } from "@slack/bolt";
import { DateTime } from "luxon";
import type { AppDeps } from "../deps.ts";
import { refusalText } from "../domain/caseRules.ts";
import { actorFor } from "../domain/people.ts";
import { ABUSE_EVIDENCE, type AbuseEvidence, APPEAL_STAGES, type AppealStage } from "../domain/playbook.ts";
import {
  decideAppeal,
  decideReturnCheck,
  decideReturnReceived,
  decideSuspectAbuse,
  mayWorkOn,
} from "../domain/playbookRules.ts";
import {
  checkEligibility,
  ITEM_CONDITIONS,
  type ItemCondition,
  refundDueAt,
  refundReminderAt,
} from "../domain/returnEligibility.ts";
import { ACTIONS, PLAYBOOK_BLOCKS as B, CALLBACKS, MORE_OPTIONS } from "../ids.ts";
import { relatedCases } from "../store/buyerHistory.ts";
import { changeCase, findCase } from "../store/cases.ts";
import { readModalState } from "../views/modalParts.ts";
import { isReturnCase } from "../views/playbookLines.ts";
import { abuseModal, appealModal, returnCheckModal, returnVerdictModal } from "../views/playbookModals.ts";
import { noteModal, waitingModal } from "../views/workspaceModals.ts";
import { caseOfForm, changeFromForm, formWords } from "./caseForms.ts";
import { afterAck, clicker, modalError, openModal, privately } from "./kit.ts";

/** The days a form accepts: a real calendar day from 2000 on. */
const EARLIEST_DAY = "2000-01-01";

export function register(app: App, deps: AppDeps): void {
  const { prisma, config } = deps;
  const zone = config.teamTimezone;
  /** A day picked in a form, as the start of that day in the team's time zone (undefined if it is no real day). */
  const dayStart = (day: string | undefined) => {
    if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day) || day < EARLIEST_DAY) return undefined;
    const start = DateTime.fromISO(day, { zone }).startOf("day");
    return start.isValid ? start.toJSDate() : undefined;
  };

  app.action<BlockAction<OverflowAction>>(
    ACTIONS.more,
    afterAck(
      { key: "playbook.menu.failed" },
      async ({ ack, body, action, client, logger }) => {
        await ack();
        const tell = privately(client, clicker(body), logger);
        const w = await formWords(deps, body.user.id);
        const [what, id] = action.selected_option.value.split(":");
        const caseId = Number(id);
        const c = Number.isSafeInteger(caseId) && caseId > 0 ? await findCase(prisma, caseId) : null;
        if (!c) return tell(w.t("playbook.menu.gone"));
        const actor = actorFor(body.user.id, config);
        const form = (view: Parameters<typeof openModal>[0]["view"], name: string) =>
          openModal({
            client,
            triggerId: body.trigger_id,
            view,
            form: name,
            again: w.t("playbook.menu.again"),
            tell,
            logger,
            words: w,
          });

        switch (what) {
          case MORE_OPTIONS.addNote: {
            const refusal = mayWorkOn(c, actor, "add notes", true);
            if (refusal) return tell(refusalText(w, refusal));
            await form(noteModal(c, w), w.t("playbook.menu.noteForm"));
            return;
          }
          case MORE_OPTIONS.waiting: {
            const refusal = mayWorkOn(c, actor, "mark waiting on the buyer");
            if (refusal) return tell(refusalText(w, refusal));
            await form(waitingModal(c, zone, deps.now(), w), w.t("playbook.menu.waitingForm"));
            return;
          }
          case MORE_OPTIONS.returnCheck: {
            const refusal = mayWorkOn(c, actor, "check returns");
            if (refusal) return tell(refusalText(w, refusal));
            await form(returnCheckModal(c, config.playbook, zone, w), w.t("playbook.menu.returnForm"));
            return;
          }
          case MORE_OPTIONS.returnReceived: {
            if (!isReturnCase(c)) return tell(w.t("playbook.menu.noReturn"));
            const now = deps.now();
            const dueAt = refundDueAt(now, config.playbook.returns, zone);
            const clock = { dueAt, remindAt: refundReminderAt(dueAt, zone) };
            const result = await changeCase(
              prisma,
              c.id,
              actor.userId,
              (fresh) => decideReturnReceived(fresh, actor, now, clock),
              now,
            );
            if (!result.ok) return tell(refusalText(w, result));
            deps.wakeOutbox();
            return;
          }
          case MORE_OPTIONS.suspectAbuse: {
            const refusal = mayWorkOn(c, actor, "mark suspected abuse", true);
            if (refusal) return tell(refusalText(w, refusal));
            // The form opens first (the trigger id expires in 3 s); the buyer's other cases follow.
            const opened = await client.views
              .open({ trigger_id: body.trigger_id, view: abuseModal(c, undefined, w) })
              .catch(async (err) => {
                logger.warn(`Could not open the abuse form: ${(err as Error).message}`);
                await tell(w.t("playbook.menu.abuseFormLate"));
                return undefined;
              });
            const viewId = opened?.view?.id;
            if (!viewId) return;
            const related = await relatedCases(prisma, c);
            await client.views
              .update({ view_id: viewId, view: abuseModal(c, related, w) })
              .catch((err) => logger.debug(`The abuse form was not updated: ${(err as Error).message}`));
            return;
          }
          case MORE_OPTIONS.appeal: {
            const refusal = mayWorkOn(c, actor, "record appeals", true);
            if (refusal) return tell(refusalText(w, refusal));
            await form(appealModal(c, config.playbook, zone, deps.now(), w), w.t("playbook.menu.appealForm"));
            return;
          }
          default:
            logger.warn(`Unknown choice in a card's menu: ${action.selected_option.value.slice(0, 100)}`);
            return tell(w.t("playbook.menu.unknownChoice"));
        }
      },
      { deps },
    ),
  );

  app.view<ViewSubmitAction>(
    CALLBACKS.returnCheck,
    afterAck(
      { key: "playbook.menu.returnNotChecked" },
      async ({ ack, view, body }) => {
        const w = await formWords(deps, body.user.id);
        const c = await caseOfForm(deps, view, B.deliveredAt, ack, w);
        if (!c) return;
        const state = readModalState(view.state.values);
        const orderDate = dayStart(state[B.orderDate]);
        const deliveredAt = dayStart(state[B.deliveredAt]);
        const condition = state[B.condition];
        if (!orderDate && !deliveredAt) return ack(modalError(B.deliveredAt, w.t("playbook.returnForm.needDay")));
        if (orderDate && deliveredAt && deliveredAt < orderDate)
          return ack(modalError(B.deliveredAt, w.t("playbook.returnForm.deliveredBeforeOrdered")));
        const latest = deliveredAt ?? orderDate;
        if (latest && latest > deps.now())
          return ack(modalError(deliveredAt ? B.deliveredAt : B.orderDate, w.t("playbook.returnForm.future")));
        const itemCondition =
          condition && Object.hasOwn(ITEM_CONDITIONS, condition) ? (condition as ItemCondition) : undefined;
        const eligibility = checkEligibility(
          { requestedAt: c.createdAt, orderDate, deliveredAt, condition: itemCondition },
          config.playbook.returns,
          zone,
        );
        const actor = actorFor(body.user.id, config);
        const input = { orderDate, deliveredAt, condition: itemCondition, summary: eligibility.summary };
        if (
          !(await changeFromForm(
            deps,
            c,
            actor.userId,
            B.deliveredAt,
            ack,
            (fresh) => decideReturnCheck(fresh, actor, input, deps.now()),
            w,
          ))
        )
          return;
        await ack({ response_action: "update", view: returnVerdictModal(c, eligibility, w) });
      },
      { formBlock: B.deliveredAt, deps },
    ),
  );

  app.view<ViewSubmitAction>(
    CALLBACKS.suspectAbuse,
    afterAck(
      { key: "playbook.menu.notMarked" },
      async ({ ack, view, body }) => {
        const w = await formWords(deps, body.user.id);
        const c = await caseOfForm(deps, view, B.note, ack, w);
        if (!c) return;
        const state = readModalState(view.state.values);
        const evidence = (state[B.evidence] ?? "")
          .split(",")
          .filter((k): k is AbuseEvidence => Object.hasOwn(ABUSE_EVIDENCE, k));
        const note = state[B.note]?.trim().slice(0, 2000);
        const actor = actorFor(body.user.id, config);
        if (
          await changeFromForm(
            deps,
            c,
            actor.userId,
            B.note,
            ack,
            (fresh) => decideSuspectAbuse(fresh, actor, { evidence, note }, deps.now()),
            w,
          )
        )
          await ack();
      },
      { formBlock: B.note, deps },
    ),
  );

  app.view<ViewSubmitAction>(
    CALLBACKS.appeal,
    afterAck(
      { key: "playbook.menu.appealNotRecorded" },
      async ({ ack, view, body }) => {
        const w = await formWords(deps, body.user.id);
        const c = await caseOfForm(deps, view, B.note, ack, w);
        if (!c) return;
        const state = readModalState(view.state.values);
        const stage = state[B.appealStage];
        const decisionDay = state[B.decisionDate];
        if (!stage || !Object.hasOwn(APPEAL_STAGES, stage))
          return ack(modalError(B.appealStage, w.t("playbook.appealForm.needStage")));
        if (!decisionDay || !dayStart(decisionDay))
          return ack(modalError(B.decisionDate, w.t("playbook.appealForm.needDay")));
        if (DateTime.fromISO(decisionDay, { zone }) > DateTime.fromJSDate(deps.now(), { zone }))
          return ack(modalError(B.decisionDate, w.t("playbook.appealForm.future")));
        const note = state[B.note]?.trim().slice(0, 2000);
        const actor = actorFor(body.user.id, config);
        const input = { stage: stage as AppealStage, decisionDay, zone, note };
        if (
          await changeFromForm(
            deps,
            c,
            actor.userId,
            B.note,
            ack,
            (fresh) => decideAppeal(fresh, actor, input, deps.now(), config.playbook.appeal),
            w,
          )
        )
          await ack();
      },
      { formBlock: B.note, deps },
    ),
  );
}
