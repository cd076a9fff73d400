import type { Column } from "../../../schema/model";
import { identityKeyword } from "./generation";
import { qualifiedName, quoteIdent, quoteLiteral } from "../quote";
import { columnTypeSql } from "./types";

/**
 * A column as written in `CREATE TABLE` and `ADD COLUMN`: name, type and collation, identity
 * or generation expression, `NOT NULL`, `DEFAULT`. Expressions are canonical SQL from the
 * model and are written as they are.
 */
export function columnDefinition(column: Column): string {
  const parts = [quoteIdent(column.name), columnTypeSql(column)];
  if (column.collation !== undefined) parts.push(`COLLATE ${quoteIdent(column.collation)}`);
  if (column.identity !== undefined) {
    parts.push(`GENERATED ${identityKeyword(column.identity)} AS IDENTITY`);
  }
  if (column.generated !== undefined)
    parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`);
  if (!column.nullable) parts.push("NOT NULL");
  // `serial` creates the sequence and its `nextval` default itself; the model's default text
  // names that sequence and must not be written a second time.
  if (column.default !== null && !column.serial) parts.push(`DEFAULT ${column.default}`);
  return parts.join(" ");
}

/**
 * What a column definition cannot say and must follow it once the column exists: its
 * comment, and `DROP NOT NULL` for a nullable serial column (`serial` always adds NOT NULL).
 */
export function columnFollowUps(schema: string, table: string, column: Column): string[] {
  const statements: string[] = [];
  if (column.serial && column.nullable) {
    statements.push(
      `ALTER TABLE ${qualifiedName(schema, table)} ALTER COLUMN ${quoteIdent(column.name)} DROP NOT NULL`,
    );
  }
  if (column.comment !== null) {
    statements.push(commentOnColumn(schema, table, column.name, column.comment));
  }
  return statements;
}

/** `COMMENT ON COLUMN`; a null comment removes it. */
export function commentOnColumn(
  schema: string,
  table: string,
  column: string,
  comment: string | null,
): string {
  return `COMMENT ON COLUMN ${qualifiedName(schema, table)}.${quoteIdent(column)} IS ${commentText(comment)}`;
}

/** `COMMENT ON TABLE`; a null comment removes it. */
export function commentOnTable(schema: string, table: string, comment: string | null): string {
  return `COMMENT ON TABLE ${qualifiedName(schema, table)} IS ${commentText(comment)}`;
}

function commentText(comment: string | null): string {
  return comment === null ? "NULL" : quoteLiteral(comment);
}
