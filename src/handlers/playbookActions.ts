// The card's "⋯" menu: check the return window, mark the return received (the refund clock),
// suspect abuse (with the buyer's other cases), and appeal to Amazon; and the forms behind them.
import type { App, BlockAction, OverflowAction, ViewSubmitAction } from "@slack/bolt";
import { DateTime } from "luxon";
import type { AppDeps } from "../deps.ts";
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
import { caseOfForm, changeFromForm } from "./caseForms.ts";
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
    afterAck("that step could not be started", async ({ ack, body, action, client, logger }) => {
      await ack();
      const tell = privately(client, clicker(body), logger);
      const [what, id] = action.selected_option.value.split(":");
      const caseId = Number(id);
      const c = Number.isSafeInteger(caseId) && caseId > 0 ? await findCase(prisma, caseId) : null;
      if (!c) return tell("That case no longer exists.");
      const actor = actorFor(body.user.id, config);
      const form = (view: Parameters<typeof openModal>[0]["view"], name: string) =>
        openModal({
          client,
          triggerId: body.trigger_id,
          view,
          form: name,
          again: "Please pick it again from ⋯.",
          tell,
          logger,
        });

      switch (what) {
        case MORE_OPTIONS.addNote: {
          const refusal = mayWorkOn(c, actor, "add notes", true);
          if (refusal) return tell(refusal.message);
          await form(noteModal(c), "the note form");
          return;
        }
        case MORE_OPTIONS.waiting: {
          const refusal = mayWorkOn(c, actor, "mark waiting on the buyer");
          if (refusal) return tell(refusal.message);
          await form(waitingModal(c, zone, deps.now()), "the waiting form");
          return;
        }
        case MORE_OPTIONS.returnCheck: {
          const refusal = mayWorkOn(c, actor, "check returns");
          if (refusal) return tell(refusal.message);
          await form(returnCheckModal(c, config.playbook, zone), "the return check");
          return;
        }
        case MORE_OPTIONS.returnReceived: {
          if (!isReturnCase(c)) return tell("Only returns, refunds and replacements have a return to receive.");
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
          if (!result.ok) return tell(result.message);
          deps.wakeOutbox();
          return;
        }
        case MORE_OPTIONS.suspectAbuse: {
          const refusal = mayWorkOn(c, actor, "mark suspected abuse", true);
          if (refusal) return tell(refusal.message);
          // The form opens first (the trigger id expires in 3 s); the buyer's other cases follow.
          const opened = await client.views
            .open({ trigger_id: body.trigger_id, view: abuseModal(c, undefined) })
            .catch(async (err) => {
              logger.warn(`Could not open the abuse form: ${(err as Error).message}`);
              await tell("Slack did not let me open the abuse form in time. Please pick it again from ⋯.");
              return undefined;
            });
          const viewId = opened?.view?.id;
          if (!viewId) return;
          const related = await relatedCases(prisma, c);
          await client.views
            .update({ view_id: viewId, view: abuseModal(c, related) })
            .catch((err) => logger.debug(`The abuse form was not updated: ${(err as Error).message}`));
          return;
        }
        case MORE_OPTIONS.appeal: {
          const refusal = mayWorkOn(c, actor, "record appeals", true);
          if (refusal) return tell(refusal.message);
          await form(appealModal(c, config.playbook, zone, deps.now()), "the appeal form");
          return;
        }
        default:
          logger.warn(`Unknown choice in a card's menu: ${action.selected_option.value.slice(0, 100)}`);
          return tell("That choice is not known any more; the card may be old. Pick again from the case's card.");
      }
    }),
  );

  app.view<ViewSubmitAction>(
    CALLBACKS.returnCheck,
    afterAck(
      "the return was not checked",
      async ({ ack, view, body }) => {
        const c = await caseOfForm(deps, view, B.deliveredAt, ack);
        if (!c) return;
        const state = readModalState(view.state.values);
        const orderDate = dayStart(state[B.orderDate]);
        const deliveredAt = dayStart(state[B.deliveredAt]);
        const condition = state[B.condition];
        if (!orderDate && !deliveredAt)
          return ack(
            modalError(B.deliveredAt, "Give the delivery day, or the order day if the delivery day is not known."),
          );
        if (orderDate && deliveredAt && deliveredAt < orderDate)
          return ack(modalError(B.deliveredAt, "The delivery day is before the order day; check both."));
        const latest = deliveredAt ?? orderDate;
        if (latest && latest > deps.now())
          return ack(
            modalError(
              deliveredAt ? B.deliveredAt : B.orderDate,
              "That day is still to come; pick a day that has passed.",
            ),
          );
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
          !(await changeFromForm(deps, c, actor.userId, B.deliveredAt, ack, (fresh) =>
            decideReturnCheck(fresh, actor, input, deps.now()),
          ))
        )
          return;
        await ack({ response_action: "update", view: returnVerdictModal(c, eligibility) });
      },
      { formBlock: B.deliveredAt },
    ),
  );

  app.view<ViewSubmitAction>(
    CALLBACKS.suspectAbuse,
    afterAck(
      "the case was not marked",
      async ({ ack, view, body }) => {
        const c = await caseOfForm(deps, view, B.note, ack);
        if (!c) return;
        const state = readModalState(view.state.values);
        const evidence = (state[B.evidence] ?? "")
          .split(",")
          .filter((k): k is AbuseEvidence => Object.hasOwn(ABUSE_EVIDENCE, k));
        const note = state[B.note]?.trim().slice(0, 2000);
        const actor = actorFor(body.user.id, config);
        if (
          await changeFromForm(deps, c, actor.userId, B.note, ack, (fresh) =>
            decideSuspectAbuse(fresh, actor, { evidence, note }, deps.now()),
          )
        )
          await ack();
      },
      { formBlock: B.note },
    ),
  );

  app.view<ViewSubmitAction>(
    CALLBACKS.appeal,
    afterAck(
      "the appeal was not recorded",
      async ({ ack, view, body }) => {
        const c = await caseOfForm(deps, view, B.note, ack);
        if (!c) return;
        const state = readModalState(view.state.values);
        const stage = state[B.appealStage];
        const decisionDay = state[B.decisionDate];
        if (!stage || !Object.hasOwn(APPEAL_STAGES, stage))
          return ack(modalError(B.appealStage, "Choose the stage of the appeal."));
        if (!decisionDay || !dayStart(decisionDay))
          return ack(modalError(B.decisionDate, "Pick the day Amazon decided."));
        if (DateTime.fromISO(decisionDay, { zone }) > DateTime.fromJSDate(deps.now(), { zone }))
          return ack(modalError(B.decisionDate, "That day is still to come; pick the day Amazon decided."));
        const note = state[B.note]?.trim().slice(0, 2000);
        const actor = actorFor(body.user.id, config);
        const input = { stage: stage as AppealStage, decisionDay, zone, note };
        if (
          await changeFromForm(deps, c, actor.userId, B.note, ack, (fresh) =>
            decideAppeal(fresh, actor, input, deps.now(), config.playbook.appeal),
          )
        )
          await ack();
      },
      { formBlock: B.note },
    ),
  );
}
