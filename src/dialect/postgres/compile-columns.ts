import { AutogenError } from "../../errors";
import type { AddColumnOp, AlterColumnOp, ColumnChange, DropColumnOp } from "../../ops/operations";
import { columnDefinition, columnFollowUps, commentOnColumn } from "./column-definition";
import { qualifiedName, quoteIdent } from "./quote";
import { type ColumnType, typeSql } from "./types";

export function compileAddColumn(op: AddColumnOp): string[] {
  return [
    `ALTER TABLE ${qualifiedName(op.schema, op.table)} ADD COLUMN ${columnDefinition(op.column)}`,
    ...columnFollowUps(op.schema, op.table, op.column),
  ];
}

export function compileDropColumn(op: DropColumnOp): string[] {
  return [`ALTER TABLE ${qualifiedName(op.schema, op.table)} DROP COLUMN ${quoteIdent(op.name)}`];
}

/**
 * The new type when the operation changes it, else null. A type change must state the whole
 * new type (`type`, `typeSchema` and `isArray` in `to`): any one of them alone cannot be
 * printed as a type.
 */
function newType(op: AlterColumnOp): ColumnType | null {
  const { from, to } = op;
  if (to.type === undefined && to.typeSchema === undefined && to.isArray === undefined) {
    return null;
  }
  if (to.type === undefined || to.typeSchema === undefined || to.isArray === undefined) {
    throw new AutogenError(
      "invalid-operation",
      `alterColumn of ${op.table}.${op.name} changes the type without stating it whole.`,
      "Give type, typeSchema and isArray together in `to` (and in `from`).",
    );
  }
  const unchanged =
    from.type === to.type && from.typeSchema === to.typeSchema && from.isArray === to.isArray;
  return unchanged ? null : { type: to.type, typeSchema: to.typeSchema, isArray: to.isArray };
}

/** A stated attribute that differs from (or is missing in) `from`. */
function changed<K extends keyof ColumnChange>(from: ColumnChange, to: ColumnChange, key: K) {
  return to[key] !== undefined && to[key] !== from[key];
}

/**
 * Only what changed, each as its own statement: the type first (in place, with `USING`, so
 * the data stays: a column is never dropped and re-added), then the default, nullability and
 * comment.
 *
 * PostgreSQL casts the existing default to the new type during `TYPE`, which fails for many
 * conversions (one enum to another, text to integer). So when the operation states the default
 * alongside a type change, even unchanged, the default is dropped before and set again after.
 */
export function compileAlterColumn(op: AlterColumnOp): string[] {
  const { from, to } = op;
  const alter = `ALTER TABLE ${qualifiedName(op.schema, op.table)} ALTER COLUMN ${quoteIdent(op.name)}`;
  const statements: string[] = [];
  const type = newType(op);

  if (type !== null) {
    const target = typeSql(type);
    const resetDefault = to.default !== undefined;
    if (resetDefault && from.default !== null) statements.push(`${alter} DROP DEFAULT`);
    statements.push(
      `${alter} TYPE ${target} USING ${op.using ?? `${quoteIdent(op.name)}::${target}`}`,
    );
    if (resetDefault && to.default !== null) statements.push(`${alter} SET DEFAULT ${to.default}`);
  } else if (changed(from, to, "default")) {
    statements.push(
      to.default === null ? `${alter} DROP DEFAULT` : `${alter} SET DEFAULT ${to.default}`,
    );
  }
  if (changed(from, to, "nullable")) {
    statements.push(to.nullable ? `${alter} DROP NOT NULL` : `${alter} SET NOT NULL`);
  }
  if (changed(from, to, "comment")) {
    statements.push(commentOnColumn(op.schema, op.table, op.name, to.comment ?? null));
  }
  return statements;
}
