// "Resolve eligible returns…": one resolution applied to the cases picked from a wave.
import type { types } from "@slack/bolt";
import { caseNumber, RESOLUTIONS, ROOT_CAUSES } from "../domain/vocabulary.ts";
import { CALLBACKS, CASES_BLOCK, INPUT_ACTION, RESOLVE_BLOCKS } from "../ids.ts";
import type { AlertCase } from "./crisisAlert.ts";
import type { CrisisResolveMetadata } from "./modalMetadata.ts";
import { optionsFrom, selectInput, textInput } from "./modalParts.ts";
import { mrkdwnSection, plain, trimText } from "./text.ts";

export function crisisResolveModal(
  alert: { id: number; subject: string; channelId: string | null },
  cases: (AlertCase & { description: string })[],
): types.ModalView {
  const options = cases.slice(0, 100).map((c) => ({
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
        `Open cases of the *${alert.subject}* wave. Only eligible returns: within the return window, undamaged, resellable. Cases you may not resolve (someone else's, unless you are a lead) are skipped and listed.`,
      ),
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
