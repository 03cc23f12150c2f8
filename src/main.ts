// Process entry: settings → database → Slack app → outbox → listen. SIGTERM/SIGINT drain and exit.
import { existsSync } from "node:fs";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { openBotDatabase } from "./db.ts";

async function main() {
  // A .env file is optional; variables already set in the environment win.
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      if (!process.env.SLACK_BOT_TOKEN)
        console.error(
          "\nNo Slack app yet? `npm run sandbox` runs the bot in your browser against a local stand-in for Slack.",
        );
      process.exit(2);
    }
    throw err;
  }
  // The database starts (the embedded one on its own thread) while the rest of the bot loads.
  const opening = openBotDatabase(config);
  opening.catch(() => {}); // awaited by startBot, which reports its failure
  const { startBot } = await import("./server.ts");
  const bot = await startBot(config, { opening });
  const mode = config.appToken ? "Socket Mode" : `HTTP mode (Slack requests at /slack/events)`;
  console.log(
    `After-sales bot is running in ${mode}; intake API and /healthz on port ${bot.port}; database: ${bot.database.kind}.`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing current work and stopping.`);
    await bot.stop();
    process.exit(0);
  };
  // A stray failure (e.g. Slack unreachable for a moment) is logged, not fatal: work is in the database.
  process.on("unhandledRejection", (err) => console.error(`Unexpected error: ${(err as Error)?.message ?? err}`));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  console.error(`The bot could not start: ${(err as Error).message}`);
  process.exit(1);
});
