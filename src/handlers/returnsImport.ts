// Importing a returns report from Slack: a report shared in the channel just before /case import
// is taken straight away, otherwise /case import opens a form with a file input. The file is
// fetched with the bot token and imported; one summary message follows in the channel.
import type { App, Logger, ViewSubmitAction, webApi } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { actorFor, mayImportReturns } from "../domain/people.ts";
import { say } from "../i18n/i18n.ts";
import { CALLBACKS, INPUT_ACTION, REPORT_FILE_BLOCK } from "../ids.ts";
import { runImport } from "../jobs/importReport.ts";
import { importMetadata } from "../views/modalMetadata.ts";
import { afterAck, modalError, readMetadata, teamWords, tellPrivately, wordsFor } from "./kit.ts";
import { downloadSlackFile, FileRefused, fileOrigins, type SlackFileInfo } from "./slackFiles.ts";

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** A report of 50 MB comes in well within this from Slack; a stalled download must not hang the import. */
const DOWNLOAD_TIMEOUT_MS = 120_000;

export function register(app: App, deps: AppDeps): void {
  app.view<ViewSubmitAction>(
    CALLBACKS.importReturns,
    afterAck(
      { key: "commands.failed.importNotDone" },
      async ({ ack, view, body, client, logger }) => {
        const files =
          (view.state.values[REPORT_FILE_BLOCK]?.[INPUT_ACTION] as unknown as { files?: SlackFileInfo[] } | undefined)
            ?.files ?? [];
        const refusal = mayImportReturns(actorFor(body.user.id, deps.config));
        if (refusal || !files.length) {
          const w = await wordsFor(deps, body.user.id).catch(() => teamWords(deps.config));
          const problem = refusal ? say(w, refusal) : w.t("commands.import.attachFile");
          await ack(modalError(REPORT_FILE_BLOCK, problem));
          return;
        }
        // The import can take several seconds: close the form now, report in the channel.
        await ack();
        // A form whose metadata cannot be read still imports; its summary goes to the cases channel.
        const channelId = readMetadata(view.private_metadata, importMetadata)?.channelId ?? deps.config.casesChannel;
        await importSlackFile(deps, client, files[0].id, channelId, body.user.id, logger);
      },
      { deps },
    ),
  );
}

/** Fetches an uploaded report with the bot token, imports it, and queues the summary for the channel. */
export async function importSlackFile(
  deps: AppDeps,
  client: webApi.WebClient,
  fileId: string,
  channel: string,
  user: string,
  logger: Logger,
): Promise<void> {
  let name = "returns report";
  const tell = (text: string) => tellPrivately(client, { userId: user, channelId: channel }, text, logger);
  // What only the importer is told is in their words; the summary in the channel is in the team's.
  const w = await wordsFor(deps, user).catch(() => teamWords(deps.config));
  try {
    const info = (await client.files.info({ file: fileId })).file as SlackFileInfo | undefined;
    if (!info) throw new FileRefused(w.t("commands.import.noFile"));
    name = info.name ?? name;
    const file = await downloadSlackFile(info, {
      token: deps.config.botToken,
      origins: fileOrigins(deps.config.slackApiUrl),
      maxBytes: MAX_FILE_BYTES,
      timeoutMs: DOWNLOAD_TIMEOUT_MS,
    });
    const summary = await runImport(deps, file, name, channel);
    if (summary.stoppedBy)
      await tell(w.t("commands.import.stoppedPartway", { reason: summary.stoppedBy, created: summary.created }));
  } catch (err) {
    logger.warn(`Returns import failed: ${(err as Error).message}`);
    await tell(w.t("commands.import.notImported", { reason: (err as Error).message }));
  }
}

/** The report this person shared in the channel in the last few minutes, if any. */
export async function recentlySharedFile(
  client: webApi.WebClient,
  channel: string,
  user: string,
  now: Date,
  logger: Logger,
): Promise<SlackFileInfo | undefined> {
  const since = Math.floor(now.getTime() / 1000) - 15 * 60;
  // Bounded: the command's trigger id must still be fresh if the form has to open instead.
  const listed = await Promise.race([
    client.files.list({ channel, user, ts_from: String(since), count: 1 }).then(
      (r) => (r.files ?? []) as SlackFileInfo[],
      (err) => {
        // Not being able to look is no reason to refuse: the form opens instead.
        logger.warn(`Could not list the files shared in ${channel}: ${(err as Error).message}`);
        return [];
      },
    ),
    new Promise<SlackFileInfo[]>((resolve) => setTimeout(() => resolve([]), 1000)),
  ]);
  return listed[0];
}
