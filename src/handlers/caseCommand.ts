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
import { COMMAND } from "../ids.ts";
import { policyCheckModal } from "../views/draftReplyModal.ts";
import { helpText } from "../views/help.ts";
import { importModal } from "../views/importModal.ts";
import { newCaseModal } from "../views/newCaseModal.ts";
import { escapeMrkdwn } from "../views/text.ts";
import { answerAmazon } from "./amazon.ts";
import { answerFind, answerShow } from "./caseFind.ts";
import { afterAck, openModal, replyPrivately } from "./kit.ts";
import { answerLanguage } from "./language.ts";
import { answerHealth, answerList, answerOrders, answerSummary, retryFailedDeliveries } from "./reports.ts";
import { importSlackFile, recentlySharedFile } from "./returnsImport.ts";

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** "`/case import` could not be finished": names the subcommand the person typed. */
function commandFailed({ command }: CommandArgs): string {
  const sub = command.text.trim().split(/\s+/)[0];
  return `\`${COMMAND}${sub ? ` ${sub}` : ""}\` could not be finished`;
}

export function register(app: App, deps: AppDeps): void {
  app.command(
    COMMAND,
    afterAck<CommandArgs>(commandFailed, async ({ command, ack, client, respond, logger }) => {
      const [typed = "", ...rest] = command.text.trim().split(/\s+/);
      const sub = subcommand(typed);
      const tell = replyPrivately(respond, logger);
      switch (sub) {
        case "new": {
          await ack();
          // The trigger id expires 3 s after the command: open the modal before anything else.
          const { orderId, asin } = findIdentifiers(rest.join(" "));
          await openModal({
            client,
            triggerId: command.trigger_id,
            view: newCaseModal({ orderId, asin }, { channelId: command.channel_id }),
            form: "the new-case form",
            again: "Please run `/case new` again.",
            tell,
            logger,
          });
          return;
        }
        case "import": {
          await ack();
          const refusal = mayImportReturns(actorFor(command.user_id, deps.config));
          if (refusal) return tell(refusal);
          // A report shared in this channel just before the command is imported straight away.
          const shared = await recentlySharedFile(client, command.channel_id, command.user_id, deps.now(), logger);
          if (shared) {
            await respond({
              response_type: "ephemeral",
              text: `Importing ${shared.name ? escapeMrkdwn(shared.name) : "the report you shared"}… a summary follows here.`,
            });
            await importSlackFile(deps, client, shared.id, command.channel_id, command.user_id, logger);
            return;
          }
          await openModal({
            client,
            triggerId: command.trigger_id,
            view: importModal(command.channel_id),
            form: "the import form",
            again: "Please run `/case import` again.",
            tell,
            logger,
          });
          return;
        }
        case "check": {
          await ack();
          await openModal({
            client,
            triggerId: command.trigger_id,
            view: policyCheckModal(),
            form: "the reply check",
            again: "Please run `/case check` again.",
            tell,
            logger,
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
            if ((which === "find" || which === "show") && !asker.isAgent)
              await tell(
                "Only after-sales agents and leads can look up cases: they hold buyers' details. Ask a lead to add you to the agents.",
              );
            else if (which === "find") await answerFind(deps, rest.join(" "), respond);
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
              );
            else if (which === "summary") await answerSummary(deps, rest.join(" "), respond);
            else if (which === "orders") {
              const refusal = mayRecordOrders(actorFor(command.user_id, deps.config));
              if (refusal) await tell(refusal);
              else await answerOrders(deps, rest, respond);
            } else if (which === "health") {
              const refusal = maySeeDeliveryHealth(actorFor(command.user_id, deps.config));
              if (refusal) await tell(refusal);
              else if (argument(rest[0] ?? "").toLowerCase() === "retry") await retryFailedDeliveries(deps, respond);
              else await answerHealth(deps, respond);
            } else if (which === "amazon") {
              const refusal = mayManageAmazon(asker);
              if (refusal) await tell(refusal);
              else await answerAmazon(deps, respond);
            } else await answerList(deps, rest.join(" "), command.user_id, respond);
          } catch (err) {
            logger.error(`/case ${sub} failed: ${(err as Error).message}`);
            await tell(`Sorry, \`/case ${sub}\` could not be answered just now. Please try again in a moment.`);
          }
          return;
        }
        case "language": {
          await ack();
          await answerLanguage(deps, command.user_id, rest.join(" "), respond);
          return;
        }
        case "":
        case "help":
          await ack({ response_type: "ephemeral", text: helpText() });
          return;
        default:
          await ack({
            response_type: "ephemeral",
            text: helpText(`\`${COMMAND} ${sub}\` is not a command I know. Here is what I can do:`),
          });
      }
    }),
  );
}
