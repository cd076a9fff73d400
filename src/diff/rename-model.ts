import type { DatabaseSchema, ForeignKey, Table } from "../schema/model";

/**
 * The model as it is after a rename ran: the object under its new name, and every list that
 * names it (keys, indexes, foreign keys of any table) following it, as PostgreSQL's catalogs
 * do. The diff then compares this model with the target, so only what the rename did not
 * settle remains. Expressions (checks, predicates, generated columns) are left as they are:
 * they are compared as text, and one that names a renamed column is dropped and added again.
 */

const swap = (names: readonly string[], from: string, to: string): string[] =>
  names.map((n) => (n === from ? to : n));

function mapTables(schema: DatabaseSchema, f: (table: Table) => Table): DatabaseSchema {
  return { ...schema, tables: schema.tables.map(f) };
}

export function renameTableIn(
  schema: DatabaseSchema,
  where: { schema: string; from: string; to: string },
): DatabaseSchema {
  const refersTo = (fk: ForeignKey) =>
    fk.referencedSchema === where.schema && fk.referencedTable === where.from;
  return mapTables(schema, (table) => ({
    ...table,
    name: table.schema === where.schema && table.name === where.from ? where.to : table.name,
    foreignKeys: table.foreignKeys.map((fk) =>
      refersTo(fk) ? { ...fk, referencedTable: where.to } : fk,
    ),
  }));
}

export function renameColumnIn(
  schema: DatabaseSchema,
  where: { schema: string; table: string; from: string; to: string },
): DatabaseSchema {
  const { from, to } = where;
  const isTable = (s: string, n: string) => s === where.schema && n === where.table;
  return mapTables(schema, (table) => {
    const foreignKeys = table.foreignKeys.map((fk) => ({
      ...fk,
      ...(isTable(table.schema, table.name) ? { columns: swap(fk.columns, from, to) } : {}),
      ...(isTable(fk.referencedSchema, fk.referencedTable)
        ? { referencedColumns: swap(fk.referencedColumns, from, to) }
        : {}),
    }));
    if (!isTable(table.schema, table.name)) return { ...table, foreignKeys };
    return {
      ...table,
      columns: table.columns.map((c) => (c.name === from ? { ...c, name: to } : c)),
      primaryKey: table.primaryKey
        ? { ...table.primaryKey, columns: swap(table.primaryKey.columns, from, to) }
        : null,
      uniques: table.uniques.map((u) => ({ ...u, columns: swap(u.columns, from, to) })),
      indexes: table.indexes.map((i) => ({ ...i, columns: swap(i.columns, from, to) })),
      foreignKeys,
    };
  });
}

export function renameEnumIn(
  schema: DatabaseSchema,
  where: { schema: string; from: string; to: string },
): DatabaseSchema {
  const renamed = mapTables(schema, (table) => ({
    ...table,
    columns: table.columns.map((c) =>
      c.typeSchema === where.schema && c.type === where.from ? { ...c, type: where.to } : c,
    ),
  }));
  return {
    ...renamed,
    enums: schema.enums.map((e) =>
      e.schema === where.schema && e.name === where.from ? { ...e, name: where.to } : e,
    ),
  };
}

/**
 * An enum label renamed: the type's labels, and the defaults of its columns that are that label
 * (written `'old'`, as the catalogs print an enum default once its cast is stripped).
 */
export function renameEnumValueIn(
  schema: DatabaseSchema,
  where: { schema: string; type: string; from: string; to: string },
): DatabaseSchema {
  // SQL string literals: the label between quotes, its own quotes doubled.
  const literal = (label: string) => `'${label.replace(/'/g, "''")}'`;
  const ofType = (typeSchema: string | null, type: string) =>
    typeSchema === where.schema && type === where.type;
  const renamed = mapTables(schema, (table) => ({
    ...table,
    columns: table.columns.map((c) =>
      ofType(c.typeSchema, c.type) && !c.isArray && c.default === literal(where.from)
        ? { ...c, default: literal(where.to) }
        : c,
    ),
  }));
  return {
    ...renamed,
    enums: schema.enums.map((e) =>
      ofType(e.schema, e.name) ? { ...e, values: swap(e.values, where.from, where.to) } : e,
    ),
  };
}

/** Renames an index or a constraint of one table (their names are the only thing that changes). */
export function renameNamedIn(
  schema: DatabaseSchema,
  where: { schema: string; table: string; from: string; to: string },
): DatabaseSchema {
  const rename = <T extends { readonly name: string }>(item: T): T =>
    item.name === where.from ? { ...item, name: where.to } : item;
  return mapTables(schema, (table) =>
    table.schema !== where.schema || table.name !== where.table
      ? table
      : {
          ...table,
          primaryKey: table.primaryKey ? rename(table.primaryKey) : null,
          uniques: table.uniques.map(rename),
          indexes: table.indexes.map(rename),
          foreignKeys: table.foreignKeys.map(rename),
          checks: table.checks.map(rename),
          ...(table.exclusions ? { exclusions: table.exclusions.map(rename) } : {}),
        },
  );
}
