import { Client } from "pg";
import { DataSource, type DataSourceOptions } from "typeorm";
import type { MigrationContext } from "../../../src/api";
import { compareEntities } from "../../../src/autogen/compare-entities";
import { formatReview, reviewOperations } from "../../../src/lint/review";
import type { Operation } from "../../../src/ops/operations";
import { reverseOperations } from "../../../src/ops/reverse";
import { renderMigration } from "../../../src/render";
import { liveExecutor } from "../../../src/runner/executor";
import { runSteps } from "../../../src/runner/run-steps";
import { ensureVersionTable } from "../../../src/runner/version-store";
import { MigrationFolder } from "../../render/support/replay";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { featureSnapshot } from "./feature-snapshot";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityClass = Function;

/** DataSource options a case may set (`uuidExtension`, `extensions`, `installExtensions`...). */
export type CaseOptions = Partial<Omit<Extract<DataSourceOptions, { type: "postgres" }>, "type">>;

export interface FeatureCase {
  /** Entities the database starts from, built by TypeORM's own `synchronize`; none: empty. */
  readonly before?: readonly EntityClass[];
  /** The entities the migration must bring the database to. */
  readonly after: readonly EntityClass[];
  readonly options?: CaseOptions;
  /**
   * Options for TypeORM's oracle alone, where TypeORM needs help to build what the entities
   * declare (its `synchronize` fails, for one, on a uuid_generate_v4() default it installs
   * no extension for).
   */
  readonly oracleOptions?: CaseOptions;
  /**
   * Schemas the snapshots cover besides `public`. TypeORM's `synchronize` does not create
   * schemas, so they are created ahead for it (in the oracle, and before `before`).
   */
  readonly schemas?: readonly string[];
  /** SQL run once `before` is in place, to put rows in the tables. */
  readonly seed?: string;
  /** A query whose rows must be the same before the upgrade, after it and after the downgrade. */
  readonly rows?: string;
  /** Checks on the upgraded database, before the downgrade (they must leave no rows behind). */
  readonly upgraded?: (db: TestDatabase) => Promise<void>;
}

export interface FeatureRun {
  readonly upgrade: readonly Operation[];
  readonly downgrade: readonly Operation[];
  /** The migration file, as `revision` writes it. */
  readonly file: string;
  /** The review lines of the file's header. */
  readonly review: readonly string[];
}

/** The version table lives outside the snapshots' schemas, so it is never part of a comparison. */
const VERSION_TABLE = { schema: "autogen_meta", name: "autogen_version" };

function dataSource(url: string, entities: readonly EntityClass[], options: CaseOptions = {}) {
  return new DataSource({
    type: "postgres",
    url,
    entities: [...entities],
    logging: false,
    ...options,
  });
}

/** The database TypeORM's `synchronize` builds from `entities`. */
export async function synchronize(
  db: TestDatabase,
  entities: readonly EntityClass[],
  options?: CaseOptions,
): Promise<void> {
  const source = dataSource(db.url, entities, { ...options, synchronize: true });
  await source.initialize();
  await source.destroy();
}

