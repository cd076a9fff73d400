import { relative } from "node:path";
import { compareEntities, type Comparison } from "../autogen/compare-entities";
import { reviewBothWays } from "../autogen/hazard-review";
import { postgres } from "../dialect/postgres";
import type { SqlClient } from "../dialect/dialect";
import { compareSchemas } from "../diff";
import { RevisionError } from "../errors";
import { typeormMigrationsTable } from "../metadata";
import { reverseOperations } from "../ops/reverse";
import type { Operation } from "../ops/operations";
import { newRevisionId } from "../revisions";
import { refKey } from "../schema/keys";
import type { DatabaseSchema, TableRef } from "../schema/model";
import { readTypeormMigrations, type TypeormMigration } from "../runner/typeorm-migrations";
import { readHeads } from "../runner/version-store";
import { addExcludeTables, excludeName, excludeTablesSnippet } from "./exclude-tables-edit";
import { withFolderLock } from "./folder-lock";
import { loadGraph } from "./migration-graph";
import { checkRevId } from "./revision";
import { stampOnline } from "./stamp";
import { writeMigration } from "./write-migration";
import { withWorkspace, type Workspace } from "./workspace";
import type { CommandContext } from "./command-context";

export { checkRevId };

export interface AdoptOptions {
  /** The baseline's message (default `baseline`). */
  readonly message?: string;
  /** Use this id instead of a random one. */
  readonly revId?: string;
  /** The time written in the header; tests pin it. */
  readonly now?: Date;
  /**
   * Put the tables no entity describes in the config's `excludeTables` (asked on a terminal
   * when not given). Without it, and without a yes, adopt refuses and lists them.
   */
  readonly excludeUnmanaged?: boolean;
}

export interface AdoptResult {
  readonly file: string;
  readonly revision: string;
  /** What the baseline's `upgrade` builds on an empty database. */
  readonly operations: readonly Operation[];
  /** The rows of TypeORM's migrations table (left as they are); null when it has none. */
  readonly typeormMigrations: readonly TypeormMigration[] | null;
  /** Tables added to `excludeTables`, as the config names them. */
  readonly excluded: readonly string[];
}

/** The tables the database holds and no entity describes: the next revision would drop them. */
export function unmanagedTables(comparison: Comparison): TableRef[] {
  const described = new Set(comparison.target.tables.map(refKey));
  return comparison.current.tables
    .filter((t) => !described.has(refKey(t)))
    .map((t) => ({ schema: t.schema, name: t.name }));
}

/** A database with nothing in it, in the shape the diff compares. */
const EMPTY: DatabaseSchema = { schemas: [], tables: [], enums: [], extensions: [], views: [] };

/**
 * `adopt`: for a project whose databases TypeORM built (its migrations, or `synchronize`).
 * When the database matches the entities, writes the first revision, a baseline whose
 * `upgrade` builds that schema from nothing, and stamps the database at it without running
 * it (Alembic's "create the baseline, then stamp" recipe). TypeORM's `migrations` table stays
 * as it is and is left out of comparisons, so the next `revision` finds nothing to do.
 * Refuses, changing nothing, when the folder has revisions already, the database is stamped,
 * tables no entity describes would be dropped by the next revision, or the entities differ.
 */
export async function adopt(ctx: CommandContext, options: AdoptOptions = {}): Promise<AdoptResult> {
  checkRevId(options.revId);
  return withWorkspace(ctx, (ws) =>
    withFolderLock(ws.options.migrationsDir, ws.cwd, () => adoptIn(ws, options)),
  );
}

async function adoptIn(ws: Workspace, options: AdoptOptions): Promise<AdoptResult> {
  const { out } = ws.context;
  const graph = await loadGraph(ws, true, { headersOnly: true });
  const folder = relative(ws.cwd, ws.options.migrationsDir) || ws.options.migrationsDir;
  if (graph.ids.length > 0) {
    throw new RevisionError(
      `${folder} already holds ${graph.ids.length} revision(s): adopt writes the first one`,
      "this project is adopted already: `autogen revision -m MSG` writes the next change, and `autogen stamp REV` records another database as being at a revision",
    );
  }
  const id = options.revId ?? newRevisionId();
  const message = options.message?.trim() || "baseline";
  const found = await ws.withClient((client) => inspect(ws, client, options));
  const file = await writeMigration(ws, {
    message,
    revision: id,
    downRevision: null,
    createdAt: options.now ?? new Date(),
    review: [...baselineLines(found.typeorm), ...found.review],
    upgrade: found.operations,
    downgrade: reverseOperations(found.operations),
  });
  await stampOnline(ws, await loadGraph(ws, true, { headersOnly: true }), { revision: id });
  const applied = found.typeorm?.length ?? 0;
  out.info(
    `Adopted: ${relative(ws.cwd, file) || file} describes the database as it is` +
      (applied > 0
        ? ` after TypeORM's ${applied} migration(s), whose table is left as it is`
        : "") +
      "; the next `autogen revision` compares with it.",
  );
  return {
    file,
    revision: id,
    operations: found.operations,
    typeormMigrations: found.typeorm,
    excluded: found.excluded,
  };
}

