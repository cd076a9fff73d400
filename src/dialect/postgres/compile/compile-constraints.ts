import type {
  AddCheckOp,
  AddExclusionOp,
  DropExclusionOp,
  AddForeignKeyOp,
  AddPrimaryKeyOp,
  AddUniqueOp,
  CreateIndexOp,
  DropCheckOp,
  DropForeignKeyOp,
  DropIndexOp,
  DropPrimaryKeyOp,
  DropUniqueOp,
  ValidateConstraintOp,
} from "../../../ops/operations";
import {
  checkClause,
  exclusionClause,
  foreignKeyClause,
  primaryKeyClause,
  uniqueClause,
} from "./constraint-clauses";
import { columnList, dollarQuote, qualifiedName, quoteIdent, quoteLiteral } from "../quote";

function addConstraint(op: { schema: string; table: string }, clause: string): string[] {
  return [`ALTER TABLE ${qualifiedName(op.schema, op.table)} ADD ${clause}`];
}

/** Every kind of constraint is dropped the same way, by its name on its table. */
export function compileDropConstraint(
  op: DropPrimaryKeyOp | DropUniqueOp | DropCheckOp | DropForeignKeyOp | DropExclusionOp,
): string[] {
  return [
    `ALTER TABLE ${qualifiedName(op.schema, op.table)} DROP CONSTRAINT ${quoteIdent(op.name)}`,
  ];
}

export const compileAddPrimaryKey = (op: AddPrimaryKeyOp): string[] =>
  addConstraint(op, primaryKeyClause(op.primaryKey));

export const compileAddUnique = (op: AddUniqueOp): string[] =>
  addConstraint(op, uniqueClause(op.unique));

export const compileAddCheck = (op: AddCheckOp): string[] =>
  addConstraint(op, checkClause(op.check) + notValid(op));

export const compileAddExclusion = (op: AddExclusionOp): string[] =>
  addConstraint(op, exclusionClause(op.exclusion));

export const compileAddForeignKey = (op: AddForeignKeyOp): string[] =>
  addConstraint(op, foreignKeyClause(op.foreignKey) + notValid(op));

const notValid = (op: { notValid?: boolean }): string => (op.notValid ? " NOT VALID" : "");

export function compileValidateConstraint(op: ValidateConstraintOp): string[] {
  return [
    `ALTER TABLE ${qualifiedName(op.schema, op.table)} VALIDATE CONSTRAINT ${quoteIdent(op.name)}`,
  ];
}

/**
 * `USING btree` is left out: it is the default, and the common case should read short. The
 * method is a name (it could be any installed access method), so it is quoted like one. An index always lives in its table's schema, which is
 * why `CREATE INDEX` takes a bare name and `DROP INDEX` a qualified one.
 */
export function compileCreateIndex(op: CreateIndexOp): string[] {
  const { index } = op;
  const unique = index.unique ? "UNIQUE " : "";
  const method = index.method === "btree" ? "" : ` USING ${quoteIdent(index.method)}`;
  const where = index.where === null ? "" : ` WHERE ${index.where}`;
  const on = `ON ${qualifiedName(op.schema, op.table)}${method} ${columnList(index.columns)}${where}`;
  if (!op.concurrently) return [`CREATE ${unique}INDEX ${quoteIdent(index.name)} ${on}`];
  return [
    dropInvalidIndex(op.schema, index.name),
    `CREATE ${unique}INDEX CONCURRENTLY IF NOT EXISTS ${quoteIdent(index.name)} ${on}`,
  ];
}

/**
 * A concurrent build that fails (a duplicate for a unique index, a cancel, a lost connection)
 * leaves an INVALID index behind, and the migration, run outside a transaction, is not
 * recorded. Its retry drops that leftover first, so the build starts again; a valid index of
 * the name (the build succeeded, a later statement failed) is kept by `IF NOT EXISTS`. Plain
 * `DROP INDEX` is the one a DO block may run: instant for an index nobody can use, it waits
 * for the table's ACCESS EXCLUSIVE lock only on such a retry.
 */
function dropInvalidIndex(schema: string, name: string): string {
  const invalid =
    "SELECT FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid " +
    "JOIN pg_namespace AS n ON n.oid = c.relnamespace " +
    `WHERE n.nspname = ${quoteLiteral(schema)} AND c.relname = ${quoteLiteral(name)} AND NOT i.indisvalid`;
  const body = `BEGIN IF EXISTS (${invalid}) THEN DROP INDEX ${qualifiedName(schema, name)}; END IF; END`;
  return `DO ${dollarQuote(body)}`;
}

/** `IF EXISTS` when concurrent: run outside a transaction, a retry may find it gone already. */
export function compileDropIndex(op: DropIndexOp): string[] {
  const how = op.concurrently ? "CONCURRENTLY IF EXISTS " : "";
  return [`DROP INDEX ${how}${qualifiedName(op.schema, op.name)}`];
}
