// The /case slash command: subcommands, each answered privately to whoever typed it.
import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { findIdentifiers } from "../domain/amazon.ts";
import { argument, subcommand } from "../domain/commandWords.ts";
import {
  actorFor,
  mayImportReturns,
  mayManageAmazon,
  mayRecordOrders,
  maySeeDeliveryHealth,
} from "../domain/people.ts";
import { type Said, say } from "../i18n/i18n.ts";
import { COMMAND } from "../ids.ts";
import { policyCheckModal } from "../views/draftReplyModal.ts";
import { helpText, unknownCommandHelp } from "../views/help.ts";
import { importModal } from "../views/importModal.ts";
import { newCaseModal } from "../views/newCaseModal.ts";
import { escapeMrkdwn } from "../views/text.ts";
import { answerAmazon } from "./amazon.ts";
import { answerFind, answerShow } from "./caseFind.ts";
import { afterAck, openModal, replyPrivately, teamWords, wordsFor } from "./kit.ts";
import { answerLanguage } from "./language.ts";
import { answerHealth, answerList, answerOrders, answerSummary, retryFailedDeliveries } from "./reports.ts";
import { importSlackFile, recentlySharedFile } from "./returnsImport.ts";
import { answerRouting, changeAway } from "./routing.ts";

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** "`/case import` could not be finished": names the subcommand the person typed. */
function commandFailed({ command }: CommandArgs): Said {
  const sub = command.text.trim().split(/\s+/)[0];
  return { key: "commands.failed.command", params: { command: `${COMMAND}${sub ? ` ${escapeMrkdwn(sub)}` : ""}` } };
}

export function register(app: App, deps: AppDeps): void {
  app.command(
    COMMAND,
    afterAck<CommandArgs>(
      commandFailed,
      async ({ command, ack, client, respond, logger }) => {
        const [typed = "", ...rest] = command.text.trim().split(/\s+/);
        const sub = subcommand(typed);
        const tell = replyPrivately(respond, logger);
        // Everything /case answers is private: in the asker's language.
        const w = await wordsFor(deps, command.user_id).catch(() => teamWords(deps.config));
        const refuse = (refusal: Said) => tell(say(w, refusal));
        switch (sub) {
          case "new": {
            await ack();
            // The trigger id expires 3 s after the command: open the modal before anything else.
            const { orderId, asin } = findIdentifiers(rest.join(" "));
            await openModal({
              client,
              triggerId: command.trigger_id,
              view: newCaseModal({ orderId, asin }, { channelId: command.channel_id }, w),
              form: w.t("commands.forms.newCase"),
              again: w.t("commands.forms.newCaseAgain"),
              tell,
              logger,
              words: w,
            });
            return;
          }
          case "import": {
            await ack();
            const refusal = mayImportReturns(actorFor(command.user_id, deps.config));
            if (refusal) return refuse(refusal);
            // A report shared in this channel just before the command is imported straight away.
            const shared = await recentlySharedFile(client, command.channel_id, command.user_id, deps.now(), logger);
            if (shared) {
              await respond({
                response_type: "ephemeral",
                text: shared.name
                  ? w.t("commands.import.importing", { name: escapeMrkdwn(shared.name) })
                  : w.t("commands.import.importingShared"),
              });
              await importSlackFile(deps, client, shared.id, command.channel_id, command.user_id, logger);
              return;
            }
            await openModal({
              client,
              triggerId: command.trigger_id,
              view: importModal(command.channel_id, w),
              form: w.t("commands.forms.import"),
              again: w.t("commands.forms.importAgain"),
              tell,
              logger,
              words: w,
            });
            return;
          }
          case "check": {
            await ack();
            await openModal({
              client,
              triggerId: command.trigger_id,
              view: policyCheckModal(w),
              form: w.t("commands.forms.check"),
              again: w.t("commands.forms.checkAgain"),
              tell,
              logger,
              words: w,
            });
            return;
          }
          case "find":
          case "show":
          case "summary":
          case "orders":
          case "health":
          case "amazon":
          case "list": {
            // Acknowledge first: a report over many cases may take longer than Slack waits.
            await ack();
            try {
              const which = sub;
              const asker = actorFor(command.user_id, deps.config);
              if ((which === "find" || which === "show") && !asker.isAgent) await tell(w.t("commands.refusals.lookUp"));
              else if (which === "find") await answerFind(deps, rest.join(" "), respond, 0, w);
              else if (which === "show")
                await answerShow(
                  deps,
                  rest.join(" "),
                  respond,
                  (channel, ts) =>
                    client.chat.getPermalink({ channel, message_ts: ts }).then(
                      (r) => r.permalink,
                      () => undefined,
                    ),
                  asker.isLead,
                  w,
                );
              else if (which === "summary") await answerSummary(deps, rest.join(" "), command.user_id, respond, w);
              else if (which === "orders") {
                const refusal = mayRecordOrders(actorFor(command.user_id, deps.config));
                if (refusal) await refuse(refusal);
                else await answerOrders(deps, rest, respond, w);
              } else if (which === "health") {
                const refusal = maySeeDeliveryHealth(actorFor(command.user_id, deps.config));
                if (refusal) await refuse(refusal);
                else if (argument(rest[0] ?? "").toLowerCase() === "retry")
                  await retryFailedDeliveries(deps, respond, w);
                else await answerHealth(deps, respond, w);
              } else if (which === "amazon") {
                const refusal = mayManageAmazon(asker);
                if (refusal) await refuse(refusal);
                else await answerAmazon(deps, respond, undefined, false, w);
              } else await answerList(deps, rest.join(" "), command.user_id, respond, w);
            } catch (err) {
              logger.error(`/case ${sub} failed: ${(err as Error).message}`);
              await tell(w.t("commands.failed.answer", { cmd: COMMAND, sub }));
            }
            return;
          }
          case "language": {
            await ack();
            await answerLanguage(deps, command.user_id, rest.join(" "), respond);
            return;
          }
          case "routing": {
            await ack();
            await answerRouting(deps, command.user_id, respond, w);
            return;
          }
          case "away": {
            await ack();
            await tell((await changeAway(deps, command.user_id, rest.join(" "), w)).text);
            return;
          }
          case "":
          case "help":
            await ack({ response_type: "ephemeral", text: helpText(undefined, w) });
            return;
          default:
            await ack({ response_type: "ephemeral", text: unknownCommandHelp(escapeMrkdwn(sub), w) });
        }
      },
      { deps },
    ),
  );
}
