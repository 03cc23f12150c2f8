// Every word the bot writes, one catalog per language, grouped by what it is for (one file per
// group in en/ and zh-CN/). The Chinese catalog has the English one's shape: a missing or extra key
// is a compile error; test/unit/catalogs.test.ts also checks that no {{placeholder}} is dropped.
import enAlerts from "./en/alerts.ts";
import enCard from "./en/card.ts";
import enCharts from "./en/charts.ts";
import enCommands from "./en/commands.ts";
import enCommon from "./en/common.ts";
import enForms from "./en/forms.ts";
import enHome from "./en/home.ts";
import enPlaybook from "./en/playbook.ts";
import enReports from "./en/reports.ts";
import enRouting from "./en/routing.ts";
import enVocabulary from "./en/vocabulary.ts";
import zhAlerts from "./zh-CN/alerts.ts";
import zhCard from "./zh-CN/card.ts";
import zhCharts from "./zh-CN/charts.ts";
import zhCommands from "./zh-CN/commands.ts";
import zhCommon from "./zh-CN/common.ts";
import zhForms from "./zh-CN/forms.ts";
import zhHome from "./zh-CN/home.ts";
import zhPlaybook from "./zh-CN/playbook.ts";
import zhReports from "./zh-CN/reports.ts";
import zhRouting from "./zh-CN/routing.ts";
import zhVocabulary from "./zh-CN/vocabulary.ts";

/** A catalog in another language: the same keys, each a string. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

export const en = {
  common: enCommon,
  vocabulary: enVocabulary,
  card: enCard,
  forms: enForms,
  commands: enCommands,
  reports: enReports,
  alerts: enAlerts,
  home: enHome,
  playbook: enPlaybook,
  charts: enCharts,
  routing: enRouting,
};

export const zhCN: Translation<typeof en> = {
  common: zhCommon,
  vocabulary: zhVocabulary,
  card: zhCard,
  forms: zhForms,
  commands: zhCommands,
  reports: zhReports,
  alerts: zhAlerts,
  home: zhHome,
  playbook: zhPlaybook,
  charts: zhCharts,
  routing: zhRouting,
};

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** "card.cases_one" and "card.cases_other" are one key, "card.cases", chosen by {{count}}. */
type Unplural<K> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K;

/** A key of the catalogs, e.g. "card.claimedBy". */
export type Key = Unplural<Leaves<typeof en>>;
