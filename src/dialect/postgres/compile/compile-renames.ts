import type {
  RenameColumnOp,
  RenameConstraintOp,
  RenameEnumOp,
  RenameEnumValueOp,
  RenameIndexOp,
  RenameTableOp,
} from "../../../ops/operations";
import { dollarQuote, qualifiedName, quoteIdent, quoteLiteral } from "../quote";

/**
 * Renames are catalog changes: PostgreSQL keeps the rows, labels and dependants (indexes,
 * constraints, views and defaults follow by oid), and each takes its lock only briefly.
 */
export const compileRenameTable = (op: RenameTableOp): string[] => [
  `ALTER TABLE ${qualifiedName(op.schema, op.from)} RENAME TO ${quoteIdent(op.to)}`,
  renameOwnedSequences(op),
];

/**
 * PostgreSQL leaves a serial or identity column's sequence under its old name
 * (`tags_id_seq`), where a table created under the new name has `labels_id_seq`: the
 * sequences the table owns that still carry the old table's name follow it.
 */
function renameOwnedSequences(op: RenameTableOp): string {
  const body = `DECLARE s record;
BEGIN
  FOR s IN SELECT seq.relname, a.attname FROM pg_depend AS d
    JOIN pg_class AS seq ON seq.oid = d.objid AND seq.relkind = 'S'
    JOIN pg_attribute AS a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
    WHERE d.classid = 'pg_class'::regclass AND d.refobjid = ${quoteLiteral(qualifiedName(op.schema, op.to))}::regclass
      AND d.deptype IN ('a', 'i') AND seq.relname = ${quoteLiteral(op.from)} || '_' || a.attname || '_seq'
  LOOP
    EXECUTE format('ALTER SEQUENCE %I.%I RENAME TO %I', ${quoteLiteral(op.schema)}, s.relname, ${quoteLiteral(op.to)} || '_' || s.attname || '_seq');
  END LOOP;
END`;
  return `DO ${dollarQuote(body)}`;
}

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
