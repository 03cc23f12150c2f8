import { describe, expect, it } from "vitest";
import { actionsBlockId, recordIdOfBlock } from "../../src/ids.ts";
import { LIST_LIMIT, listWithMore } from "../../src/views/lists.ts";

describe("actions block ids", () => {
  it("carry the record they act on and read it back only for their own kind", () => {
    expect(actionsBlockId("crisis", 42)).toBe("crisis_actions:42");
    expect(actionsBlockId("case", 7)).toBe("case_actions:7");
    expect(actionsBlockId("escalation", 7)).toBe("escalation_actions:7");
    expect(recordIdOfBlock("crisis", actionsBlockId("crisis", 42))).toBe(42);
    expect(recordIdOfBlock("crisis", actionsBlockId("case", 42))).toBeUndefined();
    expect(recordIdOfBlock("crisis", "crisis_actions:")).toBeUndefined();
    expect(recordIdOfBlock("crisis", "crisis_actions:abc")).toBeUndefined();
    expect(recordIdOfBlock("crisis", undefined)).toBeUndefined();
  });
});

describe("shared list lines", () => {
  it("cut at the list limit by default", () => {
    const lines = Array.from({ length: LIST_LIMIT + 2 }, (_, i) => `line ${i}`);
    const text = listWithMore(lines);
    expect(text.split("\n")).toHaveLength(LIST_LIMIT + 1);
    expect(text).toMatch(/…and 2 more$/);
  });
});
