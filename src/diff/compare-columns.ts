import {
  ALTERABLE_ATTRIBUTES as ALTERABLE,
  changeValue as valueOf,
  type AlterableAttribute as Alterable,
} from "../ops/column-attributes";
import { ops } from "../ops/factories";
import type { ColumnChange, Operation } from "../ops/operations";
import type { Column, Table } from "../schema/model";

/** The attributes that differ, as `from`/`to` halves of an `alterColumn`. */
export function columnChanges(
  current: Column,
  target: Column,
): { from: ColumnChange; to: ColumnChange } {
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  const state = (key: Alterable): void => {
    from[key] = valueOf(current, key);
    to[key] = valueOf(target, key);
  };
  for (const key of ALTERABLE) {
    if (valueOf(current, key) !== valueOf(target, key)) state(key);
  }
  // A type change is stated whole (type, schema, array) so the compiler can print the new type,
  // and with the default: PostgreSQL cannot always cast the old default to the new type, so the
  // compiler drops it before the change and sets it again after. A collation change is stated
  // with the type too, since only `ALTER COLUMN ... TYPE ... COLLATE` changes it, and a type
  // change restates the collation, which `TYPE` would otherwise reset to the type's default.
  const typeChanged = "type" in to || "typeSchema" in to || "isArray" in to;
  if (typeChanged || "collation" in to) {
    for (const key of ["type", "typeSchema", "isArray"] as const) state(key);
    if (current.default !== null || target.default !== null) state("default");
    if (current.collation !== undefined || target.collation !== undefined) state("collation");
  }
  // A generation change states the column whole: its reverse (a column becoming generated)
  // drops the column and adds it again, and must write it exactly.
  if ("generated" in to) {
    for (const key of ["type", "typeSchema", "isArray", "nullable", "comment"] as const) state(key);
    if (current.collation !== undefined || target.collation !== undefined) state("collation");
  }
  // A column that becomes serial gets a sequence of its own type, so the type is stated too.
  if ("serial" in to) for (const key of ["type", "typeSchema", "isArray"] as const) state(key);
  // A serial column's sequence has the column's type (a bigserial's counts to 2^63 - 1): a type
  // change states `serial` so the compiler retypes the sequence along with the column.
  if (typeChanged && current.serial && target.serial) state("serial");
  return { from: from as ColumnChange, to: to as ColumnChange };
}

/**
 * Columns the migration drops and adds again, in its upgrade or its downgrade, so that the
 * indexes, constraints and views over them are dropped before and created again after: a
 * generated column whose expression changes, or a column that becomes generated
 * (`ALTER COLUMN ... SET EXPRESSION` only exists from PostgreSQL 17), and a generated column
 * that becomes plain. That one keeps its values in place (`DROP EXPRESSION`, see
 * `keepsValues`), but the downgrade has to drop it and add it generated again. Nothing is
 * lost for a generated column, whose values are computed; the review says so.
 */
export function replacedColumns(current: Table, target: Table): ReadonlySet<string> {
  const currentByName = new Map(current.columns.map((c) => [c.name, c]));
  const replaced = new Set<string>();
  for (const column of target.columns) {
    const existing = currentByName.get(column.name);
    if (existing && (existing.generated ?? null) !== (column.generated ?? null)) {
      replaced.add(column.name);
    }
  }
  return replaced;
}

/**
 * A generated column that becomes plain: `ALTER COLUMN ... DROP EXPRESSION` (PostgreSQL 13+)
 * keeps the values it computed, so it is altered rather than dropped and added again.
 */
function keepsValues(current: Column, target: Column): boolean {
  return current.generated !== undefined && target.generated === undefined;
}

/**
 * What the rows holding NULL get when a column becomes NOT NULL: its default, which a
 * column added NOT NULL would have given them too. Null when there is none (the migration
 * then fails on such rows, and the review says how to write it by hand), and for columns that
 * compute their values: a sequence default is not the model's, and identity columns are
 * NOT NULL already.
 */
function backfillOf(current: Column, target: Column): string | null {
  const becomesNotNull = current.nullable && !target.nullable;
  const computes = target.serial || target.identity !== undefined || target.generated !== undefined;
  return becomesNotNull && !computes ? target.default : null;
}

/**
 * Column operations for a table present on both sides: new columns, changed columns (altered
 * in place, never dropped and re-added, so their data stays, except the replaced generated
 * columns of `replacedColumns` that do not keep their values), removed columns.
 */
export function compareColumns(current: Table, target: Table): Operation[] {
  const where = { schema: target.schema, table: target.name };
  const currentByName = new Map(current.columns.map((c) => [c.name, c]));
  const targetNames = new Set(target.columns.map((c) => c.name));
  const replaced = replacedColumns(current, target);
  const result: Operation[] = [];
  // Generated columns are added last: their expression may read a column added here too.
  const generatedAdds: Operation[] = [];

  for (const column of target.columns) {
    const existing = currentByName.get(column.name);
    if (existing && replaced.has(column.name) && !keepsValues(existing, column)) {
      result.push(ops.dropColumn({ ...where, name: column.name, previous: existing }));
    } else if (existing) {
      const { from, to } = columnChanges(existing, column);
      const backfill = backfillOf(existing, column);
      if (Object.keys(to).length > 0) {
        result.push(
          ops.alterColumn({
            ...where,
            name: column.name,
            from,
            to,
            ...(backfill !== null ? { backfill } : {}),
          }),
        );
      }
      continue;
    }
    (column.generated === undefined ? result : generatedAdds).push(
      ops.addColumn({ ...where, column }),
    );
  }
  result.push(...generatedAdds);
  for (const column of current.columns) {
    if (!targetNames.has(column.name)) {
      result.push(ops.dropColumn({ ...where, name: column.name, previous: column }));
    }
  }
  return result;
}
