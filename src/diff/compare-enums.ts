import { ops } from "../ops/factories";
import type { AlterEnumOp, EnumDependent, EnumUsage } from "../ops/operations";
import type { DatabaseSchema, EnumType } from "../schema/model";
import { qualifiedKey, refKey as key } from "../schema/keys";

/**
 * `from` with the labels of `to` that are new inserted where `to` puts them (after the
 * nearest preceding label that already exists). PostgreSQL can do this with `ADD VALUE`
 * alone, and it must happen before any column default uses a new label.
 */
export function withInsertedLabels(from: readonly string[], to: readonly string[]): string[] {
  const result = [...from];
  let anchor = -1;
  for (const label of to) {
    const existing = result.indexOf(label);
    if (existing >= 0) {
      // Only move forward: a label placed earlier in `from` does not pull new ones back.
      if (existing > anchor) anchor = existing;
      continue;
    }
    result.splice(anchor + 1, 0, label);
    anchor += 1;
  }
  return result;
}

/** The columns of `schema` whose type is the enum, in table order. */
export function enumUsages(schema: DatabaseSchema, enumType: EnumType): EnumUsage[] {
  const usages: EnumUsage[] = [];
  for (const table of schema.tables) {
    for (const column of table.columns) {
      if (column.typeSchema === enumType.schema && column.type === enumType.name) {
        usages.push({
          schema: table.schema,
          table: table.name,
          column: column.name,
          isArray: column.isArray,
          default: column.default,
        });
      }
    }
  }
  return usages;
}

/**
 * Partial indexes and checks, on tables that use the enum, whose canonical expression casts
 * to it (PostgreSQL prints `'x'::type_name` for every enum literal). A false match only
 * costs a needless drop and re-create.
 */
export function enumDependents(schema: DatabaseSchema, enumType: EnumType): EnumDependent[] {
  const tables = new Set(enumUsages(schema, enumType).map((u) => qualifiedKey(u.schema, u.table)));
  const mentions = (expression: string | null) =>
    expression !== null && expression.includes(enumType.name);
  const dependents: EnumDependent[] = [];
  for (const table of schema.tables) {
    if (!tables.has(key(table))) continue;
    const where = { schema: table.schema, table: table.name };
    for (const index of table.indexes)
      if (mentions(index.where)) dependents.push({ ...where, index });
    for (const check of table.checks)
      if (mentions(check.expression)) dependents.push({ ...where, check });
  }
  return dependents;
}

export interface EnumChanges {
  /** Created before any table uses them. */
  readonly created: readonly EnumType[];
  /** New labels, added before columns or defaults use them. */
  readonly extended: readonly AlterEnumOp[];
  /**
   * Removed or reordered labels: the type is rebuilt after the column changes, when the
   * columns that use it are exactly the target's (so the usages hold in both directions).
   */
  readonly rebuilt: readonly AlterEnumOp[];
  /** Dropped after the columns that used them are gone. */
  readonly dropped: readonly EnumType[];
}

export function compareEnums(current: DatabaseSchema, target: DatabaseSchema): EnumChanges {
  const currentByKey = new Map(current.enums.map((e) => [key(e), e]));
  const targetKeys = new Set(target.enums.map(key));
  const created: EnumType[] = [];
  const extended: AlterEnumOp[] = [];
  const rebuilt: AlterEnumOp[] = [];

  for (const wanted of target.enums) {
    const existing = currentByKey.get(key(wanted));
    if (!existing) {
      created.push(wanted);
      continue;
    }
    const widened = withInsertedLabels(existing.values, wanted.values);
    const where = { schema: wanted.schema, name: wanted.name };
    if (widened.length > existing.values.length) {
      // Adding labels needs no usages; the reverse (run last on downgrade, when the columns
      // are the current ones again) rebuilds the type over the current columns.
      const usages = enumUsages(current, existing);
      const dependents = enumDependents(current, existing);
      extended.push(
        ops.alterEnum({ ...where, from: existing.values, to: widened, usages, dependents }),
      );
    }
    if (JSON.stringify(widened) !== JSON.stringify(wanted.values)) {
      const usages = enumUsages(target, wanted);
      const dependents = enumDependents(target, wanted);
      rebuilt.push(
        ops.alterEnum({ ...where, from: widened, to: wanted.values, usages, dependents }),
      );
    }
  }
  const dropped = current.enums.filter((e) => !targetKeys.has(key(e)));
  return { created, extended, rebuilt, dropped };
}
