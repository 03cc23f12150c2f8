// The "Import returns report" modal: one file input for the report as downloaded from Seller Central.
import type { types } from "@slack/bolt";
import { ENGLISH, type Words } from "../i18n/i18n.ts";
import { CALLBACKS, INPUT_ACTION, REPORT_FILE_BLOCK } from "../ids.ts";
import type { ImportMetadata } from "./modalMetadata.ts";
import { mrkdwnSection, plain } from "./text.ts";

export function importModal(channelId: string, w: Words = ENGLISH): types.ModalView {
  return {
    type: "modal",
    callback_id: CALLBACKS.importReturns,
    title: plain(w.t("forms.import.title"), 24),
    submit: plain(w.t("forms.import.submit"), 24),
    close: plain(w.t("forms.cancel"), 24),
    private_metadata: JSON.stringify({ channelId } satisfies ImportMetadata),
    blocks: [
      mrkdwnSection(w.t("forms.import.intro")),
      {
        type: "input",
        block_id: REPORT_FILE_BLOCK,
        label: plain(w.t("forms.import.file"), 2000),
        element: { type: "file_input", action_id: INPUT_ACTION, filetypes: ["txt", "tsv", "csv"], max_files: 1 },
      } as types.InputBlock,
    ],
  };
}
