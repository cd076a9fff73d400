-- Primary keys (p), unique constraints (u), foreign keys (f), checks (c) and exclusion
-- constraints (x) of the tables tables.sql reads (same filter). The NOT NULL constraints
-- PostgreSQL 18 records here are left out: nullability is read from the column.
-- conparentid = 0 leaves out the copies PostgreSQL adds to a referencing table for each
-- partition of a partitioned table it references.
-- Columns are in key order (conkey / confkey order, not ordinal order).
-- definition: pg_get_constraintdef for checks and exclusion constraints only,
-- `CHECK ((price > 0))`, `EXCLUDE USING gist (room WITH =, during WITH &&)`.
-- deferrable: INITIALLY IMMEDIATE or INITIALLY DEFERRED for a deferrable constraint, else null.
-- $1: text[] of schema names to read.
SELECT
  n.nspname::text AS schema,
  c.relname::text AS table,
  con.conname::text AS name,
  con.contype::text AS type,
  ARRAY(
    SELECT a.attname::text
    FROM unnest(con.conkey) WITH ORDINALITY AS k (attnum, ord)
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
    ORDER BY k.ord
  ) AS columns,
  rn.nspname::text AS referenced_schema,
  rc.relname::text AS referenced_table,
  ARRAY(
    SELECT a.attname::text
    FROM unnest(con.confkey) WITH ORDINALITY AS k (attnum, ord)
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
    ORDER BY k.ord
  ) AS referenced_columns,
  con.confdeltype::text AS on_delete,
  con.confupdtype::text AS on_update,
  CASE WHEN con.contype IN ('c', 'x') THEN pg_catalog.pg_get_constraintdef(con.oid) END AS definition,
  CASE
    WHEN con.condeferred THEN 'INITIALLY DEFERRED'
    WHEN con.condeferrable THEN 'INITIALLY IMMEDIATE'
  END AS deferrable
FROM pg_catalog.pg_constraint AS con
JOIN pg_catalog.pg_class AS c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class AS rc ON rc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace AS rn ON rn.oid = rc.relnamespace
WHERE n.nspname = ANY ($1::text[])
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS ext
    WHERE ext.classid = 'pg_catalog.pg_class'::regclass
      AND ext.objid = c.oid
      AND ext.deptype = 'e'
  )
  AND con.contype IN ('p', 'u', 'f', 'c', 'x')
  AND con.conparentid = 0
ORDER BY 1, 2, 3;
