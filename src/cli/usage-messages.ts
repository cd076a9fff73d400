/**
 * yargs's own failure messages, in the words of this tool: a misspelt command gets a
 * suggestion, a missing required value says what to write. Messages not listed here pass
 * through unchanged.
 */
export function usageMessage(
  message: string,
  argv: readonly string[],
  commands: readonly string[],
) {
  const command = argv.find((a) => !a.startsWith("-"));
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (unknown && command !== undefined && !commands.includes(command)) {
    const near = closest(command, commands);
    return near
      ? `Unknown command '${command}'; did you mean '${near}'? See autogen --help.`
      : `Unknown command '${command}'; see autogen --help for the list.`;
  }
  if (unknown) {
    return `Unknown option${unknown[1]?.includes(",") ? "s" : ""} for ${command ?? "autogen"}: ${unknown[1]}; see autogen ${command ?? ""} --help.`.replace(
      "  ",
      " ",
    );
  }
  const missing = /^Missing required argument: (\w+)$/.exec(message)?.[1];
  if (missing === "message" && command !== undefined) {
    return `${command} needs a message: autogen ${command} -m "what it does".`;
  }
  if (/^Not enough non-option arguments/.test(message) && command !== undefined) {
    const what = NEEDS[command];
    if (what) return `${command} needs ${what}.`;
  }
  return message;
}

/** What the commands with a required positional argument need, for the message above. */
const NEEDS: Readonly<Record<string, string>> = {
  downgrade: "a TARGET: autogen downgrade -1 (the last migration) or autogen downgrade base",
  stamp: "a REVISION: autogen stamp head, or an id",
  show: "a REVISION: autogen show head, or an id",
};

/** The command nearest to `word` by edit distance, when it is near enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** Damerau-Levenshtein distance (optimal string alignment): a swap of two letters costs 1. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
