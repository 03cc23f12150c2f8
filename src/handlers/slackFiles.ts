// Downloading a file a person uploaded to Slack (a returns report). The bot token may only ever go
// to Slack's own file host: a file shared from Google Drive or added with files.remote.add has an
// address elsewhere, and sending the token there would hand the bot's access to whoever runs it.
import { pipeline, Readable, Transform } from "node:stream";

export type SlackFileInfo = {
  id: string;
  name?: string;
  size?: number;
  /** "hosted" or "snippet" for files Slack stores; "external" for linked ones. */
  mode?: string;
  is_external?: boolean;
  url_private_download?: string;
  url_private?: string;
};

/** A reason to tell the person, in their words: nothing was fetched. */
export class FileRefused extends Error {}

const SLACK_FILE_HOST = "https://files.slack.com";
const OUTSIDE_SLACK = "That file is stored outside Slack; download it and upload the file itself.";
const MAX_REDIRECTS = 3;

/**
 * Where the token may be sent: Slack's file host, and the origin of SLACK_API_URL when the
 * workspace's administrator points the bot at a proxy (or at a local stand-in in tests).
 */
export function fileOrigins(slackApiUrl?: string): string[] {
  return slackApiUrl ? [SLACK_FILE_HOST, new URL(slackApiUrl).origin] : [SLACK_FILE_HOST];
}

export async function downloadSlackFile(
  info: SlackFileInfo,
  opts: { token: string; origins: string[]; maxBytes: number; timeoutMs: number },
): Promise<Readable> {
  if (info.is_external || (info.mode !== undefined && info.mode !== "hosted" && info.mode !== "snippet")) {
    throw new FileRefused(OUTSIDE_SLACK);
  }
  const tooLarge = `The file is larger than ${Math.round(opts.maxBytes / 1024 / 1024)} MB; split the report by date range.`;
  if ((info.size ?? 0) > opts.maxBytes) throw new FileRefused(tooLarge);
  const first = info.url_private_download ?? info.url_private;
  if (!first) throw new FileRefused("Slack did not give me the file. Upload it again.");

  const signal = AbortSignal.timeout(opts.timeoutMs);
  let url = new URL(first);
  for (let hop = 0; ; hop++) {
    // Checked before every request, redirects included: the token never leaves these origins.
    if (!opts.origins.includes(url.origin)) throw new FileRefused(OUTSIDE_SLACK);
    const res = await fetch(url, { headers: { Authorization: `Bearer ${opts.token}` }, redirect: "manual", signal });
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location && hop < MAX_REDIRECTS) {
      url = new URL(location, url);
      continue;
    }
    if (!res.ok || !res.body)
      throw new FileRefused(`Slack answered ${res.status} when I fetched the file. Upload it again.`);
    if (Number(res.headers.get("content-length") ?? 0) > opts.maxBytes) throw new FileRefused(tooLarge);
    const limited = byteLimit(opts.maxBytes, tooLarge);
    // pipeline (not pipe) so a download that fails or times out midway errors the stream the
    // reader consumes, instead of leaving it waiting; that error is where it is handled.
    pipeline(Readable.fromWeb(res.body as never), limited, () => undefined);
    return limited;
  }
}

/** Counts bytes as they stream and stops at the limit, whatever the sender said of the size. */
export function byteLimit(maxBytes: number, message: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new FileRefused(message));
      else done(null, chunk);
    },
  });
}
