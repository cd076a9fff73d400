import { catalogSnapshot, type CatalogSnapshot } from "../../support/catalog-snapshot";
import type { TestDatabase } from "../../support/database";

/**
 * The shared catalog snapshot plus what the features of issue 3 add, read with plain catalog
 * queries (never the introspector under test): identity, generation and collation of every
 * column, the sequences (so a serial's leftover sequence shows), installed extensions, and
 * views with PostgreSQL's own definition.
 */
export interface FeatureSnapshot extends CatalogSnapshot {
  readonly columnDetails: readonly string[];
  readonly sequences: readonly string[];
  readonly extensions: readonly string[];
  readonly views: readonly string[];
}

const IGNORED_TABLES = ["autogen_version", "autogen_version_history", "typeorm_metadata"];

export async function featureSnapshot(
  db: TestDatabase,
  schemas: readonly string[] = ["public"],
): Promise<FeatureSnapshot> {
  const params = [schemas, IGNORED_TABLES];
  const lines = (rows: { line: string }[]) => rows.map((r) => r.line);
  const columnDetails = await db.query<{ line: string }>(
    `SELECT format('%s.%s.%s identity=%s generated=%s collation=%s', n.nspname, c.relname,
              a.attname, a.attidentity, a.attgenerated,
              CASE WHEN a.attcollation <> t.typcollation THEN co.collname END) AS line
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'm', 'v')
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_collation co ON co.oid = a.attcollation
      WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY($1) AND c.relname <> ALL($2)
      ORDER BY 1`,
    params,
  );
  const sequences = await db.query<{ line: string }>(
    `SELECT format('%s.%s %s owned by %s', n.nspname, c.relname, format_type(s.seqtypid, NULL),
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
      ORDER BY 1`,
    params,
  );
  const extensions = await db.query<{ line: string }>(
    `SELECT extname AS line FROM pg_extension ORDER BY 1`,
  );
  const views = await db.query<{ line: string }>(
    `SELECT format('%s.%s %s: %s', n.nspname, c.relname,
              CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END,
              pg_get_viewdef(c.oid)) AS line
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY($1)
      ORDER BY 1`,
    [schemas],
  );
  return {
    ...(await catalogSnapshot(db, [...schemas])),
    columnDetails: lines(columnDetails),
    sequences: lines(sequences),
    extensions: lines(extensions),
    views: lines(views),
  };
}
