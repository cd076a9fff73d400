-- Installed extensions, whatever schema they live in: an extension belongs to the database.
-- plpgsql is left out: every database has it, and nothing ever needs to create it.
-- $1 (the schemas read) does not narrow this query; it is accepted like every catalog query's.
SELECT e.extname::text AS name
FROM pg_catalog.pg_extension AS e
WHERE e.extname <> 'plpgsql'
  AND $1::text[] IS NOT NULL
ORDER BY 1;
