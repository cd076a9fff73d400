import type BetterSqlite3 from "better-sqlite3";
import type { Client } from "pg";
import type { DataSource } from "typeorm";
import type { CanonicalCache, SqlClient } from "../dialect/dialect";
import { postgres } from "../dialect/postgres";
import { sqlite, wrapDatabase } from "../dialect/sqlite";
import { sqliteCatalog } from "../introspect/sqlite/read-sqlite-catalog";
import { compareSchemas } from "../diff";
import { NO_RENAME_HINTS, planRenames, type RenamePlan, type RenameHints } from "../diff/renames";
import { introspectDatabase, postgresCatalog } from "../introspect";
import { collectGarbageIfLarge } from "../loader/collect-garbage";
import {
  buildEntityMetadata,
  schemaFromEntities,
  typeormBookkeepingTables,
  unmanagedObjects,
  withSynchronizedSqlite,
} from "../metadata";
import type { IndexRef } from "../metadata";
import type { Operation } from "../ops/operations";
import type { DatabaseSchema, TableRef } from "../schema/model";
import { DEFAULT_SCHEMA } from "../schema/model";
import { openCanonicalStore } from "./canonical-store";

export interface Comparison {
  /** The database as it is. */
  readonly current: DatabaseSchema;
  /** The database the entities describe, in canonical form. */
  readonly target: DatabaseSchema;
  /** What turns `current` into `target`. */
  readonly operations: readonly Operation[];
  /** The hints that were taken, and the drop-and-add pairs that may be renames nobody decided. */
  readonly renames: Pick<RenamePlan, "applied" | "undecided">;
}

const sameTable = (a: TableRef, b: TableRef): boolean => a.schema === b.schema && a.name === b.name;

/** What a comparison leaves out or reads besides the entities' own schemas. */
export interface CompareOptions {
  readonly versionTable: TableRef;
  readonly excludeTables: readonly TableRef[];
  /** Schemas read besides `public` and the ones the entities use. */
  readonly schemas: readonly string[];
  /** The config file: where the user's `typeorm` is resolved from when no loaded one is found. */
  readonly configFile?: string;
  /** The database's dialect; PostgreSQL unless the workspace says SQLite. */
  readonly dialect?: typeof postgres | typeof sqlite;
  /** Tables and columns the user says were renamed (config hints, flags, answers). */
  readonly renames?: RenameHints;
  /**
   * Canonical tables from earlier runs. Default: the file in the cache folder (see
   * `openCanonicalStore`); null: none, every table is built in the scratch area.
   */
  readonly canonicalCache?: CanonicalCache | null;
}

/**
 * Compares the entities with the live database: the heart of `revision`, `check` and
 * `diff`. Only the schemas the entities use (plus `public` and configured ones) are read,
 * and the version table and excluded tables are left out on both sides.
 */
export async function compareEntities(
  dataSource: DataSource,
  client: SqlClient,
  options: CompareOptions,
): Promise<Comparison> {
  if (options.dialect === sqlite) {
    await buildEntityMetadata(dataSource, options.configFile);
    return compareOnSqlite(dataSource, client, options);
  }
  const pg = client as Client;
  // The live catalog is read while the entity files load: PostgreSQL works on its own core
  // while this one compiles the entities, and the entity importer yields now and then, so
  // the answers arrive meanwhile. Only the schemas known before the entities are read here.
  const early = readLater(pg, [DEFAULT_SCHEMA, ...options.schemas]);
  await buildEntityMetadata(dataSource, options.configFile);
  const unmanaged = unmanagedObjects(dataSource);
  const ignored = [
    options.versionTable,
    postgres.session.historyTable(options.versionTable),
    ...options.excludeTables,
    ...unmanaged.tables,
    ...typeormBookkeepingTables(dataSource),
  ];
  const declared = schemaFromEntities(dataSource);
  postgres.identifiers.check(declared);
  const model: DatabaseSchema = {
    ...declared,
    tables: declared.tables.filter((t) => !ignored.some((i) => sameTable(i, t))),
  };
  // TypeORM's metadata has become the model: its garbage goes before canonicalisation.
  collectGarbageIfLarge();
  // Finished before the scratch work starts: its transaction must not take a catalog query in.
  const prefetched = await early.live;
  const target = await canonicalTarget(pg, model, options.canonicalCache);
  const schemas = [...new Set([DEFAULT_SCHEMA, ...options.schemas, ...target.schemas])];
  const live = schemas.every((s) => early.schemas.includes(s))
    ? prefetched
    : await introspectDatabase(pg, { schemas });
  const current = withoutIndexes(withoutTables(live, ignored), unmanaged.indexes);
  // Renames run first; the rest of the diff starts from the schema as they leave it.
  const plan = planRenames(current, target, options.renames ?? NO_RENAME_HINTS);
  return {
    current,
    target,
    operations: [...plan.operations, ...compareSchemas(plan.current, target, postgres.expressions)],
    renames: { applied: plan.applied, undecided: plan.undecided },
  };
}

