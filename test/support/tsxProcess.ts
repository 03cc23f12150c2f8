// One of the project's entry points (src/main.ts, src/importCli.ts) run as a real process with tsx,
// as `npm start` and `npm run import` do, with nothing but the given settings in its environment.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export type TsxProcess = {
  child: ReturnType<typeof spawn>;
  /** The exit code, once the process has ended. */
  exited: Promise<number | null>;
  /** Everything written to stdout and stderr so far. */
  output(): string;
};

/** `script` is relative to the project root, e.g. "src/main.ts". */
export function runTsx(
  script: string,
  opts: { args?: string[]; env: Record<string, string>; cwd: string },
): TsxProcess {
  const file = fileURLToPath(new URL(`../../${script}`, import.meta.url));
  // Only what the program needs: nothing from the developer's own environment leaks in. Started
  // from the data directory, so a developer's own .env in the project is not read either.
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), file, ...(opts.args ?? [])], {
    cwd: opts.cwd,
    env: { PATH: process.env.PATH ?? "", ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, exited, output: () => output };
}
