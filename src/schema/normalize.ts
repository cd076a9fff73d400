import type { DatabaseSchema, EnumType, Table, TableRef, View } from "./model";

const byName = <T extends { readonly name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** Orders tables and enums by schema, then name; the order every stage relies on. */
export const byQualifiedName = (a: TableRef, b: TableRef): number =>
  a.schema < b.schema ? -1 : a.schema > b.schema ? 1 : byName(a, b);

/** A sorted copy of an optional list, or nothing at all when it is empty. */
function sortedOrAbsent<T>(list: readonly T[] | undefined, order: (a: T, b: T) => number) {
  return list !== undefined && list.length > 0 ? [...list].sort(order) : undefined;
}

/** `{ ...object, [key]: value }`, without the key when the value is undefined. */
function withOptional<T extends object, K extends keyof T>(object: T, key: K, value: T[K]): T {
  const { [key]: _dropped, ...rest } = object;
  return (value === undefined ? rest : { ...rest, [key]: value }) as T;
}

function normalizeTable(table: Table): Table {
  const normalized: Table = {
    ...table,
    uniques: [...table.uniques].sort(byName),
    indexes: [...table.indexes].sort(byName),
    foreignKeys: [...table.foreignKeys].sort(byName),
    checks: [...table.checks].sort(byName),
  };
  return withOptional(normalized, "exclusions", sortedOrAbsent(table.exclusions, byName));
}

function normalizeView(view: View): View {
  const indexed = withOptional(view, "indexes", sortedOrAbsent(view.indexes, byName));
  return withOptional(indexed, "references", sortedOrAbsent(view.references, byQualifiedName));
}

/**
 * Puts a model in its stable order so two models of the same database are byte-identical
 * when serialised, whichever side built them. Optional lists that are empty are left out.
 */
export function normalizeSchema(schema: DatabaseSchema): DatabaseSchema {
  const normalized: DatabaseSchema = {
    schemas: [...new Set(schema.schemas)].sort(),
    tables: schema.tables.map(normalizeTable).sort(byQualifiedName),
    enums: [...schema.enums].sort(byQualifiedName) as EnumType[],
  };
  const extensions = sortedOrAbsent([...new Set(schema.extensions ?? [])], (a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const views = sortedOrAbsent(schema.views?.map(normalizeView), byQualifiedName);
  return withOptional(withOptional(normalized, "extensions", extensions), "views", views);
}

/** `schema.name` for messages; never used to build SQL. */
export function displayName(ref: TableRef): string {
  return `${ref.schema}.${ref.name}`;
}
