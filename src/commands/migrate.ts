import type { Client } from "pg";
import { versionTableSql } from "../dialect/postgres/version-table";
import { UsageError } from "../errors";
import { headsAt, parseRange, planDowngrade, planUpgrade } from "../revisions";
import { liveExecutor, scriptExecutor } from "../runner/executor";
import { withMigrationLock } from "../runner/migration-lock";
import { runSteps, type MigrationStep } from "../runner/run-steps";
import { ensureVersionTable, readHeads } from "../runner/version-store";
import { loadGraph, toMigrationStep, type MigrationGraph } from "./migration-graph";
import { withWorkspace, type CommandContext, type Workspace } from "./workspace";

export interface MigrateOptions {
  /** `head`, `base`, an id, `+N`, `-N`... or, with `sql`, a `FROM:TO` range. */
  readonly target: string;
  /** Print the SQL script instead of running it (offline mode). */
  readonly sql?: boolean;
}

export interface MigrateResult {
  /** Revisions run, in order. */
  readonly applied: readonly string[];
  /** The script, in `--sql` mode. */
  readonly script?: string;
}

type Direction = "upgrade" | "downgrade";

function plan(graph: MigrationGraph, direction: Direction, current: string[], target: string) {
  return direction === "upgrade"
    ? planUpgrade(graph, current, target)
    : planDowngrade(graph, current, target);
}

/** `upgrade` and `downgrade`: live under the migration lock, or as a script with `--sql`. */
async function migrate(ctx: CommandContext, direction: Direction, options: MigrateOptions) {
  // A usage error is reported before any file is loaded, like the ones yargs finds.
  if (options.sql && direction === "downgrade" && !parseRange(options.target)) {
    throw new UsageError(
      `downgrade --sql needs a FROM:TO range (for example head:base), not '${options.target}'.`,
    );
  }
  return withWorkspace(ctx, async (ws) => {
    const graph = await loadGraph(ws);
    if (options.sql) return offline(ws, graph, direction, options.target);
    return ws.withClient((client) => online(ws, client, graph, direction, options.target));
  });
}

async function online(
  ws: Workspace,
  client: Client,
  graph: MigrationGraph,
  direction: Direction,
  target: string,
): Promise<MigrateResult> {
  const { out } = ws.context;
  const table = ws.options.versionTable;
  const onWait = (holder: string) =>
    out.info(`Waiting for the migration lock on ${ws.databaseDescription}, held by ${holder}.`);
  return withMigrationLock(
    client,
    table,
    async () => {
      // Read after taking the lock: a run that waited must see what the holder applied.
      await ensureVersionTable(client, table);
      const current = await readHeads(client, table);
      const steps = plan(graph, direction, current, target).map((s) => toMigrationStep(s, ws.cwd));
      if (steps.length === 0) {
        out.info(`Nothing to ${direction}: the database is at ${current.join(", ") || "base"}.`);
        return { applied: [] };
      }
      const started = Date.now();
      await runSteps(liveExecutor(client), steps, {
        versionTable: table,
        transactionMode: ws.options.transactionMode,
        onStepDone: (step, ms) => out.info(describeDone(step, ms)),
      });
      out.info(`${summary(direction, steps.length)} in ${Date.now() - started} ms.`);
      return { applied: steps.map((s) => s.revision) };
    },
    { onWait },
  );
}

function describeDone(step: MigrationStep, ms: number): string {
  const verb = step.direction === "upgrade" ? "Applied" : "Reverted";
  return `${verb} ${step.revision} ${step.message} (${ms} ms)`;
}

function summary(direction: Direction, count: number): string {
  const noun = count === 1 ? "migration" : "migrations";
  return `${direction === "upgrade" ? "Applied" : "Reverted"} ${count} ${noun}`;
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
  target: string,
): Promise<MigrateResult> {
  const range = parseRange(target);
  const from = range?.from ?? "base";
  const to = range ? (range.to ?? "heads") : target;
  const current = headsAt(graph, from);
  const steps = plan(graph, direction, current, to).map((s) => toMigrationStep(s, ws.cwd));
  const executor = scriptExecutor();
  const table = ws.options.versionTable;
  executor.comment(`typeorm-autogen ${direction} ${from}:${to}`);
  if (direction === "upgrade" && current.length === 0)
    await executor.run(versionTableSql.create(table));
  await runSteps(executor, steps, {
    versionTable: table,
    transactionMode: ws.options.transactionMode,
  });
  const script = executor.script();
  ws.context.out.data(script);
  return { applied: steps.map((s) => s.revision), script };
}

export const upgrade = (ctx: CommandContext, options: MigrateOptions) =>
  migrate(ctx, "upgrade", options);
export const downgrade = (ctx: CommandContext, options: MigrateOptions) =>
  migrate(ctx, "downgrade", options);
