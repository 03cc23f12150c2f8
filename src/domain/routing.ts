// Owners per case type: which rule a new case falls under, and whose turn it is. The playbook's
// weekly triage ends with "assign an owner per case type"; these rules carry that out on arrival.
import type { Category } from "./vocabulary.ts";

/** The marketplace of a rule that holds in every marketplace (others name one: "US"). */
export const EVERY_MARKETPLACE = "";

/** A routing rule: the people who own one case type, in one marketplace or in all. */
export type RoutingRule = { category: Category; marketplace: string; owners: string[] };

/** `assign`: a new case becomes its owner's; `suggest`: the card names whose turn it is and Claim still decides. */
export type RoutingMode = "assign" | "suggest";

export type RoutingSettings = {
  mode: RoutingMode;
  /** Open cases above which a person counts as overloaded in the weekly triage. */
  overload: number;
};
export const DEFAULT_ROUTING: RoutingSettings = { mode: "assign", overload: 15 };

/** Routing as a new case meets it: the settings, the rules, and who may work cases (only they get turns). */
export type Routing = RoutingSettings & { rules: RoutingRule[]; mayWork: (userId: string) => boolean };

/** The rule a case falls under: its marketplace's own rule, else the type's rule for every marketplace. */
export function ruleFor<R extends RoutingRule>(
  rules: R[],
  c: { category: Category; marketplace: string | null },
): R | undefined {
  const ofType = rules.filter((r) => r.category === c.category && r.owners.length > 0);
  return (
    (c.marketplace ? ofType.find((r) => r.marketplace === c.marketplace) : undefined) ??
    ofType.find((r) => r.marketplace === EVERY_MARKETPLACE)
  );
}

/** A case type whose cases had no rule to follow: everywhere (no marketplaces listed), or in these marketplaces (null: cases without one). */
export type Unowned = { category: Category; marketplaces: (string | null)[] };

/** Of the types and marketplaces cases arrived in, those no rule covered. */
export function unownedTypes(
  rules: RoutingRule[],
  arrived: { category: Category; marketplace: string | null }[],
): Unowned[] {
  const missing = new Map<Category, (string | null)[]>();
  for (const a of arrived)
    if (!ruleFor(rules, a)) missing.set(a.category, [...(missing.get(a.category) ?? []), a.marketplace]);
  return [...missing]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, marketplaces]) => ({
      category,
      // A type with a rule somewhere is owned elsewhere: say where it is not.
      marketplaces: rules.some((r) => r.category === category && r.owners.length)
        ? marketplaces.sort((a, b) => (a ?? "\uffff").localeCompare(b ?? "\uffff"))
        : [],
    }));
}

/** What the rotation knows of each owner. */
export type Candidate = {
  userId: string;
  /** Cases open for the person now: held, or waiting for them to claim (suggested, or offered naming them). */
  open: number;
  /** When the person last got a case by a rule (null: never). */
  lastAssignedAt: Date | null;
  /** Until when the person is away (null: here). */
  awayUntil: Date | null;
};

/** Whether someone is away at `now`: away until a day that has not come yet. */
export const isAway = (c: Pick<Candidate, "awayUntil">, now: Date) =>
  c.awayUntil !== null && c.awayUntil.getTime() > now.getTime();

/**
 * Whose turn it is: of the owners who are here (not `skip`), the one with the fewest open cases;
 * of equals, the one who has waited longest for a case (never first); then by id, so the choice
 * never depends on the order people were listed in. Undefined when nobody is available.
 */
export function nextOwner(candidates: Candidate[], now: Date, skip: string[] = []): Candidate | undefined {
  const waited = (c: Candidate) => c.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  return candidates
    .filter((c) => !isAway(c, now) && !skip.includes(c.userId))
    .sort((a, b) => a.open - b.open || waited(a) - waited(b) || a.userId.localeCompare(b.userId))[0];
}
