/**
 * Revision ranges and targets may start with a minus sign (`history -r -2:`, `upgrade --sql
 * -1:head`), which yargs reads as flags: `-2:` becomes the short options `2` and `:`. Such
 * values are given a leading space here, which no flag has, and `trimValues` takes it off
 * once yargs has parsed them. A plain negative number (`downgrade -1`) yargs already reads
 * as a value; it is left alone.
 */
const DASH_VALUE = /^-\d+[^\d]/;

export function shieldDashValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of argv) {
    if (arg === "--") {
      out.push(...argv.slice(out.length));
      break;
    }
    out.push(DASH_VALUE.test(arg) ? ` ${arg}` : arg);
  }
  return out;
}

/** Takes the shield off every parsed string value (yargs middleware). */
export function trimValues(args: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(args)) {
    if (typeof value === "string" && value.startsWith(" -")) args[key] = value.slice(1);
  }
}
