import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { compareEntities, type Comparison } from "../../../src/autogen/compare-entities";
import type { SqlClient } from "../../../src/dialect/dialect";
import { sqlite } from "../../../src/dialect/sqlite";
import { connect } from "../../../src/dialect/sqlite/session/connect";
import { readSqliteSchema } from "../../../src/introspect/sqlite/read-sqlite-catalog";
import type { Operation } from "../../../src/ops/operations";
import { liveExecutor } from "../../../src/runner/executor";
import { runSteps, type MigrationStep } from "../../../src/runner/run-steps";
import { ensureVersionTable } from "../../../src/runner/version-store";
import type { LoadedRevision } from "../../../src/revisions";
import type { DatabaseSchema, Table, TableRef } from "../../../src/schema/model";
import type { AutogenCase, ExpectedOperation } from "./case";
import type { EntityClass } from "./entity";
import { writeAndLoadMigration } from "./migration";

const VERSION_TABLE: TableRef = { schema: "public", name: "autogen_version" };
const BOOKKEEPING = [VERSION_TABLE, sqlite.session.historyTable(VERSION_TABLE)];

/** A DataSource for `entities` on the SQLite file, as a user's better-sqlite3 app declares it. */
const dataSourceFor = (file: string, entities: readonly EntityClass[]) =>
  new DataSource({
    type: "better-sqlite3",
    database: file,
    entities: [...entities],
    logging: false,
  });

/** TypeORM's own `synchronize` on the file. */
async function synchronize(file: string, entities: readonly EntityClass[]): Promise<void> {
  const ds = dataSourceFor(file, entities);
  await ds.initialize();
  try {
    await ds.synchronize();
  } finally {
    await ds.destroy();
  }
}

function compare(
  client: SqlClient,
  file: string,
  entities: readonly EntityClass[],
): Promise<Comparison> {
  return compareEntities(dataSourceFor(file, entities), client, {
    versionTable: VERSION_TABLE,
    excludeTables: [],
    schemas: [],
    dialect: sqlite,
  });
}

/** The catalog as the SQLite dialect reads it, without the runner's bookkeeping. */
const snapshot = (client: SqlClient): Promise<DatabaseSchema> =>
  readSqliteSchema(client, { excludeTables: BOOKKEEPING });

/** A sample value for a declared type; the same type gets the same value, so keys match. */
function sample(type: string): unknown {
  const t = type.toLowerCase();
  if (/int|bool/.test(t)) return 1;
  if (/real|floa|doub|dec|num/.test(t)) return 1.5;
  if (/date|time/.test(t)) return "2024-01-02 03:04:05";
  if (/blob/.test(t)) return Buffer.from([1, 2]);
  return "a";
}

/** A value the table's checks accept: the first label of an `IN (...)` check on the column. */
function valueFor(table: Table, column: Table["columns"][number]): unknown {
  for (const check of table.checks) {
    const match = new RegExp(`"${column.name}" IN ?\\('((?:[^']|'')*)'`).exec(check.expression);
    if (match) return match[1]!.replaceAll("''", "'");
  }
  return sample(column.type);
}

/** One row in every table, a value in every column; keys match since types decide values. */
async function seedRows(client: SqlClient, schema: DatabaseSchema): Promise<void> {
  for (const table of schema.tables) {
    const columns = table.columns.filter((c) => c.generated === undefined);
    if (columns.length === 0) continue;
    const names = columns.map((c) => `"${c.name}"`).join(", ");
    const marks = columns.map(() => "?").join(", ");
    await client.query(
      `INSERT INTO "${table.name}" (${names}) VALUES (${marks})`,
      columns.map((c) => valueFor(table, c)),
    );
  }
}

/** Every row of every table, by table, in rowid order; the columns of `reference` alone. */
async function readRows(client: SqlClient, reference: DatabaseSchema, now: DatabaseSchema) {
  const rows: Record<string, unknown[]> = {};
  for (const table of reference.tables) {
    const current = now.tables.find((t) => t.name === table.name);
    if (!current) continue;
    const present = new Set(current.columns.map((c) => c.name));
    const shared = table.columns.filter((c) => present.has(c.name)).map((c) => `"${c.name}"`);
    if (shared.length === 0) continue;
    rows[table.name] = (
      await client.query(`SELECT ${shared.join(", ")} FROM "${table.name}"`)
    ).rows;
  }
  return rows;
}

