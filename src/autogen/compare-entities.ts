import type { Client } from "pg";
import type { DataSource } from "typeorm";
import { postgres } from "../dialect/postgres";
import { compareSchemas } from "../diff";
import { NO_RENAME_HINTS, planRenames, type RenamePlan, type RenameHints } from "../diff/renames";
import { introspectDatabase, postgresCatalog } from "../introspect";
import {
  buildEntityMetadata,
  schemaFromEntities,
  typeormMetadataTable,
  unmanagedObjects,
} from "../metadata";
import type { IndexRef } from "../metadata";
import type { Operation } from "../ops/operations";
import type { DatabaseSchema, TableRef } from "../schema/model";
import { DEFAULT_SCHEMA } from "../schema/model";

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
  /** Tables and columns the user says were renamed (config hints, flags, answers). */
  readonly renames?: RenameHints;
}

/**
 * Compares the entities with the live database: the heart of `revision`, `check` and
 * `diff`. Only the schemas the entities use (plus `public` and configured ones) are read,
 * and the version table and excluded tables are left out on both sides.
 */
export async function compareEntities(
  dataSource: DataSource,
  client: Client,
  options: CompareOptions,
): Promise<Comparison> {
  await buildEntityMetadata(dataSource);
  const unmanaged = unmanagedObjects(dataSource);
  const ignored = [
    options.versionTable,
    postgres.session.historyTable(options.versionTable),
    ...options.excludeTables,
    ...unmanaged.tables,
    typeormMetadataTable(dataSource),
  ];
  const declared = schemaFromEntities(dataSource);
  postgres.identifiers.check(declared);
  const model: DatabaseSchema = {
    ...declared,
    tables: declared.tables.filter((t) => !ignored.some((i) => sameTable(i, t))),
  };
  const target = await postgres.scratch.canonicalize(client, model, postgresCatalog);
  const schemas = [...new Set([DEFAULT_SCHEMA, ...options.schemas, ...target.schemas])];
  const live = await introspectDatabase(client, { schemas, excludeTables: ignored });
  const current = withoutIndexes(live, unmanaged.indexes);
  // Renames run first; the rest of the diff starts from the schema as they leave it.
  const plan = planRenames(current, target, options.renames ?? NO_RENAME_HINTS);
  return {
    current,
    target,
    operations: [...plan.operations, ...compareSchemas(plan.current, target, postgres.expressions)],
    renames: { applied: plan.applied, undecided: plan.undecided },
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
