// The team's vocabularies: the values the database accepts are exactly those with a label.
import { describe, expect, expectTypeOf, it } from "vitest";
import { AMAZON_DEADLINES, type AmazonDeadline } from "../../src/domain/responseClock.ts";
import {
  CATEGORIES,
  type CaseStatus,
  type Category,
  categoryLabel,
  isResolution,
  isRootCause,
  PRIORITIES,
  type Priority,
  priorityLabel,
  RESOLUTIONS,
  type Resolution,
  ROOT_CAUSES,
  type RootCause,
  resolutionLabel,
  rootCauseLabel,
  STATUSES,
  statusLabel,
} from "../../src/domain/vocabulary.ts";
import * as Schema from "../../src/generated/prisma/enums.ts";

describe("vocabularies", () => {
  it("have the same values as the database's enums", () => {
    expectTypeOf<Category>().toEqualTypeOf<Schema.Category>();
    expectTypeOf<Priority>().toEqualTypeOf<Schema.Priority>();
    expectTypeOf<CaseStatus>().toEqualTypeOf<Schema.CaseStatus>();
    expectTypeOf<Resolution>().toEqualTypeOf<Schema.Resolution>();
    expectTypeOf<RootCause>().toEqualTypeOf<Schema.RootCause>();
    expectTypeOf<AmazonDeadline>().toEqualTypeOf<Schema.AmazonDeadline>();
    // The same at run time, in the same order (the order of select options in the forms).
    expect(Object.keys(CATEGORIES)).toEqual(Object.values(Schema.Category));
    expect(Object.keys(PRIORITIES)).toEqual(Object.values(Schema.Priority));
    expect(Object.keys(STATUSES)).toEqual(Object.values(Schema.CaseStatus));
    expect(Object.keys(RESOLUTIONS)).toEqual(Object.values(Schema.Resolution));
    expect(Object.keys(ROOT_CAUSES)).toEqual(Object.values(Schema.RootCause));
    expect(Object.keys(AMAZON_DEADLINES)).toEqual(Object.values(Schema.AmazonDeadline));
  });

  it("give every value a label people can read", () => {
    expect(categoryLabel("a_to_z_claim")).toBe("A-to-z claim");
    expect(priorityLabel("urgent")).toBe("Urgent");
    expect(statusLabel("claimed")).toBe("Claimed");
    expect(resolutionLabel("partial_refund")).toBe("Partial refund");
    expect(rootCauseLabel("late_or_lost")).toBe("Late/lost delivery");
    for (const label of [
      ...Object.values(CATEGORIES),
      ...Object.values(PRIORITIES),
      ...Object.values(STATUSES),
      ...Object.values(RESOLUTIONS),
      ...Object.values(ROOT_CAUSES),
    ]) {
      expect(label.trim()).not.toBe("");
    }
  });

  it("recognise values read back from an event's JSON, and nothing else", () => {
    expect(isResolution("refund")).toBe(true);
    expect(isResolution("toString")).toBe(false);
    expect(isResolution(42)).toBe(false);
    expect(isRootCause("defect")).toBe(true);
    expect(isRootCause("Defect")).toBe(false);
  });
});
