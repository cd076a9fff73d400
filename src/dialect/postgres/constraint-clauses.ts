import type { CheckConstraint, ForeignKey, PrimaryKey, UniqueConstraint } from "../../schema/model";
import { columnList, qualifiedName, quoteIdent } from "./quote";

/**
 * Constraint clauses as they appear both inside `CREATE TABLE (...)` and after
 * `ALTER TABLE ... ADD`, so a table created whole and one built up constraint by constraint
 * end up with the same definitions. Every constraint is named explicitly: PostgreSQL's own
 * generated names differ from TypeORM's, and a diff must find the constraint again by name.
 */

export function primaryKeyClause(primaryKey: PrimaryKey): string {
  return `CONSTRAINT ${quoteIdent(primaryKey.name)} PRIMARY KEY ${columnList(primaryKey.columns)}`;
}

export function uniqueClause(unique: UniqueConstraint): string {
  return `CONSTRAINT ${quoteIdent(unique.name)} UNIQUE ${columnList(unique.columns)}`;
}

/** The expression is canonical SQL from the model (what goes inside `CHECK (...)`), not a name. */
export function checkClause(check: CheckConstraint): string {
  return `CONSTRAINT ${quoteIdent(check.name)} CHECK (${check.expression})`;
}

/** `NO ACTION` is PostgreSQL's default, so it is left out as `pg_dump` leaves it out. */
export function foreignKeyClause(foreignKey: ForeignKey): string {
  const target = qualifiedName(foreignKey.referencedSchema, foreignKey.referencedTable);
  const actions = [
    foreignKey.onDelete === "NO ACTION" ? "" : ` ON DELETE ${foreignKey.onDelete}`,
    foreignKey.onUpdate === "NO ACTION" ? "" : ` ON UPDATE ${foreignKey.onUpdate}`,
  ].join("");
  return (
    `CONSTRAINT ${quoteIdent(foreignKey.name)} FOREIGN KEY ${columnList(foreignKey.columns)}` +
    ` REFERENCES ${target} ${columnList(foreignKey.referencedColumns)}${actions}`
  );
}
