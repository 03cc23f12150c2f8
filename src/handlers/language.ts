// /case language [zh | en]: the language of what only this person sees (forms, private answers,
// the Home tab, direct messages); without a choice, the team's.
import type { RespondFn } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { parseLanguage, words } from "../i18n/i18n.ts";
import { setPersonLanguage } from "../store/people.ts";
import { escapeMrkdwn } from "../views/text.ts";
import { wordsFor } from "./kit.ts";

export async function answerLanguage(deps: AppDeps, userId: string, given: string, respond: RespondFn): Promise<void> {
  if (!given.trim()) {
    const w = await wordsFor(deps, userId);
    const team = w.t(deps.config.language === "en" ? "common.languageName_en" : "common.languageName_zh-CN");
    await respond({ response_type: "ephemeral", text: w.t("common.languageNow", { team }) });
    return;
  }
  const lang = parseLanguage(given);
  if (!lang) {
    const w = await wordsFor(deps, userId);
    await respond({
      response_type: "ephemeral",
      text: w.t("common.languageUnknown", { given: escapeMrkdwn(given.slice(0, 40)) }),
    });
    return;
  }
  await setPersonLanguage(deps.prisma, userId, lang);
  await respond({ response_type: "ephemeral", text: words(lang).t("common.languageSet") });
  // The Home tab follows at once.
  deps.homes.refresh([userId]);
}
