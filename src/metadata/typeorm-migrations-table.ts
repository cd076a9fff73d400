import type { DataSource } from "typeorm";
import { DEFAULT_SCHEMA, type TableRef } from "../schema/model";
import { entityContext, tableEntities } from "./synchronized-entities";

/**
 * TypeORM's migration runner's table (`migrations`, or the DataSource's `migrationsTableName`,
 * in its `schema`): where a project that ran `typeorm migration:run` keeps the migrations it
 * applied. It is the runner's bookkeeping, not the application's schema, so a comparison
 * neither creates nor drops it, and `adopt` leaves it as TypeORM wrote it (`history --typeorm`
 * reads it). Null when an entity describes a table of that name: then it is the user's.
 */
export function typeormMigrationsTable(dataSource: DataSource): TableRef | null {
  const { migrationsTableName, schema } = dataSource.options as {
    migrationsTableName?: string;
    schema?: string;
  };
  const defaultSchema =
    dataSource.options.type === "postgres"
      ? entityContext(dataSource).defaultSchema
      : (schema ?? DEFAULT_SCHEMA);
  const table = { schema: defaultSchema, name: migrationsTableName ?? "migrations" };
  const declared = tableEntities(dataSource).some(
    (m) => m.tableName === table.name && (m.schema ?? defaultSchema) === table.schema,
  );
  return declared ? null : table;
}
