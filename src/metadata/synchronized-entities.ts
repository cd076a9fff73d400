import type { DataSource, EntityMetadata } from "typeorm";
import type { TableType } from "typeorm/metadata/types/TableTypes";
import { DEFAULT_SCHEMA } from "../schema/model";
import { hasEntityMetadata, postgresDriverOf } from "./build-entity-metadata";
import { EntityMetadataError } from "./metadata-errors";
import type { EntityContext } from "./table-from-entity";

/**
 * Which kinds of entity metadata own a table. Single-table-inheritance children live in their
 * parent's table; views are not tables (see `viewEntities`).
 */
const ownsTable: Readonly<Record<TableType, boolean>> = {
  regular: true,
  junction: true,
  closure: true,
  "closure-junction": true,
  "entity-child": false,
  view: false,
};

/** Entities whose table exists in the database, synchronised or not. */
export function tableEntities(dataSource: DataSource): EntityMetadata[] {
  if (!hasEntityMetadata(dataSource)) {
    throw new EntityMetadataError(
      "The DataSource's entity metadata has not been built.",
      "Call buildEntityMetadata(dataSource) first.",
    );
  }
  return dataSource.entityMetadatas.filter((metadata) => ownsTable[metadata.tableType]);
}

/** View entities (`@ViewEntity`), synchronised or not. */
export function viewEntities(dataSource: DataSource): EntityMetadata[] {
  tableEntities(dataSource);
  return dataSource.entityMetadatas.filter((metadata) => metadata.tableType === "view");
}

/** The entities `RdbmsSchemaBuilder` synchronises (`entityToSyncMetadatas`). */
export function synchronizedEntities(dataSource: DataSource): EntityMetadata[] {
  return tableEntities(dataSource).filter((metadata) => metadata.synchronize);
}

/**
 * What the tables of one DataSource share. The default schema is the driver's: unconnected,
 * it knows only the `schema` option; connected, also the connection's `current_schema()`.
 */
export function entityContext(dataSource: DataSource): EntityContext {
  const driver = postgresDriverOf(dataSource);
  return {
    driver,
    namingStrategy: dataSource.namingStrategy,
    defaultSchema: driver.schema ?? DEFAULT_SCHEMA,
  };
}
