// 简体中文: alerts. Same keys and {{placeholders}} as the English catalog (checked by the compiler and
// by test/unit/catalogs.test.ts).
import type { Translation } from "../catalog.ts";
import type en from "../en/alerts.ts";

export default {
  playbook:
    ":books: *处理建议：* 不要一律拒绝退货（会把退货变成投诉）· 符合条件的退货批量处理 · 指定一人专门跟进 · 及时告知买家处理进度。",
  wave: {
    head: ":rotating_light: 退货激增：{{subject}}",
    headCleared: ":white_check_mark: 已解除：{{subject}} 的退货激增",
    subject: "*{{subject}}*",
    subjectSkus: "*{{subject}}*（SKU {{skus}}）",
    body_one:
      "{{what}} 最近 {{hours}} 小时有 *{{count}}* 个工单，约为平时（每天 {{usual}} 个）的 {{times}} 倍。未结 {{open}} 个，未认领 {{unclaimed}} 个。",
    body_other:
      "{{what}} 最近 {{hours}} 小时有 *{{count}}* 个工单，约为平时（每天 {{usual}} 个）的 {{times}} 倍。未结 {{open}} 个，未认领 {{unclaimed}} 个。",
    bodyFirst_one:
      "{{what}} 最近 {{hours}} 小时有 *{{count}}* 个工单，平时几乎没有。未结 {{open}} 个，未认领 {{unclaimed}} 个。",
    bodyFirst_other:
      "{{what}} 最近 {{hours}} 小时有 *{{count}}* 个工单，平时几乎没有。未结 {{open}} 个，未认领 {{unclaimed}} 个。",
    bodyCleared_one:
      "{{what}} 的退货量已恢复正常，{{duration}}后解除。共 *{{count}}* 个工单：已解决 {{resolved}} 个，仍未结 {{open}} 个。",
    bodyCleared_other:
      "{{what}} 的退货量已恢复正常，{{duration}}后解除。共 *{{count}}* 个工单：已解决 {{resolved}} 个，仍未结 {{open}} 个。",
    byType: "*按类型*",
    rootCause: "*根本原因*",
    rootCauseUnknown: "尚不清楚",
    marketplaces: "*站点*",
    marketplaceUnknown: "未知",
    cases: "*工单*",
    claimAll: "认领全部未认领工单",
    assignTo: "将未认领工单分配给…",
    replyAll: "全部记录首次回复",
    resolveReturns: "批量处理符合条件的退货…",
    text_one: "退货激增：{{subject}} 在 {{hours}} 小时内有 {{count}} 个工单（未认领 {{unclaimed}} 个）。",
    text_other: "退货激增：{{subject}} 在 {{hours}} 小时内有 {{count}} 个工单（未认领 {{unclaimed}} 个）。",
    textCleared_one: "{{subject}} 的退货激增已解除：共 {{count}} 个工单，仍未结 {{open}} 个。",
    textCleared_other: "{{subject}} 的退货激增已解除：共 {{count}} 个工单，仍未结 {{open}} 个。",
  },
  risk: {
    text: "{{subject}} 的买家使用了风险词：请在他们提出索赔前主动联系。",
    head: ":warning: *{{subject}} 的买家使用了风险词* —— 请在他们提出索赔或留下差评前主动联系。",
    none: "已没有工单包含风险词。",
  },
  odr: {
    above: ":rotating_light: *订单缺陷率 (ODR) 已超过上限*",
    rising: ":warning: *订单缺陷率 (ODR) 正在上升*",
    cleared: ":white_check_mark: 已回落到阈值以下。",
    ours: "近 60 天 {{orders}} 个订单中有 {{defects}} 个缺陷订单：差评 {{reviews}} 个，A-to-z 索赔 {{claims}} 个，信用卡拒付 {{chargebacks}} 个",
    amazonOver: "亚马逊统计已达到或超过 {{limit}}%：请立即排查（根本原因、listing、物流商）。",
    amazonNear: "亚马逊统计已接近 {{limit}}%。",
    amazonText: "{{subject}} 的订单缺陷率 (ODR) 按亚马逊账户状况为 {{pct}}。{{todo}}",
    amazonHead: "{{level}} —— {{subject}}：按亚马逊账户状况为 *{{pct}}*。",
    teamEstimate: "团队估算：{{pct}}（{{ours}}）。",
    untilLimit_one: "再有 {{count}} 个缺陷订单就会达到 {{limit}}%。",
    untilLimit_other: "再有 {{count}} 个缺陷订单就会达到 {{limit}}%。",
    atLimit: "已达到或超过 {{limit}}%：请立即排查（根本原因、listing、物流商）。",
    text: "{{subject}} 的订单缺陷率 (ODR) 为 {{pct}}（60 天内 {{orders}} 个订单中 {{defects}} 个）。{{until}}",
    head: "{{level}} —— {{subject}}：*{{pct}}*（{{ours}}）。",
  },
  note: {
    cleared: ":white_check_mark: 退货激增已结束：退货量在观察期内一直保持正常。",
    joined: "{{case}}（{{category}}，{{who}}）也属于这次退货激增。",
    unclaimed: "未认领",
  },
  stalledParcel_one:
    ":truck: {{mention}} {{case}} 的包裹已过 {{count}} 天仍无进展：请联系物流商，并向买家提供补发或补偿。",
  stalledParcel_other:
    ":truck: {{mention}} {{case}} 的包裹已过 {{count}} 天仍无进展：请联系物流商，并向买家提供补发或补偿。",
  bulk: {
    waveGone: "找不到这次退货激增了。请用 `/case list` 逐个处理它的工单。",
    allResolved: "这次退货激增的工单都已解决。",
    form: "表单",
    again: "请再按一次按钮。",
    claimed_one: "已认领 {{count}} 个工单：{{cases}}。",
    claimed_other: "已认领 {{count}} 个工单：{{cases}}。",
    assigned_one: "已将 {{count}} 个工单分配给 {{who}}：{{cases}}。",
    assigned_other: "已将 {{count}} 个工单分配给 {{who}}：{{cases}}。",
    replied_one: "已为 {{count}} 个工单记录首次回复：{{cases}}。",
    replied_other: "已为 {{count}} 个工单记录首次回复：{{cases}}。",
    resolved_one: "已解决 {{count}} 个工单：{{cases}}。",
    resolved_other: "已解决 {{count}} 个工单：{{cases}}。",
    nothing: "无需处理：没有工单被更改。",
    skipped_one: "跳过 {{count}} 个：",
    skipped_other: "跳过 {{count}} 个：",
    more: "…还有 {{n}} 个",
    coveredOnly: "这条提醒有超过 {{limit}} 个工单：只处理了前 {{limit}} 个。其余的请用 `{{list}}` 查找。",
    pickCase: "请至少选择一个工单",
    failedClaim: "这次退货激增的工单没有认领成功",
    failedAssign: "这次退货激增的工单没有分配成功",
    failedReply: "首次回复没有记录成功",
    failedForm: "批量处理表单没能打开",
    failedResolve: "工单没有解决成功",
  },
} satisfies Translation<typeof en>;