/**
 * The live schema of `schemas`, being read; a failure waits for whoever awaits it. Every
 * table is kept (which ones to leave out is known once the entities are loaded), and the
 * catalog rows become the model as soon as they arrive: the model takes a third of the rows'
 * memory (20 MB against 60 MB at 10,000 tables), and the entity metadata is built meanwhile.
 */
function readLater(
  client: Client,
  schemas: readonly string[],
): { schemas: readonly string[]; live: Promise<DatabaseSchema> } {
  const live = introspectDatabase(client, { schemas });
  // Not unhandled while the entities load: an entity error may end the command first.
  live.catch(() => undefined);
  return { schemas, live };
}

/** The model in canonical form, through the given cache or the one in the cache folder. */
async function canonicalTarget(
  client: Client,
  model: DatabaseSchema,
  given: CanonicalCache | null | undefined,
): Promise<DatabaseSchema> {
  if (given !== undefined) {
    return postgres.scratch.canonicalize(client, model, postgresCatalog, given ?? undefined);
  }
  const store = openCanonicalStore();
  const target = await postgres.scratch.canonicalize(client, model, postgresCatalog, store);
  store?.save();
  return target;
}

/**
 * SQLite: the target is what TypeORM's own `synchronize` builds in an in-memory database,
 * read with the same catalog reader as the live file, so both sides are SQLite's own text.
 * The diff's operations are then adapted to what SQLite can alter (`sqlite.adapt`).
 */
async function compareOnSqlite(
  dataSource: DataSource,
  client: SqlClient,
  options: CompareOptions,
): Promise<Comparison> {
  const unmanaged = unmanagedObjects(dataSource);
  const ignored = [
    options.versionTable,
    sqlite.session.historyTable(options.versionTable),
    ...options.excludeTables,
    ...unmanaged.tables,
    ...typeormBookkeepingTables(dataSource),
  ].map((t) => ({ schema: DEFAULT_SCHEMA, name: t.name }));
  const target = await withSynchronizedSqlite(dataSource, (database) =>
    sqliteCatalog.readSchema(wrapDatabase(database as BetterSqlite3.Database, "the scratch copy"), {
      schemas: [],
      excludeTables: ignored,
    }),
  );
  const live = await sqliteCatalog.readSchema(client, { schemas: [], excludeTables: ignored });
  const current = withoutIndexes(live, unmanaged.indexes);
  const operations = compareSchemas(current, target, sqlite.expressions);
  // Rename detection is PostgreSQL's for now: on SQLite a drop and an add stay what they are.
  const renames = { applied: [], undecided: [] };
  return { current, target, operations: sqlite.adapt(operations, current, target), renames };
}

/** The schema without the tables and views in `leftOut` (the version tables, excluded ones). */
function withoutTables(schema: DatabaseSchema, leftOut: readonly TableRef[]): DatabaseSchema {
  const kept = (object: TableRef) => !leftOut.some((table) => sameTable(table, object));
  const { views, ...rest } = schema;
  const keptViews = views?.filter(kept) ?? [];
  // A normalised model leaves out `views` rather than holding an empty list.
  return {
    ...rest,
    tables: schema.tables.filter(kept),
    ...(keptViews.length ? { views: keptViews } : {}),
  };
}

/** Indexes declared with `synchronize: false` are the user's to manage: neither created nor dropped. */
function withoutIndexes(schema: DatabaseSchema, indexes: readonly IndexRef[]): DatabaseSchema {
  if (indexes.length === 0) return schema;
  return {
    ...schema,
    tables: schema.tables.map((t) => ({
      ...t,
      indexes: t.indexes.filter(
        (i) =>
          !indexes.some((u) => u.schema === t.schema && u.table === t.name && u.name === i.name),
      ),
    })),
  };
}
