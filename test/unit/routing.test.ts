// Whose turn it is: fewest open cases first, then who waited longest, skipping people who are away.
import { describe, expect, it } from "vitest";
import { type Candidate, nextOwner, type RoutingRule, ruleFor, unownedTypes } from "../../src/domain/routing.ts";

const now = new Date("2026-11-27T10:00:00Z");
const at = (iso: string) => new Date(iso);
const person = (userId: string, open: number, last: string | null = null, away: string | null = null): Candidate => ({
  userId,
  open,
  lastAssignedAt: last ? at(last) : null,
  awayUntil: away ? at(away) : null,
});

describe("the rotation", () => {
  it("gives the turn to whoever holds the fewest open cases", () => {
    expect(nextOwner([person("U0A", 3), person("U0B", 1), person("U0C", 2)], now)?.userId).toBe("U0B");
  });

  it("of equally loaded people, to whoever waited longest, someone never given one first", () => {
    const tied = [person("U0A", 1, "2026-11-27T09:00:00Z"), person("U0B", 1, "2026-11-27T08:00:00Z")];
    expect(nextOwner(tied, now)?.userId).toBe("U0B");
    expect(nextOwner([...tied, person("U0C", 1)], now)?.userId).toBe("U0C");
    // Full ties fall to the id, whatever order the rule lists people in.
    expect(nextOwner([person("U0Z", 0), person("U0M", 0)], now)?.userId).toBe("U0M");
    expect(nextOwner([person("U0M", 0), person("U0Z", 0)], now)?.userId).toBe("U0M");
  });

  it("skips people away until later, and takes them back once that time has come", () => {
    const team = [person("U0A", 0, null, "2026-12-01T00:00:00Z"), person("U0B", 5)];
    expect(nextOwner(team, now)?.userId).toBe("U0B");
    expect(nextOwner(team, at("2026-12-01T00:00:00Z"))?.userId).toBe("U0A");
  });

  it("finds nobody in an empty group, or when everyone is away or skipped", () => {
    expect(nextOwner([], now)).toBeUndefined();
    expect(nextOwner([person("U0A", 0, null, "2026-12-01T00:00:00Z")], now)).toBeUndefined();
    expect(nextOwner([person("U0A", 0)], now, ["U0A"])).toBeUndefined();
  });

  it("counts a person in several groups by all their open cases, and spreads three cases over two owners", () => {
    // U0A owns returns and claims: the claims they hold count against their turn for returns.
    const loads = new Map([
      ["U0A", 2],
      ["U0B", 0],
    ]);
    const given: string[] = [];
    let clock = now.getTime();
    const last = new Map<string, Date>();
    for (let i = 0; i < 3; i++) {
      const next = nextOwner(
        ["U0A", "U0B"].map((id) => ({
          userId: id,
          open: loads.get(id) ?? 0,
          lastAssignedAt: last.get(id) ?? null,
          awayUntil: null,
        })),
        new Date(clock),
      );
      if (!next) throw new Error("nobody");
      given.push(next.userId);
      loads.set(next.userId, (loads.get(next.userId) ?? 0) + 1);
      last.set(next.userId, new Date(clock));
      clock += 60_000;
    }
    // B (0 open) twice to reach A's two, then the tie goes to A, who waited longest.
    expect(given).toEqual(["U0B", "U0B", "U0A"]);
  });
});

describe("the rule a case falls under", () => {
  const rules: RoutingRule[] = [
    { category: "return", marketplace: "", owners: ["U0A"] },
    { category: "return", marketplace: "DE", owners: ["U0B"] },
    { category: "refund", marketplace: "UK", owners: ["U0C"] },
    { category: "chargeback", marketplace: "", owners: [] },
  ];
  it("is its marketplace's own rule first, else the rule for every marketplace", () => {
    expect(ruleFor(rules, { category: "return", marketplace: "DE" })?.owners).toEqual(["U0B"]);
    expect(ruleFor(rules, { category: "return", marketplace: "US" })?.owners).toEqual(["U0A"]);
    expect(ruleFor(rules, { category: "return", marketplace: null })?.owners).toEqual(["U0A"]);
  });
  it("is none for a type without owners, or owned only in another marketplace", () => {
    expect(ruleFor(rules, { category: "refund", marketplace: "US" })).toBeUndefined();
    expect(ruleFor(rules, { category: "chargeback", marketplace: null })).toBeUndefined();
    expect(ruleFor(rules, { category: "complaint", marketplace: null })).toBeUndefined();
  });
});

describe("the weekly triage's types without an owner", () => {
  const rules: RoutingRule[] = [
    { category: "return", marketplace: "US", owners: ["U0A"] },
    { category: "a_to_z_claim", marketplace: "", owners: ["U0B"] },
    { category: "chargeback", marketplace: "", owners: [] },
  ];
  it("names a type no rule covers, and where a type owned elsewhere had cases", () => {
    const arrived = [
      { category: "return", marketplace: "US" },
      { category: "return", marketplace: "DE" },
      { category: "return", marketplace: null },
      { category: "a_to_z_claim", marketplace: "DE" },
      { category: "complaint", marketplace: "US" },
      { category: "complaint", marketplace: "DE" },
      { category: "chargeback", marketplace: null },
    ] as const;
    expect(unownedTypes(rules, [...arrived])).toEqual([
      { category: "chargeback", marketplaces: [] },
      { category: "complaint", marketplaces: [] },
      { category: "return", marketplaces: ["DE", null] },
    ]);
  });
  it("is empty when every case had a rule", () => {
    expect(unownedTypes(rules, [{ category: "return", marketplace: "US" }])).toEqual([]);
  });
});