interface Inspection {
  readonly operations: readonly Operation[];
  readonly review: string[];
  readonly typeorm: TypeormMigration[] | null;
  readonly excluded: string[];
}

/** Everything adopt reads from the database, checked; the baseline's operations. */
async function inspect(
  ws: Workspace,
  client: SqlClient,
  options: AdoptOptions,
): Promise<Inspection> {
  const rows = await readHeads(client, ws.options.versionTable, ws.dialect);
  if (rows.length > 0) {
    throw new RevisionError(
      `the database at ${ws.databaseDescription} is at ${rows.join(", ")} already, which no migration file defines`,
      "adopt a database autogen never stamped; `autogen stamp --purge REV` rewrites a version table",
    );
  }
  const compare = (excludeTables: readonly TableRef[]) =>
    compareEntities(ws.config.dataSource, client, {
      ...ws.options,
      excludeTables,
      dialect: ws.dialect,
    });
  let comparison = await compare(ws.options.excludeTables);
  const unmanaged = unmanagedTables(comparison);
  const excluded: string[] = [];
  if (unmanaged.length > 0) {
    await excludeOrRefuse(ws, unmanaged, options);
    excluded.push(...unmanaged.map(excludeName));
    comparison = await compare([...ws.options.excludeTables, ...unmanaged]);
  }
  const onPostgres = ws.dialect === postgres;
  if (comparison.operations.length > 0) {
    const list = comparison.operations;
    ws.context.out.info(`The entities and the database differ (${list.length} operation(s)):`);
    for (const line of await reviewBothWays(client, list, reverseOperations(list), onPostgres)) {
      ws.context.out.info(`  ${line}`);
    }
    throw new RevisionError(
      `the entities do not describe the database at ${ws.databaseDescription} as it is, so no baseline can stand for both; nothing was written`,
      "settle each difference first (change the entities, or migrate the database with TypeORM as before), then run `autogen adopt` again; `autogen diff` shows the SQL",
    );
  }
  const built = compareSchemas(EMPTY, comparison.target, ws.dialect.expressions);
  const operations = ws.dialect.adapt(built, EMPTY, comparison.target);
  const typeormTable = typeormMigrationsTable(ws.config.dataSource);
  const typeorm = typeormTable
    ? await readTypeormMigrations(client, typeormTable, ws.dialect)
    : null;
  const review = await reviewBothWays(
    client,
    operations,
    reverseOperations(operations),
    onPostgres,
  );
  return { operations, review, typeorm, excluded };
}

/**
 * Tables no entity describes are dropped by the next revision (as Alembic's autogenerate
 * does): adopt names them and puts them in `excludeTables` when told to, or when the person
 * at the terminal says yes; otherwise it stops, so nothing is dropped by surprise later.
 */
async function excludeOrRefuse(
  ws: Workspace,
  tables: readonly TableRef[],
  options: AdoptOptions,
): Promise<void> {
  const { out, confirm } = ws.context;
  const config = relative(ws.cwd, ws.options.configFile) || ws.options.configFile;
  const names = tables.map(excludeName).join(", ");
  out.info(`No entity describes ${tables.length} table(s) of the database: ${names}.`);
  let yes = options.excludeUnmanaged;
  if (yes === undefined && confirm) {
    yes = await confirm(
      `autogen's revisions would drop them. Add them to excludeTables in ${config}?`,
    );
  }
  if (!yes) {
    throw new RevisionError(
      `${tables.length} table(s) no entity describes would be dropped by the next revision (${names}); nothing was written`,
      `pass --exclude-unmanaged to add them to excludeTables in ${config} (or add \`${excludeTablesSnippet(tables)}\` to its autogen export yourself), or write entities for them`,
    );
  }
  if (!addExcludeTables(ws.options.configFile, tables)) {
    throw new RevisionError(
      `${config} has no \`export const autogen = {...}\` to add excludeTables to; nothing was written`,
      `add \`${excludeTablesSnippet(tables)}\` to the autogen options, then run \`autogen adopt\` again`,
    );
  }
  out.info(`Added ${names} to excludeTables in ${config}.`);
}

/** The header's first lines: what this revision is, and what came before it. */
function baselineLines(typeorm: readonly TypeormMigration[] | null): string[] {
  const last = typeorm?.[typeorm.length - 1];
  return [
    "Baseline written by `autogen adopt`: the schema the database had, stamped there without running; on an empty database `upgrade` builds it, and `downgrade base` drops it all.",
    ...(last
      ? [
          `Before it, TypeORM's runner applied ${typeorm.length} migration(s), the last ${last.name}; \`autogen history --typeorm\` lists them.`,
        ]
      : []),
  ];
}
