import type { TestDatabase } from "./database";

/**
 * The acceptance tests' oracle: a catalog snapshot taken with plain queries, independent of
 * the introspector under test. Columns (type, nullability, default or generation expression)
 * and their identity kind, generation kind and collation; constraints and indexes with their
 * names and PostgreSQL's own definitions; enum labels in order; comments; sequences with their
 * type, bounds and owner (a serial's leftover sequence shows, and so does one that stayed
 * `integer` under a widened column); installed extensions; views and materialized views with
 * `pg_get_viewdef`. Columns are sorted by name because PostgreSQL cannot put a re-added column
 * back at its old position.
 */
export interface CatalogSnapshot {
  readonly columns: readonly string[];
  readonly columnDetails: readonly string[];
  readonly constraints: readonly string[];
  readonly indexes: readonly string[];
  readonly enums: readonly string[];
  readonly comments: readonly string[];
  readonly sequences: readonly string[];
  readonly extensions: readonly string[];
  readonly views: readonly string[];
}

const IGNORED_TABLES = ["autogen_version", "autogen_version_history", "typeorm_metadata"];

const COLUMNS = `
SELECT format('%s.%s.%s %s%s%s', n.nspname, c.relname, a.attname,
         format_type(a.atttypid, a.atttypmod),
         CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END,
         COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')) AS line
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY($1) AND c.relname <> ALL($2)
 ORDER BY 1`;

const COLUMN_DETAILS = `
SELECT format('%s.%s.%s identity=%s generated=%s collation=%s', n.nspname, c.relname,
         a.attname, a.attidentity, a.attgenerated,
         CASE WHEN a.attcollation <> t.typcollation THEN co.collname END) AS line
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'm', 'v')
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_collation co ON co.oid = a.attcollation
 WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY($1) AND c.relname <> ALL($2)
 ORDER BY 1`;

const CONSTRAINTS = `
SELECT format('%s.%s %s %s', n.nspname, c.relname, k.conname, pg_get_constraintdef(k.oid)) AS line
  FROM pg_constraint k
  JOIN pg_class c ON c.oid = k.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = ANY($1) AND c.relname <> ALL($2) AND k.contype <> 'n'
 ORDER BY 1`;

const INDEXES = `
SELECT indexdef AS line FROM pg_indexes
 WHERE schemaname = ANY($1) AND tablename <> ALL($2) ORDER BY indexname, indexdef`;

const ENUMS = `
SELECT format('%s.%s (%s)', n.nspname, t.typname,
         string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)) AS line
  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
  JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE n.nspname = ANY($1) GROUP BY n.nspname, t.typname ORDER BY 1`;

const COMMENTS = `
SELECT format('%s.%s%s: %s', n.nspname, c.relname,
         CASE WHEN d.objsubid > 0 THEN '.' || a.attname ELSE '' END, d.description) AS line
  FROM pg_description d
  JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
 WHERE n.nspname = ANY($1) AND c.relname <> ALL($2) ORDER BY 1`;

const SEQUENCES = `
SELECT format('%s.%s %s start %s by %s min %s max %s%s owned by %s', n.nspname, c.relname,
         format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
         CASE WHEN s.seqcycle THEN ' cycle' ELSE '' END,
         coalesce(tn.nspname || '.' || tc.relname || '.' || ta.attname, 'nothing')) AS line
  FROM pg_sequence s
  JOIN pg_class c ON c.oid = s.seqrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
   AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
  LEFT JOIN pg_class tc ON tc.oid = d.refobjid
  LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
  LEFT JOIN pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid
 WHERE n.nspname = ANY($1) AND coalesce(tc.relname, '') <> ALL($2)
 ORDER BY 1`;

const EXTENSIONS = `SELECT extname::text AS line FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1`;

const VIEWS = `
SELECT format('%s.%s %s: %s', n.nspname, c.relname,
         CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END,
         pg_get_viewdef(c.oid)) AS line
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY($1)
 ORDER BY 1`;

/** The snapshot of `schemas` (extensions are the database's, whatever schema they live in). */
export async function catalogSnapshot(
  db: TestDatabase,
  schemas: readonly string[] = ["public"],
): Promise<CatalogSnapshot> {
  const params = [schemas, IGNORED_TABLES];
  const lines = async (sql: string, values: unknown[] = params) =>
    (await db.query<{ line: string }>(sql, values)).map((r) => r.line);
  return {
    columns: await lines(COLUMNS),
    columnDetails: await lines(COLUMN_DETAILS),
    constraints: await lines(CONSTRAINTS),
    indexes: await lines(INDEXES),
    enums: await lines(ENUMS, [schemas]),
    comments: await lines(COMMENTS),
    sequences: await lines(SEQUENCES),
    extensions: await lines(EXTENSIONS, []),
    views: await lines(VIEWS, [schemas]),
  };
}

/** Every schema a user could have put objects in, except those named in `except`. */
export async function userSchemas(db: TestDatabase, except: readonly string[] = []) {
  const rows = await db.query<{ name: string }>(
    `SELECT nspname::text AS name FROM pg_namespace
      WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
        AND nspname <> ALL($1) ORDER BY 1`,
    [except],
  );
  return rows.map((r) => r.name);
}
