import {
  ALTERABLE_ATTRIBUTES,
  COLUMN_ATTRIBUTES,
  type AlterableAttribute,
} from "../ops/column-attributes";
import type { AlterEnumOp, ColumnChange } from "../ops/operations";
import {
  DEFAULT_SCHEMA,
  type CheckConstraint,
  type Column,
  type ExclusionConstraint,
  type ForeignKey,
  type Index,
  type Table,
  type TableShape,
  type UniqueConstraint,
} from "../schema/model";
import { array, atom, call, object, quoted, type Doc, type Entry } from "./layout";

/**
 * The arguments of `op.*` calls, spelled the way `src/api/` reads them back. Fields equal to
 * the API's defaults are left out so files stay short; everything else is written.
 */

/** Entries with `false` in place of the ones left out. */
export const present = (entries: readonly (Entry | false)[]): Entry[] =>
  entries.filter((entry): entry is Entry => entry !== false);

export const strings = (values: readonly string[]): Doc => array(values.map(quoted));
export const nullable = (value: string | null): Doc =>
  value === null ? atom("null") : quoted(value);
const boolean = (value: boolean): Doc => atom(String(value));
/** An attribute's name in `op.column` and `op.alterColumn` (`array` for `isArray`). */
const option = (key: keyof Column): string => COLUMN_ATTRIBUTES[key].option;

/** A table or type name: a bare string in `public`, `{ schema, name }` elsewhere. */
export function qualified(schema: string, name: string): Doc {
  return schema === DEFAULT_SCHEMA
    ? quoted(name)
    : object([
        ["schema", quoted(schema)],
        ["name", quoted(name)],
      ]);
}

/**
 * The `op.column` option each attribute is written as, in the order written; `false` when it
 * is left out (the API's default) or is not an option (the name and type are arguments).
 * Keyed by every attribute of `Column`, so a new one does not compile until it is rendered.
 */
const columnOptions: { readonly [K in keyof Column]-?: (column: Column) => Entry | false } = {
  name: () => false,
  type: () => false,
  isArray: (c) => c.isArray && [option("isArray"), boolean(true)],
  typeSchema: (c) => c.typeSchema !== null && [option("typeSchema"), quoted(c.typeSchema)],
  nullable: (c) => c.nullable && [option("nullable"), boolean(true)],
  default: (c) => c.default !== null && [option("default"), quoted(c.default)],
  serial: (c) => c.serial && [option("serial"), boolean(true)],
  identity: (c) => c.identity !== undefined && [option("identity"), quoted(c.identity)],
  generated: (c) => c.generated !== undefined && [option("generated"), quoted(c.generated)],
  collation: (c) => c.collation !== undefined && [option("collation"), quoted(c.collation)],
  comment: (c) => c.comment !== null && [option("comment"), quoted(c.comment)],
};

export function columnCall(column: Column): Doc {
  const options = present(Object.values(columnOptions).map((entry) => entry(column)));
  const args = [quoted(column.name), quoted(column.type)];
  return call("op.column", options.length > 0 ? [...args, object(options)] : args);
}

/** How each attribute a change may state is written; keyed by every alterable attribute. */
const changeValues: {
  readonly [K in AlterableAttribute]-?: (value: NonNullable<ColumnChange[K]> | null) => Doc;
} = {
  type: (value) => nullable(value),
  typeSchema: (value) => nullable(value),
  isArray: (value) => boolean(value === true),
  nullable: (value) => boolean(value === true),
  default: (value) => nullable(value),
  serial: (value) => boolean(value === true),
  identity: (value) => nullable(value),
  generated: (value) => nullable(value),
  collation: (value) => nullable(value),
  comment: (value) => nullable(value),
};

/** Every key present in a change is written, null and false included: presence is the change. */
export function columnChange(change: ColumnChange): Doc {
  return object(
    ALTERABLE_ATTRIBUTES.filter((key) => change[key] !== undefined).map((key): Entry => {
      const write = changeValues[key] as (value: unknown) => Doc;
      return [option(key), write(change[key])];
    }),
  );
}

/** A primary key or unique constraint. */
export const keyDoc = (key: { readonly name: string; readonly columns: readonly string[] }): Doc =>
  object([
    ["name", quoted(key.name)],
    ["columns", strings(key.columns)],
  ]);

