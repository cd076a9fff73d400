import type { FleetTarget } from "../config/fleet-targets";
import { AutogenError, UsageError } from "../errors";
import { check } from "./check";
import type { CommandContext } from "./command-context";
import { upgrade, type MigrateOptions } from "./migrate";
import { recordingOutput, type Output } from "./output";

/** How one database of a fleet came out. */
export type FleetStatus =
  | "applied" // upgrade ran migrations
  | "current" // upgrade had nothing to do
  | "clean" // check: at head and matching the entities
  | "drift" // check: pending migrations, or entities that differ
  | "failed"
  | "skipped"; // not started: an earlier failure and --fail-fast

export interface FleetEntry {
  /** The database, as messages name it (no password). */
  readonly target: string;
  readonly status: FleetStatus;
  /** Revisions applied (upgrade), or pending (check). */
  readonly revisions: readonly string[];
  /** Operations a new revision would hold (check). */
  readonly operations: number;
  /** The first line of the error, for a failed target. */
  readonly error: string | null;
  readonly milliseconds: number;
}

export interface FleetOptions {
  /** How many databases run at once (default 4). */
  readonly parallel?: number;
  /** Start no new database after a failure; the ones running finish. */
  readonly failFast?: boolean;
  /** Called as each database finishes, with the tally so far. */
  readonly onDone?: (entry: FleetEntry, finished: number, total: number) => void;
}

export const DEFAULT_PARALLEL = 4;

/** Validates `--parallel`: a whole number from 1. */
export function checkParallel(parallel: number | undefined): number {
  if (parallel === undefined) return DEFAULT_PARALLEL;
  if (!Number.isInteger(parallel) || parallel < 1) {
    throw new UsageError("--parallel takes a whole number of databases, 1 or more.");
  }
  return parallel;
}

/** The context of one target: its URL wins over every other setting, its output is kept. */
function targetContext(ctx: CommandContext, target: FleetTarget, out: Output): CommandContext {
  const env = { ...(ctx.env ?? process.env), MIGRATION_DATABASE_URL: target.url };
  // No prompt: nobody answers twenty of them; the non-interactive path is the documented one.
  return { ...ctx, env, out, confirm: undefined };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const hint = error instanceof AutogenError && error.hint ? ` (${error.hint})` : "";
  return `${text.split("\n")[0] ?? text}${hint}`;
}

type Outcome = Pick<FleetEntry, "status" | "revisions" | "operations">;

/**
 * Runs `work` on every target, `parallel` at a time, and returns one entry per target in
 * the order given. A failure is recorded and the others go on, unless `failFast`.
 */
async function runEach(
  ctx: CommandContext,
  targets: readonly FleetTarget[],
  options: FleetOptions,
  work: (ctx: CommandContext) => Promise<Outcome>,
): Promise<FleetEntry[]> {
  const parallel = checkParallel(options.parallel);
  const entries = new Array<FleetEntry | undefined>(targets.length);
  let next = 0;
  let finished = 0;
  let stop = false;
  const worker = async () => {
    while (next < targets.length) {
      const index = next++;
      const target = targets[index] as FleetTarget;
      const started = Date.now();
      let entry: FleetEntry;
      if (stop || ctx.signal?.aborted) {
        entry = {
          target: target.description,
          status: "skipped",
          revisions: [],
          operations: 0,
          error: null,
          milliseconds: 0,
        };
      } else {
        try {
          const outcome = await work(targetContext(ctx, target, recordingOutput()));
          entry = {
            target: target.description,
            ...outcome,
            error: null,
            milliseconds: Date.now() - started,
          };
        } catch (error) {
          if (options.failFast) stop = true;
          entry = {
            target: target.description,
            status: "failed",
            revisions: [],
            operations: 0,
            error: firstLine(error),
            milliseconds: Date.now() - started,
          };
        }
      }
      entries[index] = entry;
      options.onDone?.(entry, ++finished, targets.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, targets.length) }, worker));
  return entries as FleetEntry[];
}

/** The options `upgrade --each` refuses: checked before the list is read or anything runs. */
export function checkUpgradeEach(options: MigrateOptions & FleetOptions): void {
  checkParallel(options.parallel);
  if (options.sql) throw new UsageError("--each runs live upgrades: it does not take --sql.");
}

/** `upgrade --each`: upgrades every database to `options.target`, each under its own lock. */
export function upgradeEach(
  ctx: CommandContext,
  targets: readonly FleetTarget[],
  options: MigrateOptions & FleetOptions,
): Promise<FleetEntry[]> {
  checkUpgradeEach(options);
  return runEach(ctx, targets, options, async (targetCtx) => {
    const { applied } = await upgrade(targetCtx, options);
    return {
      status: applied.length > 0 ? "applied" : "current",
      revisions: applied,
      operations: 0,
    };
  });
}

/** `check --each`: the drift report of every database (pending migrations, differences). */
export function checkEach(
  ctx: CommandContext,
  targets: readonly FleetTarget[],
  options: { strict?: boolean } & FleetOptions,
): Promise<FleetEntry[]> {
  return runEach(ctx, targets, options, async (targetCtx) => {
    const result = await check(targetCtx, options);
    return {
      status: result.clean ? "clean" : "drift",
      revisions: result.pending,
      operations: result.operations.length,
    };
  });
}
