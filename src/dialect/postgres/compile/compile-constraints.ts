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
} from "../../../ops/operations";
import {
  checkClause,
  exclusionClause,
  foreignKeyClause,
  primaryKeyClause,
  uniqueClause,
} from "./constraint-clauses";
import { columnList, qualifiedName, quoteIdent } from "../quote";

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
  addConstraint(op, checkClause(op.check));

export const compileAddExclusion = (op: AddExclusionOp): string[] =>
  addConstraint(op, exclusionClause(op.exclusion));

export const compileAddForeignKey = (op: AddForeignKeyOp): string[] =>
  addConstraint(op, foreignKeyClause(op.foreignKey));

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
  return [
    `CREATE ${unique}INDEX ${quoteIdent(index.name)} ON ${qualifiedName(op.schema, op.table)}` +
      `${method} ${columnList(index.columns)}${where}`,
  ];
}

export function compileDropIndex(op: DropIndexOp): string[] {
  return [`DROP INDEX ${qualifiedName(op.schema, op.name)}`];
}
