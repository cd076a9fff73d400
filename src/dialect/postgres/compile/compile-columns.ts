import { AutogenError } from "../../../errors";
import type {
  AddColumnOp,
  AlterColumnOp,
  ColumnChange,
  DropColumnOp,
} from "../../../ops/operations";
import type { Column } from "../../../schema/model";
import { columnDefinition, columnFollowUps, commentOnColumn } from "./column-definition";
import {
  addSerial,
  dropSerial,
  identityKeyword,
  restartAfterMax,
  retypeSerialSequence,
} from "./generation";
import { qualifiedName, quoteIdent } from "../quote";
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
 * The conversion when the operation gives none: a cast to the new type. PostgreSQL has no cast
 * from an enum to another enum (a renamed type, another `enumName`), so a value of a
 * user-defined type goes through text, which every type can be read from.
 */
function plainConversion(op: AlterColumnOp, target: string): string {
  const column = quoteIdent(op.name);
  if (!op.from.typeSchema) return `${column}::${target}`;
  return `${column}::text${op.from.isArray ? "[]" : ""}::${target}`;
}

/** The type an operation states, for changes that need it without changing it. */
function statedType(op: AlterColumnOp, why: string): ColumnType {
  const { to } = op;
  if (to.type === undefined || to.typeSchema === undefined || to.isArray === undefined) {
    throw new AutogenError(
      "invalid-operation",
      `alterColumn of ${op.table}.${op.name} ${why} without stating the column's type.`,
      "Give type, typeSchema and isArray in `to` (and in `from`), even when they stay the same.",
    );
  }
  return { type: to.type, typeSchema: to.typeSchema, isArray: to.isArray };
}

/**
 * A column that becomes generated (or takes another expression): PostgreSQL cannot give an
 * existing column an expression before 17, nor a plain column one at all, so it is dropped and
 * added again from what the operation states, computing its values anew. The operation must
 * state the column whole; a collation left out means the type's default, a comment left out
 * none.
 */
function replaceWithGenerated(op: AlterColumnOp, generated: string): string[] {
  const { type, typeSchema, isArray } = statedType(op, "makes the column generated");
  const { nullable, comment, collation } = op.to;
  if (nullable === undefined) {
    throw new AutogenError(
      "invalid-operation",
      `alterColumn of ${op.table}.${op.name} makes the column generated without stating nullable.`,
      "State nullable (and the comment, if any) in `to`: the column is dropped and added again.",
    );
  }
  const column: Column = {
    name: op.name,
    type,
    typeSchema,
    isArray,
    nullable,
    default: null,
    serial: false,
    comment: comment ?? null,
    generated,
    ...(typeof collation === "string" ? { collation } : {}),
  };
  const table = qualifiedName(op.schema, op.table);
  return [
    `ALTER TABLE ${table} DROP COLUMN ${quoteIdent(op.name)}`,
    `ALTER TABLE ${table} ADD COLUMN ${columnDefinition(column)}`,
    ...columnFollowUps(op.schema, op.table, column),
  ];
}

/**
 * A plan whose fill nobody wrote yet compiles to nothing: running it (or printing its SQL)
 * would make a column NOT NULL over rows that hold NULL.
 */
function unwrittenBackfill(op: AlterColumnOp): never {
  throw new AutogenError(
    "invalid-operation",
    `The backfill of "${op.table}"."${op.name}" is still to be written (op.todo in the migration file).`,
    `Replace op.todo(...) with ${op.backfillToWrite ?? "the SQL the rows holding NULL get"}.`,
  );
}

