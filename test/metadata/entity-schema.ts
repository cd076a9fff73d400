import { DataSource } from "typeorm";
import type { DataSourceOptions } from "typeorm";
import { buildEntityMetadata, schemaFromEntities } from "../../src/metadata";
import type { Column, DatabaseSchema, Table } from "../../src/schema/model";

type PostgresOptions = Extract<DataSourceOptions, { type: "postgres" }>;

/**
 * A postgres DataSource that can never connect (port 1), so every test that uses it also
 * proves the adapter works without a database.
 */
export function offlineDataSource(
  entities: PostgresOptions["entities"],
  options: Partial<PostgresOptions> = {},
): DataSource {
  return new DataSource({ type: "postgres", host: "127.0.0.1", port: 1, entities, ...options });
}

/** The model of the given entity classes, built without a database. */
export async function schemaOf(
  entities: PostgresOptions["entities"],
  options: Partial<PostgresOptions> = {},
): Promise<DatabaseSchema> {
  const dataSource = offlineDataSource(entities, options);
  await buildEntityMetadata(dataSource);
  return schemaFromEntities(dataSource);
}

export function tableNamed(schema: DatabaseSchema, name: string): Table {
  const table = schema.tables.find((candidate) => candidate.name === name);
  if (!table) throw new Error(`no table ${name} in ${schema.tables.map((t) => t.name).join(", ")}`);
  return table;
}

export function columnNamed(table: Table, name: string): Column {
  const column = table.columns.find((candidate) => candidate.name === name);
  if (!column) throw new Error(`no column ${name} in table ${table.name}`);
  return column;
}