async function runMigration(
  client: SqlClient,
  migration: LoadedRevision,
  direction: "upgrade" | "downgrade",
) {
  await ensureVersionTable(client, VERSION_TABLE, sqlite);
  const fn = direction === "upgrade" ? migration.upgrade : migration.downgrade;
  const step: MigrationStep = {
    revision: migration.revision,
    message: migration.message,
    file: migration.file,
    direction,
    run: async (context) => void (await fn(context)),
    transactional: true,
    removeHeads: direction === "upgrade" ? [] : [migration.revision],
    addHeads: direction === "upgrade" ? [migration.revision] : [],
  };
  await runSteps(liveExecutor(client), [step], {
    versionTable: VERSION_TABLE,
    transactionMode: "each",
    dialect: sqlite,
  });
}

function expectOperations(
  operations: readonly Operation[],
  expected: readonly ExpectedOperation[],
) {
  expect(operations.map((op) => op.kind)).toEqual(expected.map(([kind]) => kind));
  expected.forEach(([, fields], i) => {
    if (fields) expect(operations[i]).toMatchObject(fields as object);
  });
}

/** The rows `now` holds are the ones `before` held, in the columns `now` and `schema` share. */
function expectRowsKept(
  before: Record<string, unknown[]>,
  now: Record<string, unknown[]>,
  schema: DatabaseSchema,
): void {
  for (const [table, rows] of Object.entries(now)) {
    const columns = new Set(
      (schema.tables.find((t) => t.name === table)?.columns ?? []).map((c) => c.name),
    );
    const pick = (row: unknown) =>
      Object.fromEntries(Object.entries(row as object).filter(([k]) => columns.has(k)));
    expect(rows.map(pick)).toEqual((before[table] ?? []).map(pick));
  }
}

/** Whether the case covers SQLite (see `AutogenCase.dialects`). */
export const coversSqlite = (c: AutogenCase): boolean => (c.dialects ?? []).includes("sqlite");

/**
 * The case's claims on SQLite files: no operation on the file TypeORM's `synchronize` builds
 * from the wanted entities (nor on the one it builds from the old ones); after the upgrade of
 * the rendered file a new comparison is empty and the catalog equals TypeORM's; the downgrade
 * restores the old catalog; the seeded row keeps its values in every column on both sides,
 * through table rebuilds too. The operations are SQLite's (`sqliteExpect`), not PostgreSQL's.
 */
export async function runSqliteCase(c: AutogenCase): Promise<readonly Operation[]> {
  const dir = mkdtempSync(join(tmpdir(), "autogen-sqlite-case-"));
  const work = join(dir, "work.db");
  const oracle = join(dir, "oracle.db");
  try {
    await synchronize(oracle, c.after);
    const oracleClient = await connect({ filename: oracle }, "oracle.db");
    let wanted: DatabaseSchema;
    try {
      expect((await compare(oracleClient, oracle, c.after)).operations).toEqual([]);
      wanted = await snapshot(oracleClient);
    } finally {
      await oracleClient.end();
    }

    if (typeof c.before === "string") throw new Error("SQLite cases start from entities.");
    if (c.before) await synchronize(work, c.before);
    const client = await connect({ filename: work }, "work.db");
    try {
      if (c.before) expect((await compare(client, work, c.before)).operations).toEqual([]);
      if (c.sqliteSetup) await client.query(c.sqliteSetup);
      const before = await snapshot(client);
      if (c.seed !== false) await seedRows(client, before);
      const rowsBefore = await readRows(client, before, before);

      const { operations } = await compare(client, work, c.after);
      if (c.sqliteExpect) expectOperations(operations, c.sqliteExpect);
      const migration = await writeAndLoadMigration(operations);
      await runMigration(client, migration.revision, "upgrade");
      expect((await compare(client, work, c.after)).operations).toEqual([]);
      const after = await snapshot(client);
      expect(after).toEqual(wanted);
      expectRowsKept(rowsBefore, await readRows(client, before, after), after);
      await c.sqliteCheck?.(client, "upgraded");

      await runMigration(client, migration.revision, "downgrade");
      expect(await snapshot(client)).toEqual(before);
      // Only the columns that lived through the upgrade kept their values back.
      expectRowsKept(rowsBefore, await readRows(client, after, before), after);
      await c.sqliteCheck?.(client, "downgraded");
      return operations;
    } finally {
      await client.end();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
