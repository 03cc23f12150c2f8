// The "Import returns report" modal: one file input for the report as downloaded from Seller Central.
import type { types } from "@slack/bolt";
import { CALLBACKS, INPUT_ACTION, REPORT_FILE_BLOCK } from "../ids.ts";
import type { ImportMetadata } from "./modalMetadata.ts";
import { mrkdwnSection, plain } from "./text.ts";

export function importModal(channelId: string): types.ModalView {
  return {
    type: "modal",
    callback_id: CALLBACKS.importReturns,
    title: plain("Import returns", 24),
    submit: plain("Import", 24),
    close: plain("Cancel", 24),
    private_metadata: JSON.stringify({ channelId } satisfies ImportMetadata),
    blocks: [
      mrkdwnSection(
        "Upload the *FBA customer returns* report or the *merchant-fulfilled returns* report, as downloaded from Seller Central (tab-separated .txt). Each return becomes a case; the same return in a later report is recognised and skipped. Cards are posted only for returns that need action now; a summary follows here.",
      ),
      {
        type: "input",
        block_id: REPORT_FILE_BLOCK,
        label: plain("Returns report", 2000),
        element: { type: "file_input", action_id: INPUT_ACTION, filetypes: ["txt", "tsv", "csv"], max_files: 1 },
      } as types.InputBlock,
    ],
  };
}
