-- Columns of the tables tables.sql reads (same filter), in ordinal order.
--
-- type / type_schema: the element type for arrays (a type whose element type names it as
-- its array type), so `character varying(255)[]` reads as `character varying(255)` with
-- is_array. Types of pg_catalog and types created by an extension (citext, geometry, ...)
-- are "built-in": format_type with the column's typmod, never schema-qualified (format_type
-- qualifies a type that is not on the search_path; the prefix is removed so the text does
-- not depend on the session). Every other type (enum, domain, composite) is its bare name
-- with its schema in type_schema.
-- declared_type: format_type of the column's own type, which is exactly how pg_get_expr
-- prints a cast to it (used to strip `'x'::"blog"."status"` down to `'x'`).
-- serial: the default is nextval() of a sequence the column owns (OWNED BY, deptype 'a').
-- identity: ALWAYS or BY DEFAULT for an identity column, else null.
-- generated: the expression of a generated (STORED) column, else null; such a column's
-- pg_attrdef row holds the expression, not a default.
-- collation: the column's collation when it is not its type's default, else null.
-- $1: text[] of schema names to read.
SELECT
  n.nspname::text AS schema,
  c.relname::text AS table,
  a.attname::text AS name,
  a.attnotnull AS not_null,
  elem.oid IS NOT NULL AS is_array,
  CASE
    WHEN et_builtin.yes THEN
      CASE
        WHEN starts_with(et_format.text, pg_catalog.quote_ident(etn.nspname) || '.')
          THEN substr(et_format.text, length(pg_catalog.quote_ident(etn.nspname)) + 2)
        ELSE et_format.text
      END
    ELSE et.typname::text
  END AS type,
  CASE WHEN et_builtin.yes THEN NULL ELSE etn.nspname::text END AS type_schema,
  pg_catalog.format_type(a.atttypid, NULL) AS declared_type,
  CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END AS identity,
  CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS generated,
  CASE WHEN a.attcollation <> t.typcollation THEN co.collname::text END AS collation,
  pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default,
  (
    pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(''%''::regclass)'
    AND EXISTS (
      SELECT
      FROM pg_catalog.pg_depend AS owned
      JOIN pg_catalog.pg_class AS seq ON seq.oid = owned.objid AND seq.relkind = 'S'
      JOIN pg_catalog.pg_depend AS used
        ON used.classid = 'pg_catalog.pg_attrdef'::regclass
        AND used.objid = d.oid
        AND used.refclassid = 'pg_catalog.pg_class'::regclass
        AND used.refobjid = seq.oid
      WHERE owned.classid = 'pg_catalog.pg_class'::regclass
        AND owned.refclassid = 'pg_catalog.pg_class'::regclass
        AND owned.refobjid = c.oid
        AND owned.refobjsubid = a.attnum
        AND owned.deptype = 'a'
    )
  ) AS serial,
  pg_catalog.col_description(c.oid, a.attnum) AS comment
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type AS t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type AS elem ON elem.oid = t.typelem AND elem.typarray = t.oid
JOIN pg_catalog.pg_type AS et ON et.oid = coalesce(elem.oid, t.oid)
JOIN pg_catalog.pg_namespace AS etn ON etn.oid = et.typnamespace
CROSS JOIN LATERAL (
  SELECT etn.nspname = 'pg_catalog' OR EXISTS (
    SELECT FROM pg_catalog.pg_depend AS ext
    WHERE ext.classid = 'pg_catalog.pg_type'::regclass
      AND ext.objid = et.oid
      AND ext.deptype = 'e'
  ) AS yes
) AS et_builtin
CROSS JOIN LATERAL (SELECT pg_catalog.format_type(et.oid, a.atttypmod) AS text) AS et_format
LEFT JOIN pg_catalog.pg_attrdef AS d ON d.adrelid = c.oid AND d.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation AS co ON co.oid = a.attcollation
WHERE n.nspname = ANY ($1::text[])
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend AS ext
    WHERE ext.classid = 'pg_catalog.pg_class'::regclass
      AND ext.objid = c.oid
      AND ext.deptype = 'e'
  )
ORDER BY 1, 2, a.attnum;
