import { ops } from "../ops/factories";
import type { Operation } from "../ops/operations";
import type { Table } from "../schema/model";

/** Drops and additions of one kind of named object; a changed object is dropped, then re-added. */
interface NamedChanges<T> {
  readonly removed: readonly T[];
  readonly added: readonly T[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Matches objects by name; anything whose definition differs counts as removed and added. */
export function namedChanges<T extends { readonly name: string }>(
  current: readonly T[],
  target: readonly T[],
): NamedChanges<T> {
  const targetByName = new Map(target.map((t) => [t.name, t]));
  const currentByName = new Map(current.map((c) => [c.name, c]));
  return {
    removed: current.filter((c) => !same(c, targetByName.get(c.name))),
    added: target.filter((t) => !same(t, currentByName.get(t.name))),
  };
}

/**
 * The drops a surviving table needs before its columns change: indexes, unique and check
 * constraints and the primary key that go away or change. Foreign keys are handled across
 * tables (see compare-schemas).
 */
export function constraintDrops(current: Table, target: Table): Operation[] {
  const where = { schema: target.schema, table: target.name };
  const result: Operation[] = [];
  for (const index of namedChanges(current.indexes, target.indexes).removed) {
    result.push(ops.dropIndex({ ...where, name: index.name, previous: index }));
  }
  for (const check of namedChanges(current.checks, target.checks).removed) {
    result.push(ops.dropCheck({ ...where, name: check.name, previous: check }));
  }
  for (const unique of namedChanges(current.uniques, target.uniques).removed) {
    result.push(ops.dropUnique({ ...where, name: unique.name, previous: unique }));
  }
  if (current.primaryKey && !same(current.primaryKey, target.primaryKey)) {
    const pk = current.primaryKey;
    result.push(ops.dropPrimaryKey({ ...where, name: pk.name, previous: pk }));
  }
  return result;
}

/** The additions a surviving table needs after its columns change, mirroring `constraintDrops`. */
export function constraintAdds(current: Table, target: Table): Operation[] {
  const where = { schema: target.schema, table: target.name };
  const result: Operation[] = [];
  if (target.primaryKey && !same(current.primaryKey, target.primaryKey)) {
    result.push(ops.addPrimaryKey({ ...where, primaryKey: target.primaryKey }));
  }
  for (const unique of namedChanges(current.uniques, target.uniques).added) {
    result.push(ops.addUnique({ ...where, unique }));
  }
  for (const check of namedChanges(current.checks, target.checks).added) {
    result.push(ops.addCheck({ ...where, check }));
  }
  for (const index of namedChanges(current.indexes, target.indexes).added) {
    result.push(ops.createIndex({ ...where, index }));
  }
  if (current.comment !== target.comment) {
    result.push(
      ops.setTableComment({ ...where, comment: target.comment, previous: current.comment }),
    );
  }
  return result;
}
