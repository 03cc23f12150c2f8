// Importing a returns report from Slack: /case import opens a modal with a file input; the file
// is fetched with the bot token and imported; one summary message follows in the channel.
import { Readable } from "node:stream";
import type { App } from "@slack/bolt";
import { queueMessage } from "../domain/outbox.ts";
import { importReturns } from "../domain/returnsImport.ts";
import { readReturnsReport } from "../domain/returnsReport.ts";
import type { AppDeps } from "../deps.ts";
import { CALLBACKS } from "../ids.ts";
import { importSummaryMessage } from "../views/importSummary.ts";
import { REPORT_FILE_BLOCK } from "../views/importModal.ts";

const MAX_FILE_BYTES = 50 * 1024 * 1024;
type UploadedFile = { id: string; name?: string; size?: number; url_private_download?: string; url_private?: string };

export function register(app: App, deps: AppDeps): void {
  app.view(CALLBACKS.importReturns, async ({ ack, view, body, client, logger }) => {
    const files = (view.state.values[REPORT_FILE_BLOCK]?.value as unknown as { files?: UploadedFile[] } | undefined)?.files ?? [];
    if (!files.length) {
      await ack({ response_action: "errors", errors: { [REPORT_FILE_BLOCK]: "Attach the returns report (.txt as downloaded from Seller Central)" } });
      return;
    }
    // The import can take several seconds: close the form now, report in the channel.
    await ack();
    const { channelId } = JSON.parse(view.private_metadata || "{}") as { channelId?: string };
    const channel = channelId ?? deps.config.casesChannel;
    const user = body.user.id;
    const tell = (text: string) => client.chat.postEphemeral({ channel, user, text }).catch((err) => logger.warn(`Could not tell ${user}: ${(err as Error).message}`));
    try {
      const info = (await client.files.info({ file: files[0].id })).file as UploadedFile | undefined;
      const url = info?.url_private_download ?? info?.url_private;
      if (!info || !url) throw new Error("Slack did not give me the file. Upload it again.");
      if ((info.size ?? 0) > MAX_FILE_BYTES) throw new Error("The file is larger than 50 MB; split the report by date range.");
      const res = await fetch(url, { headers: { Authorization: `Bearer ${deps.config.botToken}` } });
      if (!res.ok || !res.body) throw new Error(`Slack answered ${res.status} when I fetched the file. Upload it again.`);
      const report = await readReturnsReport(Readable.fromWeb(res.body as never));
      const summary = await importReturns(deps.prisma, report, {
        now: deps.now(),
        channelId: deps.config.casesChannel,
        clock: deps.config.clock,
        crisis: deps.config.crisis,
        cardRules: deps.config.importCardRules,
      });
      await queueMessage(deps.prisma, channel, importSummaryMessage(summary, info.name ?? "returns report"));
      deps.kickOutbox();
    } catch (err) {
      logger.warn(`Returns import failed: ${(err as Error).message}`);
      await tell(`The returns report was not imported: ${(err as Error).message}`);
    }
  });
}
