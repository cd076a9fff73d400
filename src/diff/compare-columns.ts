import { ops } from "../ops/factories";
import type { ColumnChange, Operation } from "../ops/operations";
import type { Column, Table } from "../schema/model";

/** Column attributes an `alterColumn` can change, in the order they are compared. */
const ALTERABLE = ["type", "typeSchema", "isArray", "nullable", "default", "comment"] as const;

/** The attributes that differ, as `from`/`to` halves of an `alterColumn`. */
export function columnChanges(
  current: Column,
  target: Column,
): { from: ColumnChange; to: ColumnChange } {
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  for (const key of ALTERABLE) {
    if (current[key] !== target[key]) {
      from[key] = current[key];
      to[key] = target[key];
    }
  }
  // A type change is stated whole (type, schema, array) so the compiler can print the new type,
  // and with the default: PostgreSQL cannot always cast the old default to the new type, so the
  // compiler drops it before the change and sets it again after.
  if ("type" in to || "typeSchema" in to || "isArray" in to) {
    const keys = ["type", "typeSchema", "isArray", "default"] as const;
    for (const key of keys) {
      if (key === "default" && current.default === null && target.default === null) continue;
      from[key] = current[key];
      to[key] = target[key];
    }
  }
  return { from: from as ColumnChange, to: to as ColumnChange };
}

/**
 * Column operations for a table present on both sides: new columns, changed columns (altered
 * in place, never dropped and re-added, so their data stays), removed columns.
 */
export function compareColumns(current: Table, target: Table): Operation[] {
  const where = { schema: target.schema, table: target.name };
  const currentByName = new Map(current.columns.map((c) => [c.name, c]));
  const targetNames = new Set(target.columns.map((c) => c.name));
  const result: Operation[] = [];

  for (const column of target.columns) {
    const existing = currentByName.get(column.name);
    if (!existing) {
      result.push(ops.addColumn({ ...where, column }));
      continue;
    }
    const { from, to } = columnChanges(existing, column);
    if (Object.keys(to).length > 0) {
      result.push(ops.alterColumn({ ...where, name: column.name, from, to }));
    }
  }
  for (const column of current.columns) {
    if (!targetNames.has(column.name)) {
      result.push(ops.dropColumn({ ...where, name: column.name, previous: column }));
    }
  }
  return result;
}
