import type { CommandContext } from "../commands/command-context";
import type { FleetEntry, FleetStatus } from "../commands/fleet";
import { readFleetTargets } from "../config/fleet-targets";
import { UsageError } from "../errors";
import type { MigrateOptions } from "../commands/migrate";
import { commands } from "./lazy-commands";

/** `--each`, `--parallel` and `--fail-fast`, shared by upgrade and check. */
export const fleetFlagSet = {
  each: {
    type: "string",
    describe:
      "Run on every database listed: a file of URLs (one per line), - for stdin, or !COMMAND printing them",
  },
  parallel: {
    type: "number",
    describe: "With --each: how many databases at once (default 4)",
  },
  "fail-fast": {
    type: "boolean",
    describe: "With --each: start no other database after a failure",
  },
  json: { type: "boolean", describe: "With --each: print the summary as JSON" },
} as const;

export interface FleetArgs {
  each?: string;
  parallel?: number;
  "fail-fast"?: boolean;
  json?: boolean;
}

/** `--parallel` or `--fail-fast` without `--each` is a usage error, found before anything runs. */
export function checkFleetFlags(a: FleetArgs): void {
  if (a.each !== undefined) return;
  if (a.parallel !== undefined) throw new UsageError("--parallel goes with --each.");
  if (a["fail-fast"]) throw new UsageError("--fail-fast goes with --each.");
}

const LABELS: Readonly<Record<FleetStatus, string>> = {
  applied: "applied",
  current: "already current",
  clean: "clean",
  drift: "drift",
  failed: "failed",
  skipped: "skipped",
};

function detail(entry: FleetEntry): string {
  switch (entry.status) {
    case "applied":
      return `${entry.revisions.length} migration(s): ${entry.revisions.join(", ")}`;
    case "drift":
      return entry.revisions.length > 0
        ? `${entry.revisions.length} migration(s) pending`
        : `${entry.operations} operation(s) differ from the entities`;
    case "failed":
      return entry.error ?? "";
    case "skipped":
      return "not started (an earlier failure with --fail-fast, or aborted)";
    case "current":
    case "clean":
      return "";
  }
}

/** The summary: one row per database, in the order listed, then the tally. */
export function fleetSummary(entries: readonly FleetEntry[]): string {
  const rows = entries.map((e) => [
    e.target,
    LABELS[e.status],
    e.status === "skipped" ? "" : `${e.milliseconds} ms`,
    detail(e),
  ]);
  const header = ["database", "status", "time", "detail"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const tally = Object.entries(LABELS)
    .map(([status, label]) => [entries.filter((e) => e.status === status).length, label] as const)
    .filter(([n]) => n > 0)
    .map(([n, label]) => `${n} ${label}`)
    .join(", ");
  return [line(header), ...rows.map(line), "", `${entries.length} database(s): ${tally}.`].join(
    "\n",
  );
}

/**
 * Runs `upgrade --each` or `check --each` and prints as it goes: on a terminal one progress
 * line rewritten in place, elsewhere (CI logs) one line per database as it finishes; then the
 * summary on stdout (or the entries as JSON). Returns the exit code: 1 when a database failed
 * (or, for check, drifted).
 */
export async function runFleet(
  kind: "upgrade" | "check",
  ctx: CommandContext,
  a: FleetArgs,
  options: MigrateOptions & { strict?: boolean },
): Promise<number> {
  const fleet = commands.fleet();
  if (kind === "upgrade") fleet.checkUpgradeEach({ ...options, parallel: a.parallel });
  else fleet.checkParallel(a.parallel);
  const targets = readFleetTargets(a.each as string, ctx.cwd ?? process.cwd(), ctx.env);
  const tty = process.stderr.isTTY === true && !a.json;
  const failed = (e: FleetEntry) =>
    e.status === "failed" || (kind === "check" && e.status === "drift");
  let failures = 0;
  const onDone = (entry: FleetEntry, finished: number, total: number) => {
    if (failed(entry)) failures++;
    if (a.json) return;
    if (tty) {
      process.stderr.write(`\r\x1b[K${kind}: ${finished}/${total} done, ${failures} failed`);
      if (finished === total) process.stderr.write("\n");
    } else {
      ctx.out.info(`${entry.target}: ${LABELS[entry.status]} (${entry.milliseconds} ms)`);
    }
  };
  const settings = { parallel: a.parallel, failFast: a["fail-fast"], onDone };
  const entries =
    kind === "upgrade"
      ? await fleet.upgradeEach(ctx, targets, { ...options, ...settings })
      : await fleet.checkEach(ctx, targets, { strict: options.strict, ...settings });
  ctx.out.data(a.json ? JSON.stringify(entries, null, 2) : fleetSummary(entries));
  return entries.some(failed) ? 1 : 0;
}
