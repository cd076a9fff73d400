import type { DataSource } from "typeorm";
import { DEFAULT_SCHEMA, type TableRef } from "../schema/model";

/**
 * TypeORM's own bookkeeping table (`typeorm_metadata`, or the DataSource's
 * `metadataTableName`), where `synchronize` records views and generated columns: not part of
 * the application's schema, so a comparison neither creates nor drops it.
 */
export function typeormMetadataTable(dataSource: DataSource): TableRef {
  const { metadataTableName, schema } = dataSource.options as {
    metadataTableName?: string;
    schema?: string;
  };
  return { schema: schema ?? DEFAULT_SCHEMA, name: metadataTableName ?? "typeorm_metadata" };
}

/**
 * The table where TypeORM's migration runner records the migrations it ran (`migrations`, or
 * the DataSource's `migrationsTableName`): TypeORM's bookkeeping, like `typeorm_metadata`. A
 * project that keeps TypeORM's runner (`revision --format typeorm`), or moved from it, must
 * not see a revision drop it.
 */
export function typeormMigrationsTable(dataSource: DataSource): TableRef {
  const { migrationsTableName, schema } = dataSource.options as {
    migrationsTableName?: string;
    schema?: string;
  };
  return { schema: schema ?? DEFAULT_SCHEMA, name: migrationsTableName ?? "migrations" };
}

/**
 * TypeORM's bookkeeping tables a comparison leaves out: `typeorm_metadata`, and the
 * migrations table unless an entity maps that very table (then it is the application's).
 */
export function typeormBookkeepingTables(dataSource: DataSource): TableRef[] {
  const migrations = typeormMigrationsTable(dataSource);
  const mapped = dataSource.entityMetadatas.some(
    (m) => m.tableName === migrations.name && (m.schema ?? DEFAULT_SCHEMA) === migrations.schema,
  );
  return mapped
    ? [typeormMetadataTable(dataSource)]
    : [typeormMetadataTable(dataSource), migrations];
}
