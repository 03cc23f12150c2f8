import { describe, expect, it } from "vitest";
import { words } from "../../src/i18n/i18n.ts";
import { CASES_BLOCK } from "../../src/ids.ts";
import { blockKitProblems } from "../../src/sandbox/blockKitLimits.ts";
import { crisisResolveModal } from "../../src/views/crisisResolveModal.ts";

const now = new Date("2026-11-27T10:00:00Z");

describe("bulk resolve form", () => {
  const alert = { id: 7, subject: "B0WAVE0001", channelId: "C0CRISIS" };
  const cases = Array.from({ length: 150 }, (_, i) => ({
    id: i + 1,
    number: 1000 + i,
    category: "return" as const,
    priority: "normal" as const,
    status: "new" as const,
    createdAt: new Date(now.getTime() - (150 - i) * 60_000),
    ownerId: null,
    channelId: "C0CASES",
    messageTs: null,
    asin: "B0WAVE0001",
    sku: null,
    marketplace: null,
    rootCause: null,
    riskPhrases: null,
    description: `Return ${i}`,
  }));
  const options = (view: ReturnType<typeof crisisResolveModal>) =>
    (view.blocks.find((b) => b.block_id === CASES_BLOCK) as { element: { options: unknown[] } }).element.options;

  it("lists the first 100 of 150 open cases and says so", () => {
    const view = crisisResolveModal(alert, cases, 150);
    expect(options(view)).toHaveLength(100);
    expect(JSON.stringify(view.blocks)).toContain("Showing the first 100 of 150 open cases of this wave, oldest first");
    expect(JSON.stringify(view.blocks)).toContain("again for the rest");
    expect(blockKitProblems(view, "modal")).toEqual([]);
  });
  it("counts the open cases it was told of, beyond those it was given", () => {
    expect(JSON.stringify(crisisResolveModal(alert, cases.slice(0, 100), 340).blocks)).toContain(
      "Showing the first 100 of 340 open cases",
    );
  });
  it("says nothing more when every open case is listed", () => {
    const view = crisisResolveModal(alert, cases.slice(0, 40));
    expect(options(view)).toHaveLength(40);
    expect(JSON.stringify(view.blocks)).not.toContain("Showing the first");
  });
  it("speaks the reader's language, its options within Slack's limits", () => {
    const long = cases.map((c, i) => ({ ...c, ownerId: i % 2 ? "U0MEI" : null, description: "退货原因：".repeat(40) }));
    const view = crisisResolveModal(alert, long, 150, words("zh-CN"));
    const json = JSON.stringify(view);
    expect(view.title.text).toBe("批量结案");
    expect(json).toContain("这一波共有 150 个未结工单");
    expect(json).toContain("已认领");
    expect(json).toContain("未认领");
    expect(json).toContain("同意退货");
    expect(blockKitProblems(view, "modal")).toEqual([]);
    for (const o of options(view) as { text: { text: string } }[]) expect(o.text.text.length).toBeLessThanOrEqual(75);
  });
});
