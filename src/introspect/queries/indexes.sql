-- Indexes of the tables tables.sql reads (same filter) that stand on their own, and of the
-- materialized views views.sql reads.
-- Left out: indexes that back a primary key, unique or exclusion constraint (those are read
-- as constraints), and indexes with an expression among their keys, which the model cannot
-- express (they are neither reported nor dropped).
-- columns: key columns in index order; INCLUDE columns, operator classes, collations and
-- sort orders are not part of the model.
-- where: the predicate of a partial index as pg_get_expr prints it.
-- $1: text[] of schema names to read.
SELECT
  n.nspname::text AS schema,
  c.relname::text AS table,
  ic.relname::text AS name,
  ARRAY(
    SELECT a.attname::text
    FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k (attnum, ord)
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
    WHERE k.ord <= i.indnkeyatts
    ORDER BY k.ord
  ) AS columns,
  i.indisunique AS unique,
  pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS where,
  am.amname::text AS method
FROM pg_catalog.pg_index AS i
JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am AS am ON am.oid = ic.relam
JOIN pg_catalog.pg_class AS c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname = ANY ($1::text[])
  AND c.relkind IN ('r', 'p', 'm')
  AND NOT c.relispartition
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS ext
    WHERE ext.classid = 'pg_catalog.pg_class'::regclass
      AND ext.objid = c.oid
      AND ext.deptype = 'e'
  )
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_constraint AS con
    WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x')
  )
  AND i.indexprs IS NULL
ORDER BY 1, 2, 3;
