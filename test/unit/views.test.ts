import { describe, expect, it } from "vitest";
import { DEFAULT_PLAYBOOK } from "../../src/domain/playbook.ts";
import { type Case, Prisma } from "../../src/generated/prisma/client.ts";
import { words } from "../../src/i18n/i18n.ts";
import { ACTIONS, NEW_CASE_BLOCKS } from "../../src/ids.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { caseCard } from "../../src/views/caseCard.ts";
import {
  amazonOverdueText,
  appealReminderText,
  escalationMessage,
  refundReminderText,
  reminderText,
} from "../../src/views/clockNotices.ts";
import { helpText } from "../../src/views/help.ts";
import { historyLine } from "../../src/views/historyLine.ts";
import { homeView, outsiderHome } from "../../src/views/homeTab.ts";
import { importModal } from "../../src/views/importModal.ts";
import { caseLine, listWithMore } from "../../src/views/lists.ts";
import { newCaseModal } from "../../src/views/newCaseModal.ts";
import { resolveModal } from "../../src/views/resolveModal.ts";
import { formatDuration, trimText } from "../../src/views/text.ts";
import { noteModal, reassignModal, waitingModal } from "../../src/views/workspaceModals.ts";
import { noPlaybookSteps } from "../support/recordArbitraries.ts";

const base: Case = {
  id: 7,
  number: 1042,
  category: "refund",
  priority: "high",
  status: "new",
  orderId: "114-2962899-5762619",
  asin: "B00TZ73MUY",
  sku: "LVA1004-UPC",
  marketplace: "US",
  orderValue: new Prisma.Decimal("89.9"),
  currency: "USD",
  buyerName: "Jane Buyer",
  description: "Arrived punctured.",
  source: "slack",
  externalId: "V123",
  createdById: "U1",
  channelId: null,
  messageTs: null,
  ownerId: null,
  createdAt: new Date("2026-11-26T08:00:00Z"),
  updatedAt: new Date("2026-11-26T08:00:00Z"),
  claimedAt: null,
  firstReplyAt: null,
  resolvedAt: null,
  resolvedById: null,
  resolution: null,
  resolutionAmount: null,
  resolutionCurrency: null,
  rootCause: null,
  resolutionNote: null,
  reopenedAt: null,
  responseDueAt: new Date("2026-11-26T09:00:00Z"),
  breachedAt: null,
  amazonDeadline: "buyer_message",
  amazonDueAt: new Date("2026-11-27T08:00:00Z"),
  riskPhrases: null,
  routedBy: null,
  routedTo: null,
  reminderHandledAt: null,
  returnReason: null,
  ...noPlaybookSteps,
};

const now = new Date("2026-11-26T08:30:00Z");
const huge = `<b>&${"Very long complaint text. ".repeat(400)}`;
const extreme: Case = {
  ...base,
  status: "resolved",
  ownerId: "U2",
  resolvedById: "U2",
  resolvedAt: new Date("2026-11-26T09:00:00Z"),
  description: huge,
  buyerName: "B".repeat(500),
  sku: "S".repeat(40),
  resolution: "partial_refund",
  resolutionAmount: new Prisma.Decimal("12.5"),
  resolutionCurrency: "USD",
  rootCause: "damaged_in_transit",
  resolutionNote: huge,
};
const buttons = (blocks: any[]) =>
  blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements.map((e: any) => e.action_id));

