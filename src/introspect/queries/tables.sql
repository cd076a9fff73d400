-- Ordinary (r) and partitioned (p) tables of the listed schemas, with their comments.
-- Left out: views, sequences and the like; partitions, which belong to their parent; and
-- tables created by an extension, which the extension manages.
-- $1: text[] of schema names to read.
SELECT
  n.nspname::text AS schema,
  c.relname::text AS name,
  pg_catalog.obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname = ANY ($1::text[])
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS ext
    WHERE ext.classid = 'pg_catalog.pg_class'::regclass
      AND ext.objid = c.oid
      AND ext.deptype = 'e'
  )
ORDER BY 1, 2;
