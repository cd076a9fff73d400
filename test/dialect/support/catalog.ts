import { Client } from "pg";
import { compileOperations } from "../../../src/dialect/postgres/compile/compile";
import type { Operation } from "../../../src/ops/operations";
import type { TestDatabase } from "../../support/database";

/**
 * Runs statements the way the runner does: one connection, one transaction, rolled back
 * on the first failure.
 */
export async function runStatements(url: string, statements: readonly string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const statement of statements) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}

/** Compiles operations and runs their statements in one transaction. */
export async function apply(db: TestDatabase, list: readonly Operation[]): Promise<void> {
  await runStatements(db.url, compileOperations(list));
}

/**
 * Everything a migration can change, as plain data from the catalogs, to compare a database
 * before and after. Objects are listed by name, so columns are sorted by name: reversing a
 * dropColumn adds the column back at the end of its table, and PostgreSQL has no way to put
 * it back in place.
 */
const SNAPSHOT = `
WITH ns AS (
  SELECT oid, nspname FROM pg_namespace
  WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
)
SELECT json_build_object(
  'schemas', (SELECT json_agg(nspname ORDER BY nspname) FROM ns),
  'extensions', (SELECT json_agg(extname ORDER BY extname) FROM pg_extension),
  'enums', (
    SELECT json_agg(json_build_array(ns.nspname, t.typname,
             (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid))
           ORDER BY ns.nspname, t.typname)
    FROM pg_type t JOIN ns ON ns.oid = t.typnamespace WHERE t.typtype = 'e'),
  'relations', (
    SELECT json_agg(json_build_array(ns.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class'))
           ORDER BY ns.nspname, c.relname)
    FROM pg_class c JOIN ns ON ns.oid = c.relnamespace WHERE c.relkind IN ('r', 'S', 'i', 'v', 'm')),
  'views', (
    SELECT json_agg(json_build_array(ns.nspname, c.relname, pg_get_viewdef(c.oid)) ORDER BY ns.nspname, c.relname)
    FROM pg_class c JOIN ns ON ns.oid = c.relnamespace WHERE c.relkind IN ('v', 'm')),
  'columns', (
    SELECT json_agg(json_build_array(ns.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
             a.attnotnull, pg_get_expr(d.adbin, d.adrelid), col_description(c.oid, a.attnum),
             a.attidentity, a.attgenerated, CASE WHEN a.attcollation <> t.typcollation THEN co.collname END)
           ORDER BY ns.nspname, c.relname, a.attname)
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN ns ON ns.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_collation co ON co.oid = a.attcollation
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped),
  'constraints', (
    SELECT json_agg(json_build_array(ns.nspname, c.relname, k.conname, pg_get_constraintdef(k.oid))
           ORDER BY ns.nspname, c.relname, k.conname)
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN ns ON ns.oid = c.relnamespace),
  'indexes', (
    SELECT json_agg(json_build_array(ns.nspname, i.relname, pg_get_indexdef(x.indexrelid))
           ORDER BY ns.nspname, i.relname)
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN ns ON ns.oid = i.relnamespace)
) AS snapshot`;

export type Snapshot = Record<string, unknown>;

export async function snapshot(db: TestDatabase): Promise<Snapshot> {
  const [row] = await db.query<{ snapshot: Snapshot }>(SNAPSHOT);
  if (!row) throw new Error("the snapshot query returned no row");
  return row.snapshot;
}

/** One value from a query, for short catalog checks. */
export async function scalar<T>(db: TestDatabase, sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await db.query<Record<string, T>>(sql, params);
  if (!row) throw new Error(`no row from: ${sql}`);
  return Object.values(row)[0] as T;
}
