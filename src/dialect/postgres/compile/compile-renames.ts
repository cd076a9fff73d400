import type {
  RenameColumnOp,
  RenameConstraintOp,
  RenameEnumOp,
  RenameEnumValueOp,
  RenameIndexOp,
  RenameTableOp,
} from "../../../ops/operations";
import { qualifiedName, quoteIdent, quoteLiteral } from "../quote";

/**
 * Renames are catalog changes: PostgreSQL keeps the rows, labels and dependants (indexes,
 * constraints, views and defaults follow by oid), and each takes its lock only briefly.
 */
export const compileRenameTable = (op: RenameTableOp): string[] => [
  `ALTER TABLE ${qualifiedName(op.schema, op.from)} RENAME TO ${quoteIdent(op.to)}`,
];

export const compileRenameColumn = (op: RenameColumnOp): string[] => [
  `ALTER TABLE ${qualifiedName(op.schema, op.table)} RENAME COLUMN ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}`,
];

export const compileRenameEnum = (op: RenameEnumOp): string[] => [
  `ALTER TYPE ${qualifiedName(op.schema, op.from)} RENAME TO ${quoteIdent(op.to)}`,
];

/** `RENAME VALUE` (PostgreSQL 10+) changes the label in place: rows holding it follow. */
export const compileRenameEnumValue = (op: RenameEnumValueOp): string[] => [
  `ALTER TYPE ${qualifiedName(op.schema, op.name)} RENAME VALUE ${quoteLiteral(op.from)} TO ${quoteLiteral(op.to)}`,
];

/** An index is named by its schema alone; the table only serves the review. */
export const compileRenameIndex = (op: RenameIndexOp): string[] => [
  `ALTER INDEX ${qualifiedName(op.schema, op.from)} RENAME TO ${quoteIdent(op.to)}`,
];

/** A primary key's or unique constraint's index is renamed along with the constraint. */
export const compileRenameConstraint = (op: RenameConstraintOp): string[] => [
  `ALTER TABLE ${qualifiedName(op.schema, op.table)} RENAME CONSTRAINT ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}`,
];