async function withClient<T>(db: TestDatabase, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** What autogenerate finds between `entities` and the database. */
export async function compare(
  db: TestDatabase,
  entities: readonly EntityClass[],
  options?: CaseOptions,
): Promise<readonly Operation[]> {
  const source = dataSource(db.url, entities, options);
  return withClient(db, async (client) => {
    const found = await compareEntities(source, client, {
      versionTable: VERSION_TABLE,
      excludeTables: [],
      schemas: [],
    });
    return found.operations;
  });
}

type MigrationFunction = (context: MigrationContext) => Promise<void>;

/** Runs one function of a loaded migration file through the real runner. */
async function run(
  db: TestDatabase,
  module: Record<string, unknown>,
  direction: "upgrade" | "downgrade",
): Promise<void> {
  await withClient(db, async (client) => {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${VERSION_TABLE.schema}`);
    await ensureVersionTable(client, VERSION_TABLE);
    const up = direction === "upgrade";
    await runSteps(
      liveExecutor(client),
      [
        {
          revision: "feature",
          message: "feature",
          file: "feature.ts",
          direction,
          run: module[direction] as MigrationFunction,
          transactional: true,
          removeHeads: up ? [] : ["feature"],
          addHeads: up ? ["feature"] : [],
        },
      ],
      { versionTable: VERSION_TABLE, transactionMode: "each" },
    );
  });
}

/**
 * One feature, end to end, the way issue 3 states the promise:
 * 1. TypeORM's `synchronize` builds the oracle from `after`, and autogenerate finds nothing to
 *    change in it (no false positive against TypeORM's own database);
 * 2. the database starts from `before` (synchronised by TypeORM) with the `seed` rows;
 * 3. the generated migration is rendered, loaded back as a file and upgraded by the runner;
 *    the catalog then equals the oracle's and a second comparison finds nothing;
 * 4. the downgrade restores the starting catalog exactly; `rows` hold throughout.
 */
export async function roundTrip(feature: FeatureCase): Promise<FeatureRun> {
  const schemas = ["public", ...(feature.schemas ?? [])];
  const oracle = await createTestDatabase("oracle");
  const db = await createTestDatabase("feature");
  const folder = new MigrationFolder();
  try {
    const createSchemas = async (target: TestDatabase) => {
      for (const name of feature.schemas ?? []) await target.query(`CREATE SCHEMA "${name}"`);
    };
    await createSchemas(oracle);
    await synchronize(oracle, feature.after, { ...feature.options, ...feature.oracleOptions });
    const expected = await featureSnapshot(oracle, schemas);
    expect(await compare(oracle, feature.after, feature.options)).toEqual([]);

    if (feature.before) {
      await createSchemas(db);
      await synchronize(db, feature.before, feature.options);
    }
    if (feature.seed) await db.query(feature.seed);
    const start = await featureSnapshot(db, schemas);
    const rows = feature.rows ? await db.query(feature.rows) : null;

    const upgrade = await compare(db, feature.after, feature.options);
    const downgrade = reverseOperations(upgrade);
    const review = formatReview(reviewOperations(upgrade));
    const file = renderMigration({
      message: "feature",
      revision: "feature",
      downRevision: null,
      createdAt: new Date(0),
      review,
      upgrade,
      downgrade,
    });
    const module = (await folder.replay(file)).module;

    await run(db, module, "upgrade");
    const upgraded = await featureSnapshot(db, schemas);
    expect({ ...upgraded, extensions: [] }).toEqual({ ...expected, extensions: [] });
    // Extensions are created when missing, never dropped: the ones the database started with stay.
    const installed = [...new Set([...start.extensions, ...expected.extensions])].sort();
    expect(upgraded.extensions).toEqual(installed);
    expect(await compare(db, feature.after, feature.options)).toEqual([]);
    if (feature.rows) expect(await db.query(feature.rows)).toEqual(rows);
    await feature.upgraded?.(db);

    await run(db, module, "downgrade");
    expect(await featureSnapshot(db, schemas)).toEqual(start);
    if (feature.rows) expect(await db.query(feature.rows)).toEqual(rows);
    return { upgrade, downgrade, file, review };
  } finally {
    folder.remove();
    await oracle.drop();
    await db.drop();
  }
}

/**
 * Inserts a row with `values` and returns the value PostgreSQL gave `column`, then rolls the
 * insert back: how a test sees what a generated column hands out without changing the rows.
 */
export async function insertedValue(
  db: TestDatabase,
  table: string,
  column: string,
  values = "DEFAULT VALUES",
): Promise<unknown> {
  return withClient(db, async (client) => {
    await client.query("BEGIN");
    try {
      const result = await client.query(`INSERT INTO ${table} ${values} RETURNING "${column}"`);
      return (result.rows[0] as Record<string, unknown>)[column];
    } finally {
      await client.query("ROLLBACK");
    }
  });
}
