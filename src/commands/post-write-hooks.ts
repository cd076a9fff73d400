import { spawn } from "node:child_process";
import { relative } from "node:path";
import { PostWriteHookError } from "../errors";
import type { Workspace } from "./workspace";

/** A path as one shell word: POSIX single quotes, or double quotes for cmd.exe. */
export function shellQuote(path: string, platform = process.platform): string {
  if (platform === "win32") return `"${path.replaceAll('"', '""')}"`;
  return `'${path.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command line a hook runs: `{file}` replaced by the quoted path wherever it appears,
 * or the quoted path appended when the command does not mention it (`npx prettier --write`).
 *
 * @example hookCommand("npx eslint --fix {file}", "migrations/a b.ts") // => "npx eslint --fix 'migrations/a b.ts'"
 */
export function hookCommand(command: string, path: string, platform = process.platform): string {
  const quoted = shellQuote(path, platform);
  return command.includes("{file}")
    ? command.replaceAll("{file}", quoted)
    : `${command.trimEnd()} ${quoted}`;
}

interface Finished {
  readonly status: number | null;
  readonly signal: string | null;
  readonly output: string;
  readonly startError?: Error;
}

function runShell(line: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((done) => {
    const child = spawn(line, { shell: true, cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", (error) =>
      done({ status: null, signal: null, output: "", startError: error }),
    );
    child.on("close", (status, signal) =>
      done({ status, signal, output: Buffer.concat(chunks).toString("utf8") }),
    );
  });
}

/**
 * Runs the configured `postWriteHooks` on a file just written, in order, from the config
 * file's folder. A hook's output goes to `info` (stderr), so stdout keeps only the path the
 * command prints. The first failing hook stops the others and is reported with its command
 * and exit code; the file stays as the hooks before it left it.
 */
export async function runPostWriteHooks(ws: Workspace, file: string): Promise<void> {
  const { out } = ws.context;
  const cwd = ws.options.projectDir;
  const path = relative(cwd, file) || file;
  const shown = relative(ws.cwd, file) || file;
  for (const command of ws.options.postWriteHooks) {
    const line = hookCommand(command, path);
    out.info(`Running post-write hook: ${line}`);
    const result = await runShell(line, cwd, ws.context.env ?? process.env);
    for (const text of result.output.split(/\r?\n/)) if (text.trim() !== "") out.info(`  ${text}`);
    if (result.status === 0) continue;
    const how = result.startError
      ? `could not start (${result.startError.message})`
      : result.signal
        ? `was ended by ${result.signal}`
        : `failed with exit code ${result.status}`;
    throw new PostWriteHookError(
      command,
      result.status,
      file,
      `post-write hook \`${command}\` ${how} on ${shown}`,
    );
  }
}
