import { relative } from "node:path";
import type { Client } from "pg";
import {
  historySql,
  versionChangeSql,
  versionTableSql,
} from "../dialect/postgres/session/version-table";
import { RevisionError } from "../errors";
import { checkTarget, parseTarget, planStamp, type StampPlan } from "../revisions";
import { describeHolder, withMigrationLock } from "../runner/migration-lock";
import { ensureVersionTable, readHeads } from "../runner/version-store";
import { loadGraph, type MigrationGraph } from "./migration-graph";
import { withWorkspace, type CommandContext, type Workspace } from "./workspace";

export interface StampOptions {
  /** Where to put the database: `head`, `heads`, `base`, an id, `label@head`, `-1`... */
  readonly revision: string;
  /** Empty the version table first, whatever it holds (even revisions no file defines). */
  readonly purge?: boolean;
  /** Seconds to wait for another run's migration lock; overrides the config. */
  readonly migrationLockTimeout?: number;
}

export interface StampResult {
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** What a purge takes away: everything the old rows implied that the new ones do not. */
function purged(graph: MigrationGraph, rows: readonly string[], after: readonly string[]) {
  const kept = graph.closure(after);
  const known = rows.filter((id) => graph.has(id));
  return graph
    .topologicalOrder(known, new Set([...graph.closure(known)].filter((id) => !kept.has(id))))
    .reverse();
}

/** The statements that move the version table and record the move in the history. */
function stampSql(
  ws: Workspace,
  graph: MigrationGraph,
  plan: StampPlan,
  unstamped: readonly string[],
  purge: boolean,
) {
  const table = ws.options.versionTable;
  const removed = plan.before.filter((id) => !plan.after.includes(id));
  const added = plan.after.filter((id) => !plan.before.includes(id));
  const file = (id: string) => relative(ws.cwd, graph.get(id).file) || graph.get(id).file;
  return [
    ...(purge
      ? [
          versionTableSql.deleteAll(table),
          ...plan.after.map((id) => versionTableSql.insert(table, id)),
        ]
      : versionChangeSql(table, removed, added)),
    ...unstamped.map((id) =>
      historySql.insert(table, { revision: id, operation: "unstamp", hash: null, file: file(id) }),
    ),
    ...plan.stamped.map((id) =>
      historySql.insert(table, {
        revision: id,
        operation: "stamp",
        hash: graph.get(id).hash,
        file: file(id),
      }),
    ),
  ];
}

async function inTransaction(client: Client, statements: readonly string[]): Promise<void> {
  await client.query("BEGIN");
  try {
    for (const sql of statements) await client.query(sql);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/**
 * `stamp REV [--purge]`: records the database as being at REV without running any
 * migration, under the migration lock, in one transaction. The version table moves exactly
 * as `upgrade REV` or `downgrade REV` would move it; `--purge` empties it first, which is
 * how a table holding revisions no file defines is repaired.
 */
export async function stamp(ctx: CommandContext, options: StampOptions): Promise<StampResult> {
  parseTarget(options.revision);
  return withWorkspace(ctx, async (ws) => {
    const graph = await loadGraph(ws, true);
    checkTarget(graph, options.revision);
    const table = ws.options.versionTable;
    return ws.withClient((client) =>
      withMigrationLock(
        client,
        table,
        async () => {
          await ensureVersionTable(client, table);
          const rows = await readHeads(client, table);
          const unknown = rows.filter((id) => !graph.has(id));
          if (unknown.length > 0 && !options.purge) {
            throw new RevisionError(
              `the version table holds ${unknown.join(", ")}, which no migration file defines`,
              "`autogen stamp --purge REV` replaces whatever the version table holds",
            );
          }
          const plan = planStamp(graph, options.purge ? [] : rows, options.revision);
          const unstamped = options.purge ? purged(graph, rows, plan.after) : plan.unstamped;
          const changed = options.purge || plan.stamped.length + unstamped.length > 0;
          if (changed) {
            const statements = stampSql(ws, graph, plan, unstamped, !!options.purge);
            await inTransaction(client, statements);
          }
          const now = plan.after.join(", ") || "base";
          ctx.out.info(
            changed
              ? `Stamped ${ws.databaseDescription} at ${now} (it was at ${rows.join(", ") || "base"}); no migration ran.`
              : `Nothing to stamp: the database is already at ${now}.`,
          );
          return { before: rows, after: plan.after };
        },
        {
          onWait: (holder) =>
            ctx.out.info(
              `Waiting for the migration lock on ${ws.databaseDescription}, held by ${describeHolder(holder)}.`,
            ),
          timeoutSeconds: options.migrationLockTimeout ?? ws.options.runner.migrationLockTimeout,
          database: ws.databaseDescription,
        },
      ),
    );
  });
}
