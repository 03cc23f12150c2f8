import { describe, expect, it } from "vitest";
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
});
