import { IrreversibleOperationError } from "../errors";
import { ops } from "./factories";
import type { ColumnChange, Operation, OperationHandlers, OperationOf } from "./operations";
import { dispatch } from "./operations";

function missing(kind: string, what: string): never {
  throw new IrreversibleOperationError(
    kind,
    `${kind} of ${what} cannot be reversed: the operation does not carry the dropped definition.`,
  );
}

const reversers: OperationHandlers<Operation> = {
  createSchema: (op) => ops.dropSchema({ schema: op.schema }),
  dropSchema: (op) => ops.createSchema({ schema: op.schema }),
  createExtension: (op) => ops.dropExtension({ name: op.name }),
  dropExtension: (op) => ops.createExtension({ name: op.name }),
  createEnum: (op) =>
    ops.dropEnum({ schema: op.enum.schema, name: op.enum.name, previous: op.enum }),
  dropEnum: (op) =>
    op.previous ? ops.createEnum({ enum: op.previous }) : missing(op.kind, `enum ${op.name}`),
  alterEnum: (op) => ops.alterEnum({ ...op, from: op.to, to: op.from }),
  createTable: (op) =>
    ops.dropTable({
      schema: op.table.schema,
      name: op.table.name,
      previous: op.table,
      ...(op.foreignKeys?.length ? { previousForeignKeys: op.foreignKeys } : {}),
    }),
  dropTable: (op) =>
    op.previous
      ? ops.createTable({
          table: op.previous,
          ...(op.previousForeignKeys?.length ? { foreignKeys: op.previousForeignKeys } : {}),
        })
      : missing(op.kind, `table ${op.name}`),
  addColumn: (op) =>
    ops.dropColumn({
      schema: op.schema,
      table: op.table,
      name: op.column.name,
      previous: op.column,
    }),
  dropColumn: (op) =>
    op.previous
      ? ops.addColumn({ schema: op.schema, table: op.table, column: op.previous })
      : missing(op.kind, `column ${op.table}.${op.name}`),
  // The conversion expression is specific to one direction, so the reverse falls back to a
  // cast; a backfill too: the reverse cannot tell which rows held NULL, and leaves them filled.
  alterColumn: (op) =>
    ops.alterColumn({
      schema: op.schema,
      table: op.table,
      name: op.name,
      from: op.to as ColumnChange,
      to: op.from as ColumnChange,
    }),
  addPrimaryKey: (op) =>
    ops.dropPrimaryKey({
      schema: op.schema,
      table: op.table,
      name: op.primaryKey.name,
      previous: op.primaryKey,
    }),
  dropPrimaryKey: (op) =>
    op.previous
      ? ops.addPrimaryKey({ schema: op.schema, table: op.table, primaryKey: op.previous })
      : missing(op.kind, `primary key ${op.name}`),
  addUnique: (op) =>
    ops.dropUnique({
      schema: op.schema,
      table: op.table,
      name: op.unique.name,
      previous: op.unique,
    }),
  dropUnique: (op) =>
    op.previous
      ? ops.addUnique({ schema: op.schema, table: op.table, unique: op.previous })
      : missing(op.kind, `unique constraint ${op.name}`),
  createIndex: (op) =>
    ops.dropIndex({
      schema: op.schema,
      table: op.table,
      name: op.index.name,
      previous: op.index,
      ...concurrently(op),
    }),
  dropIndex: (op) =>
    op.previous
      ? ops.createIndex({
          schema: op.schema,
          table: op.table,
          index: op.previous,
          ...concurrently(op),
        })
      : missing(op.kind, `index ${op.name}`),
  // Validating rows changes no definition: validating again is the one inverse PostgreSQL
  // has (a no-op); reverseOperations leaves it out of a downgrade altogether.
  validateConstraint: (op) => op,
  addForeignKey: (op) =>
    ops.dropForeignKey({
      schema: op.schema,
      table: op.table,
      name: op.foreignKey.name,
      previous: op.foreignKey,
    }),
  dropForeignKey: (op) =>
    op.previous
      ? ops.addForeignKey({ schema: op.schema, table: op.table, foreignKey: op.previous })
      : missing(op.kind, `foreign key ${op.name}`),
  addCheck: (op) =>
    ops.dropCheck({ schema: op.schema, table: op.table, name: op.check.name, previous: op.check }),
  dropCheck: (op) =>
    op.previous
      ? ops.addCheck({ schema: op.schema, table: op.table, check: op.previous })
      : missing(op.kind, `check constraint ${op.name}`),
  addExclusion: (op) =>
    ops.dropExclusion({
      schema: op.schema,
      table: op.table,
      name: op.exclusion.name,
      previous: op.exclusion,
    }),
  dropExclusion: (op) =>
    op.previous
      ? ops.addExclusion({ schema: op.schema, table: op.table, exclusion: op.previous })
      : missing(op.kind, `exclusion constraint ${op.name}`),
  createView: (op) =>
    ops.dropView({
      schema: op.view.schema,
      name: op.view.name,
      materialized: op.view.materialized,
      previous: op.view,
    }),
  dropView: (op) =>
    op.previous ? ops.createView({ view: op.previous }) : missing(op.kind, `view ${op.name}`),
  setTableComment: (op) =>
    op.previous !== undefined
      ? ops.setTableComment({
          schema: op.schema,
          table: op.table,
          comment: op.previous,
          previous: op.comment,
        })
      : missing(op.kind, `the comment on ${op.table}`),
  execute: (op) =>
    op.reverseSql !== undefined
      ? ops.execute({ sql: op.reverseSql, reverseSql: op.sql })
      : missing(op.kind, "raw SQL without reverseSql"),
  // Deleting "the inserted rows" is a guess: they may have been changed, or other rows may
  // now reference them. The migration's author writes the downgrade (usually a DELETE).
  rebuildTable: (op) =>
    op.previous
      ? ops.rebuildTable({
          schema: op.schema,
          table: op.table,
          definition: op.previous,
          copy: copiedBack(op),
          previous: op.definition,
        })
      : missing(op.kind, `table ${op.table}`),
  bulkInsert: (op) => {
    throw new IrreversibleOperationError(
      op.kind,
      `bulkInsert into ${op.table} cannot be reversed: write the downgrade by hand, for example with op.execute("DELETE FROM ...").`,
    );
  },
  // A rename reverses to the rename back: the same fields with the two names swapped.
  renameTable: (op) => ops.renameTable({ ...op, from: op.to, to: op.from }),
  renameColumn: (op) => ops.renameColumn({ ...op, from: op.to, to: op.from }),
  renameEnum: (op) => ops.renameEnum({ ...op, from: op.to, to: op.from }),
  renameEnumValue: (op) => ops.renameEnumValue({ ...op, from: op.to, to: op.from }),
  renameIndex: (op) => ops.renameIndex({ ...op, from: op.to, to: op.from }),
  renameConstraint: (op) => ops.renameConstraint({ ...op, from: op.to, to: op.from }),
};

/** An index built concurrently is dropped concurrently on the way back, and the other way round. */
const concurrently = (op: { concurrently?: boolean }) =>
  op.concurrently ? { concurrently: true } : {};

/** The copied columns going back: the same values, in the old table's column order. */
function copiedBack(op: OperationOf<"rebuildTable">): string[] {
  const copied = new Set(op.copy);
  return (op.previous?.columns ?? []).map((c) => c.name).filter((name) => copied.has(name));
}

/** The operation that undoes `op`. Pure; throws `IrreversibleOperationError` when it cannot. */
export function reverseOperation(op: Operation): Operation {
  return dispatch(reversers, op);
}

/** Operations a downgrade has nothing to undo for: a validation of rows. */
export function needsNoReverse(op: Operation): boolean {
  return op.kind === "validateConstraint";
}

/** Undoes a whole list: each operation reversed, in the opposite order. */
export function reverseOperations(list: readonly Operation[]): Operation[] {
  return list
    .filter((op) => !needsNoReverse(op))
    .map(reverseOperation)
    .reverse();
}
