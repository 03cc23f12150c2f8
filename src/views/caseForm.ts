// The frame every form about one case shares: its title with the case number, the case's heading,
// and the case id in private_metadata for the handler to read back.
import type { types } from "@slack/bolt";
import { caseNumber } from "../domain/vocabulary.ts";
import type { Case } from "../generated/prisma/client.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { categoryName } from "../i18n/labels.ts";
import type { ResolveCaseMetadata } from "./modalMetadata.ts";
import { escapeMrkdwn, mrkdwnSection, plain, trimText } from "./text.ts";

/** "*AS-1042* · Return · order 114-…" and what happened, cut short. */
export const caseHeading = (c: Case, w: Words = ENGLISH): types.SectionBlock =>
  mrkdwnSection(
    `${w.t("forms.caseHeading", { number: caseNumber(c.number), category: categoryName(w, c.category), orderId: c.orderId })}\n${escapeMrkdwn(trimText(c.description, 300))}`,
  );

export function caseForm(
  c: Case,
  opts: {
    callbackId: string;
    /** The form's title: a word put before the case number, or the whole title made from it. */
    title: string | ((number: string) => string);
    submit: string;
    /** The reader's words (for the heading and Cancel). */
    words?: Words;
  },
  blocks: types.KnownBlock[],
): types.ModalView {
  const w = opts.words ?? ENGLISH;
  const number = caseNumber(c.number);
  return {
    type: "modal",
    callback_id: opts.callbackId,
    title: plain(typeof opts.title === "function" ? opts.title(number) : `${opts.title} ${number}`, 24),
    submit: plain(opts.submit, 24),
    close: plain(w.t("forms.cancel"), 24),
    private_metadata: JSON.stringify({ caseId: c.id } satisfies ResolveCaseMetadata),
    blocks: [caseHeading(c, w), ...blocks],
  };
}
