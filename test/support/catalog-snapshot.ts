import type { TestDatabase } from "./database";

/**
 * A catalog snapshot taken with plain queries, independent of the introspector under test:
 * columns (type, nullability, default), constraints and indexes with their names and
 * PostgreSQL's own definitions, enum labels in order. Columns are sorted by name because
 * PostgreSQL cannot put a re-added column back at its old position.
 */
export interface CatalogSnapshot {
  readonly columns: readonly string[];
  readonly constraints: readonly string[];
  readonly indexes: readonly string[];
  readonly enums: readonly string[];
  readonly comments: readonly string[];
}

const IGNORED_TABLES = ["autogen_version", "autogen_version_history", "typeorm_metadata"];

export async function catalogSnapshot(
  db: TestDatabase,
  schemas = ["public"],
): Promise<CatalogSnapshot> {
  const params = [schemas, IGNORED_TABLES];
  const columns = await db.query<{ line: string }>(
    `SELECT format('%s.%s.%s %s%s%s', n.nspname, c.relname, a.attname,
              format_type(a.atttypid, a.atttypmod),
              CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END,
              COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')) AS line
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY($1) AND c.relname <> ALL($2)
      ORDER BY 1`,
    params,
  );
  const constraints = await db.query<{ line: string }>(
    `SELECT format('%s.%s %s %s', n.nspname, c.relname, k.conname, pg_get_constraintdef(k.oid)) AS line
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relname <> ALL($2) AND k.contype <> 'n'
      ORDER BY 1`,
    params,
  );
  const indexes = await db.query<{ line: string }>(
    `SELECT indexdef AS line FROM pg_indexes
      WHERE schemaname = ANY($1) AND tablename <> ALL($2) ORDER BY indexname, indexdef`,
    params,
  );
  const enums = await db.query<{ line: string }>(
    `SELECT format('%s.%s (%s)', n.nspname, t.typname,
              string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)) AS line
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = ANY($1) GROUP BY n.nspname, t.typname ORDER BY 1`,
    [schemas],
  );
  const comments = await db.query<{ line: string }>(
    `SELECT format('%s.%s%s: %s', n.nspname, c.relname,
              CASE WHEN d.objsubid > 0 THEN '.' || a.attname ELSE '' END, d.description) AS line
       FROM pg_description d
       JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
      WHERE n.nspname = ANY($1) AND c.relname <> ALL($2) ORDER BY 1`,
    params,
  );
  const lines = (rows: { line: string }[]) => rows.map((r) => r.line);
  return {
    columns: lines(columns),
    constraints: lines(constraints),
    indexes: lines(indexes),
    enums: lines(enums),
    comments: lines(comments),
  };
}
