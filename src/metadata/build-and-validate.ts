import type { DataSource, EntityMetadata } from "typeorm";
import type { ConnectionMetadataBuilder } from "typeorm/connection/ConnectionMetadataBuilder";
import { quickDependencyCheck } from "./dependency-check";
import { indexMetadataArgs } from "./indexed-metadata-args";
import { quickInheritanceCheck } from "./inheritance-check";
import { quickInverseEntitySearch } from "./inverse-entity-search";
import { quickSingleTableChildSearch } from "./single-table-children";
import type { UserTypeOrm } from "./user-typeorm";

/** A class, an EntitySchema or a glob, as the `entities` option lists them. */
export type EntityReference = Parameters<
  ConnectionMetadataBuilder["buildEntityMetadatas"]
>[0][number];

/**
 * The entity half of `DataSource.buildMetadatas()`: the user's TypeORM's own metadata builder
 * and validator, run on `entities`. The steps of both that search every entity once per
 * entity, column or relation are handed narrower lists for the time of the build (see each
 * module), so a project of 10,000 entities does not pay for their square; every answer is the
 * one TypeORM's own step gives, and a TypeORM whose steps differ keeps its own.
 */
export async function buildAndValidate(
  typeorm: UserTypeOrm,
  dataSource: DataSource,
  entities: EntityReference[],
): Promise<EntityMetadata[]> {
  const storage = typeorm.getMetadataArgsStorage();
  indexMetadataArgs(storage);
  const targets = storage.tables.map((table) => table.target);
  const restore = [
    quickInheritanceCheck(typeorm.MetadataUtils, targets),
    quickSingleTableChildSearch(typeorm.EntityMetadataBuilder),
    quickInverseEntitySearch(typeorm.EntityMetadataBuilder),
  ];
  let metadatas: EntityMetadata[];
  try {
    metadatas = await new typeorm.ConnectionMetadataBuilder(dataSource).buildEntityMetadatas(
      entities,
    );
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  const validator = new typeorm.EntityMetadataValidator();
  quickDependencyCheck(validator);
  validator.validateMany(
    metadatas.filter((metadata) => metadata.tableType !== "view"),
    dataSource.driver,
  );
  return metadatas;
}
