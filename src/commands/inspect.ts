import {
  history as graphHistory,
  parseRange,
  parseTarget,
  type LoadedRevision,
} from "../revisions";
import { readHeads } from "../runner/version-store";
import { readTypeormMigrations, type TypeormMigration } from "../runner/typeorm-migrations";
import { checkIntegrity, loadGraph, type MigrationGraph } from "./migration-graph";
import {
  revisionDetails,
  revisionJson,
  revisionLine,
  typeormLine,
  type AppliedState,
} from "./revision-listing";
import { withWorkspace, type Workspace } from "./workspace";
import type { CommandContext } from "./command-context";

export interface ListOptions {
  readonly verbose?: boolean;
  readonly json?: boolean;
}

export interface HistoryOptions extends ListOptions {
  /** `FROM:TO`, either end optional; ends may be relative to the database (`current`, `-2`). */
  readonly range?: string;
  /** Read the database and mark the applied revisions and the current ones. */
  readonly indicateCurrent?: boolean;
  /**
   * Read TypeORM's migrations table too and list, below the root, the migrations TypeORM's
   * runner applied before the project was adopted (read-only).
   */
  readonly typeorm?: boolean;
}

/** Whether a target means something only next to the database: `current`, `+N`, `label@-N`. */
function relativeToDatabase(target: string | undefined): boolean {
  if (target === undefined) return false;
  const syntax = parseTarget(target);
  return syntax.kind === "current" || (syntax.kind === "relative" && syntax.from === undefined);
}

/** Whether a listing from `from` goes down to base, below which TypeORM's migrations come. */
function reachesBase(from: string | undefined): boolean {
  return from === undefined || from === "" || from === "base";
}

/** TypeORM's applied migrations, newest first; a note when the database has no such table. */
async function typeormRows(ws: Workspace): Promise<TypeormMigration[]> {
  // Imported here: only `history --typeorm` needs the entity metadata, and `current`, `heads`
  // and `history` are held to the start-up time of TypeORM itself.
  const { buildEntityMetadata, typeormMigrationsTable } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("../metadata") as typeof import("../metadata");
  await buildEntityMetadata(ws.config.dataSource, ws.options.configFile);
  const table = typeormMigrationsTable(ws.config.dataSource);
  const rows = table
    ? await ws.withClient((client) => readTypeormMigrations(client, table, ws.dialect))
    : null;
  if (rows === null) {
    const name = table ? `"${table.schema}"."${table.name}"` : "table";
    ws.context.out.info(
      `The database at ${ws.databaseDescription} has no TypeORM migrations ${name}.`,
    );
  }
  return [...(rows ?? [])].reverse();
}

/** The revisions, then the TypeORM migrations before them (`history --typeorm`). */
function printWith(
  ws: Workspace,
  graph: MigrationGraph,
  list: readonly LoadedRevision[],
  typeorm: readonly TypeormMigration[],
  options: ListOptions,
  state?: AppliedState,
): void {
  if (options.json) {
    const entries = [
      ...list.map((r) => revisionJson(graph, r, state)),
      ...typeorm.map((m) => ({ typeorm: m })),
    ];
    ws.context.out.data(JSON.stringify(entries, null, 2));
    return;
  }
  print(ws, graph, list, options, state);
  for (const m of typeorm) ws.context.out.data(typeormLine(m));
}

function print(
  ws: Workspace,
  graph: MigrationGraph,
  list: readonly LoadedRevision[],
  options: ListOptions,
  state?: AppliedState,
): void {
  const { out } = ws.context;
  if (options.json) {
    out.data(
      JSON.stringify(
        list.map((r) => revisionJson(graph, r, state)),
        null,
        2,
      ),
    );
    return;
  }
  for (const r of list) {
    out.data(
      options.verbose
        ? revisionDetails(graph, r, ws.cwd, state).join("\n")
        : revisionLine(graph, r, state),
    );
  }
}

/** The version table's rows and everything they imply. */
async function appliedState(ws: Workspace, graph: MigrationGraph): Promise<AppliedState> {
  const rows = await ws.withClient((client) =>
    readHeads(client, ws.options.versionTable, ws.dialect),
  );
  return { current: new Set(rows), applied: graph.closure(rows.filter((id) => graph.has(id))) };
}

/**
 * `history [-r RANGE] [--indicate-current]`: revisions newest first. The database is read
 * only when asked to mark what is applied, or when the range is relative to it.
 */
export async function history(ctx: CommandContext, options: HistoryOptions = {}) {
  return withWorkspace(ctx, async (ws) => {
    const graph = await loadGraph(ws, true, { headersOnly: true });
    const ends = options.range === undefined ? undefined : parseRange(options.range);
    const needsDatabase =
      options.indicateCurrent || relativeToDatabase(ends?.from) || relativeToDatabase(ends?.to);
    const state = needsDatabase ? await appliedState(ws, graph) : undefined;
    const list = graphHistory(graph, options.range, state?.current);
    const before = options.typeorm && reachesBase(ends?.from) ? await typeormRows(ws) : [];
    printWith(ws, graph, list, before, options, options.indicateCurrent ? state : undefined);
    return list.map((r) => r.revision);
  });
}

/** `heads`: the revisions nothing builds on. */
export async function heads(ctx: CommandContext, options: ListOptions = {}) {
  return withWorkspace(ctx, async (ws) => {
    const graph = await loadGraph(ws, true, { headersOnly: true });
    const list = graph.heads.map((id) => graph.get(id));
    if (options.json || options.verbose) print(ws, graph, list, options);
    else for (const r of list) ctx.out.data(`${r.revision} (head)`);
    return list.map((r) => r.revision);
  });
}

/**
 * `current`: the revisions the database is at, read from the version table, with a warning
 * (an error with `strict`) for each applied migration whose file changed or is gone.
 */
export async function current(
  ctx: CommandContext,
  options: ListOptions & { strict?: boolean } = {},
) {
  return withWorkspace(ctx, (ws) =>
    ws.withClient(async (client) => {
      const graph = await loadGraph(ws, true, { headersOnly: true });
      const rows = await readHeads(client, ws.options.versionTable, ws.dialect);
      await checkIntegrity(ws, client, graph, rows, options.strict);
      if (options.json) {
        ctx.out.data(JSON.stringify(rows));
        return rows;
      }
      if (rows.length === 0) ctx.out.info(`The database at ${ws.databaseDescription} is at base.`);
      for (const id of rows) {
        const known = graph.has(id) ? graph.get(id) : null;
        if (!known) ctx.out.data(`${id} (not in ${ws.options.migrationsDir})`);
        else if (options.verbose) ctx.out.data(revisionDetails(graph, known, ws.cwd).join("\n"));
        else ctx.out.data(`${id}${graph.heads.includes(id) ? " (head)" : ""}`);
      }
      return rows;
    }),
  );
}
