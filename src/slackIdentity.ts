// Checks the bot token once at start and learns the bot's ids, so Bolt does not call auth.test on
// its own in the background (a call that, if Slack is unreachable, fails where nobody can catch it).
import { LogLevel, webApi } from "@slack/bolt";
import type { Config } from "./config.ts";

export type BotIdentity = { botId: string; botUserId: string };

const REFUSED = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"]);

export async function botIdentity(
  config: Config,
  warn: (message: string) => void = console.warn,
): Promise<BotIdentity | undefined> {
  const client = new webApi.WebClient(config.botToken, {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000 },
    logLevel: LogLevel.ERROR,
  });
  try {
    const r = await client.auth.test();
    if (r.bot_id && r.user_id) return { botId: r.bot_id, botUserId: r.user_id };
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code && REFUSED.has(code)) {
      throw new Error(
        `Slack refused SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions, and reinstall the app if it was removed.`,
      );
    }
    // Slack unreachable: start anyway (cases are stored and queued); Bolt checks the token later.
    warn(`Could not reach Slack to check the bot token (${(err as Error).message}); starting anyway.`);
  }
  return undefined;
}
