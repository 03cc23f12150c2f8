// 简体中文: commands. Same keys and {{placeholders}} as the English catalog (checked by the compiler and
// by test/unit/catalogs.test.ts).
import type { Translation } from "../catalog.ts";
import type en from "../en/commands.ts";

export default {
  help: {
    unknown: "我不认识 `{{cmd}} {{sub}}` 这个命令。我能做的有：",
    title: "*售后工单 — `{{cmd}}` 命令*（中文和英文子命令都可以用）",
    new: "• `{{cmd}} 新建`（`new`）— 打开新建工单表单（订单号、工单类型、问题经过…），工单卡片会发到工单频道。",
    summary:
      "• `{{cmd}} 汇总`（`summary`）`[7d | 30d | 2026-11-01..2026-11-30] [图表]` — 某段时间的售后汇总（默认最近 7 天），只有你能看到；加上 `图表`（`chart`），图表会发到你的私信。",
    list: "• `{{cmd}} 列表`（`list`）`[未结 | 我的 | 未认领 | 超时 | @某人 | ASIN]` — 符合条件的工单，含时长、优先级和负责人，每页 20 条。",
    find: "• `{{cmd}} 查找`（`find`）`<订单号 | ASIN | SKU | 买家姓名 | 关键词>` — 查找任意工单（未结或已结案），最新的在前，每页 10 条。",
    show: "• `{{cmd}} 查看 AS-1042`（`show`，也可以用订单号）— 查看一个工单：卡片、处理记录和讨论串链接。",
    orders:
      "• `{{cmd}} 订单`（`orders`）`<站点> <最近 60 天订单数>` — 例如 `{{cmd}} 订单 US 48200`：订单缺陷率 (ODR) 提醒所依据的订单量（仅主管）。",
    amazon: "• `{{cmd}} 亚马逊`（`amazon`）— 与亚马逊的连接：何时拉取了什么、出错情况，以及 *立即拉取*（仅主管）。",
    import:
      "• `{{cmd}} 导入`（`import`）— 上传亚马逊退货报告（FBA 或自发货），每条退货生成一个工单，重复导入不会重复建单（仅售后客服）。",
    health:
      "• `{{cmd}} 投递`（`health`）— 还在等待发到 Slack 的消息，以及被 Slack 拒收的消息（如机器人不在频道里）和处理办法；修复后用 `{{cmd}} 投递 重试`（`health retry`）重新发送（售后客服和主管）。",
    check:
      "• `{{cmd}} 检查`（`check`）— 给买家发送前先粘贴回复：按亚马逊买家沟通规则检查（链接、联系方式、索评、营销内容）。",
    language:
      "• `{{cmd}} 语言 zh|en` 或 `/case language zh|en` — 只有你看到的内容（表单、私信回复、主页）用中文还是英文；频道消息用团队语言。",
    routing: "• `{{cmd}} 分配`（`routing`）— 各类工单由谁负责（新工单轮流分给他们）；组长在这里修改规则。",
    away: "• `{{cmd}} 外出`（`away`）`until 2026-12-01` — 在此之前不给你分配工单（回来后 `{{cmd}} 外出 off`）。",
    help: "• `{{cmd}} 帮助`（`help`）— 显示本列表。",
    cardTitle: "*工单卡片上的按钮*",
    claim: "• *认领* — 由你负责这个工单（先点先得）。",
    logReply: "• *记录回复* — 记录已回复买家，停止一小时首次回复计时。工单未认领时会同时由你认领。",
    resolve:
      "• *结案* — 记录处理结果（退款、换货…）、金额和根本原因；表单会按处理手册（价格、原因、严重程度）推荐处理方案。仅负责人或主管可操作。",
    draftReply:
      "• *起草回复* — 用团队模板生成给买家的回复，已填好并按亚马逊沟通规则检查；发送后点 *已发送：记录回复*。",
    more: "• *⋯* — 检查退货期限、标记已收到退货（开始退款计时）、标记疑似滥用（附该买家的其他工单）、向亚马逊申诉。",
    takeOver: "• *接手* — 仅主管：成为已认领工单的负责人。",
    reopen: "• *重新打开* — 买家又来联系了：工单重新打开，负责人不变（售后客服和主管）。",
    shortcut:
      "*在任意消息上*：消息快捷操作 *Create after-sales case*（消息上的 ⋮）会打开同一个表单，自动填入消息内容和其中的订单号 / ASIN。",
  },
  failed: {
    command: "`{{command}}` 没能完成",
    answer: "抱歉，`{{cmd}} {{sub}}` 暂时无法回答，请稍后再试。",
    tryAgain: "抱歉，刚才没有成功：{{what}}。请再试一次。",
    modalRefused: "Slack 没让我及时打开{{form}}。{{again}}",
    importNotDone: "退货报告没有导入",
    pullNotStarted: "没能开始从亚马逊拉取",
  },
  forms: {
    newCase: "新建工单表单",
    newCaseAgain: "请重新运行 `/case new`。",
    import: "导入表单",
    importAgain: "请重新运行 `/case import`。",
    check: "回复检查",
    checkAgain: "请重新运行 `/case check`。",
  },
  refusals: {
    lookUp: "只有售后客服和主管可以查询工单：工单里有买家信息。请找主管把你加为售后客服。",
    recordOrders: "只有主管可以录入订单量：它决定提醒所监控的订单缺陷率 (ODR)。请找主管来操作。",
    importReturns: "只有售后客服可以导入退货报告。请找主管把你加为售后客服。",
    deliveryHealth: "只有售后客服和主管可以查看消息投递到 Slack 的情况。请找主管把你加为售后客服。",
    assign: "只有主管可以分配工单。点 *认领全部未认领工单* 可以自己接下。",
    assignNotAgent: "<@{{user}}> 不是售后客服，请把工单分配给售后客服。",
    manageAmazon: "只有主管可以查看和操作与亚马逊的连接。请找主管检查。",
  },
  import: {
    importing: "正在导入 {{name}}… 完成后会在这里给出汇总。",
    importingShared: "正在导入你刚分享的报告… 完成后会在这里给出汇总。",
    attachFile: "请附上退货报告（从卖家平台下载的 .txt 文件）",
    noFile: "Slack 没有把文件给我，请重新上传。",
    stoppedPartway:
      "导入中途停止：{{reason}}。此前的 {{created}} 个工单已导入（汇总在频道里）。修复文件后重新导入即可，已导入的行会自动跳过。",
    notImported: "退货报告没有导入：{{reason}}",
  },
  list: {
    pageFailed: "暂时无法显示这个列表，请重新运行 `/case list`。",
  },
  find: {
    help: "可按订单号（`114-2962899-5762619`）、ASIN、SKU、买家姓名或工单中的关键词查找，例如 `/case find broken zip`。",
    noMatch: "没有工单匹配“{{query}}”。",
    noMatchHelp: "没有工单匹配“{{query}}”。{{help}}",
    title: "*匹配“{{query}}”的工单* — 第 {{first}}–{{last}} 条，共 {{total}} 条，最新的在前",
    text: "匹配“{{query}}”的工单：第 {{first}}–{{last}} 条，共 {{total}} 条",
    line: "{{case}} · {{category}} · {{status}} · 订单号 {{order}}{{buyer}}{{owner}} · {{date}}",
    previous: "‹ 上一页",
    next: "下一页 ›",
    pageFailed: "暂时无法显示搜索结果，请重新运行 `/case find`。",
  },
  show: {
    noCase: "这里没有工单 {{given}}。试试 `/case find {{given}}`。",
    history: "*处理记录*（最近 {{n}} 条）",
    open: "<{{link}}|在工单频道打开 {{case}}>，在那里处理并查看讨论串。",
    noCard: "{{case}} 还没有发到频道的卡片。",
    reassign: "重新分配",
  },
  orders: {
    usage: "请给出站点和它最近 60 天的订单数，例如 `/case orders US 48200`（站点：{{codes}}）。",
    saved: "已保存：{{marketplace}} 最近 60 天订单 {{orders}} 单。",
    odrBelow:
      "订单缺陷率 (ODR) {{percent}}%（{{orders}} 单中 {{defects}} 单有缺陷）；再有 {{left}} 单就到 {{limit}}%。",
    odrAtLimit: "订单缺陷率 (ODR) {{percent}}%（{{orders}} 单中 {{defects}} 单有缺陷）；已达到或超过 {{limit}}%。",
  },
  amazon: {
    pulling: "正在拉取所有报告… 完成后这条消息会更新。",
  },
  parse: {
    range: {
      outOfRange: "`{{text}}` 超出范围。请用 `7d`、`30d`（最多 `365d`）或日期区间，如 `2026-11-01..2026-11-30`。",
      noSuchDate:
        "`{{text}}` 中有不存在的日期。请用 `7d`、`30d`（最多 `365d`）或日期区间，如 `2026-11-01..2026-11-30`。",
      yearOutside:
        "`{{text}}` 的年份不在 {{first}}–{{last}} 之间。请用 `7d`、`30d`（最多 `365d`）或日期区间，如 `2026-11-01..2026-11-30`。",
      endsBeforeStart:
        "`{{text}}` 的结束日期早于开始日期。请用 `7d`、`30d`（最多 `365d`）或日期区间，如 `2026-11-01..2026-11-30`。",
      unreadable: "看不懂时间段 `{{text}}`。请用 `7d`、`30d`（最多 `365d`）或日期区间，如 `2026-11-01..2026-11-30`。",
    },
    find: {
      empty:
        "要查找什么？可按订单号（`114-2962899-5762619`）、ASIN、SKU、买家姓名或工单里的词查找，例如 `/case 查找 拉链坏了`。",
      tooLong: "查找内容最多 200 个字符：订单号、姓名或几个关键词即可。",
      showWhich: "要查看哪个工单？请给出工单号（`/case 查看 AS-1042`）或订单号。",
    },
    list: {
      unknown:
        "无法列出 `{{text}}`。请用 `open`（未结）、`mine`（我的）、`unclaimed`（未认领）、`breached`（超时）、某个人（`@姓名`）或 ASIN（如 `B00TZ73MUY`）。",
      open: "未结工单",
      mine: "我的未结工单",
      unclaimed: "未认领的工单",
      breached: "已超过首次回复时限的未结工单",
      user: "{{user}} 的未结工单",
      asin: "{{asin}} 的工单",
    },
  },
} satisfies Translation<typeof en>;