/** A unique constraint: a key, deferrable or not. */
export const uniqueDoc = (unique: UniqueConstraint): Doc =>
  object(
    present([
      ["name", quoted(unique.name)],
      ["columns", strings(unique.columns)],
      unique.deferrable !== undefined && ["deferrable", quoted(unique.deferrable)],
    ]),
  );

export const exclusionDoc = (exclusion: ExclusionConstraint): Doc =>
  object(
    present([
      ["name", quoted(exclusion.name)],
      ["expression", quoted(exclusion.expression)],
      exclusion.deferrable !== undefined && ["deferrable", quoted(exclusion.deferrable)],
    ]),
  );

export const checkDoc = (check: CheckConstraint): Doc =>
  object([
    ["name", quoted(check.name)],
    ["expression", quoted(check.expression)],
  ]);

export function indexDoc(index: Index): Doc {
  return object(
    present([
      ["name", quoted(index.name)],
      ["columns", strings(index.columns)],
      index.unique && ["unique", boolean(true)],
      index.where !== null && ["where", quoted(index.where)],
      index.method !== "btree" && ["method", quoted(index.method)],
    ]),
  );
}

export function foreignKeyDoc(key: ForeignKey): Doc {
  const references = object([
    ["table", qualified(key.referencedSchema, key.referencedTable)],
    ["columns", strings(key.referencedColumns)],
  ]);
  return object(
    present([
      ["name", quoted(key.name)],
      ["columns", strings(key.columns)],
      ["references", references],
      key.onDelete !== "NO ACTION" && ["onDelete", quoted(key.onDelete)],
      key.onUpdate !== "NO ACTION" && ["onUpdate", quoted(key.onUpdate)],
      key.deferrable !== undefined && ["deferrable", quoted(key.deferrable)],
    ]),
  );
}

/** The second argument of `op.createTable`. */
export function tableDefinition(table: TableShape, foreignKeys: readonly ForeignKey[] = []): Doc {
  return object(
    present([
      ["columns", array(table.columns.map(columnCall))],
      table.primaryKey !== null && ["primaryKey", keyDoc(table.primaryKey)],
      table.uniques.length > 0 && ["uniques", array(table.uniques.map(uniqueDoc))],
      table.checks.length > 0 && ["checks", array(table.checks.map(checkDoc))],
      (table.exclusions ?? []).length > 0 && [
        "exclusions",
        array((table.exclusions ?? []).map(exclusionDoc)),
      ],
      table.comment !== null && ["comment", quoted(table.comment)],
      foreignKeys.length > 0 && ["foreignKeys", array(foreignKeys.map(foreignKeyDoc))],
    ]),
  );
}

/** The second argument of `op.rebuildTable`: the whole table after the rebuild, and what is copied. */
export function rebuildDefinition(table: Table, copy: readonly string[]): Doc {
  const shape = tableDefinition(table);
  return object(
    present([
      ...(shape.kind === "object" ? shape.entries : []),
      table.indexes.length > 0 && ["indexes", array(table.indexes.map(indexDoc))],
      table.foreignKeys.length > 0 && ["foreignKeys", array(table.foreignKeys.map(foreignKeyDoc))],
      ["copy", strings(copy)],
    ]),
  );
}

/** The second argument of `op.alterEnum`. */
export function enumAlteration(op: AlterEnumOp): Doc {
  const usages = op.usages.map((usage) =>
    object(
      present([
        ["table", qualified(usage.schema, usage.table)],
        ["column", quoted(usage.column)],
        usage.isArray && ["array", boolean(true)],
        usage.default !== null && ["default", quoted(usage.default)],
      ]),
    ),
  );
  const dependents = (op.dependents ?? []).map((d) =>
    object(
      present([
        ["table", qualified(d.schema, d.table)],
        d.index !== undefined && ["index", indexDoc(d.index)],
        d.check !== undefined && ["check", checkDoc(d.check)],
      ]),
    ),
  );
  return object(
    present([
      ["from", strings(op.from)],
      ["to", strings(op.to)],
      usages.length > 0 && ["usages", array(usages)],
      dependents.length > 0 && ["dependents", array(dependents)],
    ]),
  );
}
