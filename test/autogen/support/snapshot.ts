import { catalogSnapshot, type CatalogSnapshot } from "../../support/catalog-snapshot";
import type { TestDatabase } from "../../support/database";
import { BOOKKEEPING_SCHEMA } from "./migration";

/**
 * The shared catalog snapshot (columns, constraints, indexes, enums, comments) of every schema
 * a user could have put tables in, plus the extensions, the views (as `pg_get_viewdef` prints
 * them) and the sequences: what a case compares before and after each step.
 */
export type Snapshot = CatalogSnapshot & {
  readonly extensions: readonly string[];
  readonly views: readonly string[];
  readonly sequences: readonly string[];
};

export async function snapshot(db: TestDatabase): Promise<Snapshot> {
  const rows = await db.query<{ name: string }>(
    `SELECT nspname::text AS name FROM pg_namespace
      WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', $1) ORDER BY 1`,
    [BOOKKEEPING_SCHEMA],
  );
  const extensions = await db.query<{ name: string }>(
    `SELECT extname::text AS name FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1`,
  );
  const views = await db.query<{ line: string }>(
    `SELECT format('%s.%s %s', schemaname, viewname, definition) AS line FROM pg_views
      WHERE schemaname = ANY($1)
     UNION ALL
     SELECT format('%s.%s materialized %s', schemaname, matviewname, definition) FROM pg_matviews
      WHERE schemaname = ANY($1)
     ORDER BY 1`,
    [rows.map((r) => r.name)],
  );
  // Sequences are not in the shared snapshot: a serial column widened to bigint must widen its
  // sequence too, or it runs out where TypeORM's bigserial would not.
  const sequences = await db.query<{ line: string }>(
    `SELECT format('%s.%s %s start %s by %s min %s max %s%s', schemaname, sequencename, data_type,
              start_value, increment_by, min_value, max_value, CASE WHEN cycle THEN ' cycle' END) AS line
       FROM pg_sequences WHERE schemaname = ANY($1) ORDER BY 1`,
    [rows.map((r) => r.name)],
  );
  return {
    ...(await catalogSnapshot(
      db,
      rows.map((r) => r.name),
    )),
    extensions: extensions.map((e) => e.name),
    views: views.map((v) => v.line),
    sequences: sequences.map((q) => q.line),
  };
}