describe("case card", () => {
  it("shows number, type, priority, order, ASIN, value, buyer, owner and the right buttons for each state", () => {
    const card = caseCard(base, now);
    const json = JSON.stringify(card.blocks);
    expect(card.blocks[0]).toMatchObject({ type: "header", text: { text: "AS-1042 · Refund" } });
    for (const s of [
      "High",
      "114-2962899-5762619",
      "B00TZ73MUY",
      "89.90 USD",
      "Jane Buyer",
      "Unclaimed",
      "Arrived punctured.",
    ])
      expect(json).toContain(s);
    expect(buttons(card.blocks)).toEqual([
      ACTIONS.claim,
      ACTIONS.logReply,
      ACTIONS.resolve,
      ACTIONS.draftReply,
      ACTIONS.more,
    ]);
    expect(card.text).toBe("AS-1042 Refund (High) for order 114-2962899-5762619: New, unclaimed");
    expect(buttons(caseCard({ ...base, status: "claimed", ownerId: "U9" }, now).blocks)).toEqual([
      ACTIONS.takeOver,
      ACTIONS.logReply,
      ACTIONS.resolve,
      ACTIONS.draftReply,
      ACTIONS.more,
    ]);
    expect(buttons(extreme.status === "resolved" ? caseCard(extreme, now).blocks : [])).toEqual([
      ACTIONS.reopen,
      ACTIONS.more,
    ]);
  });

  it("shows times in the reader's time zone with Slack's date formatting", () => {
    const json = JSON.stringify(caseCard(base, now).blocks);
    expect(json).toContain(`<!date^${base.createdAt.getTime() / 1000}^{ago}|2026-11-26 08:00 UTC>`);
  });

  it("stays within Slack's limits with the longest possible content, and escapes buyer text", () => {
    for (const c of [base, extreme, { ...extreme, status: "claimed" as const }]) {
      const card = caseCard(c, now);
      expect(blockKitProblems(card, "message")).toEqual([]);
    }
    const json = JSON.stringify(caseCard(extreme, now).blocks);
    expect(json).toContain("&lt;b&gt;&amp;");
    expect(json).toContain("…");
  });
});

describe("clock lines on the card", () => {
  const texts = (c: Case, at = now) => JSON.stringify(caseCard(c, at).blocks);
  it("shows the first-reply deadline and Amazon's deadline while the buyer waits", () => {
    const json = texts(base);
    expect(json).toContain(`First reply due <!date^${base.responseDueAt!.getTime() / 1000}^`);
    expect(json).toContain("Amazon deadline: answer the buyer's message by");
  });
  it("marks a missed deadline as overdue, on the card and in its text", () => {
    const late = { ...base, breachedAt: base.responseDueAt };
    expect(texts(late)).toContain("*Overdue:* the first reply was due");
    expect(caseCard(late, now).text).toContain("overdue");
    expect(texts(base, new Date("2026-11-27T09:00:00Z"))).toContain("Amazon deadline passed");
  });
  it("after the first reply shows how long it took, and drops the buyer-message deadline", () => {
    const answered = {
      ...base,
      status: "claimed" as const,
      ownerId: "U2",
      firstReplyAt: new Date("2026-11-26T08:23:00Z"),
    };
    const json = texts(answered);
    expect(json).toContain("First reply after 23 min");
    expect(json).not.toContain("Amazon deadline");
    expect(
      texts({ ...answered, breachedAt: base.responseDueAt, firstReplyAt: new Date("2026-11-26T09:40:00Z") }),
    ).toContain("First reply after 1 h 40 min, later than the deadline");
  });
  it("keeps an A-to-z claim's Amazon deadline until the case is resolved", () => {
    const claim = {
      ...base,
      category: "a_to_z_claim" as const,
      amazonDeadline: "a_to_z_claim" as const,
      firstReplyAt: now,
      amazonDueAt: new Date("2026-11-29T08:00:00Z"),
    };
    expect(texts(claim)).toContain("respond to the A-to-z claim by");
    expect(
      texts({
        ...claim,
        status: "resolved" as const,
        resolvedById: "U2",
        resolution: "appealed" as const,
        rootCause: "other" as const,
      }),
    ).not.toContain("A-to-z claim by");
  });
});

