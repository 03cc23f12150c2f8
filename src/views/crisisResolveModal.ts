// "Resolve eligible returns…": one resolution applied to the cases picked from a wave.
import type { types } from "@slack/bolt";
import { caseNumber, RESOLUTIONS, ROOT_CAUSES } from "../domain/vocabulary.ts";
import { CALLBACKS, CASES_BLOCK, INPUT_ACTION, RESOLVE_BLOCKS } from "../ids.ts";
import type { AlertCase } from "./crisisAlert.ts";
import type { CrisisResolveMetadata } from "./modalMetadata.ts";
import { optionsFrom, selectInput, textInput } from "./modalParts.ts";
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
): types.ModalView {
  const listed = cases.slice(0, RESOLVE_FORM_CASES);
  const options = listed.map((c) => ({
    text: plain(trimText(`${caseNumber(c.number)} · ${c.ownerId ? "owned" : "unclaimed"} · ${c.description}`, 75)),
    value: String(c.id),
  }));
  return {
    type: "modal",
    callback_id: CALLBACKS.crisisResolve,
    title: plain("Resolve in bulk", 24),
    submit: plain("Resolve selected", 24),
    close: plain("Cancel", 24),
    private_metadata: JSON.stringify({ alertId: alert.id, channelId: alert.channelId } satisfies CrisisResolveMetadata),
    blocks: [
      mrkdwnSection(
        `Open cases of the *${escapeMrkdwn(alert.subject)}* wave. Only eligible returns: within the return window, undamaged, resellable. Cases you may not resolve (someone else's, unless you are a lead) are skipped and listed.`,
      ),
      ...(total > listed.length
        ? [
            mrkdwnSection(
              `:information_source: Showing the first ${listed.length} of ${total} open cases of this wave, oldest first (a form lists at most ${RESOLVE_FORM_CASES}). Resolve these, then press *Resolve eligible returns…* again for the rest (cases left open are listed again).`,
            ),
          ]
        : []),
      {
        type: "input",
        block_id: CASES_BLOCK,
        label: plain("Cases", 2000),
        element: {
          type: "multi_static_select",
          action_id: INPUT_ACTION,
          placeholder: plain("Pick the cases", 150),
          options,
          initial_options: options,
        },
      },
      selectInput(RESOLVE_BLOCKS.resolution, "Resolution", optionsFrom(RESOLUTIONS), { initial: "return_accepted" }),
      textInput(RESOLVE_BLOCKS.amount, "Amount per case", {
        optional: true,
        placeholder: "12.50",
        hint: "Required for refunds, partial refunds and coupons; the case's own currency is used.",
      }),
      selectInput(RESOLVE_BLOCKS.rootCause, "Root cause", optionsFrom(ROOT_CAUSES)),
      textInput(RESOLVE_BLOCKS.note, "Note", { optional: true, multiline: true, maxLength: 2000 }),
    ],
  };
}
