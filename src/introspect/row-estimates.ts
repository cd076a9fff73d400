import type { ClientBase } from "pg";
import { refKey } from "../schema/keys";
import type { TableRef } from "../schema/model";

/** Rows per table (`refKey`), as far as the catalogs tell; a table left out is unknown. */
export type RowEstimates = ReadonlyMap<string, number>;

/**
 * `pg_class.reltuples` is the planner's estimate, kept by VACUUM and ANALYZE: free to read
 * however large the table. A table never analysed has -1 there; one that small (under 8 MB)
 * is counted instead, so a fresh table's few rows are known exactly.
 */
const ESTIMATES_SQL = `
SELECT n.nspname AS schema, c.relname AS name, c.reltuples::float8 AS estimate,
  pg_relation_size(c.oid) < 8 * 1024 * 1024 AS small
FROM pg_class AS c
JOIN pg_namespace AS n ON n.oid = c.relnamespace
JOIN unnest($1::text[], $2::text[]) AS t(schema, name) ON t.schema = n.nspname AND t.name = c.relname
WHERE c.relkind IN ('r', 'p')`;

interface EstimateRow {
  schema: string;
  name: string;
  estimate: number;
  small: boolean;
}

/**
 * Counts the rows of the small tables never analysed, all in one query (one `count(*)` per
 * table joined with UNION ALL), so the queries a revision sends stay fixed however many tables
 * it changes.
 */
async function countRows(
  client: ClientBase,
  tables: readonly TableRef[],
  quoteQualified: (schema: string, name: string) => string,
): Promise<number[]> {
  if (tables.length === 0) return [];
  const sql = tables
    .map((t, i) => `SELECT ${i} AS i, count(*)::int AS n FROM ${quoteQualified(t.schema, t.name)}`)
    .join("\nUNION ALL\n");
  const { rows } = await client.query<{ i: number; n: number }>(sql);
  const counts = new Array<number>(tables.length).fill(0);
  for (const row of rows) counts[row.i] = row.n;
  return counts;
}

export async function readRowEstimates(
  client: ClientBase,
  tables: readonly TableRef[],
  quoteQualified: (schema: string, name: string) => string,
): Promise<RowEstimates> {
  const estimates = new Map<string, number>();
  if (tables.length === 0) return estimates;
  const { rows } = await client.query<EstimateRow>(ESTIMATES_SQL, [
    tables.map((t) => t.schema),
    tables.map((t) => t.name),
  ]);
  const uncounted: EstimateRow[] = [];
  for (const row of rows) {
    if (row.estimate >= 0) estimates.set(refKey(row), Math.round(row.estimate));
    else if (row.small) uncounted.push(row);
  }
  const counts = await countRows(client, uncounted, quoteQualified);
  uncounted.forEach((row, i) => estimates.set(refKey(row), counts[i] ?? 0));
  return estimates;
}
