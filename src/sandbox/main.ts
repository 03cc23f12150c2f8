// `npm run sandbox`: the bot with a local stand-in for Slack and a page to use it, on localhost.
import { startSandbox } from "./sandbox.ts";

const port = Number(process.env.SANDBOX_PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SANDBOX_PORT must be a port number, e.g. 3000 (it is "${process.env.SANDBOX_PORT}").`);
  process.exit(2);
}

const startedAt = performance.now();
try {
  const sandbox = await startSandbox({ port });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`\nThe sandbox is ready (${seconds} s). Open ${sandbox.url} in your browser.`);
  console.log("It is a local preview, not Slack: nothing leaves this computer. Ctrl+C stops it and forgets its data.");
  let stopping = false;
  const stop = async () => {
    // A second Ctrl+C does not wait for a stop that hangs.
    if (stopping) process.exit(130);
    stopping = true;
    try {
      await sandbox.stop();
      process.exit(0);
    } catch (err) {
      console.error(`The sandbox did not stop cleanly: ${(err as Error).message}`);
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  console.error(
    e.code === "EADDRINUSE"
      ? `Port ${port} is in use. Start the sandbox on another one, e.g. SANDBOX_PORT=3001 npm run sandbox`
      : `The sandbox could not start: ${e.message}`,
  );
  process.exit(1);
}
