import type { Column } from "../schema/model";

/**
 * Every attribute of a model column, listed once, with how a change of it reaches the
 * database. The diff's list of what `alterColumn` compares, the `ColumnChange` type, the
 * `op.column`/`op.alterColumn` option names and the tables in the compiler and the renderer
 * are derived from or checked against this table (`satisfies` over `keyof Column`), so a new
 * attribute of `Column` does not compile until each of them handles it, as a new operation
 * kind does not; test/ops/column-attributes.test.ts then proves each one is compared,
 * compiled, rendered, replayed, reviewed and reversed.
 *
 * - `key`: the attribute names the column; another value is another column.
 * - `alter`: changed by `alterColumn`, whose `from`/`to` state it. Most change in place; a
 *   column that becomes generated (or whose expression changes) is dropped and added again,
 *   since PostgreSQL before 17 cannot give an existing column an expression (see the diff's
 *   `replacedColumns`).
 *
 * `option` is the attribute's name in `op.column` and `op.alterColumn` (`array` reads better
 * in a migration file than `isArray`). The order of the `alter` entries is the order in
 * which the diff compares them and writes them into `from`/`to`.
 */
export const COLUMN_ATTRIBUTES = {
  name: { change: "key", option: "name" },
  type: { change: "alter", option: "type" },
  typeSchema: { change: "alter", option: "typeSchema" },
  isArray: { change: "alter", option: "array" },
  nullable: { change: "alter", option: "nullable" },
  default: { change: "alter", option: "default" },
  serial: { change: "alter", option: "serial" },
  identity: { change: "alter", option: "identity" },
  generated: { change: "alter", option: "generated" },
  collation: { change: "alter", option: "collation" },
  comment: { change: "alter", option: "comment" },
} as const satisfies {
  readonly [K in keyof Column]-?: {
    readonly change: "key" | "alter";
    readonly option: string;
  };
};

type Attributes = typeof COLUMN_ATTRIBUTES;
type AttributesChanged<How> = {
  [K in keyof Attributes]: Attributes[K]["change"] extends How ? K : never;
}[keyof Attributes];

/** The attributes `alterColumn` changes in place. */
export type AlterableAttribute = AttributesChanged<"alter">;
/** An attribute's name in `op.column` / `op.alterColumn`. */
export type AttributeOption<K extends keyof Column> = Attributes[K]["option"];

/**
 * An attribute's value as a change states it: an attribute the model leaves out when unset
 * (identity, collation) is `null` for "none" here, since a change must be able to say so.
 */
export type ChangeValue<K extends keyof Column> = undefined extends Column[K]
  ? Exclude<Column[K], undefined> | null
  : Column[K];

const attributesThat = <How extends string>(how: How) =>
  (Object.keys(COLUMN_ATTRIBUTES) as (keyof Attributes)[]).filter(
    (key) => COLUMN_ATTRIBUTES[key].change === how,
  );

/** The `alter` attributes, in table order. */
export const ALTERABLE_ATTRIBUTES = attributesThat("alter") as readonly AlterableAttribute[];

/** An attribute of a column as a change states it (`null` for an absent optional one). */
export function changeValue<K extends keyof Column>(column: Column, key: K): ChangeValue<K> {
  const value = column[key];
  return (value === undefined ? null : value) as ChangeValue<K>;
}