/**
 * Only what changed, each as its own statement, in an order PostgreSQL accepts: a generated
 * column loses its expression first (`DROP EXPRESSION`, PostgreSQL 13+, keeping the values it
 * computed; one that becomes generated is dropped and added again instead, see
 * `replaceWithGenerated`); a serial or identity column stops generating values; then the
 * type and collation change (in place, with `USING`, so the data stays: a column is never
 * dropped and re-added), the default, the backfill of rows holding NULL (after a new default,
 * before NOT NULL) and nullability; then the column starts generating values (identity needs
 * NOT NULL and no default, which are in place by then) and its comment changes.
 *
 * PostgreSQL casts the existing default to the new type during `TYPE`, which fails for many
 * conversions (one enum to another, text to integer). So when the operation states the default
 * alongside a type change, even unchanged, the default is dropped before and set again after.
 */
export function compileAlterColumn(op: AlterColumnOp): string[] {
  const { from, to } = op;
  const alter = `ALTER TABLE ${qualifiedName(op.schema, op.table)} ALTER COLUMN ${quoteIdent(op.name)}`;
  const statements: string[] = [];
  if (changed(from, to, "generated") && typeof to.generated === "string") {
    return replaceWithGenerated(op, to.generated);
  }
  if (to.generated === null && typeof from.generated === "string") {
    statements.push(`${alter} DROP EXPRESSION`);
  }
  const identityChanged = changed(from, to, "identity");
  const serialChanged = changed(from, to, "serial");

  if (serialChanged && !to.serial) statements.push(...dropSerial(op.schema, op.table, op.name));
  if (identityChanged && to.identity === null) statements.push(`${alter} DROP IDENTITY`);

  const type = newType(op);
  const collationChanged = changed(from, to, "collation");
  if (type !== null || collationChanged) {
    const target = typeSql(type ?? statedType(op, "changes the collation"));
    const collate = typeof to.collation === "string" ? ` COLLATE ${quoteIdent(to.collation)}` : "";
    const resetDefault = type !== null && to.default !== undefined;
    const using = type === null ? "" : ` USING ${op.using ?? plainConversion(op, target)}`;
    if (resetDefault && from.default !== null) statements.push(`${alter} DROP DEFAULT`);
    statements.push(`${alter} TYPE ${target}${collate}${using}`);
    if (type !== null && from.serial === true && to.serial === true) {
      statements.push(retypeSerialSequence(op.schema, op.table, op.name, type.type));
    }
    if (resetDefault && to.default !== null) statements.push(`${alter} SET DEFAULT ${to.default}`);
  }
  if (type === null && changed(from, to, "default")) {
    statements.push(
      to.default === null ? `${alter} DROP DEFAULT` : `${alter} SET DEFAULT ${to.default}`,
    );
  }
  if (op.backfillToWrite !== undefined) unwrittenBackfill(op);
  if (op.backfill !== undefined) {
    const column = quoteIdent(op.name);
    statements.push(
      `UPDATE ${qualifiedName(op.schema, op.table)} SET ${column} = ${op.backfill} WHERE ${column} IS NULL`,
    );
  }
  if (op.provenBy !== undefined) {
    statements.push(
      `ALTER TABLE ${qualifiedName(op.schema, op.table)} VALIDATE CONSTRAINT ${quoteIdent(op.provenBy)}`,
    );
  }
  if (changed(from, to, "nullable")) {
    statements.push(to.nullable ? `${alter} DROP NOT NULL` : `${alter} SET NOT NULL`);
  }

  if (identityChanged && to.identity && from.identity) {
    statements.push(`${alter} SET GENERATED ${identityKeyword(to.identity)}`);
  } else if (identityChanged && to.identity) {
    statements.push(`${alter} ADD GENERATED ${identityKeyword(to.identity)} AS IDENTITY`);
    statements.push(restartAfterMax(op.schema, op.table, op.name));
  }
  if (serialChanged && to.serial) {
    const { type: integerType } = statedType(op, "makes the column serial");
    statements.push(...addSerial(op.schema, op.table, op.name, integerType));
  }
  if (changed(from, to, "comment")) {
    statements.push(commentOnColumn(op.schema, op.table, op.name, to.comment ?? null));
  }
  return statements;
}
