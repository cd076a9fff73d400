-- Views (v) and materialized views (m) of the listed schemas, leaving out the ones an
-- extension created (postgis's geometry_columns, for one).
-- definition: pg_get_viewdef, as pg_dump prints it (not the pretty form, which PostgreSQL
-- does not promise to read back the same way).
-- references: the tables and views the query reads, from the dependencies of its rewrite
-- rule, as [{"schema": ..., "name": ...}], sorted.
-- $1: text[] of schema names to read.
SELECT
  n.nspname::text AS schema,
  c.relname::text AS name,
  c.relkind = 'm' AS materialized,
  pg_catalog.pg_get_viewdef(c.oid) AS definition,
  coalesce(
    (
      SELECT json_agg(json_build_object('schema', ref.schema, 'name', ref.name)
                      ORDER BY ref.schema, ref.name)
      FROM (
        SELECT DISTINCT rn.nspname::text AS schema, rc.relname::text AS name
        FROM pg_catalog.pg_rewrite AS r
        JOIN pg_catalog.pg_depend AS d
          ON d.classid = 'pg_catalog.pg_rewrite'::regclass
          AND d.objid = r.oid
          AND d.refclassid = 'pg_catalog.pg_class'::regclass
          AND d.refobjid <> c.oid
        JOIN pg_catalog.pg_class AS rc ON rc.oid = d.refobjid
        JOIN pg_catalog.pg_namespace AS rn ON rn.oid = rc.relnamespace
        WHERE r.ev_class = c.oid
      ) AS ref
    ),
    '[]'
  ) AS references
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname = ANY ($1::text[])
  AND c.relkind IN ('v', 'm')
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS ext
    WHERE ext.classid = 'pg_catalog.pg_class'::regclass
      AND ext.objid = c.oid
      AND ext.deptype = 'e'
  )
ORDER BY 1, 2;
