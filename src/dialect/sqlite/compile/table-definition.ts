import type { Column, ForeignKey, Index, TableShape } from "../../../schema/model";
import { quoteIdent } from "../quote";

const list = (names: readonly string[]): string => `(${names.map(quoteIdent).join(", ")})`;

/** A default SQLite accepts without parentheses: what `ADD COLUMN` allows. */
export function isLiteralDefault(expression: string): boolean {
  return /^(?:NULL|TRUE|FALSE|[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?|'(?:[^']|'')*'|X'[0-9a-f]*')$/i.test(
    expression.trim(),
  );
}

/**
 * One column as SQLite writes it. A single-column primary key is declared on its column,
 * as TypeORM does, which `AUTOINCREMENT` requires. Defaults are written in parentheses (any
 * expression is allowed there) unless `bareDefault`, which `ADD COLUMN` needs.
 */
export function columnDefinition(
  column: Column,
  options: { readonly inlinePrimaryKey?: boolean; readonly bareDefault?: boolean } = {},
): string {
  const parts = [quoteIdent(column.name), column.type];
  if (options.inlinePrimaryKey)
    parts.push(column.serial ? "PRIMARY KEY AUTOINCREMENT" : "PRIMARY KEY");
  if (!column.nullable) parts.push("NOT NULL");
  if (column.default !== null) {
    parts.push(options.bareDefault ? `DEFAULT ${column.default}` : `DEFAULT (${column.default})`);
  }
  if (column.collation) parts.push(`COLLATE ${quoteIdent(column.collation)}`);
  if (column.generated !== undefined)
    parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`);
  return parts.join(" ");
}

export function foreignKeyClause(fk: ForeignKey): string {
  return (
    `CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY ${list(fk.columns)} ` +
    `REFERENCES ${quoteIdent(fk.referencedTable)} ${list(fk.referencedColumns)} ` +
    `ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}` +
    (fk.deferrable ? ` DEFERRABLE ${fk.deferrable}` : "")
  );
}

/**
 * `CREATE TABLE` with every constraint, foreign keys included: SQLite has no other way to
 * give a table one. `name` overrides the table's own (a rebuild creates it under another).
 */
export function createTableSql(
  table: TableShape,
  foreignKeys: readonly ForeignKey[],
  name: string = table.name,
): string {
  const pk = table.primaryKey;
  const inline = pk !== null && pk.columns.length === 1 ? pk.columns[0] : undefined;
  const lines = table.columns.map((c) =>
    columnDefinition(c, { inlinePrimaryKey: c.name === inline }),
  );
  if (pk !== null && inline === undefined) lines.push(`PRIMARY KEY ${list(pk.columns)}`);
  for (const u of table.uniques)
    lines.push(`CONSTRAINT ${quoteIdent(u.name)} UNIQUE ${list(u.columns)}`);
  for (const c of table.checks)
    lines.push(`CONSTRAINT ${quoteIdent(c.name)} CHECK (${c.expression})`);
  for (const fk of foreignKeys) lines.push(foreignKeyClause(fk));
  return `CREATE TABLE ${quoteIdent(name)} (${lines.join(", ")})`;
}

export function createIndexSql(table: string, index: Index): string {
  return (
    `CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${quoteIdent(index.name)} ON ${quoteIdent(table)} ` +
    list(index.columns) +
    (index.where !== null ? ` WHERE ${index.where}` : "")
  );
}
