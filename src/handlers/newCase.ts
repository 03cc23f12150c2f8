// New cases from Slack: the new-case modal's submission and the "Create after-sales case" shortcut.
import type { App } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { findIdentifiers } from "../domain/amazon.ts";
import { fieldErrors, newCaseSchema } from "../domain/caseInput.ts";
import { caseNumber } from "../domain/vocabulary.ts";
import { CALLBACKS, NEW_CASE_BLOCKS } from "../ids.ts";
import { createCase } from "../store/cases.ts";
import { readModalState } from "../views/modalParts.ts";
import { type NewCaseMetadata, newCaseModal } from "../views/newCaseModal.ts";

export function register(app: App, deps: AppDeps): void {
  app.shortcut(CALLBACKS.messageShortcut, async ({ shortcut, ack, client, logger }) => {
    await ack();
    if (shortcut.type !== "message_action") return;
    const text = shortcut.message.text ?? "";
    const { orderId, asin } = findIdentifiers(text);
    try {
      await client.views.open({
        trigger_id: shortcut.trigger_id,
        view: newCaseModal({ orderId, asin, description: text }, { channelId: shortcut.channel.id }),
      });
    } catch (err) {
      logger.warn(`Could not open the new-case form from a message: ${(err as Error).message}`);
      await client.chat
        .postEphemeral({
          channel: shortcut.channel.id,
          user: shortcut.user.id,
          text: "Slack did not let me open the new-case form in time. Please try the shortcut again.",
        })
        .catch(() => {});
    }
  });

  app.view(CALLBACKS.newCase, async ({ ack, view, body, client, logger }) => {
    const state = readModalState(view.state.values);
    const b = NEW_CASE_BLOCKS;
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
      const errors: Record<string, string> = {};
      for (const e of fieldErrors(parsed.error)) {
        const block = b[e.path as keyof typeof b] ?? b.description;
        errors[block] ??= e.message;
      }
      await ack({ response_action: "errors", errors });
      return;
    }
    const meta = parseMetadata(view.private_metadata);
    // Stored before the modal closes, so a database problem is shown in the form, not lost.
    // The view id makes a repeated submission of the same form a no-op.
    let created: Awaited<ReturnType<typeof createCase>>;
    try {
      created = await createCase(
        deps.prisma,
        { ...parsed.data, source: "slack", externalId: view.id, createdById: body.user.id },
        {
          channelId: deps.config.casesChannel,
          clock: deps.config.clock,
          crisis: deps.config.crisis,
          now: deps.now(),
          logger,
          onDefect: deps.defectIn,
        },
      );
    } catch (err) {
      logger.error(`Could not store a new case: ${(err as Error).message}`);
      await ack({
        response_action: "errors",
        errors: { [b.description]: "The case could not be saved just now. Please press Create case again." },
      });
      return;
    }
    await ack();
    deps.wakeOutbox();
    if (created.created && meta.channelId && meta.channelId !== deps.config.casesChannel) {
      await client.chat
        .postEphemeral({
          channel: meta.channelId,
          user: body.user.id,
          text: `${caseNumber(created.case.number)} is created; its card is in <#${deps.config.casesChannel}>.`,
        })
        .catch(() => {}); // the bot may not be in that channel; the card itself is the confirmation
    }
  });
}

function parseMetadata(raw: string | undefined): NewCaseMetadata {
  try {
    return raw ? (JSON.parse(raw) as NewCaseMetadata) : {};
  } catch {
    return {};
  }
}
