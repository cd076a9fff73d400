import { AutogenError } from "../../../errors";
import type { BulkInsertOp, Operation, OperationHandlers } from "../../../ops/operations";
import { dispatch } from "../../../ops/operations";
import type { CompileOptions } from "../../dialect";
import { quoteIdent } from "../quote";
import { compileRebuildTable } from "./compile-rebuild";
import { inlineParams, sqliteLiteral } from "./literals";
import {
  columnDefinition,
  createIndexSql,
  createTableSql,
  isLiteralDefault,
} from "./table-definition";

/** What SQLite has no statement for: a rebuild does it, which `autogen revision` writes. */
function rebuildOnly(what: string): (op: Operation & { readonly table?: string }) => never {
  return (op) => {
    throw new AutogenError(
      "invalid-operation",
      `SQLite cannot ${what} in place (op.${op.kind}${op.table ? ` on "${op.table}"` : ""}): its ALTER TABLE has no such form.`,
      "Use op.rebuildTable with the table as it should become (autogen revision writes it for you).",
    );
  };
}

function notInSqlite(what: string): (op: Operation) => never {
  return (op) => {
    throw new AutogenError(
      "invalid-operation",
      `SQLite has no ${what} (op.${op.kind}).`,
      "Remove the call: the SQLite dialect models this as part of the table (a CHECK for an enum).",
    );
  };
}

/** Each row its own INSERT: SQLite's VALUES has no DEFAULT for the columns a row leaves out. */
function compileBulkInsert(op: BulkInsertOp): string[] {
  return op.rows.map((row) => {
    const names = Object.keys(row).filter(
      (name) => Object.hasOwn(row, name) && row[name] !== undefined,
    );
    if (names.length === 0) return `INSERT INTO ${quoteIdent(op.table)} DEFAULT VALUES`;
    const values = names.map((name) => sqliteLiteral(row[name]));
    return `INSERT INTO ${quoteIdent(op.table)} (${names.map(quoteIdent).join(", ")}) VALUES (${values.join(", ")})`;
  });
}

/**
 * The SQLite statements of each operation kind: in place what `ALTER TABLE` can do (add,
 * drop and rename, indexes), a `rebuildTable` for the rest, which the dialect's `adapt`
 * writes instead of the diff's column and constraint changes.
 */
const compilers: OperationHandlers<string[]> = {
  createSchema: notInSqlite("schemas"),
  dropSchema: notInSqlite("schemas"),
  createExtension: notInSqlite("extensions"),
  dropExtension: notInSqlite("extensions"),
  createEnum: notInSqlite("enum types"),
  dropEnum: notInSqlite("enum types"),
  alterEnum: notInSqlite("enum types"),
  createTable: (op) => [createTableSql(op.table, op.foreignKeys ?? [])],
  dropTable: (op) => [`DROP TABLE ${quoteIdent(op.name)}`],
  addColumn: (op) => {
    const { column } = op;
    if (column.default !== null && !isLiteralDefault(column.default)) {
      return rebuildOnly("add a column whose default is an expression")(op);
    }
    return [
      `ALTER TABLE ${quoteIdent(op.table)} ADD COLUMN ${columnDefinition(column, { bareDefault: true })}`,
    ];
  },
  dropColumn: (op) => [`ALTER TABLE ${quoteIdent(op.table)} DROP COLUMN ${quoteIdent(op.name)}`],
  alterColumn: rebuildOnly("change a column"),
  addPrimaryKey: rebuildOnly("add a primary key"),
  dropPrimaryKey: rebuildOnly("drop a primary key"),
  addUnique: rebuildOnly("add a unique constraint"),
  dropUnique: rebuildOnly("drop a unique constraint"),
  createIndex: (op) => [createIndexSql(op.table, op.index)],
  dropIndex: (op) => [`DROP INDEX ${quoteIdent(op.name)}`],
  addForeignKey: rebuildOnly("add a foreign key"),
  dropForeignKey: rebuildOnly("drop a foreign key"),
  addCheck: rebuildOnly("add a check constraint"),
  dropCheck: rebuildOnly("drop a check constraint"),
  // A rebuild checks every row as it copies it: SQLite has no constraint left to validate.
  validateConstraint: notInSqlite("constraints added NOT VALID"),
  addExclusion: notInSqlite("exclusion constraints"),
  dropExclusion: notInSqlite("exclusion constraints"),
  createView: (op) => [`CREATE VIEW ${quoteIdent(op.view.name)} AS ${op.view.definition}`],
  dropView: (op) => [`DROP VIEW ${quoteIdent(op.name)}`],
  // SQLite keeps no comments; the model reads them as null, so only a hand-written call lands here.
  setTableComment: notInSqlite("table comments"),
  execute: (op) => [op.sql],
  // ALTER TABLE renames tables and columns in place; an index or a constraint SQLite cannot rename.
  renameTable: (op) => [`ALTER TABLE ${quoteIdent(op.from)} RENAME TO ${quoteIdent(op.to)}`],
  renameColumn: (op) => [
    `ALTER TABLE ${quoteIdent(op.table)} RENAME COLUMN ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}`,
  ],
  renameEnum: notInSqlite("enum types"),
  renameEnumValue: notInSqlite("enum types"),
  renameIndex: notInSqlite("index renames"),
  renameConstraint: notInSqlite("constraint renames"),
  bulkInsert: compileBulkInsert,
  rebuildTable: compileRebuildTable,
};

export function compileOperation(op: Operation, options: CompileOptions = {}): string[] {
  if (op.kind === "execute" && options.inlineParams && op.params?.length) {
    return [inlineParams(op.sql, op.params)];
  }
  return dispatch(compilers, op);
}

export function compileOperations(
  list: readonly Operation[],
  options: CompileOptions = {},
): string[] {
  return list.flatMap((op) => compileOperation(op, options));
}
