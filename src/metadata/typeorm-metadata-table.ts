import type { DataSource } from "typeorm";
import { typeormMigrationsTable } from "./typeorm-migrations-table";
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
 * TypeORM's bookkeeping tables a comparison leaves out: `typeorm_metadata`, and the
 * migrations table unless an entity maps that very table (then it is the application's).
 */
export function typeormBookkeepingTables(dataSource: DataSource): TableRef[] {
  const migrations = typeormMigrationsTable(dataSource);
  return [typeormMetadataTable(dataSource), ...(migrations ? [migrations] : [])];
}
