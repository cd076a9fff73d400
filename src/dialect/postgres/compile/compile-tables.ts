import type { CreateTableOp, DropTableOp, SetTableCommentOp } from "../../../ops/operations";
import { columnDefinition, columnFollowUps, commentOnTable } from "./column-definition";
import { checkClause, exclusionClause, primaryKeyClause, uniqueClause } from "./constraint-clauses";
import { qualifiedName } from "../quote";
import { compileAddForeignKey } from "./compile-constraints";

/**
 * `CREATE TABLE` with its columns, primary key, unique, check and exclusion constraints, one
 * per line so a `--sql` script reads like hand-written DDL, then the comments, which have no
 * inline form.
 */
export function compileCreateTable(op: CreateTableOp): string[] {
  const { table } = op;
  const elements = [
    ...table.columns.map(columnDefinition),
    ...(table.primaryKey ? [primaryKeyClause(table.primaryKey)] : []),
    ...table.uniques.map(uniqueClause),
    ...table.checks.map(checkClause),
    ...(table.exclusions ?? []).map(exclusionClause),
  ];
  // PostgreSQL accepts a table without columns; `()` is the only way to write one.
  const body = elements.length === 0 ? "()" : `(\n${elements.map((e) => `  ${e}`).join(",\n")}\n)`;
  return [
    `CREATE TABLE ${qualifiedName(table.schema, table.name)} ${body}`,
    ...(table.comment === null ? [] : [commentOnTable(table.schema, table.name, table.comment)]),
    ...table.columns.flatMap((column) => columnFollowUps(table.schema, table.name, column)),
    ...(op.foreignKeys ?? []).flatMap((foreignKey) =>
      compileAddForeignKey({
        kind: "addForeignKey",
        schema: table.schema,
        table: table.name,
        foreignKey,
      }),
    ),
  ];
}

/**
 * No `CASCADE`: dropping a table must not silently take other tables' foreign keys (or views)
 * with it; the diff drops those explicitly first, and anything it does not know about makes
 * PostgreSQL refuse, which is the safe outcome.
 */
export function compileDropTable(op: DropTableOp): string[] {
  return [`DROP TABLE ${qualifiedName(op.schema, op.name)}`];
}

export function compileSetTableComment(op: SetTableCommentOp): string[] {
  return [commentOnTable(op.schema, op.table, op.comment)];
}
