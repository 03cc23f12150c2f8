// New cases from Slack: the new-case modal's submission and the "Create after-sales case" shortcut.
import type { App, MessageShortcut, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { findIdentifiers } from "../domain/amazon.ts";
import { newCaseSchema } from "../domain/caseInput.ts";
import { caseNumber } from "../domain/vocabulary.ts";
import { CALLBACKS, NEW_CASE_BLOCKS } from "../ids.ts";
import type { CreatedCase } from "../store/cases.ts";
import { newCaseMetadata } from "../views/modalMetadata.ts";
import { formErrors, readModalState } from "../views/modalParts.ts";
import { newCaseModal, newCaseProblem } from "../views/newCaseModal.ts";
import { formWords } from "./caseForms.ts";
import { afterAck, modalError, openModal, privately, readMetadata, tellPrivately } from "./kit.ts";
import { storeNewCase } from "./storeNewCase.ts";

export function register(app: App, deps: AppDeps): void {
  app.shortcut<MessageShortcut>(
    CALLBACKS.messageShortcut,
    afterAck(
      { key: "forms.failed.newCaseForm" },
      async ({ shortcut, ack, client, logger }) => {
        await ack();
        // The trigger id expires 3 s after the click: one quick look-up of the person's language, then the form.
        const w = await formWords(deps, shortcut.user.id);
        const text = shortcut.message.text ?? "";
        const { orderId, asin } = findIdentifiers(text);
        await openModal({
          client,
          triggerId: shortcut.trigger_id,
          view: newCaseModal({ orderId, asin, description: text }, { channelId: shortcut.channel.id }, w),
          form: w.t("commands.forms.newCase"),
          again: w.t("forms.open.shortcutAgain"),
          tell: privately(client, { userId: shortcut.user.id, channelId: shortcut.channel.id }, logger),
          logger,
          words: w,
        });
      },
      { deps },
    ),
  );

  const b = NEW_CASE_BLOCKS;
  app.view<ViewSubmitAction>(
    CALLBACKS.newCase,
    afterAck(
      { key: "forms.failed.caseNotSaved" },
      async ({ ack, view, body, client, logger }) => {
        const w = await formWords(deps, body.user.id);
        const state = readModalState(view.state.values);
        const parsed = newCaseSchema.safeParse({
          orderId: state[b.orderId],
          asin: state[b.asin],
          sku: state[b.sku],
          marketplace: state[b.marketplace],
          category: state[b.category],
          priority: state[b.priority],
          orderValue: state[b.orderValue],
          currency: state[b.currency],
          buyerName: state[b.buyerName],
          description: state[b.description],
        });
        if (!parsed.success) {
          // The rules' messages are the intake API's English: the form says each in the person's words.
          await ack(
            formErrors(
              parsed.error.issues.map((issue) => newCaseProblem(w, issue)),
              b,
              b.description,
            ),
          );
          return;
        }
        // Only a courtesy note depends on it: a form whose metadata cannot be read still creates the case.
        const meta = readMetadata(view.private_metadata, newCaseMetadata) ?? {};
        // Stored before the modal closes, so a database problem is shown in the form, not lost.
        // The view id makes a repeated submission of the same form a no-op.
        let created: CreatedCase;
        try {
          created = await storeNewCase(
            deps,
            { ...parsed.data, source: "slack", externalId: view.id, createdById: body.user.id },
            logger,
          );
        } catch (err) {
          logger.error(`Could not store a new case: ${(err as Error).message}`);
          await ack(modalError(b.description, w.t("forms.newCase.saveFailed")));
          return;
        }
        await ack();
        deps.wakeOutbox();
        if (created.created && meta.channelId && meta.channelId !== deps.config.casesChannel) {
          // The bot may not be in that channel; then the card itself is the confirmation.
          await tellPrivately(
            client,
            { userId: body.user.id, channelId: meta.channelId },
            w.t("forms.newCase.created", {
              number: caseNumber(created.case.number),
              channel: deps.config.casesChannel,
            }),
            logger,
            { directMessageIfRefused: false },
          );
        }
      },
      { formBlock: b.description, deps },
    ),
  );
}
