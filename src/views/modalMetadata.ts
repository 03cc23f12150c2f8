// What each modal carries in its private_metadata, written by its view and read back by its
// handler through these schemas, so a form that cannot be read is answered instead of crashing.
import { z } from "zod";
import { keysOf, RESOLUTIONS } from "../domain/vocabulary.ts";

/** Where the new-case form was opened, so the person can be told there that the case exists. */
export const newCaseMetadata = z.object({ channelId: z.string().optional() });
export type NewCaseMetadata = z.infer<typeof newCaseMetadata>;

export const resolveCaseMetadata = z.object({
  caseId: z.number().int().positive(),
  /** The remedy the resolve form shows, recorded with the resolution (the form may lag a quick change). */
  suggested: z
    .object({
      resolution: z.enum(keysOf(RESOLUTIONS)),
      amountRange: z
        .object({ from: z.string().max(20), to: z.string().max(20), currency: z.string().max(3) })
        .optional(),
    })
    .optional(),
});
export type ResolveCaseMetadata = z.infer<typeof resolveCaseMetadata>;

/** The wave's alert and the channel its summary goes to (an alert may have no channel yet). */
export const crisisResolveMetadata = z.object({
  alertId: z.number().int().positive(),
  channelId: z.string().nullable().optional(),
});
export type CrisisResolveMetadata = z.infer<typeof crisisResolveMetadata>;

/** The channel where /case import was run; the import summary is posted there. */
export const importMetadata = z.object({ channelId: z.string().optional() });
export type ImportMetadata = z.infer<typeof importMetadata>;
