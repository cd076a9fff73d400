import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ClientBase } from "pg";
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

/**
 * Runs every catalog query for the given schemas. Exactly one query per kind of object, each
 * reading all listed schemas at once: introspection costs the same number of round trips for
 * one table or a thousand. The queries run one after the other (a pg client runs one at a
 * time anyway), so the order of errors and round trips is deterministic.
 */
export async function readCatalog(
  client: ClientBase,
  schemas: readonly string[],
): Promise<Catalog> {
  return {
    schemas: await runQuery(client, "schemas", schemas),
    tables: await runQuery(client, "tables", schemas),
    columns: await runQuery(client, "columns", schemas),
    constraints: await runQuery(client, "constraints", schemas),
    indexes: await runQuery(client, "indexes", schemas),
    enums: await runQuery(client, "enums", schemas),
    extensions: await runQuery(client, "extensions", schemas),
    views: await runQuery(client, "views", schemas),
  };
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
