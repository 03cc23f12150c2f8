// English words of the bot: the charts posted with the digest, summaries, return waves and ODR
// warnings (titles, axes, labels on the picture, and the text that says the same for who cannot see it).
// {{name}} is filled in, a key ending in _one/_other is chosen by {{count}} (given even where the text
// shows {{n}}, a formatted number).
export default {
  // luxon formats: a day on an axis ("Nov 21"), an hour ("18:00"), an hour of a day ("Nov 21, 18:00")
  dayFormat: "LLL d",
  hourFormat: "HH:mm",
  dayHourFormat: "LLL d, HH:mm",
  // between the items of a list inside a sentence
  listComma: ", ",
  listSemicolon: "; ",
  noData: "No cases in this period",
  activity: {
    title: "Cases opened per day, {{period}}",
    total_one: "{{n}} in all ({{previous}} in the period before)",
    total_other: "{{n}} in all ({{previous}} in the period before)",
    periodBefore: "Period before",
    replies: "First replies in time",
    target: "target {{percent}}%",
    topAsins: "Products with the most cases",
    asinBar: "{{n}} · {{cause}}",
    noRootCause: "no root cause yet",
    alt: "{{opened}} {{most}} {{replies}} {{products}}",
    altOpened_one: "Cases opened per day, {{period}}: {{n}} in all ({{previous}} in the period before).",
    altOpened_other: "Cases opened per day, {{period}}: {{n}} in all ({{previous}} in the period before).",
    altMost: "Most: {{types}}.",
    altType: "{{name}} {{n}}",
    altReplies: "First replies in time: {{percent}}% (target {{target}}%).",
    altNoReplies: "No first reply was due (target {{target}}%).",
    altProducts: "Top products: {{products}}.",
    altProduct_one: "{{asin}}: {{n}} case, mostly {{cause}}",
    altProduct_other: "{{asin}}: {{n}} cases, mostly {{cause}}",
    altProductNoCause_one: "{{asin}}: {{n}} case, no root cause yet",
    altProductNoCause_other: "{{asin}}: {{n}} cases, no root cause yet",
  },
  wave: {
    title: "Return wave: {{asin}}, cases per hour",
    subtitle: "The last {{hours}} hours, times in {{zone}}",
    perHour: "Cases per hour",
    usual: "usual rate",
    threshold: "wave threshold",
    alt_one:
      "Return wave for {{asin}}: {{n}} case in the last {{hours}} hours, at most {{peak}} in one hour ({{peakAt}}). Usually {{usual}} an hour; a wave from {{wave}} an hour.",
    alt_other:
      "Return wave for {{asin}}: {{n}} cases in the last {{hours}} hours, at most {{peak}} in one hour ({{peakAt}}). Usually {{usual}} an hour; a wave from {{wave}} an hour.",
  },
  odr: {
    title: "Order Defect Rate by marketplace (60 days)",
    subtitle: "Bars: the team's figure · black mark: Amazon's",
    limit: "{{limit}}% limit",
    bar: "{{percent}}%",
    barWithAmazon: "{{percent}}% · Amazon {{amazon}}%",
    noData: "No Order Defect Rate yet",
    alt: "Order Defect Rate over 60 days against the {{limit}}% limit: {{lines}}.",
    altLine: "{{marketplace}} {{percent}}%",
    altLineWithAmazon: "{{marketplace}} {{percent}}% (Amazon {{amazon}}%)",
    altNone: "No Order Defect Rate yet (the limit is {{limit}}%).",
  },
} as const;
