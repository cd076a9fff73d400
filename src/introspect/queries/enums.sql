-- Enum types of the listed schemas with their labels in sort order, leaving out the ones an
-- extension created.
-- $1: text[] of schema names to read.
SELECT
  n.nspname::text AS schema,
  t.typname::text AS name,
  ARRAY(
    SELECT e.enumlabel::text
    FROM pg_catalog.pg_enum AS e
    WHERE e.enumtypid = t.oid
    ORDER BY e.enumsortorder
  ) AS values
FROM pg_catalog.pg_type AS t
JOIN pg_catalog.pg_namespace AS n ON n.oid = t.typnamespace
WHERE n.nspname = ANY ($1::text[])
  AND t.typtype = 'e'
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS ext
    WHERE ext.classid = 'pg_catalog.pg_type'::regclass
      AND ext.objid = t.oid
      AND ext.deptype = 'e'
  )
ORDER BY 1, 2;
