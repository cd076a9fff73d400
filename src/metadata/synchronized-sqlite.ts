import type { DataSource, DataSourceOptions } from "typeorm";
import { EntityMetadataError } from "./metadata-errors";

/**
 * Runs `fn` on an in-memory SQLite database that TypeORM's own `synchronize` has just built
 * from the DataSource's entities: the SQLite dialect's target model is read from it, so what
 * the entities mean on SQLite is exactly what TypeORM makes of them (types, enum CHECKs,
 * constraint names), and `check` right after `synchronize` finds nothing. `fn` receives the
 * `better-sqlite3` database handle, which is closed afterwards.
 *
 * The scratch DataSource is made with the user's own DataSource class (their TypeORM, or a
 * fork), like every other piece of TypeORM autogen runs.
 *
 * The copy keeps the entities and the naming strategy and drops what would run or connect:
 * migrations, subscribers, logging, the file.
 */
export async function withSynchronizedSqlite<T>(
  dataSource: DataSource,
  fn: (database: unknown) => Promise<T>,
): Promise<T> {
  const options = dataSource.options as DataSourceOptions & { schema?: unknown };
  const UserDataSource = dataSource.constructor as typeof DataSource;
  const scratch = new UserDataSource({
    type: "better-sqlite3",
    database: ":memory:",
    entities: options.entities ?? [],
    namingStrategy: dataSource.namingStrategy,
    entityPrefix: options.entityPrefix,
    metadataTableName: options.metadataTableName,
    synchronize: false,
    logging: false,
  });
  try {
    await scratch.initialize();
    await scratch.synchronize();
  } catch (error) {
    await scratch.destroy().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    throw new EntityMetadataError(
      `TypeORM could not create the entities' tables on SQLite: ${message}`,
      "Use column types SQLite accepts (TypeORM's SQLite driver lists them), or run against PostgreSQL.",
      { cause: error },
    );
  }
  try {
    return await fn(
      (scratch.driver as unknown as { databaseConnection: unknown }).databaseConnection,
    );
  } finally {
    await scratch.destroy().catch(() => undefined);
  }
}
