// 简体中文: common. Same keys and {{placeholders}} as the English catalog (checked by the compiler and
// by test/unit/catalogs.test.ts).
import type { Translation } from "../catalog.ts";
import type en from "../en/common.ts";

export default {
  languageSet: "好的，以后我用中文和你交流。",
  languageNow: "我现在用中文和你交流（团队语言：{{team}}）。用 `/case language zh` 或 `/case language en` 切换。",
  languageUnknown: "我不会“{{given}}”这种语言。中文请用 `/case language zh`，英文请用 `/case language en`。",
  languageName_en: "英文 (English)",
  "languageName_zh-CN": "简体中文",
} satisfies Translation<typeof en>;
