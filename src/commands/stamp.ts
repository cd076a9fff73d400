import { relative } from "node:path";
import { RevisionError } from "../errors";
import {
  checkTarget,
  headsAt,
  parseRange,
  parseTarget,
  planStamp,
  type StampPlan,
} from "../revisions";
import { liveExecutor, scriptExecutor } from "../runner/executor";
import { describeHolder, withMigrationLock } from "../runner/migration-lock";
import { runSteps, type MigrationStep } from "../runner/run-steps";
import { ensureVersionTable, readHeads } from "../runner/version-store";
import { loadGraph, type MigrationGraph } from "./migration-graph";
import { withWorkspace, type Workspace } from "./workspace";
import type { CommandContext } from "./command-context";

export interface StampOptions {
  /**
   * Where to put the database: `head`, `heads`, `base`, an id, `label@head`, `-1`... With
   * `sql`, a `FROM:TO` range may say where the database is (default: base).
   */
  readonly revision: string;
  /** Empty the version table first, whatever it holds (even revisions no file defines). */
  readonly purge?: boolean;
  /** Seconds to wait for another run's migration lock; overrides the config. */
  readonly migrationLockTimeout?: number;
  /** Print the statements that would move the version table, without connecting. */
  readonly sql?: boolean;
}

export interface StampResult {
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** The script, with `sql`. */
  readonly script?: string;
}

/** What a purge takes away: everything the old rows implied that the new ones do not. */
function purged(graph: MigrationGraph, rows: readonly string[], after: readonly string[]) {
  const kept = graph.closure(after);
  const known = rows.filter((id) => graph.has(id));
  return graph
    .topologicalOrder(known, new Set([...graph.closure(known)].filter((id) => !kept.has(id))))
    .reverse();
}

/**
 * Where stamping `target` leaves a database whose version table holds `rows`, and the runner
 * step that moves the table there and records the move in the history (null: nothing to do).
 */
function stampChange(
  ws: Workspace,
  graph: MigrationGraph,
  rows: readonly string[],
  target: string,
  purge: boolean,
): { plan: StampPlan; step: MigrationStep | null } {
  const plan = planStamp(graph, purge ? [] : rows, target);
  const unstamped = purge ? purged(graph, rows, plan.after) : plan.unstamped;
  if (!purge && plan.stamped.length + unstamped.length === 0) return { plan, step: null };
  const file = (id: string) => relative(ws.cwd, graph.get(id).file) || graph.get(id).file;
  const step: MigrationStep = {
    revision: plan.after.join(", ") || "base",
    message: `no migration runs (the database was at ${rows.join(", ") || "base"})`,
    file: "",
    direction: "stamp",
    run: async () => undefined,
    transactional: true,
    removeHeads: plan.before.filter((id) => !plan.after.includes(id)),
    addHeads: plan.after.filter((id) => !plan.before.includes(id)),
    purge,
    history: [
      ...unstamped.map((id) => ({
        revision: id,
        operation: "unstamp" as const,
        hash: null,
        file: file(id),
      })),
      ...plan.stamped.map((id) => ({
        revision: id,
        operation: "stamp" as const,
        hash: graph.get(id).hash,
        file: file(id),
      })),
    ],
    headsAfter: plan.after,
  };
  return { plan, step };
}

/**
 * `stamp REV [--purge] [--sql]`: records the database as being at REV without running any
 * migration. The version table moves exactly as `upgrade REV` or `downgrade REV` would move
 * it, through the runner's own loop, in one transaction under the migration lock; `--purge`
 * empties it first, which is how a table holding revisions no file defines is repaired.
 * With `--sql` the statements are printed instead and nothing is touched.
 */
export async function stamp(ctx: CommandContext, options: StampOptions): Promise<StampResult> {
  const range = options.sql ? parseRange(options.revision) : undefined;
  const ends = range ? [range.from, range.to] : [options.revision];
  const targets = ends.filter((end): end is string => end !== undefined);
  for (const target of targets) parseTarget(target);
  return withWorkspace(ctx, async (ws) => {
    const graph = await loadGraph(ws, true, { headersOnly: true });
    for (const target of targets) checkTarget(graph, target);
    if (options.sql) {
      const from = range?.from ?? "base";
      return offline(ws, graph, from, range ? (range.to ?? "heads") : options.revision, options);
    }
    return stampOnline(ws, graph, options);
  });
}

/** A live stamp in an open workspace: `stamp` without `--sql`, and `adopt`'s last step. */
export async function stampOnline(ws: Workspace, graph: MigrationGraph, options: StampOptions) {
  const { out } = ws.context;
  const table = ws.options.versionTable;
  return ws.withClient((client) =>
    withMigrationLock(
      client,
      table,
      async (): Promise<StampResult> => {
        await ensureVersionTable(client, table, ws.dialect);
        const rows = await readHeads(client, table, ws.dialect);
        const unknown = rows.filter((id) => !graph.has(id));
        if (unknown.length > 0 && !options.purge) {
          throw new RevisionError(
            `the version table holds ${unknown.join(", ")}, which no migration file defines`,
            "`autogen stamp --purge REV` replaces whatever the version table holds",
          );
        }
        const { plan, step } = stampChange(ws, graph, rows, options.revision, !!options.purge);
        if (step) {
          await runSteps(liveExecutor(client), [step], {
            versionTable: table,
            dialect: ws.dialect,
            transactionMode: "each",
          });
        }
        const now = plan.after.join(", ") || "base";
        out.info(
          step
            ? `Stamped ${ws.databaseDescription} at ${now} (it was at ${rows.join(", ") || "base"}); no migration ran.`
            : `Nothing to stamp: the database is already at ${now}.`,
        );
        return { before: rows, after: plan.after };
      },
      {
        onWait: (holder) =>
          out.info(
            `Waiting for the migration lock on ${ws.databaseDescription}, held by ${describeHolder(holder)}.`,
          ),
        timeoutSeconds: options.migrationLockTimeout ?? ws.options.runner.migrationLockTimeout,
        database: ws.databaseDescription,
        dialect: ws.dialect,
      },
    ),
  );
}

/**
 * `--sql`: the statements a live stamp would run, as a script, without connecting. FROM says
 * where the database is (base by default, whose script creates the version table first).
 */
async function offline(
  ws: Workspace,
  graph: MigrationGraph,
  from: string,
  to: string,
  options: StampOptions,
): Promise<StampResult> {
  const rows = headsAt(graph, from);
  const { plan, step } = stampChange(ws, graph, rows, to, !!options.purge);
  const executor = scriptExecutor();
  executor.comment(`typeorm-autogen stamp ${from}:${to}`);
  await runSteps(executor, step ? [step] : [], {
    versionTable: ws.options.versionTable,
    dialect: ws.dialect,
    transactionMode: "each",
    setUp: { versionTable: rows.length === 0, history: step !== null },
  });
  const script = executor.script();
  ws.context.out.data(script);
  return { before: rows, after: plan.after, script };
}
