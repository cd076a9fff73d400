import { Client } from "pg";
import { DataSource, type DataSourceOptions } from "typeorm";
import {
  compareEntities as compareDataSource,
  type Comparison,
} from "../../../src/autogen/compare-entities";
import { quoteIdent } from "../../../src/dialect/postgres/quote";
import type { RenameHints } from "../../../src/diff/renames";
import type { Operation } from "../../../src/ops/operations";
import type { TestDatabase } from "../../support/database";
import type { EntityClass } from "./entity";
import { VERSION_TABLE } from "./migration";

export type PostgresOptions = Partial<Extract<DataSourceOptions, { type: "postgres" }>>;

/** A DataSource for `entities` on the database at `url`; not connected. */
export function dataSourceFor(
  url: string,
  entities: readonly EntityClass[],
  options: PostgresOptions = {},
): DataSource {
  return new DataSource({ ...options, type: "postgres", url, entities: [...entities] });
}

/**
 * What `revision` and `check` compute for the entities against the connected database: the
 * very function the commands call, with the default options (the version table lives in the
 * cases' bookkeeping schema).
 */
export async function compareEntities(
  client: Client,
  url: string,
  entities: readonly EntityClass[],
  options: PostgresOptions = {},
  renames?: RenameHints,
): Promise<Comparison> {
  return compareDataSource(dataSourceFor(url, entities, options), client, {
    versionTable: VERSION_TABLE,
    excludeTables: [],
    schemas: [],
    ...(renames ? { renames } : {}),
  });
}

/**
 * Builds the database TypeORM's `synchronize` makes from `entities`, as a user's app would.
 * TypeORM expects the schemas its entities name to exist, so they are created first.
 */
export async function synchronize(
  url: string,
  entities: readonly EntityClass[],
  options: PostgresOptions = {},
): Promise<void> {
  const dataSource = new DataSource({
    ...options,
    type: "postgres",
    url,
    entities: [...entities],
    logging: false,
  });
  await dataSource.initialize();
  try {
    const schemas = new Set(dataSource.entityMetadatas.map((m) => m.schema));
    for (const schema of schemas) {
      if (schema) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    }
    await dataSource.synchronize();
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The statements TypeORM's own schema builder would run against a database it has just
 * synchronised from the same entities: anything here is churn `migration:generate` would
 * write into every new migration.
 */
export async function typeormPendingQueries(
  url: string,
  entities: readonly EntityClass[],
  options: PostgresOptions = {},
): Promise<string[]> {
  const dataSource = new DataSource({
    ...options,
    type: "postgres",
    url,
    entities: [...entities],
    logging: false,
  });
  await dataSource.initialize();
  try {
    const log = await dataSource.driver.createSchemaBuilder().log();
    return log.upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
  }
}

/** `compareEntities` on a connection of its own to `db`: the operations alone. */
export async function compareOn(
  db: TestDatabase,
  entities: readonly EntityClass[],
  options: PostgresOptions = {},
): Promise<readonly Operation[]> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await compareEntities(client, db.url, entities, options)).operations;
  } finally {
    await client.end();
  }
}