describe("clock notices", () => {
  const audience = { leadUserIds: ["UL1", "UL2"], agentGroupId: "S0AGENTS" };
  it("reminds the owner, or the agents when nobody owns the case", () => {
    const at = new Date("2026-11-26T08:45:00Z");
    expect(reminderText({ ...base, ownerId: "U2" }, audience, at)).toBe(
      `:hourglass: <@U2> AS-1042 needs a first reply to the buyer by <!date^${base.responseDueAt!.getTime() / 1000}^{time}|2026-11-26 09:00 UTC> (15 min left).`,
    );
    expect(reminderText(base, audience, at)).toContain("<!subteam^S0AGENTS> AS-1042 is unclaimed");
    expect(reminderText(base, { leadUserIds: [] }, at)).toContain("<!here> AS-1042 is unclaimed");
  });
  it("escalates to the leads with how late it is, the card link and a Claim button, within Slack's limits", () => {
    const msg = escalationMessage(extreme.status === "resolved" ? { ...base, description: huge } : base, audience, {
      now: new Date("2026-11-26T10:05:00Z"),
      permalink: "https://x.slack.com/archives/C1/p1",
    });
    const json = JSON.stringify(msg.blocks);
    expect(msg.text).toBe(
      "<@UL1> <@UL2> AS-1042 has no first reply to the buyer, 1 h 5 min past the deadline (unclaimed).",
    );
    expect(json).toContain("<https://x.slack.com/archives/C1/p1|AS-1042 · Refund>");
    expect(json).toContain("*1 h 5 min late*");
    expect(buttons(msg.blocks)).toEqual([ACTIONS.claim]);
    expect(blockKitProblems(msg, "message")).toEqual([]);
    expect(buttons(escalationMessage({ ...base, status: "claimed", ownerId: "U2" }, audience, { now }).blocks)).toEqual(
      [ACTIONS.takeOver],
    );
  });
  it("tells the owner and the leads when Amazon's deadline passed", () => {
    expect(amazonOverdueText({ ...base, ownerId: "U2" }, audience)).toContain(
      "<@U2> <@UL1> <@UL2> Amazon's deadline to answer the buyer's message for AS-1042 passed",
    );
  });
});

describe("modals", () => {
  it("new-case modal labels inputs in plain words and stays valid when prefilled with a long message", () => {
    const modal = newCaseModal(
      { orderId: "114-2962899-5762619", asin: "B00TZ73MUY", description: huge.repeat(3) },
      { channelId: "C1" },
    );
    expect(blockKitProblems(modal, "modal")).toEqual([]);
    const labels = modal.blocks.map((b: any) => b.label?.text);
    expect(labels).toEqual([
      "Order ID",
      "Case type",
      "What happened",
      "ASIN",
      "SKU",
      "Marketplace",
      "Order value",
      "Currency",
      "Buyer",
      "Priority",
    ]);
    const desc = modal.blocks.find((b: any) => b.block_id === NEW_CASE_BLOCKS.description) as any;
    expect(desc.element.initial_value.length).toBeLessThanOrEqual(3000);
  });

  it("resolve modal is valid for any case", () => {
    expect(blockKitProblems(resolveModal(extreme), "modal")).toEqual([]);
    expect(blockKitProblems(resolveModal({ ...base, currency: null, orderValue: null }), "modal")).toEqual([]);
    expect(resolveModal(base).title.text).toBe("Resolve AS-1042");
  });

  it("forms speak the reader's language, every option within Slack's 75 characters", () => {
    const zh = words("zh-CN");
    const settings = { playbook: DEFAULT_PLAYBOOK, zone: "UTC" };
    const forms = (w = words("en")) => [
      newCaseModal({ description: "x" }, { channelId: "C1" }, w),
      resolveModal(extreme, { ...settings, words: w }),
      resolveModal({ ...base, currency: null, orderValue: null }, { ...settings, words: w }, { rootCause: "defect" }),
      noteModal(base, w),
      waitingModal(base, "Asia/Shanghai", new Date("2026-11-27T10:00:00Z"), w),
      reassignModal({ ...base, ownerId: "U0AGENT2" }, w),
      importModal("C1", w),
    ];
    const optionTexts = (view: object) =>
      [...JSON.stringify(view).matchAll(/"options":(\[.*?\])/g)].flatMap((m) =>
        [...m[1].matchAll(/"text":"((?:[^"\\]|\\.)*)"/g)].map((t) => JSON.parse(`"${t[1]}"`) as string),
      );
    for (const w of [words("en"), zh]) {
      for (const view of forms(w)) {
        expect(blockKitProblems(view, "modal")).toEqual([]);
        for (const text of optionTexts(view)) expect(text.length, text).toBeLessThanOrEqual(75);
      }
    }
    const [newCase, resolve, , note, waiting, reassign, imports] = forms(zh);
    expect(newCase.title.text).toBe("新建售后工单");
    expect(newCase.blocks.map((b: any) => b.label?.text)).toEqual([
      "订单号",
      "工单类型",
      "发生了什么",
      "ASIN",
      "SKU",
      "站点",
      "订单金额",
      "币种",
      "买家",
      "优先级",
    ]);
    expect(JSON.stringify(newCase)).toContain("A-to-z 索赔");
    expect(JSON.stringify(newCase)).toContain("JP · 日本");
    expect(resolve.title.text).toBe("结案 AS-1042");
    expect(JSON.stringify(resolve)).toContain("部分退款");
    expect(JSON.stringify(resolve)).toContain("根本原因");
    expect(note.title.text).toBe("备注 AS-1042");
    expect(waiting.title.text).toBe("等待买家 AS-1042");
    expect(reassign.title.text).toBe("转交 AS-1042");
    expect(imports.title.text).toBe("导入退货报告");
    for (const view of [note, waiting, reassign]) expect(JSON.stringify(view.blocks[0])).toContain("退款 · 订单号");
    // English stays as it was.
    expect(noteModal(base).title.text).toBe("Note on AS-1042");
    expect(JSON.stringify(noteModal(base).blocks[0])).toContain("*AS-1042* · Refund · order 114-2962899-5762619");
  });
});

