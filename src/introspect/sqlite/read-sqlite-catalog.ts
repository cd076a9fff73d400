import type { CatalogReader, SqlClient } from "../../dialect/dialect";
import { parseCreateTable, type ParsedTable } from "../../dialect/sqlite/parse-create-table";
import type { Column, DatabaseSchema, Index, Table, TableRef, View } from "../../schema/model";
import { DEFAULT_SCHEMA } from "../../schema/model";
import { normalizeSchema } from "../../schema/normalize";
import { names, type SqliteColumnRow, type SqliteIndexRow } from "./sqlite-rows";

/**
 * SQLite's catalog, in four queries whatever the number of tables: `sqlite_master` for the
 * tables, views and their SQL, joined with `pragma_table_xinfo` (columns, defaults, primary
 * key) and `pragma_index_list`/`pragma_index_info` (indexes). Constraint names, checks,
 * foreign keys and AUTOINCREMENT are only in the `CREATE TABLE` text, which is parsed.
 *
 * Every table is in schema `public` (the model's default schema): SQLite has one per file.
 */
const TABLES = `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_autogen\\_new\\_%' ESCAPE '\\' ORDER BY name`;
const COLUMNS = `SELECT m.name AS "table", p.cid, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p WHERE m.type = 'table' ORDER BY m.name, p.cid`;
const INDEXES = `SELECT m.name AS "table", il.name, il."unique", il.origin, ii.seqno, ii.name AS "column", s.sql FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii LEFT JOIN sqlite_master s ON s.type = 'index' AND s.name = il.name WHERE m.type = 'table' AND il.origin = 'c' ORDER BY m.name, il.name, ii.seqno`;
const VIEWS = `SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY name`;

const key = (table: string) => table.toLowerCase();

export async function readSqliteSchema(
  client: SqlClient,
  options: { readonly excludeTables?: readonly TableRef[] } = {},
): Promise<DatabaseSchema> {
  const excluded = new Set((options.excludeTables ?? []).map((t) => key(t.name)));
  const tables = (await client.query<{ name: string; sql: string }>(TABLES)).rows;
  const columns = groupBy((await client.query<SqliteColumnRow>(COLUMNS)).rows);
  const indexes = groupBy((await client.query<SqliteIndexRow>(INDEXES)).rows);
  const result: Table[] = [];
  for (const row of tables) {
    if (excluded.has(key(row.name))) continue;
    const parsed = parseCreateTable(row.sql);
    if (!parsed) continue;
    result.push(
      tableFrom(row.name, parsed, columns.get(row.name) ?? [], indexes.get(row.name) ?? []),
    );
  }
  return normalizeSchema({
    schemas: [],
    tables: result,
    enums: [],
    views: await readSqliteViews(client),
  });
}

export async function readSqliteViews(client: SqlClient): Promise<View[]> {
  const rows = (await client.query<{ name: string; sql: string }>(VIEWS)).rows;
  return rows.map((row) => ({
    schema: DEFAULT_SCHEMA,
    name: row.name,
    definition: row.sql.replace(/^[\s\S]*?\bAS\s+/i, "").trim(),
    materialized: false,
  }));
}

function groupBy<T extends { readonly table: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.table, [...(groups.get(row.table) ?? []), row]);
  return groups;
}

function tableFrom(
  name: string,
  parsed: ParsedTable,
  columnRows: readonly SqliteColumnRow[],
  indexRows: readonly SqliteIndexRow[],
): Table {
  const parsedColumns = new Map(parsed.columns.map((c) => [c.name.toLowerCase(), c]));
  const columns: Column[] = columnRows.map((row) => {
    const p = parsedColumns.get(row.name.toLowerCase());
    const generated = p?.generated ?? null;
    return {
      name: row.name,
      type: (p?.type ?? row.type).toLowerCase(),
      typeSchema: null,
      isArray: false,
      nullable: row.notnull === 0,
      default: row.dflt_value,
      serial: p?.autoincrement ?? false,
      comment: null,
      ...(generated ? { generated: generated.expression } : {}),
      ...(p?.collation ? { collation: p.collation } : {}),
    };
  });
  const pkColumns = columnRows
    .filter((row) => row.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((row) => row.name);
  return {
    schema: DEFAULT_SCHEMA,
    name,
    columns,
    primaryKey:
      pkColumns.length > 0
        ? { name: parsed.primaryKey?.name ?? `${name}_pkey`, columns: pkColumns }
        : null,
    ...names(name, parsed),
    indexes: indexesFrom(indexRows),
    comment: null,
  };
}

function indexesFrom(rows: readonly SqliteIndexRow[]): Index[] {
  const byName = new Map<string, SqliteIndexRow[]>();
  for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
  return [...byName.entries()].map(([name, parts]) => {
    const first = parts[0] as SqliteIndexRow;
    const where = first.sql ? /\bWHERE\b([\s\S]*)$/i.exec(first.sql)?.[1]?.trim() : undefined;
    return {
      name,
      columns: parts.map((p) => p.column ?? "<expression>"),
      unique: first.unique === 1,
      where: where ?? null,
      method: "btree",
    };
  });
}

/** The catalog reader of the dialect interface, for SQLite connections. */
export const sqliteCatalog: CatalogReader<SqlClient> = {
  readSchema: (client, options) => readSqliteSchema(client, options),
  readViews: (client) => readSqliteViews(client),
};
