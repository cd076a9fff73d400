import type { TableRef } from "../schema/model";
import type { Operation, OperationHandlers } from "./operations";
import { dispatch } from "./operations";

/**
 * The table lock a statement takes, strongest first. ACCESS EXCLUSIVE blocks reads too;
 * SHARE (a plain CREATE INDEX) and SHARE ROW EXCLUSIVE (a foreign key) block writes; SHARE
 * UPDATE EXCLUSIVE (ALTER INDEX RENAME) and ROW EXCLUSIVE (INSERT) block neither.
 */
export type LockLevel =
  "ACCESS EXCLUSIVE" | "SHARE ROW EXCLUSIVE" | "SHARE" | "SHARE UPDATE EXCLUSIVE" | "ROW EXCLUSIVE";

/** The lock an operation holds on an existing table until its transaction ends. */
export interface TableLock {
  readonly table: TableRef;
  readonly level: LockLevel;
}

const ref = (schema: string, name: string): TableRef => ({ schema, name });
const lock = (table: TableRef, level: LockLevel): TableLock[] => [{ table, level }];
const exclusive = (op: { schema: string; table: string }) =>
  lock(ref(op.schema, op.table), "ACCESS EXCLUSIVE");

/** Schemas, extensions, enums, views and new tables lock no existing table's rows. */
const none = (): TableLock[] => [];

const handlers: OperationHandlers<TableLock[]> = {
  createSchema: none,
  dropSchema: none,
  createExtension: none,
  dropExtension: none,
  createEnum: none,
  dropEnum: none,
  // Adding labels is ALTER TYPE; removing them rebuilds every column of that type.
  alterEnum: (op) =>
    op.from.some((v) => !op.to.includes(v))
      ? op.usages.flatMap((u) => lock(ref(u.schema, u.table), "ACCESS EXCLUSIVE"))
      : [],
  createTable: none,
  dropTable: (op) => lock(ref(op.schema, op.name), "ACCESS EXCLUSIVE"),
  addColumn: exclusive,
  dropColumn: exclusive,
  alterColumn: exclusive,
  addPrimaryKey: exclusive,
  dropPrimaryKey: exclusive,
  addUnique: exclusive,
  dropUnique: exclusive,
  // CONCURRENTLY trades the lock for two scans and waits for running transactions.
  createIndex: (op) =>
    lock(ref(op.schema, op.table), op.concurrently ? "SHARE UPDATE EXCLUSIVE" : "SHARE"),
  dropIndex: (op) =>
    op.concurrently ? lock(ref(op.schema, op.table), "SHARE UPDATE EXCLUSIVE") : exclusive(op),
  addForeignKey: (op) => lock(ref(op.schema, op.table), "SHARE ROW EXCLUSIVE"),
  dropForeignKey: exclusive,
  addCheck: exclusive,
  dropCheck: exclusive,
  // The point of NOT VALID: the scan that follows blocks neither reads nor writes.
  validateConstraint: (op) => lock(ref(op.schema, op.table), "SHARE UPDATE EXCLUSIVE"),
  addExclusion: exclusive,
  dropExclusion: exclusive,
  createView: none,
  dropView: none,
  setTableComment: (op) => lock(ref(op.schema, op.table), "SHARE UPDATE EXCLUSIVE"),
  rebuildTable: exclusive,
  // Hand-written SQL locks whatever it touches; nothing here can know what that is.
  execute: none,
  bulkInsert: (op) => lock(ref(op.schema, op.table), "ROW EXCLUSIVE"),
  renameTable: (op) => lock(ref(op.schema, op.from), "ACCESS EXCLUSIVE"),
  renameColumn: exclusive,
  renameEnum: none,
  renameEnumValue: none,
  renameIndex: (op) => lock(ref(op.schema, op.table), "SHARE UPDATE EXCLUSIVE"),
  renameConstraint: exclusive,
};

/** The table locks `op` takes (PostgreSQL's documented lock for each statement). */
export function tableLocksOf(op: Operation): TableLock[] {
  return dispatch(handlers, op);
}
