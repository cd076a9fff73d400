import type { Column } from "../../../schema/model";
import { identityKeyword } from "./generation";
import { qualifiedName, quoteIdent, quoteLiteral } from "../quote";
import { columnTypeSql } from "./types";

/**
 * The clause each column attribute contributes to a column definition, in the order they are
 * written; null where the attribute adds none (it is part of another clause, or a statement
 * of its own follows, see `columnFollowUps`). Keyed by every attribute of `Column`, so a new
 * one does not compile until it is written here.
 */
const definitionClauses: { readonly [K in keyof Column]-?: (column: Column) => string | null } = {
  name: (c) => quoteIdent(c.name),
  type: (c) => columnTypeSql(c),
  // Part of the type (`"schema"."type"`, `[]`, `serial`).
  typeSchema: () => null,
  isArray: () => null,
  serial: () => null,
  collation: (c) => (c.collation === undefined ? null : `COLLATE ${quoteIdent(c.collation)}`),
  identity: (c) =>
    c.identity === undefined ? null : `GENERATED ${identityKeyword(c.identity)} AS IDENTITY`,
  generated: (c) =>
    c.generated === undefined ? null : `GENERATED ALWAYS AS (${c.generated}) STORED`,
  nullable: (c) => (c.nullable ? null : "NOT NULL"),
  // `serial` creates the sequence and its `nextval` default itself; the model's default text
  // names that sequence and must not be written a second time.
  default: (c) => (c.default !== null && !c.serial ? `DEFAULT ${c.default}` : null),
  // `COMMENT ON COLUMN`, after the column exists.
  comment: () => null,
};

/**
 * A column as written in `CREATE TABLE` and `ADD COLUMN`: name, type and collation, identity
 * or generation expression, `NOT NULL`, `DEFAULT`. Expressions are canonical SQL from the
 * model and are written as they are.
 */
export function columnDefinition(column: Column): string {
  return Object.values(definitionClauses)
    .map((clause) => clause(column))
    .filter((part): part is string => part !== null)
    .join(" ");
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