describe("history lines and help", () => {
  it("reads like a person wrote it", () => {
    expect(historyLine({ kind: "claimed", actorId: "U1", detail: null }, 1042)).toBe("<@U1> claimed AS-1042");
    expect(historyLine({ kind: "taken_over", actorId: "UL", detail: { from: "U1" } }, 1042)).toBe(
      "<@UL> took over AS-1042 from <@U1>",
    );
    expect(historyLine({ kind: "replied", actorId: "U1", detail: { first: true, claimed: true } }, 1042)).toBe(
      "<@U1> logged the first reply to the buyer and claimed AS-1042",
    );
    expect(
      historyLine(
        {
          kind: "resolved",
          actorId: "U1",
          detail: { resolution: "partial_refund", rootCause: "defect", amount: "5", currency: "EUR" },
        },
        1042,
      ),
    ).toBe("<@U1> resolved AS-1042: Partial refund (5.00 EUR), root cause Defect");
  });
  it("help names every subcommand and button", () => {
    const text = helpText();
    for (const s of [
      "/case new",
      "/case help",
      "Claim",
      "Log reply",
      "Resolve",
      "Take over",
      "Reopen",
      "Create after-sales case",
    ])
      expect(text).toContain(s);
    expect(text.length).toBeLessThan(3000);
  });
  it("trims text with an ellipsis and never returns empty text", () => {
    expect(trimText("abcdef", 4)).toBe("abc…");
    expect(trimText("   ", 10)).toBe("—");
  });
});

describe("a note's line in the thread", () => {
  it("cuts a long note between characters, never inside one", () => {
    const note = "𐀀𐀀&".repeat(400);
    const line = historyLine({ kind: "note", actorId: "U1", detail: { text: note } }, 1042);
    expect(
      blockKitProblems({ text: line, blocks: [{ type: "section", text: { type: "mrkdwn", text: line } }] }, "message"),
    ).toEqual([]);
    expect(line.endsWith("…")).toBe(true);
  });
});

