import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ClientBase, QueryResult } from "pg";
import { IntrospectionError } from "../errors";
import type { View } from "../schema/model";
import type { Catalog, CatalogKind, CatalogRows } from "./catalog-rows";
import { indexFromRow } from "./index-from-row";
import { viewFromRow } from "./view-from-row";

const sqlCache = new Map<CatalogKind, string>();

/**
 * The text of `queries/<kind>.sql`. Kept as real files (not strings in code) so they can be
 * run and tuned in psql: `PREPARE q(text[]) AS ...; EXECUTE q('{public}')`.
 */
export function catalogQuery(kind: CatalogKind): string {
  const cached = sqlCache.get(kind);
  if (cached !== undefined) return cached;
  const file = join(__dirname, "queries", `${kind}.sql`);
  let sql: string;
  try {
    sql = readFileSync(file, "utf8");
  } catch (error) {
    throw new IntrospectionError(kind, `Catalog query file ${file} cannot be read.`, {
      cause: error,
    });
  }
  sqlCache.set(kind, sql);
  return sql;
}

function describeSchemas(schemas: readonly string[]): string {
  const names = schemas.map((s) => JSON.stringify(s)).join(", ");
  return schemas.length === 1 ? `schema ${names}` : `schemas ${names}`;
}

async function runQuery<K extends CatalogKind>(
  client: ClientBase,
  kind: K,
  schemas: readonly string[],
): Promise<CatalogRows[K][]> {
  const sql = catalogQuery(kind);
  try {
    const result = await client.query<CatalogRows[K]>(sql, [schemas]);
    return result.rows;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IntrospectionError(
      kind,
      `introspecting ${describeSchemas(schemas)} ${kind}: ${reason}`,
      { cause: error },
    );
  }
}

/** Every kind of catalog query, in the order they are sent. */
const CATALOG_KINDS: readonly CatalogKind[] = [
  "schemas",
  "tables",
  "columns",
  "constraints",
  "indexes",
  "enums",
  "extensions",
  "views",
];

/**
 * Runs every catalog query for the given schemas. Exactly one statement per kind of object,
 * each reading all listed schemas at once, all sent in one query: introspection costs one
 * round trip for one table or a thousand. One query rather than eight because a pg client
 * sends the next query only once this thread has taken the last one's answer: while the
 * thread loads the entities (see compareEntities), each of eight waited for it, and the last
 * ones arrived after the entities were ready (at 1,000 tables, 0.07 s of `check`). Sent
 * together, PostgreSQL answers all of them while the entities load.
 *
 * When the query fails, each statement runs again alone, so the error names the kind of object
 * whose statement failed; inside a transaction the first failure aborted, the error names the
 * whole catalog instead.
 */
export async function readCatalog(
  client: ClientBase,
  schemas: readonly string[],
): Promise<Catalog> {
  const statements = CATALOG_KINDS.map((kind) => withSchemas(catalogQuery(kind), schemas));
  let results: QueryResult[];
  try {
    // Without parameters, pg sends the simple query protocol, which allows several statements.
    results = (await client.query(statements.join(";\n"))) as unknown as QueryResult[];
  } catch (error) {
    return readOneByOne(client, schemas, error);
  }
  const catalog: Partial<Record<CatalogKind, unknown[]>> = {};
  CATALOG_KINDS.forEach((kind, i) => (catalog[kind] = results[i]?.rows ?? []));
  return catalog as Catalog;
}

/** The catalog read one statement at a time, after `failure` of the query holding them all. */
async function readOneByOne(
  client: ClientBase,
  schemas: readonly string[],
  failure: unknown,
): Promise<Catalog> {
  const catalog: Partial<Record<CatalogKind, unknown[]>> = {};
  try {
    for (const kind of CATALOG_KINDS) catalog[kind] = await runQuery(client, kind, schemas);
  } catch (error) {
    const aborted = (e: unknown) => (e as { code?: string }).code === IN_FAILED_TRANSACTION;
    // A transaction the first failure aborted refuses every statement: the first one's
    // reason is the one to give.
    if (!aborted((error as { cause?: unknown }).cause) || aborted(failure)) throw error;
    const reason = failure instanceof Error ? failure.message : String(failure);
    throw new IntrospectionError(
      "catalog",
      `introspecting ${describeSchemas(schemas)}: ${reason}`,
      {
        cause: failure,
      },
    );
  }
  return catalog as Catalog;
}

/** SQLSTATE 25P02: "current transaction is aborted, commands ignored until end of block". */
const IN_FAILED_TRANSACTION = "25P02";

/**
 * A catalog statement with its `$1::text[]` (the schemas) written out, as the simple query
 * protocol has no parameters. Each name is spelled in hexadecimal and decoded by PostgreSQL:
 * no quote, backslash or line break of a schema name reaches the SQL text, whatever
 * `standard_conforming_strings` says.
 */
function withSchemas(sql: string, schemas: readonly string[]): string {
  const names = schemas.map(
    (name) => `convert_from(decode('${Buffer.from(name, "utf8").toString("hex")}', 'hex'), 'UTF8')`,
  );
  return sql
    .trim()
    .replace(/;$/, "")
    .replaceAll("$1::text[]", `(ARRAY[${names.join(", ")}]::text[])`);
}

/**
 * The views of the given schemas alone, with the indexes of materialized ones (two queries):
 * what canonicalisation reads back after creating the model's views.
 */
export async function readViews(client: ClientBase, schemas: readonly string[]): Promise<View[]> {
  const rows = await runQuery(client, "views", schemas);
  const indexes = await runQuery(client, "indexes", schemas);
  return rows.map((row) =>
    viewFromRow(
      row,
      indexes.filter((i) => i.schema === row.schema && i.table === row.name).map(indexFromRow),
    ),
  );
}
