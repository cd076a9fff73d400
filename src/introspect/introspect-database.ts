import type { ClientBase } from "pg";
import type { DatabaseSchema, Table, TableRef } from "../schema/model";
import { DEFAULT_SCHEMA } from "../schema/model";
import { normalizeSchema } from "../schema/normalize";
import type { Catalog } from "./catalog-rows";
import { columnFromRow } from "./column-from-row";
import { constraintsFromRows } from "./constraints-from-rows";
import { indexFromRow } from "./index-from-row";
import { viewFromRow } from "./view-from-row";
import { readCatalog } from "./read-catalog";
import { qualifiedKey as keyOf } from "../schema/keys";

export interface IntrospectOptions {
  /** Schemas to read, such as `["public", "blog"]`. Schemas that do not exist are skipped. */
  readonly schemas: readonly string[];
  /** Tables left out entirely, such as the migration version table. */
  readonly excludeTables?: readonly TableRef[];
}

function groupByTable<T extends { readonly schema: string; readonly table: string }>(
  rows: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row.schema, row.table);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Assembles the model from the rows of every catalog query. */
export function schemaFromCatalog(catalog: Catalog, options: IntrospectOptions): DatabaseSchema {
  const excluded = new Set((options.excludeTables ?? []).map((t) => keyOf(t.schema, t.name)));
  const columns = groupByTable(catalog.columns);
  const constraints = groupByTable(catalog.constraints);
  const indexes = groupByTable(catalog.indexes);
  const tables: Table[] = [];
  for (const row of catalog.tables) {
    const key = keyOf(row.schema, row.name);
    if (excluded.has(key)) continue;
    tables.push({
      schema: row.schema,
      name: row.name,
      columns: (columns.get(key) ?? []).map(columnFromRow),
      ...constraintsFromRows(constraints.get(key) ?? []),
      indexes: (indexes.get(key) ?? []).map(indexFromRow),
      comment: row.comment,
    });
  }
  return normalizeSchema({
    schemas: catalog.schemas.map((s) => s.name).filter((name) => name !== DEFAULT_SCHEMA),
    tables,
    enums: catalog.enums.map((e) => ({ schema: e.schema, name: e.name, values: e.values })),
    extensions: catalog.extensions.map((e) => e.name),
    views: catalog.views
      .filter((row) => !excluded.has(keyOf(row.schema, row.name)))
      .map((row) =>
        viewFromRow(row, (indexes.get(keyOf(row.schema, row.name)) ?? []).map(indexFromRow)),
      ),
  });
}

/**
 * Reads the live database into the neutral model, in the canonical form the model
 * documents (`format_type` types, `pg_get_expr` defaults, `pg_get_constraintdef` checks).
 *
 * Costs a fixed number of catalog queries (one per kind of object, see `queries/`) whatever
 * the number of tables. Runs no transaction of its own: inside the caller's transaction it
 * sees the caller's changes. Query failures become an `IntrospectionError` naming the
 * schemas and the kind of object being read.
 *
 * What is not read: sequences (a serial or identity column stands for its own), partitions
 * (they belong to their partitioned table), tables, views and types created by extensions,
 * indexes with expression keys, and anything the model has no field for (sequence options,
 * INCLUDE columns, operator classes, the schema an extension lives in).
 *
 * @example
 * const schema = await introspectDatabase(client, {
 *   schemas: ["public", "blog"],
 *   excludeTables: [{ schema: "public", name: "autogen_version" }],
 * });
 */
export async function introspectDatabase(
  client: ClientBase,
  options: IntrospectOptions,
): Promise<DatabaseSchema> {
  const catalog = await readCatalog(client, options.schemas);
  return schemaFromCatalog(catalog, options);
}
