-- The listed schemas that exist.
-- $1: text[] of schema names to read.
SELECT n.nspname::text AS name
FROM pg_catalog.pg_namespace AS n
WHERE n.nspname = ANY ($1::text[])
ORDER BY 1;