describe("in the team's language (Chinese)", () => {
  const zh = words("zh-CN");
  const settings = { playbook: DEFAULT_PLAYBOOK, zone: "UTC", words: zh };
  const audience = { leadUserIds: ["UL1"], agentGroupId: "S0AGENTS" };

  it("writes the card, its buttons and its clock lines in Chinese, keeping Slack's tokens", () => {
    const card = caseCard(base, now, settings, { earlierCases: 2 });
    const json = JSON.stringify(card.blocks);
    expect(card.blocks[0]).toMatchObject({ type: "header", text: { text: "AS-1042 · 退款" } });
    for (const s of ["*优先级*", ":large_orange_circle: 高", "*订单号*", "未认领", "认领", "记录回复", "结案"])
      expect(json).toContain(s);
    expect(json).toContain(`首次回复截止：<!date^${base.responseDueAt!.getTime() / 1000}^`);
    expect(json).toContain("前回复买家消息");
    expect(json).toContain("之前有 2 个工单：`/case find 114-2962899-5762619`");
    expect(json).not.toMatch(/Claim|Unclaimed|First reply/);
    expect(card.text).toBe("AS-1042 退款（高），订单号 114-2962899-5762619：新建，未认领");
    expect(buttons(card.blocks)).toEqual(buttons(caseCard(base, now).blocks));
    expect(blockKitProblems(caseCard(extreme, now, settings), "message")).toEqual([]);
    expect(JSON.stringify(caseCard(extreme, now, settings).blocks)).toContain("*处理方式：* 部分退款 · 12.50 USD");
  });

  it("writes reminders, escalations and durations in Chinese", () => {
    const at = new Date("2026-11-26T08:45:00Z");
    expect(reminderText({ ...base, ownerId: "U2" }, audience, at, zh)).toBe(
      `:hourglass: <@U2> AS-1042 需在 <!date^${base.responseDueAt!.getTime() / 1000}^{time}|2026-11-26 09:00 UTC> 前首次回复买家（还剩 15 分钟）。`,
    );
    const msg = escalationMessage(base, audience, { now: new Date("2026-11-26T10:05:00Z"), words: zh });
    expect(msg.text).toBe("<@UL1> AS-1042 仍未首次回复买家，已超过截止时间 1 小时 5 分钟（未认领）。");
    expect(JSON.stringify(msg.blocks)).toContain("*已超时 1 小时 5 分钟*");
    expect(amazonOverdueText({ ...base, ownerId: "U2" }, audience, zh)).toContain("未能按时回复买家消息");
    expect(refundReminderText({ ...base, ownerId: "U2" }, audience, zh)).toContain("请给买家退款，然后结案");
    expect(appealReminderText({ ...base, appealDueAt: new Date("2026-11-28T08:30:00Z") }, audience, now, zh)).toContain(
      "还剩 2 天",
    );
    expect(formatDuration(20_000, zh)).toBe("不到 1 分钟");
    expect(formatDuration(26 * 3_600_000, zh)).toBe("1 天 2 小时");
  });

  it("writes thread lines and case lists in Chinese", () => {
    expect(historyLine({ kind: "claimed", actorId: "U1", detail: null }, 1042, zh)).toBe("<@U1> 认领了 AS-1042");
    expect(
      historyLine(
        { kind: "resolved", actorId: "U1", detail: { resolution: "partial_refund", rootCause: "defect" } },
        1042,
        zh,
      ),
    ).toBe("<@U1> 已将 AS-1042 结案：部分退款，根本原因：质量缺陷");
    expect(historyLine({ kind: "note", actorId: null, detail: { text: "<b>" } }, 1042, zh)).toBe(
      ":memo: 机器人 在 AS-1042 上备注：&lt;b&gt;",
    );
    const ref = { ...base, createdAt: new Date("2026-11-26T05:30:00Z") };
    expect(caseLine(ref, now, zh)).toBe("AS-1042 · 退款 · 高 · 3 小时前创建 · 未认领");
    expect(listWithMore(["a", "b", "c"], 1, "more", 3, zh)).toBe("a\n…还有 2 条");
  });
});

