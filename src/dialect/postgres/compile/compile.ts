import type { ExecuteOp, Operation, OperationHandlers } from "../../../ops/operations";
import { dispatch } from "../../../ops/operations";
import { AutogenError } from "../../../errors";
import type { CompileOptions } from "../../dialect";
import { compileAddColumn, compileAlterColumn, compileDropColumn } from "./compile-columns";
import {
  compileAddCheck,
  compileAddExclusion,
  compileAddForeignKey,
  compileAddPrimaryKey,
  compileAddUnique,
  compileCreateIndex,
  compileDropConstraint,
  compileDropIndex,
  compileValidateConstraint,
} from "./compile-constraints";
import { compileAlterEnum, compileCreateEnum, compileDropEnum } from "./compile-enums";
import { compileBulkInsert } from "./compile-data";
import {
  compileRenameColumn,
  compileRenameConstraint,
  compileRenameEnum,
  compileRenameEnumValue,
  compileRenameIndex,
  compileRenameTable,
} from "./compile-renames";
import { compileCreateTable, compileDropTable, compileSetTableComment } from "./compile-tables";
import { compileCreateView, compileDropView } from "./compile-views";
import { inlineParams } from "./inline-params";
import { quoteIdent } from "../quote";

/**
 * The PostgreSQL statements of each operation kind. Typed as a full handler table: a new
 * operation kind does not compile until it has SQL here.
 */
const compilers: OperationHandlers<string[]> = {
  // Plain `CREATE SCHEMA`, not `IF NOT EXISTS`: if the schema was already there, the
  // migration did not create it, and its downgrade must not drop it. Failing says so early.
  createSchema: (op) => [`CREATE SCHEMA ${quoteIdent(op.schema)}`],
  // No `CASCADE`: a schema that still holds anything must make PostgreSQL refuse.
  dropSchema: (op) => [`DROP SCHEMA ${quoteIdent(op.schema)}`],
  // `IF NOT EXISTS`, unlike schemas: extensions are often installed ahead by an administrator
  // (creating one may need rights the migration's role lacks), and that must not fail here.
  createExtension: (op) => [`CREATE EXTENSION IF NOT EXISTS ${quoteIdent(op.name)}`],
  // No `CASCADE`: an extension something still uses (a column outside the migration) makes
  // PostgreSQL refuse, and the downgrade stops instead of dropping that column.
  dropExtension: (op) => [`DROP EXTENSION IF EXISTS ${quoteIdent(op.name)}`],
  createEnum: compileCreateEnum,
  dropEnum: compileDropEnum,
  alterEnum: compileAlterEnum,
  createTable: compileCreateTable,
  dropTable: compileDropTable,
  addColumn: compileAddColumn,
  dropColumn: compileDropColumn,
  alterColumn: compileAlterColumn,
  addPrimaryKey: compileAddPrimaryKey,
  dropPrimaryKey: compileDropConstraint,
  addUnique: compileAddUnique,
  dropUnique: compileDropConstraint,
  createIndex: compileCreateIndex,
  dropIndex: compileDropIndex,
  addForeignKey: compileAddForeignKey,
  dropForeignKey: compileDropConstraint,
  addCheck: compileAddCheck,
  dropCheck: compileDropConstraint,
  validateConstraint: compileValidateConstraint,
  addExclusion: compileAddExclusion,
  dropExclusion: compileDropConstraint,
  createView: compileCreateView,
  dropView: compileDropView,
  setTableComment: compileSetTableComment,
  // A person's SQL, as written; its parameters travel beside it (see `inlineParams` option).
  execute: (op) => [op.sql],
  bulkInsert: compileBulkInsert,
  // PostgreSQL alters every part of a table in place; only the SQLite dialect rebuilds.
  rebuildTable: (op) => {
    throw new AutogenError(
      "invalid-operation",
      `op.rebuildTable("${op.table}") is for SQLite databases; PostgreSQL changes the table in place.`,
      "Regenerate the migration against this database (autogen revision), or write the alterColumn/addForeignKey calls it needs.",
    );
  },
  renameTable: compileRenameTable,
  renameColumn: compileRenameColumn,
  renameEnum: compileRenameEnum,
  renameEnumValue: compileRenameEnumValue,
  renameIndex: compileRenameIndex,
  renameConstraint: compileRenameConstraint,
};

function compileExecute(op: ExecuteOp): string[] {
  return op.params && op.params.length > 0 ? [inlineParams(op.sql, op.params)] : [op.sql];
}

/**
 * The SQL statements that carry out one operation, in order, without trailing semicolons
 * (the runner and the script writer add those).
 *
 * @example compileOperation(ops.dropColumn({ schema: "public", table: "users", name: "age" }))
 * // => ['ALTER TABLE "public"."users" DROP COLUMN "age"']
 */
export function compileOperation(op: Operation, options: CompileOptions = {}): string[] {
  if (op.kind === "execute" && options.inlineParams) return compileExecute(op);
  return dispatch(compilers, op);
}

/** The statements of a whole list of operations, in order. */
export function compileOperations(
  list: readonly Operation[],
  options: CompileOptions = {},
): string[] {
  return list.flatMap((op) => compileOperation(op, options));
}
