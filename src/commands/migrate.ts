import type { SqlClient as Client } from "../dialect/dialect";
import type { RunnerOptions } from "../config/options";
import { AutogenError, UsageError } from "../errors";
import { confirmDowngrade } from "./confirm-downgrade";
import {
  checkTarget,
  headsAt,
  parseRange,
  parseTarget,
  planDowngrade,
  planUpgrade,
} from "../revisions";
import { liveExecutor, scriptExecutor } from "../runner/executor";
import { withMigrationLock } from "../runner/migration-lock";
import { runSteps } from "../runner/run-steps";
import { ensureVersionTable, readHeads } from "../runner/version-store";
import { MigrateProgress } from "./migrate-progress";
import { checkIntegrity, loadGraph, toMigrationStep, type MigrationGraph } from "./migration-graph";
import { withWorkspace, type Workspace } from "./workspace";
import type { CommandContext } from "./command-context";

export interface MigrateOptions {
  /** `head`, `base`, an id, `+N`, `-N`... or, with `sql`, a `FROM:TO` range. */
  readonly target: string;
  /** Print the SQL script instead of running it (offline mode). */
  readonly sql?: boolean;
  /** Fail, instead of warning, when an applied migration's file changed or is missing. */
  readonly strict?: boolean;
  /** Overrides of the config's options of the same names, in seconds. */
  readonly migrationLockTimeout?: number;
  readonly lockTimeout?: number;
  readonly statementTimeout?: number;
  /**
   * `upgrade` only: when the database is at revisions no file defines (a newer build of the
   * application applied them, and this older one is starting), warn and apply nothing.
   */
  readonly allowUnknownHead?: boolean;
  /** `--yes`: a downgrade asks no question on a terminal (see `confirmDowngrade`). */
  readonly yes?: boolean;
}

type Direction = "upgrade" | "downgrade";

/** One migration a live run applied or reverted. */
export interface MigratedStep {
  readonly revision: string;
  readonly message: string;
  /** The migration file, relative to the project. */
  readonly file: string;
  readonly direction: Direction;
  /** From the migration's first statement to its commit. */
  readonly milliseconds: number;
}

export interface MigrateResult {
  /** Revisions run, in order. */
  readonly applied: readonly string[];
  /** The same migrations with their files and timings (live runs only). */
  readonly steps?: readonly MigratedStep[];
  /** The script, in `--sql` mode. */
  readonly script?: string;
}

function plan(graph: MigrationGraph, direction: Direction, current: string[], target: string) {
  return direction === "upgrade"
    ? planUpgrade(graph, current, target)
    : planDowngrade(graph, current, target);
}

/** The targets the command line names: both ends of a `--sql` range, or the one target. */
function targetsOf(options: MigrateOptions): string[] {
  const range = options.sql ? parseRange(options.target) : undefined;
  if (!range) return [options.target];
  return [range.from, range.to].filter((end): end is string => end !== undefined);
}

/** `upgrade` and `downgrade`: live under the migration lock, or as a script with `--sql`. */
async function migrate(ctx: CommandContext, direction: Direction, options: MigrateOptions) {
  // Usage errors are reported before any file is loaded, like the ones yargs finds.
  if (options.allowUnknownHead && (direction !== "upgrade" || options.sql)) {
    throw new UsageError("--allow-unknown-head is for a live upgrade only.");
  }
  if (options.sql && direction === "downgrade" && !parseRange(options.target)) {
    throw new UsageError(
      `downgrade --sql needs a FROM:TO range (for example head:base), not '${options.target}'.`,
    );
  }
  const targets = targetsOf(options);
  for (const target of targets) parseTarget(target);
  return withWorkspace(ctx, async (ws) => {
    const graph = await loadGraph(ws);
    // What the targets name is checked before any connection, lock or version table.
    for (const target of targets) checkTarget(graph, target);
    if (options.sql) return offline(ws, graph, direction, options);
    return ws.withClient((client) => online(ws, client, graph, direction, options));
  });
}

