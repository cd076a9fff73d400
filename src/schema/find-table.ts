import { refKey } from "./keys";
import type { DatabaseSchema, Table, TableRef } from "./model";

const indexes = new WeakMap<DatabaseSchema, ReadonlyMap<string, Table>>();

/**
 * The table of `schema` that `ref` names, by a map built once per schema object: a lookup per
 * table of a 1000-table model through `tables.find` was quadratic and took half a second.
 * Schemas are never mutated (a rename makes a new one), so the map cannot go stale.
 */
export function findTable(schema: DatabaseSchema, ref: TableRef): Table | undefined {
  let index = indexes.get(schema);
  if (index === undefined) {
    index = new Map(schema.tables.map((t) => [refKey(t), t]));
    indexes.set(schema, index);
  }
  return index.get(refKey(ref));
}
