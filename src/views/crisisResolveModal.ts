// "Resolve eligible returns…": one resolution applied to the cases picked from a wave.
import type { types } from "@slack/bolt";
import { caseNumber, keysOf, RESOLUTIONS, ROOT_CAUSES } from "../domain/vocabulary.ts";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { resolutionName, rootCauseName } from "../i18n/labels.ts";
import { CALLBACKS, CASES_BLOCK, INPUT_ACTION, RESOLVE_BLOCKS } from "../ids.ts";
import type { AlertCase } from "./crisisAlert.ts";
import type { CrisisResolveMetadata } from "./modalMetadata.ts";
import { optionsOf, selectInput, textInput } from "./modalParts.ts";
import { escapeMrkdwn, mrkdwnSection, plain, trimText } from "./text.ts";

/** Slack lists at most 100 options in a multi-select: the form covers that many cases at a time. */
export const RESOLVE_FORM_CASES = 100;

/**
 * The form for the wave's open cases, oldest first. `total` is how many are open in all: when
 * there are more than the form can list, it says so and how to get to the rest.
 */
export function crisisResolveModal(
  alert: { id: number; subject: string; channelId: string | null },
  cases: (AlertCase & { description: string })[],
  total = cases.length,
  w: Words = ENGLISH,
): types.ModalView {
  const listed = cases.slice(0, RESOLVE_FORM_CASES);
  const options = listed.map((c) => {
    const line = { number: caseNumber(c.number), description: c.description };
    return {
      text: plain(
        trimText(w.t(c.ownerId ? "forms.bulkResolve.optionOwned" : "forms.bulkResolve.optionUnclaimed", line), 75),
      ),
      value: String(c.id),
    };
  });
  return {
    type: "modal",
    callback_id: CALLBACKS.crisisResolve,
    title: plain(w.t("forms.bulkResolve.title"), 24),
    submit: plain(w.t("forms.bulkResolve.submit"), 24),
    close: plain(w.t("forms.cancel"), 24),
    private_metadata: JSON.stringify({ alertId: alert.id, channelId: alert.channelId } satisfies CrisisResolveMetadata),
    blocks: [
      mrkdwnSection(w.t("forms.bulkResolve.intro", { subject: escapeMrkdwn(alert.subject) })),
      ...(total > listed.length
        ? [
            mrkdwnSection(
              w.t("forms.bulkResolve.more", {
                shown: w.num(listed.length),
                total: w.num(total),
                max: w.num(RESOLVE_FORM_CASES),
              }),
            ),
          ]
        : []),
      {
        type: "input",
        block_id: CASES_BLOCK,
        label: plain(w.t("forms.bulkResolve.cases"), 2000),
        element: {
          type: "multi_static_select",
          action_id: INPUT_ACTION,
          placeholder: plain(w.t("forms.bulkResolve.pickCases"), 150),
          options,
          initial_options: options,
        },
      },
      selectInput(
        RESOLVE_BLOCKS.resolution,
        w.t("forms.resolve.resolution"),
        optionsOf(keysOf(RESOLUTIONS), (r) => resolutionName(w, r)),
        { initial: "return_accepted", words: w },
      ),
      textInput(RESOLVE_BLOCKS.amount, w.t("forms.bulkResolve.amountPerCase"), {
        optional: true,
        placeholder: "12.50",
        hint: w.t("forms.bulkResolve.amountHint"),
      }),
      selectInput(
        RESOLVE_BLOCKS.rootCause,
        w.t("forms.resolve.rootCause"),
        optionsOf(keysOf(ROOT_CAUSES), (r) => rootCauseName(w, r)),
        { words: w },
      ),
      textInput(RESOLVE_BLOCKS.note, w.t("forms.resolve.note"), { optional: true, multiline: true, maxLength: 2000 }),
    ],
  };
}
