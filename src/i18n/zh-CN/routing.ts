// 分配规则的中文：各类工单的负责人、谁不在，以及卡片、私信、/case routing 和每周汇总里关于分配的文字。

import type { Translation } from "../catalog.ts";
import type en from "../en/routing.ts";

const zhRouting: Translation<typeof en> = {
  rule: "{{type}}",
  ruleIn: "{{type}}（{{marketplace}}）",
  card: {
    assigned: ":arrow_right: 按规则（{{rule}}）分配给 <@{{to}}>",
    suggested: ":bulb: 按规则（{{rule}}）建议由 <@{{to}}> 负责 — 以认领为准",
  },
  dm: {
    assigned: "按 {{rule}} 的分配规则，{{link}}（{{type}}，订单 {{orderId}}）分配给了你。首次回复买家的期限：{{due}}。",
    suggested: "{{rule}} 轮到你了：{{link}}（{{type}}，订单 {{orderId}}）— 能接就认领它。",
  },
  reminder: {
    offered: "<@{{owner}}> 还没有回复，这个工单重新开放给所有人：{{rule}} 轮到 <@{{next}}> — 请认领。",
    offeredNobody: "<@{{owner}}> 还没有回复，这个工单重新开放给所有人。",
  },
  list: {
    title: "*分配规则*（{{mode}}）",
    modeAssign: "新工单直接分配",
    modeSuggest: "新工单给出建议负责人，以认领为准",
    none: "还没有分配规则：每个工单都等人点“认领”。组长可以用 *编辑规则* 为每类工单设置负责人。",
    line: "• *{{rule}}*：{{owners}}",
    away: "外出至 {{until}}",
    open_one: "{{count}} 个未结",
    open_other: "{{count}} 个未结",
    fromFile: "规则在每次启动时从 ROUTING_FILE 读取；在这里的修改只保留到下次启动。",
    edit: "编辑规则",
    leadsOnly: "只有组长可以修改分配规则。请找组长，或用 `/case routing` 查看。",
  },
  form: {
    title: "分配规则",
    submit: "保存",
    close: "取消",
    marketplace: "站点",
    marketplaceHint: "某个站点的负责人优先于“所有站点”的负责人。",
    everyMarketplace: "所有站点",
    intro: "为每类工单选择负责人。新工单轮流分给他们：未结工单最少的优先，跳过外出的人。留空则任何人都可以认领。",
    owners: "{{type}}",
    pickPeople: "选择成员",
    notAgents: "{{people}} 不能处理工单（不在 AGENT_USER_IDS 或 LEAD_USER_IDS 中）。",
    saved: "已保存 {{marketplace}} 的分配规则。",
    notOpened: "分配规则表单未能打开",
    notSwitched: "分配规则表单未能切换站点",
    notSaved: "分配规则未能保存",
  },
  away: {
    set: "你已标记为外出，直到 {{until}}：在此之前不会给你分配新工单。提前回来请用 `{{cmd}} 外出 off`。",
    back: "欢迎回来：会重新给你分配新工单。",
    notAway: "你没有标记外出。`{{cmd}} 外出 until 2026-12-01` 可标记外出到那一天。",
    usage: "请说明到哪天：`{{cmd}} 外出 until 2026-12-01`（团队时区的日期，一年以内），或 `{{cmd}} 外出 off`。",
    badDate: "“{{text}}”不是我能识别的日期。请写成 2026-12-01。",
    past: "{{until}} 已经过去。请选择明天起一年以内的日期。",
    tooFar: "{{until}} 超过一年以后。请选择一年以内的日期。",
  },
  triage: {
    title: "*各类工单负责人*",
    owners: "• *{{rule}}*：{{people}}",
    person: "<@{{user}}> {{open}} 个未结 · 准时 {{inTime}}",
    personNoReplies: "<@{{user}}> {{open}} 个未结",
    noOwner: ":warning: *无负责人*：{{types}} — 这些工单要等人点认领。",
    noMarketplace: "未填站点",
    overloaded: ":warning: *负载过高*（超过 {{limit}} 个未结）：{{people}}",
  },
};

export default zhRouting;
