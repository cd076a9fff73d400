import { Client } from "pg";
import { postgres } from "../../../src/dialect/postgres";
import type { Operation } from "../../../src/ops/operations";
import { reverseOperations } from "../../../src/ops/reverse";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import type { AutogenCase, CaseRun, ExpectedOperation } from "./case";
import { resetDatabase, useCaseDatabases, type CaseDatabases } from "./case-databases";
import { compareEntities, synchronize, typeormPendingQueries } from "./compare";
import { runMigration, writeAndLoadMigration } from "./migration";
import {
  columnFacts,
  columnKey,
  keptValues,
  readRows,
  seedRows,
  type ColumnFacts,
  type RowValues,
} from "./rows";
import { snapshot, type Snapshot } from "./snapshot";
import { coversSqlite, runSqliteCase } from "./run-sqlite-case";
import { qualifiedName, quoteIdent } from "../../../src/dialect/postgres/quote";

/** Resets the database, then runs `fn` with a connection to it. */
async function onFreshDatabase<T>(
  db: TestDatabase,
  fn: (client: Client) => Promise<T>,
): Promise<T> {
  await resetDatabase(db);
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The operations, compared with the expected kinds first so a mismatch reads at a glance. */
function expectOperations(
  operations: readonly Operation[],
  expected: readonly ExpectedOperation[],
) {
  expect(operations.map((op) => op.kind)).toEqual(expected.map(([kind]) => kind));
  expected.forEach(([, fields], i) => {
    if (fields) expect(operations[i]).toMatchObject(fields as object);
  });
}

/** SQL on one line, so expected statements read as one line too. */
const oneLine = (sql: string): string =>
  sql.replace(/\s+/g, " ").replace(/\( /g, "(").replace(/ \)/g, ")");

/**
 * The catalog TypeORM builds from the wanted entities on a fresh database, once autogenerate
 * has found nothing to change in it (no false positive against TypeORM's own database); or
 * TypeORM's error.
 */
async function oracle(c: AutogenCase, db: TestDatabase): Promise<Snapshot | Error> {
  return onFreshDatabase(db, async (client) => {
    try {
      if (c.oracleSql?.before) await db.query(c.oracleSql.before);
      await synchronize(db.url, c.after, { ...c.options, ...c.oracleOptions });
      if (c.oracleSql?.after) await db.query(c.oracleSql.after);
    } catch (error) {
      return error as Error;
    }
    if (c.typeormChurns) {
      expect(await typeormPendingQueries(db.url, c.after, c.options)).not.toEqual([]);
    }
    if (!c.typeormIsWrong) {
      expect((await compareEntities(client, db.url, c.after, c.options)).operations).toEqual([]);
    }
    return snapshot(db);
  });
}

/** What TypeORM's schema builder proposes on the database before the change; see the case field. */
async function expectTypeormGenerates(url: string, c: AutogenCase): Promise<void> {
  const { matching, times } = c.typeormGenerates!;
  const queries = await typeormPendingQueries(url, c.after, c.options);
  if (matching === "nothing") expect(queries).toEqual([]);
  else if (times === undefined) expect(queries).toContainEqual(expect.stringMatching(matching));
  else expect(queries.filter((q) => matching.test(q))).toHaveLength(times);
}

/** The case's backfills keyed like the rows: `"schema"."table"."column"`. */
function backfillsOf(c: AutogenCase): ReadonlyMap<string, string> {
  return new Map(
    Object.entries(c.backfills ?? {}).map(([where, value]) => {
      const parts = where.split(".");
      const [schema, table, column] = parts.length === 2 ? ["public", ...parts] : parts;
      return [`${qualifiedName(schema!, table!)}.${quoteIdent(column!)}`, value];
    }),
  );
}

/**
 * The upgraded catalog is the one TypeORM builds, except that extensions are created when
 * missing and never dropped: the ones the database started with stay.
 */
function expectBuiltAsTypeormWould(after: Snapshot, wanted: Snapshot, before: Snapshot): void {
  expect({ ...after, extensions: [] }).toEqual({ ...wanted, extensions: [] });
  expect(after.extensions).toEqual(
    [...new Set([...before.extensions, ...wanted.extensions])].sort(),
  );
}

/**
 * Reads the rows again, in the columns of `reference` that exist now, and expects the values
 * `before` held there, NULLs of a backfilled column read as its backfill. Returns the columns
 * read.
 */
async function expectRowsKept(
  client: Client,
  before: RowValues,
  reference: readonly ColumnFacts[],
  backfills: ReadonlyMap<string, string>,
): Promise<ReadonlySet<string>> {
  const now = await readRows(client, reference);
  const kept = Object.entries(keptValues(before, now.columns)).map(([key, value]) => {
    const filled = backfills.get(key.slice(0, key.lastIndexOf(" #")));
    return [key, value === null && filled !== undefined ? filled : value];
  });
  expect(Object.fromEntries(now.values)).toEqual(Object.fromEntries(kept));
  return now.columns;
}

/**
 * Runs one case on freshly reset databases; see `AutogenCase` for what it proves. TypeORM
 * builds the oracle meanwhile, on the other database.
 */
export async function runCase(c: AutogenCase, databases: CaseDatabases): Promise<CaseRun> {
  const building = oracle(c, databases.oracle);
  // Awaited below; a rejection before then must not count as unhandled.
  building.catch(() => undefined);
  try {
    return await proveCase(c, databases.work, building);
  } finally {
    // A case that failed early must not leave the oracle running into the next case.
    await building.catch(() => undefined);
  }
}

async function proveCase(
  c: AutogenCase,
  db: TestDatabase,
  building: Promise<Snapshot | Error>,
): Promise<CaseRun> {
  return onFreshDatabase(db, async (client) => {
    if (typeof c.before === "string") {
      await client.query(c.before);
    } else if (c.before) {
      await synchronize(db.url, c.before, c.options);
      const clean = await compareEntities(client, db.url, c.before, c.options);
      expect(clean.operations).toEqual([]);
    }
    const facts = await columnFacts(client);
    if (typeof c.seed === "string") await client.query(c.seed);
    else if (typeof c.seed === "function") await c.seed(client, facts);
    else if (c.seed !== false) await seedRows(client, facts);
    const catalogBefore = await snapshot(db);
    const rowsBefore = await readRows(client, facts);
    const queried = c.rows ? await db.query(c.rows) : null;

    if (c.typeormGenerates) await expectTypeormGenerates(db.url, c);
    const { operations } = await compareEntities(client, db.url, c.after, c.options, c.renames);
    if (c.expect) expectOperations(operations, c.expect);
    if (c.sql) {
      expect(postgres.compile.operations(operations).map(oneLine)).toEqual(c.sql.map(oneLine));
    }

    const migration = await writeAndLoadMigration(operations);
    await runMigration(client, migration.revision, "upgrade");
    const again = await compareEntities(client, db.url, c.after, c.options, c.renames);
    expect(again.operations).toEqual([]);
    const catalogAfter = await snapshot(db);
    const wanted = await building;
    if (!c.typeormIsWrong && wanted instanceof Error) {
      throw new Error(`TypeORM's synchronize failed on the wanted entities: ${wanted.message}`);
    }
    if (!c.typeormIsWrong)
      expectBuiltAsTypeormWould(catalogAfter, wanted as Snapshot, catalogBefore);
    else if (!(wanted instanceof Error)) expect(catalogAfter).not.toEqual(wanted);
    const backfills = backfillsOf(c);
    const shared = await expectRowsKept(client, rowsBefore, facts, backfills);
    // A column that became generated traded its values for computed ones (the review warns):
    // going back cannot bring them back.
    const computed = new Set((await columnFacts(client)).filter((f) => f.generated).map(columnKey));
    if (c.rows) expect(await db.query(c.rows)).toEqual(queried);
    await c.upgraded?.(db);

    await runMigration(client, migration.revision, "downgrade");
    expect(await snapshot(db)).toEqual(catalogBefore);
    const onBothSides = facts.filter(
      (column) => shared.has(columnKey(column)) && !computed.has(columnKey(column)),
    );
    await expectRowsKept(client, rowsBefore, onBothSides, backfills);
    if (c.rows) expect(await db.query(c.rows)).toEqual(queried);
    return {
      upgrade: operations,
      downgrade: reverseOperations(operations),
      file: migration.text,
      review: migration.review,
    };
  });
}

/**
 * One `it` per case, run in order within the file, on the file's two databases. A pending case
 * runs as `it.failing`; with `AUTOGEN_PENDING_CASES=run` it runs as a plain test, to see why it
 * fails.
 */
export function describeCases(title: string, cases: readonly AutogenCase[]): void {
  const runPending = process.env.AUTOGEN_PENDING_CASES === "run";
  const onPostgres = cases.filter((c) => (c.dialects ?? ["postgres"]).includes("postgres"));
  if (onPostgres.length > 0) describePostgresCases(title, onPostgres, runPending);
  const onSqlite = cases.filter(coversSqlite);
  if (onSqlite.length === 0) return;
  describe(`${title} on SQLite`, () => {
    for (const c of onSqlite) it(c.name, async () => void (await runSqliteCase(c)));
  });
}

function describePostgresCases(
  title: string,
  cases: readonly AutogenCase[],
  runPending: boolean,
): void {
  describe(title, () => {
    const databases = useCaseDatabases();
    for (const c of cases) {
      const run = async () => void (await runCase(c, databases()));
      if (c.pending && !runPending) it.failing(`${c.name} (pending: ${c.pending})`, run);
      else it(c.name, run);
    }
  });
}

/**
 * Runs one case inside a test of its own, on two databases made for it, and returns what it
 * produced: for tests that assert more than the case states (the file's text, the review).
 */
export async function roundTrip(c: Omit<AutogenCase, "name"> & { name?: string }) {
  const databases: CaseDatabases = {
    work: await createTestDatabase("case"),
    oracle: await createTestDatabase("oracle"),
  };
  try {
    return await runCase({ name: "round trip", ...c }, databases);
  } finally {
    await databases.work.drop();
    await databases.oracle.drop();
  }
}
