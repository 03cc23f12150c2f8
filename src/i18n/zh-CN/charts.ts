// 简体中文: charts. Same keys and {{placeholders}} as the English catalog (checked by the compiler and
// by test/unit/catalogs.test.ts).
import type { Translation } from "../catalog.ts";
import type en from "../en/charts.ts";

export default {
  dayFormat: "M月d日",
  hourFormat: "HH:mm",
  dayHourFormat: "M月d日 HH:mm",
  listComma: "、",
  listSemicolon: "；",
  noData: "本期没有工单",
  activity: {
    title: "每日新建工单，{{period}}",
    total_one: "共 {{n}} 个（上期 {{previous}} 个）",
    total_other: "共 {{n}} 个（上期 {{previous}} 个）",
    periodBefore: "上期",
    replies: "首次回复准时率",
    target: "目标 {{percent}}%",
    topAsins: "工单最多的商品",
    asinBar: "{{n}} 个 · {{cause}}",
    noRootCause: "尚无根本原因",
    alt: "{{opened}}{{most}}{{replies}}{{products}}",
    altOpened_one: "每日新建工单，{{period}}：共 {{n}} 个（上期 {{previous}} 个）。",
    altOpened_other: "每日新建工单，{{period}}：共 {{n}} 个（上期 {{previous}} 个）。",
    altMost: "最多的类型：{{types}}。",
    altType: "{{name}} {{n}} 个",
    altReplies: "首次回复准时率：{{percent}}%（目标 {{target}}%）。",
    altNoReplies: "没有到期的首次回复（目标 {{target}}%）。",
    altProducts: "工单最多的商品：{{products}}。",
    altProduct_one: "{{asin}}：{{n}} 个工单，主要原因为{{cause}}",
    altProduct_other: "{{asin}}：{{n}} 个工单，主要原因为{{cause}}",
    altProductNoCause_one: "{{asin}}：{{n}} 个工单，尚无根本原因",
    altProductNoCause_other: "{{asin}}：{{n}} 个工单，尚无根本原因",
  },
  wave: {
    title: "退货激增：{{asin}} 每小时工单数",
    subtitle: "最近 {{hours}} 小时，时间按 {{zone}}",
    perHour: "每小时工单数",
    usual: "平常水平",
    threshold: "退货激增阈值",
    alt_one:
      "{{asin}} 退货激增：最近 {{hours}} 小时共 {{n}} 个工单，单小时最多 {{peak}} 个（{{peakAt}}）。平常每小时 {{usual}} 个；每小时达到 {{wave}} 个即为退货激增。",
    alt_other:
      "{{asin}} 退货激增：最近 {{hours}} 小时共 {{n}} 个工单，单小时最多 {{peak}} 个（{{peakAt}}）。平常每小时 {{usual}} 个；每小时达到 {{wave}} 个即为退货激增。",
  },
  odr: {
    title: "各站点订单缺陷率 (ODR)（60 天）",
    subtitle: "条形：团队估算 · 黑色标记：亚马逊数据",
    limit: "上限 {{limit}}%",
    bar: "{{percent}}%",
    barWithAmazon: "{{percent}}% · 亚马逊 {{amazon}}%",
    noData: "暂无订单缺陷率 (ODR) 数据",
    alt: "60 天订单缺陷率 (ODR)，上限 {{limit}}%：{{lines}}。",
    altLine: "{{marketplace}} {{percent}}%",
    altLineWithAmazon: "{{marketplace}} {{percent}}%（亚马逊 {{amazon}}%）",
    altNone: "暂无订单缺陷率 (ODR) 数据（上限 {{limit}}%）。",
  },
} satisfies Translation<typeof en>;
