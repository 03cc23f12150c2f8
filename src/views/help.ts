// The /case help text: every subcommand (in Chinese beside the English words the bot accepts) and
// every button of a case card.
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { COMMAND } from "../ids.ts";

export function helpText(problem?: string, w: Words = ENGLISH): string {
  const cmd = COMMAND;
  const lines = [
    ...(problem ? [`:warning: ${problem}`, ""] : []),
    w.t("commands.help.title", { cmd }),
    w.t("commands.help.new", { cmd }),
    w.t("commands.help.summary", { cmd }),
    w.t("commands.help.list", { cmd }),
    w.t("commands.help.find", { cmd }),
    w.t("commands.help.show", { cmd }),
    w.t("commands.help.orders", { cmd }),
    w.t("commands.help.amazon", { cmd }),
    w.t("commands.help.import", { cmd }),
    w.t("commands.help.health", { cmd }),
    w.t("commands.help.check", { cmd }),
    w.t("commands.help.language", { cmd }),
    w.t("commands.help.routing", { cmd }),
    w.t("commands.help.away", { cmd }),
    w.t("commands.help.help", { cmd }),
    "",
    w.t("commands.help.cardTitle"),
    w.t("commands.help.claim"),
    w.t("commands.help.logReply"),
    w.t("commands.help.resolve"),
    w.t("commands.help.draftReply"),
    w.t("commands.help.more"),
    w.t("commands.help.takeOver"),
    w.t("commands.help.reopen"),
    "",
    w.t("commands.help.shortcut"),
  ];
  return lines.join("\n");
}

/** The help after a word that is not a command: what was typed, then the list. */
export const unknownCommandHelp = (typed: string, w: Words = ENGLISH): string =>
  helpText(w.t("commands.help.unknown", { cmd: COMMAND, sub: typed }), w);
