import { createInterface } from "node:readline/promises";

/**
 * A yes/no question on the terminal, or undefined when stdin or stderr is not one (CI,
 * pipes): commands then take their non-interactive path. The question goes to stderr, so
 * stdout stays data.
 */
export function terminalConfirm(): ((question: string) => Promise<boolean>) | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = await rl.question(`${question} [y/N] `);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      rl.close();
    }
  };
}
