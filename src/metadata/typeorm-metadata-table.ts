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
