// English words of the bot: common. Keys are grouped by what they are for; {{name}} is filled in,
// a key ending in _one/_other is chosen by {{count}}.
export default {
  languageSet: "From now on I write to you in English.",
  languageNow:
    "I write to you in English (the team's language is {{team}}). Change it with `/case language zh` or `/case language en`.",
  languageUnknown:
    "“{{given}}” is not a language I speak. Use `/case language zh` for Chinese or `/case language en` for English.",
  languageName_en: "English",
  "languageName_zh-CN": "Chinese (简体中文)",
} as const;
