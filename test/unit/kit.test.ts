import { describe, expect, it } from "vitest";
import { z } from "zod";
import { modalError, modalErrors, readMetadata } from "../../src/handlers/kit.ts";
import { RESOLVE_BLOCKS } from "../../src/ids.ts";
import { resolveCaseMetadata } from "../../src/views/modalMetadata.ts";

describe("readMetadata", () => {
  it("reads what the view wrote and never throws on anything else", () => {
    expect(readMetadata('{"caseId":12}', resolveCaseMetadata)).toEqual({ caseId: 12 });
    expect(readMetadata("{not json", resolveCaseMetadata)).toBeUndefined();
    expect(readMetadata('{"caseId":"12"}', resolveCaseMetadata)).toBeUndefined();
    expect(readMetadata("null", resolveCaseMetadata)).toBeUndefined();
    expect(readMetadata("", z.object({ channelId: z.string().optional() }))).toEqual({});
    expect(readMetadata(undefined, resolveCaseMetadata)).toBeUndefined();
  });
});

describe("modalErrors", () => {
  const schema = z.object({ resolution: z.string({ error: "Pick a resolution" }), amount: z.number().optional() });
  const b = RESOLVE_BLOCKS;

  it("keys each problem by the block of its field, the first per block, and the rest under the fallback", () => {
    const bad = schema.superRefine((_, ctx) => {
      ctx.addIssue({ code: "custom", path: [], message: "Something about the whole form" });
      ctx.addIssue({ code: "custom", path: ["resolution"], message: "first problem" });
      ctx.addIssue({ code: "custom", path: ["resolution"], message: "second problem" });
    });
    const r = bad.safeParse({ resolution: "refund" });
    expect(r.success).toBe(false);
    const answer = modalErrors(r.error, b, b.note);
    expect(answer).toEqual({
      response_action: "errors",
      errors: { [b.note]: "Something about the whole form", [b.resolution]: "first problem" },
    });
    expect(modalErrors(schema.safeParse({ amount: "x" }).error, b, b.note).errors).toMatchObject({
      [b.resolution]: "Pick a resolution",
      [b.amount]: expect.any(String),
    });
  });

  it("puts problems found outside the schema first", () => {
    const r = schema.safeParse({});
    const answer = modalErrors(r.error, b, b.note, { cases: "Pick at least one case" });
    expect(answer.errors).toMatchObject({ cases: "Pick at least one case", [b.resolution]: "Pick a resolution" });
    expect(modalErrors(undefined, b, b.note, { cases: "Pick at least one case" }).errors).toEqual({
      cases: "Pick at least one case",
    });
    expect(modalError(b.note, "Too long")).toEqual({ response_action: "errors", errors: { [b.note]: "Too long" } });
  });
});
