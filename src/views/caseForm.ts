// The frame every form about one case shares: its title with the case number, the case's heading,
// and the case id in private_metadata for the handler to read back.
import type { types } from "@slack/bolt";
import { caseNumber, categoryLabel } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import type { ResolveCaseMetadata } from "./modalMetadata.ts";
import { escapeMrkdwn, mrkdwnSection, plain, trimText } from "./text.ts";

/** "*AS-1042* · Return · order 114-…" and what happened, cut short. */
export const caseHeading = (c: Case): types.SectionBlock =>
  mrkdwnSection(
    `*${caseNumber(c.number)}* · ${categoryLabel(c.category)} · order ${c.orderId}\n${escapeMrkdwn(trimText(c.description, 300))}`,
  );

export function caseForm(
  c: Case,
  opts: { callbackId: string; title: string; submit: string },
  blocks: types.KnownBlock[],
): types.ModalView {
  return {
    type: "modal",
    callback_id: opts.callbackId,
    title: plain(`${opts.title} ${caseNumber(c.number)}`, 24),
    submit: plain(opts.submit, 24),
    close: plain("Cancel", 24),
    private_metadata: JSON.stringify({ caseId: c.id } satisfies ResolveCaseMetadata),
    blocks: [caseHeading(c), ...blocks],
  };
}
