import { AutogenError } from "../../../errors";
import type {
  CheckConstraint,
  Deferrable,
  ExclusionConstraint,
  ForeignKey,
  PrimaryKey,
  UniqueConstraint,
} from "../../../schema/model";
import { columnList, qualifiedName, quoteIdent } from "../quote";

/**
 * Constraint clauses as they appear both inside `CREATE TABLE (...)` and after
 * `ALTER TABLE ... ADD`, so a table created whole and one built up constraint by constraint
 * end up with the same definitions. Every constraint is named explicitly: PostgreSQL's own
 * generated names differ from TypeORM's, and a diff must find the constraint again by name.
 */

export function primaryKeyClause(primaryKey: PrimaryKey): string {
  return `CONSTRAINT ${quoteIdent(primaryKey.name)} PRIMARY KEY ${columnList(primaryKey.columns)}`;
}

const deferrableClauses: Readonly<Record<Deferrable, string>> = {
  "INITIALLY IMMEDIATE": " DEFERRABLE INITIALLY IMMEDIATE",
  "INITIALLY DEFERRED": " DEFERRABLE INITIALLY DEFERRED",
};

/**
 * ` DEFERRABLE INITIALLY ...` for a deferrable constraint; nothing (not deferrable) otherwise.
 * Checked, since it is written as keywords and migration files are not type-checked.
 */
function deferrableClause(deferrable: Deferrable | undefined): string {
  if (deferrable === undefined) return "";
  if (!Object.hasOwn(deferrableClauses, deferrable)) {
    throw new AutogenError(
      "invalid-operation",
      `${JSON.stringify(deferrable)} is not a deferrable mode.`,
      'Use "INITIALLY IMMEDIATE" or "INITIALLY DEFERRED".',
    );
  }
  return deferrableClauses[deferrable];
}

export function uniqueClause(unique: UniqueConstraint): string {
  return (
    `CONSTRAINT ${quoteIdent(unique.name)} UNIQUE ${columnList(unique.columns)}` +
    deferrableClause(unique.deferrable)
  );
}

/** The expression is canonical SQL from the model: what follows `EXCLUDE`. */
export function exclusionClause(exclusion: ExclusionConstraint): string {
  return (
    `CONSTRAINT ${quoteIdent(exclusion.name)} EXCLUDE ${exclusion.expression}` +
    deferrableClause(exclusion.deferrable)
  );
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
    ` REFERENCES ${target} ${columnList(foreignKey.referencedColumns)}${actions}` +
    deferrableClause(foreignKey.deferrable)
  );
}
