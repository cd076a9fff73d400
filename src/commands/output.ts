/**
 * Where commands write. The CLI passes stdout/stderr; tests pass a recorder. Data a script
 * may parse (ids, SQL, JSON) goes to `data`; progress and notes go to `info` (stderr), so
 * `autogen upgrade --sql > script.sql` captures SQL alone.
 */
export interface Output {
  data(text: string): void;
  info(line: string): void;
  warn(line: string): void;
}

export const consoleOutput: Output = {
  data: (text) => void process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  info: (line) => void process.stderr.write(`${line}\n`),
  warn: (line) => void process.stderr.write(`warning: ${line}\n`),
};

/** An output that prints nothing: for an application that logs the returned results itself. */
export const silentOutput: Output = {
  data: () => undefined,
  info: () => undefined,
  warn: () => undefined,
};

/** An output that keeps everything, for tests and for `--json` callers. */
export function recordingOutput(): Output & { readonly lines: string[]; text(): string } {
  const lines: string[] = [];
  return {
    lines,
    data: (text) => void lines.push(text),
    info: (line) => void lines.push(line),
    warn: (line) => void lines.push(`warning: ${line}`),
    text: () => lines.join("\n"),
  };
}
