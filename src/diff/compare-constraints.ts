import { ops } from "../ops/factories";
import type { Operation } from "../ops/operations";
import type { ExpressionSyntax } from "../schema/expression-syntax";
import type { Table } from "../schema/model";
import { sameValue as same } from "../schema/same-value";
import { replacedColumns } from "./compare-columns";

/** Drops and additions of one kind of named object; a changed object is dropped, then re-added. */
interface NamedChanges<T> {
  readonly removed: readonly T[];
  readonly added: readonly T[];
}

/**
 * Matches objects by name; anything whose definition differs counts as removed and added, and
 * so does anything `rebuilt` picks out (an index on a column that is dropped and re-added).
 */
export function namedChanges<T extends { readonly name: string }>(
  current: readonly T[],
  target: readonly T[],
  rebuilt: (object: T) => boolean = () => false,
): NamedChanges<T> {
  const targetByName = new Map(target.map((t) => [t.name, t]));
  const currentByName = new Map(current.map((c) => [c.name, c]));
  return {
    removed: current.filter((c) => rebuilt(c) || !same(c, targetByName.get(c.name))),
    added: target.filter((t) => rebuilt(t) || !same(t, currentByName.get(t.name))),
  };
}

interface Dependents {
  readonly columns?: readonly string[];
  readonly where?: string | null;
  readonly expression?: string;
}

/**
 * Whether a constraint or index uses one of the columns that are dropped and added again.
 * PostgreSQL drops such objects with the column, so they must be created again after it.
 */
export function usesReplacedColumn(
  current: Table,
  target: Table,
  syntax: ExpressionSyntax,
): (object: Dependents) => boolean {
  const replaced = [...replacedColumns(current, target)];
  if (replaced.length === 0) return () => false;
  const mentions = (expression: string | null | undefined, column: string) =>
    expression != null && syntax.mentionsColumn(expression, column);
  return (object) =>
    replaced.some(
      (column) =>
        (object.columns ?? []).includes(column) ||
        mentions(object.where, column) ||
        mentions(object.expression, column),
    );
}

/**
 * The drops a surviving table needs before its columns change: indexes, unique, check and
 * exclusion constraints and the primary key that go away or change. Foreign keys are handled
 * across tables (see compare-schemas).
 */
export function constraintDrops(
  current: Table,
  target: Table,
  syntax: ExpressionSyntax,
): Operation[] {
  const where = { schema: target.schema, table: target.name };
  const rebuilt = usesReplacedColumn(current, target, syntax);
  const result: Operation[] = [];
  for (const index of namedChanges(current.indexes, target.indexes, rebuilt).removed) {
    result.push(ops.dropIndex({ ...where, name: index.name, previous: index }));
  }
  for (const check of namedChanges(current.checks, target.checks, rebuilt).removed) {
    result.push(ops.dropCheck({ ...where, name: check.name, previous: check }));
  }
  const exclusions = namedChanges(current.exclusions ?? [], target.exclusions ?? [], rebuilt);
  for (const exclusion of exclusions.removed) {
    result.push(ops.dropExclusion({ ...where, name: exclusion.name, previous: exclusion }));
  }
  for (const unique of namedChanges(current.uniques, target.uniques, rebuilt).removed) {
    result.push(ops.dropUnique({ ...where, name: unique.name, previous: unique }));
  }
  const pk = current.primaryKey;
  if (pk && (!same(pk, target.primaryKey) || rebuilt(pk))) {
    result.push(ops.dropPrimaryKey({ ...where, name: pk.name, previous: pk }));
  }
  return result;
}

/** The additions a surviving table needs after its columns change, mirroring `constraintDrops`. */
export function constraintAdds(
  current: Table,
  target: Table,
  syntax: ExpressionSyntax,
): Operation[] {
  const where = { schema: target.schema, table: target.name };
  const rebuilt = usesReplacedColumn(current, target, syntax);
  const result: Operation[] = [];
  const pk = target.primaryKey;
  if (pk && (!same(current.primaryKey, pk) || rebuilt(pk))) {
    result.push(ops.addPrimaryKey({ ...where, primaryKey: pk }));
  }
  for (const unique of namedChanges(current.uniques, target.uniques, rebuilt).added) {
    result.push(ops.addUnique({ ...where, unique }));
  }
  for (const check of namedChanges(current.checks, target.checks, rebuilt).added) {
    result.push(ops.addCheck({ ...where, check }));
  }
  const exclusions = namedChanges(current.exclusions ?? [], target.exclusions ?? [], rebuilt);
  for (const exclusion of exclusions.added) {
    result.push(ops.addExclusion({ ...where, exclusion }));
  }
  for (const index of namedChanges(current.indexes, target.indexes, rebuilt).added) {
    result.push(ops.createIndex({ ...where, index }));
  }
  if (current.comment !== target.comment) {
    result.push(
      ops.setTableComment({ ...where, comment: target.comment, previous: current.comment }),
    );
  }
  return result;
}
