// 简体中文: home. Same keys and {{placeholders}} as the English catalog (checked by the compiler and
// by test/unit/catalogs.test.ts).
import type { Translation } from "../catalog.ts";
import type en from "../en/home.ts";

export default {
  myCases: "我的工单（{{n}}）",
  nothingMine: "目前没有需要你处理的工单。可以在下方或售后工单频道认领工单。",
  caseLine: "{{case}} · *{{category}}* · {{priority}} · {{age}}前创建",
  logReply: "记录回复",
  resolve: "结案",
  draftReply: "起草回复",
  reassign: "转交",
  assign: "分配",
  claim: "认领",
  more: "…还有 {{n}} 个：{{where}}",
  manyMore: "…还有很多：{{where}}",
  waiting: "*等待买家回复（{{n}}）*",
  waitingLine: "{{case}} · {{category}} · {{date}} 跟进",
  needsSomeone: "待认领（{{n}}）",
  noneNeedsSomeone: "没有临近截止时间的未认领工单。",
  team: "团队今日概况",
  nobodyHolds: "目前没有人持有工单",
  noOrders: "尚未记录订单量（`/case orders`）",
  teamSummary:
    "*未结：* {{open}} · *未认领：* {{unclaimed}} · *超时：* {{overdue}}\n*每位客服的未结工单：* {{loads}}\n*订单缺陷率 (ODR)：* {{odr}}",
  findLabel: "查找工单",
  findHint: "输入订单号、ASIN、SKU、买家姓名或关键词，按回车。",
  findPlaceholder: "114-2962899-5762619、B00TZ73MUY、买家姓名、拉链坏了…",
  searchLine: "{{case}} · {{category}} · {{status}} · 订单号 {{order}}",
  matching: "*与“{{query}}”匹配的工单*（{{total}} 个，最新的在前）",
  noMatch: "没有与“{{query}}”匹配的工单。",
  language: ":globe_with_meridians: 此页面、表单和仅你可见的回复使用中文。",
  away: {
    ask: "*要外出吗？* 选择你回来的日期。",
    until: "*你外出至 {{until}}* — 新工单不会分配给你。",
    pickDay: "选择日期",
    changeDay: "更改日期",
    back: "我回来了",
    notChanged: "外出日期没有修改",
    notBack: "没能把你标记为已回来",
  },
  outsiderTitle: "售后工作台",
  outsiderBody:
    "这个应用管理售后团队的工单：退货、退款、A-to-z 索赔、差评。工单包含买家信息，因此只对团队的客服和主管显示。如果你负责处理工单，请让主管把你加入客服名单。",
} satisfies Translation<typeof en>;