async function online(
  ws: Workspace,
  client: Client,
  graph: MigrationGraph,
  direction: Direction,
  options: MigrateOptions,
): Promise<MigrateResult> {
  const { out } = ws.context;
  const table = ws.options.versionTable;
  const settings = runnerSettings(ws, options);
  const progress = new MigrateProgress(out, direction, ws.databaseDescription);
  // A killed run's backend must notice, and free the lock, even in the middle of a statement.
  await client.query(ws.dialect.session.clientCheck).catch(() => undefined);
  // Asked before the lock, so nobody's deploy waits on the answer; the plan is made again
  // under the lock and must still be the one confirmed.
  let confirmed: string[] | null = null;
  if (direction === "downgrade" && !options.yes && ws.context.confirm) {
    const planned = plan(
      graph,
      direction,
      await readHeads(client, table, ws.dialect),
      options.target,
    );
    const steps = planned.map((s) => toMigrationStep(s, ws.cwd));
    await confirmDowngrade(steps, ws.context.confirm);
    confirmed = steps.map((s) => s.revision);
  }
  return withMigrationLock(
    client,
    table,
    async () => {
      // Read after taking the lock: a run that waited must see what the holder applied.
      await ensureVersionTable(client, table, ws.dialect);
      const current = await readHeads(client, table, ws.dialect);
      const unknown = current.filter((id) => !graph.has(id));
      if (options.allowUnknownHead && unknown.length > 0) {
        out.warn(
          `the database is at ${unknown.join(", ")}, which this build's migrations do not define (a newer build applied it): nothing to upgrade (--allow-unknown-head).`,
        );
        return { applied: [] };
      }
      await checkIntegrity(ws, client, graph, current, options.strict);
      const steps = plan(graph, direction, current, options.target).map((s) =>
        toMigrationStep(s, ws.cwd),
      );
      if (confirmed && confirmed.join() !== steps.map((s) => s.revision).join()) {
        throw new AutogenError(
          "changed-while-asking",
          `the database at ${ws.databaseDescription} changed while the downgrade was being confirmed; nothing was changed`,
          "run the downgrade again",
        );
      }
      if (steps.length === 0) {
        out.info(`Nothing to ${direction}: the database is at ${current.join(", ") || "base"}.`);
        return { applied: [] };
      }
      const migrated: MigratedStep[] = [];
      try {
        await runSteps(liveExecutor(client), steps, {
          versionTable: table,
          dialect: ws.dialect,
          transactionMode: ws.options.transactionMode,
          timeouts: settings,
          lockTimeoutRetries: settings.lockTimeoutRetries,
          onStepStart: (step) => progress.start(step),
          onStepDone: (step, ms) => {
            progress.finished(step, ms);
            const { revision, message, file } = step;
            migrated.push({ revision, message, file, direction, milliseconds: ms });
          },
          onRetry: (notice) => progress.retry(notice),
          signal: ws.context.signal,
        });
      } catch (error) {
        progress.stopped(steps.length, current);
        throw error;
      }
      progress.summary(steps.length, current);
      return { applied: steps.map((s) => s.revision), steps: migrated };
    },
    {
      onWait: (holder) => progress.waiting(holder),
      timeoutSeconds: settings.migrationLockTimeout,
      database: ws.databaseDescription,
      dialect: ws.dialect,
    },
  );
}

/** The config's runner options, with the command line's overrides. */
function runnerSettings(ws: Workspace, options: MigrateOptions): RunnerOptions {
  const config = ws.options.runner;
  return {
    migrationLockTimeout: options.migrationLockTimeout ?? config.migrationLockTimeout,
    lockTimeout: options.lockTimeout ?? config.lockTimeout,
    statementTimeout: options.statementTimeout ?? config.statementTimeout,
    lockTimeoutRetries: config.lockTimeoutRetries,
  };
}

/**
 * `--sql`: the same steps written as a psql script, without connecting. A `FROM:TO` range
 * says where the database is; without one an upgrade starts from base, and a downgrade
 * needs the range (there is no database to say where it starts).
 */
async function offline(
  ws: Workspace,
  graph: MigrationGraph,
  direction: Direction,
  options: MigrateOptions,
): Promise<MigrateResult> {
  const target = options.target;
  const range = parseRange(target);
  const from = range?.from ?? "base";
  const to = range ? (range.to ?? "heads") : target;
  const current = headsAt(graph, from);
  const steps = plan(graph, direction, current, to).map((s) => toMigrationStep(s, ws.cwd));
  const executor = scriptExecutor();
  executor.comment(`typeorm-autogen ${direction} ${from}:${to}`);
  await runSteps(executor, steps, {
    versionTable: ws.options.versionTable,
    dialect: ws.dialect,
    // A database at base may have no version table yet; one elsewhere may predate the
    // history table: the script brings along what it needs.
    setUp: {
      versionTable: direction === "upgrade" && current.length === 0,
      history: steps.length > 0,
    },
    transactionMode: ws.options.transactionMode,
    timeouts: runnerSettings(ws, options),
  });
  const script = executor.script();
  ws.context.out.data(script);
  return { applied: steps.map((s) => s.revision), script };
}

export const upgrade = (ctx: CommandContext, options: MigrateOptions) =>
  migrate(ctx, "upgrade", options);
export const downgrade = (ctx: CommandContext, options: MigrateOptions) =>
  migrate(ctx, "downgrade", options);
