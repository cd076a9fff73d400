import type { DataSource, EntityMetadata } from "typeorm";
import { DEFAULT_SCHEMA, type TableRef } from "../schema/model";
import { refKey } from "../schema/keys";
import {
  entityContext,
  synchronizedEntities,
  tableEntities,
  viewEntities,
} from "./synchronized-entities";

/** An index by its table and name. */
export interface IndexRef {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
}

/**
 * Database objects the entities declare but tell TypeORM to leave alone. `synchronize` neither
 * creates nor drops them, so a comparison must ignore them on the database side, or it would
 * propose dropping what the user manages by hand.
 */
export interface UnmanagedObjects {
  /** Tables and views of entities with `synchronize: false`; sorted. */
  readonly tables: readonly TableRef[];
  /** `@Index(..., { synchronize: false })` on synchronised tables; sorted. */
  readonly indexes: readonly IndexRef[];
}

/**
 * What `schemaFromEntities` leaves out on purpose, for the comparison to skip.
 *
 * @example
 * const { tables, indexes } = unmanagedObjects(dataSource);
 */
export function unmanagedObjects(dataSource: DataSource): UnmanagedObjects {
  // Any driver's `schema` (SQLite's has none): unmanaged objects are read on every dialect.
  const defaultSchema =
    dataSource.options.type === "postgres"
      ? entityContext(dataSource).defaultSchema
      : ((dataSource.driver as { schema?: string }).schema ?? DEFAULT_SCHEMA);
  const refOf = (metadata: EntityMetadata): TableRef => ({
    schema: metadata.schema ?? defaultSchema,
    name: metadata.tableName,
  });
  // A table another entity declares and synchronises (a `@JoinTable({ synchronize: false })`
  // beside the entity class of the same table) is managed: `synchronize` syncs it.
  const managed = new Set(synchronizedEntities(dataSource).map((m) => refKey(refOf(m))));
  const tables = [...tableEntities(dataSource), ...viewEntities(dataSource)]
    .filter((metadata) => !metadata.synchronize)
    .map(refOf)
    .filter((ref) => !managed.has(refKey(ref)));
  const indexes = synchronizedEntities(dataSource).flatMap((metadata) =>
    metadata.indices
      .filter((index) => !index.synchronize)
      .map((index) => ({
        schema: metadata.schema ?? defaultSchema,
        table: metadata.tableName,
        name: index.name,
      })),
  );
  return {
    tables: tables.sort((a, b) => compareKeys([a.schema, a.name], [b.schema, b.name])),
    indexes: indexes.sort((a, b) =>
      compareKeys([a.schema, a.table, a.name], [b.schema, b.table, b.name]),
    ),
  };
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
