import type { DatabaseSchema, EnumType, Table, TableRef } from "./model";

const byName = <T extends { readonly name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** Orders tables and enums by schema, then name; the order every stage relies on. */
export const byQualifiedName = (a: TableRef, b: TableRef): number =>
  a.schema < b.schema ? -1 : a.schema > b.schema ? 1 : byName(a, b);

function normalizeTable(table: Table): Table {
  return {
    ...table,
    uniques: [...table.uniques].sort(byName),
    indexes: [...table.indexes].sort(byName),
    foreignKeys: [...table.foreignKeys].sort(byName),
    checks: [...table.checks].sort(byName),
  };
}

/**
 * Puts a model in its stable order so two models of the same database are byte-identical
 * when serialised, whichever side built them.
 */
export function normalizeSchema(schema: DatabaseSchema): DatabaseSchema {
  return {
    schemas: [...new Set(schema.schemas)].sort(),
    tables: schema.tables.map(normalizeTable).sort(byQualifiedName),
    enums: [...schema.enums].sort(byQualifiedName) as EnumType[],
  };
}

/** `schema.name` for messages; never used to build SQL. */
export function displayName(ref: TableRef): string {
  return `${ref.schema}.${ref.name}`;
}
