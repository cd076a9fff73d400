/**
 * The TypeORM adapter: entity metadata in, the neutral schema model out. The only part of the
 * code base that imports TypeORM's metadata types.
 */
export { buildEntityMetadata, countEntities, hasEntityMetadata } from "./build-entity-metadata";
export { schemaFromEntities } from "./schema-from-entities";
export { unmanagedObjects } from "./unmanaged-objects";
export type { IndexRef, UnmanagedObjects } from "./unmanaged-objects";
export { typeormBookkeepingTables, typeormMetadataTable } from "./typeorm-metadata-table";
export { typeormMigrationsTable } from "./typeorm-migrations-table";
export { withSynchronizedSqlite } from "./synchronized-sqlite";
export { EntityMetadataError, UnsupportedEntityFeatureError } from "./metadata-errors";
export type { UnsupportedFeature } from "./metadata-errors";
