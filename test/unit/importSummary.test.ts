// A report with thousands of bad rows: the import keeps the first ones to show and counts them all.
import { describe, expect, it } from "vitest";
import {
  emptySummary,
  KEPT_REJECTIONS,
  noteRejection,
  type Planned,
  withinCardLimit,
} from "../../src/domain/returnsImport.ts";
import { words } from "../../src/i18n/i18n.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { importSummaryMessage, importSummaryText } from "../../src/views/importSummary.ts";

describe("rejected rows of an import", () => {
  const summary = emptySummary("fba");
  for (let line = 2; line < 5002; line++) {
    summary.rowsRead++;
    noteRejection(summary, { line, reason: `"${"x".repeat(500)}" is not an Amazon order id` });
  }

  it("keeps the first 100 and counts all 5,000", () => {
    expect(summary.rejected).toHaveLength(KEPT_REJECTIONS);
    expect(summary.rejected[0].line).toBe(2);
    expect(summary.rejectedCount).toBe(5000);
  });

  it("are counted in full in the summary, with the rest cut as …and N more", () => {
    const message = importSummaryMessage(summary, "bad.txt");
    expect(message.text).toBe("Returns import bad.txt: 5000 rows read, 0 created, 0 duplicates, 5000 rejected.");
    expect(JSON.stringify(message.blocks)).toContain("…and 4985 more");
    expect(blockKitProblems(message, "message")).toEqual([]);
    const text = importSummaryText(summary, "bad.txt");
    expect(text).toContain("5000 rows rejected.");
    expect(text).toContain("  …and 4980 more");
  });
});

describe("the import summary", () => {
  it("does not let a file name ping the channel or mention anyone", () => {
    const message = importSummaryMessage(emptySummary("fba"), "<!channel> <@U0VICTIM>.txt");
    expect(message.text).toContain("&lt;!channel&gt; &lt;@U0VICTIM&gt;.txt");
    expect(message.text).not.toContain("<!channel>");
  });
});

describe("the card limit of an import", () => {
  const planned = (card: boolean, n: number, priority = "high") =>
    ({ externalId: `r${n}`, card, priority }) as unknown as Planned;

  it("cards the first cases that need one up to the limit, across batches, and counts the rest", () => {
    const summary = emptySummary("fba");
    const first = withinCardLimit(summary, [planned(true, 1), planned(false, 2), planned(true, 3)], 3);
    expect(first.map((p) => p.card)).toEqual([true, false, true]);
    summary.carded = 2; // as countBatch records the written batch
    const second = withinCardLimit(summary, [planned(true, 4), planned(true, 5), planned(true, 6)], 3);
    expect(second.map((p) => p.card)).toEqual([true, false, false]);
    expect(summary.overCardLimit).toBe(2);
  });

  it("never leaves an urgent case (an A-to-z claim) without its card", () => {
    const summary = { ...emptySummary("mfn"), carded: 5 };
    const batch = withinCardLimit(summary, [planned(true, 1), planned(true, 2, "urgent")], 5);
    expect(batch.map((p) => p.card)).toEqual([false, true]);
    expect(summary.overCardLimit).toBe(1);
  });

  it("says in the summary how many went without a card and where they are", () => {
    const summary = { ...emptySummary("fba"), rowsRead: 900, created: 900, carded: 200, overCardLimit: 340 };
    const message = importSummaryMessage(summary, "returns.txt");
    const shown = JSON.stringify(message.blocks);
    expect(shown).toContain("340 more that need action are over the import's card limit (IMPORT_CARD_LIMIT)");
    expect(shown).toContain("/case list unclaimed");
    expect(importSummaryText(summary, "returns.txt")).toContain("340 more that need action");
    expect(blockKitProblems(message, "message")).toEqual([]);
  });

  it("is posted in the team's language", () => {
    const summary = {
      ...emptySummary("mfn"),
      rowsRead: 900,
      created: 880,
      duplicates: 5,
      carded: 200,
      withRiskWords: 3,
      overCardLimit: 340,
      byReason: { DEFECTIVE: 880 },
      byAsin: { B00TZ73MUY: 880 },
    };
    noteRejection(summary, { line: 7, reason: "no order id" });
    const message = importSummaryMessage(summary, "returns.txt", words("zh-CN"));
    expect(message.text).toBe("退货导入 returns.txt：读取 900 行，新建 880 个，重复 5 个，拒收 1 行。");
    const shown = JSON.stringify(message.blocks);
    expect(shown).toContain("自发货退货报告：读取 *900* 行 · 新建 *880* 个工单");
    expect(shown).toContain("风险词：3");
    expect(shown).toContain("另有 340 个需要处理的工单超出了导入的卡片上限 (IMPORT_CARD_LIMIT)");
    expect(shown).toContain("`/case list unclaimed`");
    expect(shown).toContain("*拒收的行*（表头是第 1 行）");
    expect(blockKitProblems(message, "message")).toEqual([]);
    expect(importSummaryText(summary, "returns.txt", words("zh-CN"))).toContain("  第 7 行：no order id");
  });
});
