// "Draft reply" on a card (a filled template, checked against Amazon's messaging rules, logged as
// the reply once sent) and `/case check` (the same check on any text).
import type { App, BlockAction, ButtonAction, StaticSelectAction, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { decideLogReply, refusalText } from "../domain/caseRules.ts";
import { checkReply } from "../domain/messagingPolicy.ts";
import { actorFor } from "../domain/people.ts";
import { ACTIONS, PLAYBOOK_BLOCKS as B, CALLBACKS } from "../ids.ts";
import { changeCase, findCase, lastEventAt } from "../store/cases.ts";
import { draftReplyModal, policyPassedModal, policyProblemsText } from "../views/draftReplyModal.ts";
import { resolveCaseMetadata } from "../views/modalMetadata.ts";
import { blockIdsByName, readModalState } from "../views/modalParts.ts";
import { formWords } from "./caseForms.ts";
import { afterAck, clicker, modalError, openModal, privately, readMetadata } from "./kit.ts";

export function register(app: App, deps: AppDeps): void {
  const { prisma, config } = deps;
  const settings = { playbook: config.playbook, zone: config.teamTimezone };

  app.action<BlockAction<ButtonAction>>(
    ACTIONS.draftReply,
    afterAck(
      { key: "playbook.draft.notOpened" },
      async ({ ack, body, action, client, logger }) => {
        await ack();
        const tell = privately(client, clicker(body), logger);
        const w = await formWords(deps, body.user.id);
        if (!actorFor(body.user.id, config).isAgent) return tell(w.t("playbook.draft.notAgent"));
        const c = await findCase(prisma, Number(action.value));
        if (!c) return tell(w.t("playbook.menu.gone"));
        await openModal({
          client,
          triggerId: body.trigger_id,
          view: draftReplyModal(c, settings, undefined, w),
          form: w.t("playbook.draft.form"),
          again: w.t("playbook.draft.again"),
          tell,
          logger,
          words: w,
        });
      },
      { deps },
    ),
  );

  // Another template: the same form with its text.
  app.action<BlockAction<StaticSelectAction>>(ACTIONS.draftTemplate, async ({ ack, body, action, client, logger }) => {
    await ack();
    const view = body.view;
    const meta = view && readMetadata(view.private_metadata, resolveCaseMetadata);
    if (!view || !meta) return;
    const c = await findCase(prisma, meta.caseId).catch(() => null);
    if (!c) return;
    try {
      const w = await formWords(deps, body.user.id);
      await client.views.update({
        view_id: view.id,
        hash: view.hash,
        view: draftReplyModal(c, settings, action.selected_option.value, w),
      });
    } catch (err) {
      logger.debug(`The reply draft was not updated: ${(err as Error).message}`);
    }
  });

  app.view<ViewSubmitAction>(
    CALLBACKS.draftReply,
    afterAck(
      { key: "playbook.draft.notLogged" },
      async ({ ack, view, body }) => {
        const textBlock = blockIdsByName(view.state.values)[B.text] ?? B.text;
        const w = await formWords(deps, body.user.id);
        const meta = readMetadata(view.private_metadata, resolveCaseMetadata);
        const c = meta ? await findCase(prisma, meta.caseId) : null;
        if (!c) return ack(modalError(textBlock, w.t("playbook.draft.caseGone")));
        const state = readModalState(view.state.values);
        const text = state[B.text] ?? "";
        const problems = checkReply(text);
        const sentAnyway = state[B.sentAnyway] === "yes";
        if (problems.length && !sentAnyway)
          return ack(
            modalError(textBlock, w.t("playbook.draft.rulesBroken", { problems: policyProblemsText(problems, w) })),
          );
        const actor = actorFor(body.user.id, config);
        const result = await changeCase(
          prisma,
          c.id,
          actor.userId,
          async (fresh) => {
            const last = await lastEventAt(prisma, fresh.id, "replied", actor.userId);
            const decision = decideLogReply(fresh, actor, deps.now(), last);
            // A reply sent with flagged words is on record as such.
            if (decision.ok && problems.length)
              decision.event.detail = { ...decision.event.detail, policy: problems.map((p) => p.rule) };
            return decision;
          },
          deps.now(),
        );
        if (!result.ok) return ack(modalError(textBlock, refusalText(w, result)));
        await ack();
        deps.wakeOutbox();
      },
      { formBlock: B.template, deps },
    ),
  );

  app.view<ViewSubmitAction>(
    CALLBACKS.policyCheck,
    afterAck(
      { key: "playbook.check.notChecked" },
      async ({ ack, view, body }) => {
        const text = readModalState(view.state.values)[B.text] ?? "";
        const problems = checkReply(text);
        const w = await formWords(deps, body.user.id);
        if (problems.length)
          return ack(modalError(B.text, w.t("playbook.check.rules", { problems: policyProblemsText(problems, w) })));
        await ack({ response_action: "update", view: policyPassedModal(text, w) });
      },
      { formBlock: B.text, deps },
    ),
  );
}
