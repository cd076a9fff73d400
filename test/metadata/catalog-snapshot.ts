import type { TestDatabase } from "../support/database";
import type { DatabaseSchema, EnumType } from "../../src/schema/model";

/**
 * What the oracle test compares: everything whose spelling does not depend on PostgreSQL's
 * canonicalisation. Defaults, check expressions and index predicates are compared by
 * presence only; their canonical text is a later stage's job.
 */
export interface Snapshot {
  readonly tables: readonly TableSnapshot[];
  readonly enums: readonly EnumType[];
}

export interface TableSnapshot {
  readonly table: string;
  readonly comment: string | null;
  readonly columns: readonly {
    name: string;
    type: string;
    typeSchema: string | null;
    isArray: boolean;
    nullable: boolean;
    hasDefault: boolean;
    serial: boolean;
    comment: string | null;
  }[];
  readonly constraints: readonly string[];
  readonly indexes: readonly string[];
}

const actions: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** The model, projected onto the snapshot. */
export function snapshotOfModel(schema: DatabaseSchema): Snapshot {
  return {
    tables: schema.tables.map((table) => ({
      table: `${table.schema}.${table.name}`,
      comment: table.comment,
      columns: table.columns.map((column) => ({
        name: column.name,
        type: column.type,
        typeSchema: column.typeSchema,
        isArray: column.isArray,
        nullable: column.nullable,
        hasDefault: column.default !== null,
        serial: column.serial,
        comment: column.comment,
      })),
      constraints: [
        ...(table.primaryKey ? [`PK ${table.primaryKey.name} (${table.primaryKey.columns})`] : []),
        ...table.uniques.map((unique) => `UQ ${unique.name} (${unique.columns})`),
        ...table.checks.map((check) => `CK ${check.name}`),
        ...table.foreignKeys.map(
          (key) =>
            `FK ${key.name} (${key.columns}) -> ${key.referencedSchema}.${key.referencedTable} ` +
            `(${key.referencedColumns}) ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`,
        ),
      ].sort(),
      indexes: table.indexes
        .map(
          (index) =>
            `${index.unique ? "UNIQUE " : ""}${index.name} USING ${index.method} ` +
            `(${index.columns})${index.where === null ? "" : " WHERE ..."}`,
        )
        .sort(),
    })),
    enums: schema.enums,
  };
}

/** The same snapshot, read from PostgreSQL's catalogs. */
export async function snapshotOfDatabase(db: TestDatabase): Promise<Snapshot> {
  const userTables = `c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`;
  const tables = await db.query<{ oid: number; table: string; comment: string | null }>(
    `SELECT c.oid, n.nspname || '.' || c.relname AS table, obj_description(c.oid, 'pg_class') AS comment
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${userTables}`,
  );
  const columns = await db.query<{
    oid: number;
    name: string;
    type: string;
    type_schema: string | null;
    is_array: boolean;
    nullable: boolean;
    has_default: boolean;
    serial: boolean;
    comment: string | null;
  }>(
    `SELECT c.oid, a.attname AS name,
            CASE WHEN et.typtype = 'e' THEN et.typname ELSE format_type(et.oid, a.atttypmod) END AS type,
            CASE WHEN et.typtype = 'e' THEN en.nspname END AS type_schema,
            t.typcategory = 'A' AS is_array, NOT a.attnotnull AS nullable,
            a.atthasdef AND pg_get_serial_sequence(c.oid::regclass::text, a.attname) IS NULL AS has_default,
            pg_get_serial_sequence(c.oid::regclass::text, a.attname) IS NOT NULL AS serial,
            col_description(c.oid, a.attnum) AS comment
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       JOIN pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
       JOIN pg_namespace en ON en.oid = et.typnamespace
      WHERE ${userTables} AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.oid, a.attnum`,
  );
  const constraints = await db.query<{ oid: number; text: string }>(
    `SELECT con.conrelid AS oid,
            CASE con.contype WHEN 'p' THEN 'PK' WHEN 'u' THEN 'UQ' WHEN 'c' THEN 'CK' ELSE 'FK' END
              || ' ' || con.conname
              || CASE WHEN con.contype = 'c' THEN '' ELSE ' (' || (
                   SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY k(num, i)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num) || ')' END
              || CASE WHEN con.contype = 'f' THEN ' -> ' || rn.nspname || '.' || rc.relname || ' (' || (
                   SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY k(num, i)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num) || ')'
                   || ' ON DELETE ' || con.confdeltype::text || ' ON UPDATE ' || con.confupdtype::text ELSE '' END AS text
       FROM pg_constraint con
       LEFT JOIN pg_class rc ON rc.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
      WHERE con.contype IN ('p', 'u', 'c', 'f') AND con.conrelid <> 0`,
  );
  const indexes = await db.query<{ oid: number; text: string }>(
    `SELECT i.indrelid AS oid,
            CASE WHEN i.indisunique THEN 'UNIQUE ' ELSE '' END || ic.relname || ' USING ' || am.amname || ' (' || (
              SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, i)
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num) || ')'
              || CASE WHEN i.indpred IS NULL THEN '' ELSE ' WHERE ...' END AS text
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
      WHERE NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)`,
  );
  const enums = await db.query<EnumType>(
    `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
      GROUP BY n.nspname, t.typname`,
  );

  // Sorted here, not in SQL: the database's collation may not order names the way JS does.
  tables.sort((a, b) => (a.table < b.table ? -1 : 1));
  enums.sort((a, b) => (`${a.schema}.${a.name}` < `${b.schema}.${b.name}` ? -1 : 1));
  return {
    tables: tables.map(({ oid, table, comment }) => ({
      table,
      comment,
      columns: columns
        .filter((column) => column.oid === oid)
        .map((column) => ({
          name: column.name,
          type: column.type,
          typeSchema: column.type_schema,
          isArray: column.is_array,
          nullable: column.nullable,
          hasDefault: column.has_default,
          serial: column.serial,
          comment: column.comment,
        })),
      constraints: constraints
        .filter((constraint) => constraint.oid === oid)
        .map((constraint) =>
          constraint.text.replace(
            /ON (DELETE|UPDATE) ([arcnd])/g,
            (_, on: string, code: string) => `ON ${on} ${actions[code]}`,
          ),
        )
        .sort(),
      indexes: indexes
        .filter((index) => index.oid === oid)
        .map((index) => index.text)
        .sort(),
    })),
    enums,
  };
}