describe("the Home tab", () => {
  const now = new Date("2026-11-26T08:30:00Z");
  const mine = { ...base, status: "claimed" as const, ownerId: "U0AGENT1" };
  const data = {
    mine: { cases: [mine], total: 1 },
    waiting: { cases: [], total: 0 },
    needsSomeone: { cases: [{ ...base, id: 8, number: 1043 }], total: 1 },
    team: { open: 2, unclaimed: 1, overdue: 0, loads: [{ userId: "U0AGENT1", open: 1 }], odr: [] },
  };
  const text = (v: { blocks: unknown[] }) => JSON.stringify(v.blocks);

  it("is in the person's language, with a menu to choose the other one", () => {
    const en = homeView(data, { now, isLead: false });
    expect(text(en)).toContain("My cases (1)");
    expect(text(en)).toContain("Needs someone (1)");
    const cn = homeView(data, { now, isLead: true, words: words("zh-CN") });
    for (const said of [
      "我的工单（1）",
      "待认领（1）",
      "团队今日概况",
      "记录回复",
      "转交",
      "查找工单",
      "退款",
      "尚未记录订单量",
    ])
      expect(text(cn)).toContain(said);
    expect(text(cn)).not.toMatch(/My cases|Log reply|Find a case|The team today/);
    expect(blockKitProblems(cn, "home")).toEqual([]);

    const menu = (v: { blocks: unknown[] }) =>
      (v.blocks as { accessory?: { action_id?: string; initial_option?: { value: string }; options?: unknown[] } }[])
        .map((b) => b.accessory)
        .find((a) => a?.action_id === ACTIONS.homeLanguage);
    expect(menu(en)?.initial_option?.value).toBe("en");
    expect(menu(cn)?.initial_option?.value).toBe("zh-CN");
    expect(menu(cn)?.options).toHaveLength(2);
  });

  it("offers a day to be away until, and while away says until when with I'm back, in the person's language", () => {
    const away = (v: { blocks: unknown[] }) =>
      (
        v.blocks as {
          block_id?: string;
          text?: { text: string };
          accessory?: { type: string; action_id: string; initial_date?: string };
        }[]
      ).find((b) => b.accessory?.action_id === ACTIONS.homeAwayUntil);
    const here = homeView(data, { now, isLead: false });
    expect(here.blocks.indexOf(away(here) as never)).toBe(0);
    expect(away(here)?.text?.text).toBe("*Away?* Pick the day you are back.");
    expect(away(here)?.accessory?.type).toBe("datepicker");
    expect(text(here)).not.toContain(ACTIONS.homeBack);

    // Back at the start of 1 December in Shanghai: the team's day, whatever the reader's zone.
    const until = new Date("2026-11-30T16:00:00Z");
    const gone = homeView({ ...data, awayUntil: until }, { now, isLead: false, zone: "Asia/Shanghai" });
    expect(away(gone)?.text?.text).toBe("*You are away until 2026-12-01* — new cases are not routed to you.");
    expect(away(gone)?.accessory?.initial_date).toBe("2026-12-01");
    expect(text(gone)).toContain(`"action_id":"${ACTIONS.homeBack}"`);
    expect(text(gone)).toContain("I'm back");
    expect(blockKitProblems(gone, "home")).toEqual([]);

    const cn = homeView({ ...data, awayUntil: until }, { now, isLead: true, words: words("zh-CN") });
    expect(away(cn)?.text?.text).toContain("新工单不会分配给你");
    expect(text(cn)).toContain("我回来了");
    expect(text(cn)).not.toMatch(/Away\?|I'm back|Change the day/);
  });

  it("tells someone outside the team what the app is for, in their language", () => {
    expect(text(outsiderHome())).toContain("shown to the team's agents and leads only");
    expect(text(outsiderHome())).not.toContain(ACTIONS.homeAwayUntil);
    expect(text(outsiderHome(words("zh-CN")))).toContain("售后工作台");
    expect(blockKitProblems(outsiderHome(words("zh-CN")), "home")).toEqual([]);
  });
});
