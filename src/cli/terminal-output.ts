import { consoleOutput, type Output } from "../commands/output";

/**
 * Colour on the terminal, as people expect of a CLI: `--no-color` / `--color` decide first,
 * then `NO_COLOR` (any value, see no-color.org), then `FORCE_COLOR` (`0` or `false` turn it
 * off), then whether stderr is a terminal (and not `TERM=dumb`). So CI logs and pipes stay
 * plain text unless asked.
 */
export function wantsColour(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  isTTY: boolean = process.stderr.isTTY === true,
): boolean {
  if (argv.includes("--no-color")) return false;
  if (argv.includes("--color")) return true;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "") {
    return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  }
  return isTTY && env.TERM !== "dumb";
}

const paint = (code: number) => (text: string) => `\x1b[${code}m${text}\x1b[0m`;

/** The styles the CLI uses; plain text when colour is off. */
export function palette(colour: boolean) {
  const plain = (text: string) => text;
  return {
    error: colour ? paint(31) : plain,
    warning: colour ? paint(33) : plain,
    hint: colour ? paint(2) : plain,
    success: colour ? paint(32) : plain,
  };
}

/** Lines on stderr that report success: shown green. */
const SUCCESS = /^(Applied|Reverted|Stamped|No changes detected|Nothing to)/;

/**
 * stdout and stderr, as `consoleOutput`, with colour on stderr only: stdout carries data that
 * scripts parse (ids, SQL, JSON, summaries), which stays plain whatever the terminal.
 */
export function terminalOutput(colour: boolean): Output {
  const style = palette(colour);
  return {
    data: consoleOutput.data,
    info: (line) =>
      void process.stderr.write(`${SUCCESS.test(line) ? style.success(line) : line}\n`),
    warn: (line) => void process.stderr.write(`${style.warning("warning:")} ${line}\n`),
  };
}

/** An error report's line, styled: `error:` red, `hint:` dim. */
export function styleReportLine(line: string, colour: boolean): string {
  const style = palette(colour);
  if (line.startsWith("error: ")) return `${style.error("error:")}${line.slice("error:".length)}`;
  if (line.startsWith("hint: ")) return style.hint(line);
  return line;
}
