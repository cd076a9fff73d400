import { ops } from "../ops/factories";
import type { Operation } from "../ops/operations";
import { refKey } from "../schema/keys";
import { findTable } from "../schema/find-table";
import type { DatabaseSchema, Table } from "../schema/model";
import { renameEnumIn, renameNamedIn } from "./rename-model";

/**
 * Objects whose definition is the same on both sides under another name: an index, a
 * constraint, an enum type with the same labels. Renaming one reaches exactly the schema that
 * dropping and creating it would, without the rebuild (an index build, a full validation, a
 * conversion of every row to a new type), so it is taken without asking. This is what keeps a
 * renamed table's primary key, whose TypeORM name is derived from the table name.
 */

/** Pairs a dropped item with the one added item of the same definition; ambiguous ones are left. */
function samePairs<T extends { readonly name: string }>(
  before: readonly T[],
  after: readonly T[],
): { from: string; to: string }[] {
  const definition = (item: T) => JSON.stringify({ ...item, name: undefined });
  const afterNames = new Set(after.map((i) => i.name));
  const beforeNames = new Set(before.map((i) => i.name));
  const gone = before.filter((i) => !afterNames.has(i.name));
  const made = after.filter((i) => !beforeNames.has(i.name));
  const pairs: { from: string; to: string }[] = [];
  for (const a of gone) {
    const twins = made.filter((b) => definition(b) === definition(a));
    const rivals = gone.filter((b) => definition(b) === definition(a));
    if (twins.length === 1 && rivals.length === 1) pairs.push({ from: a.name, to: twins[0]!.name });
  }
  return pairs;
}

function tableRenames(before: Table, after: Table): Operation[] {
  const where = { schema: after.schema, table: after.name };
  const constraints = [
    samePairs(
      before.primaryKey ? [before.primaryKey] : [],
      after.primaryKey ? [after.primaryKey] : [],
    ),
    samePairs(before.uniques, after.uniques),
    samePairs(before.foreignKeys, after.foreignKeys),
    samePairs(before.checks, after.checks),
    samePairs(before.exclusions ?? [], after.exclusions ?? []),
  ].flat();
  return [
    ...constraints.map((pair) => ops.renameConstraint({ ...where, ...pair })),
    ...samePairs(before.indexes, after.indexes).map((pair) =>
      ops.renameIndex({ ...where, ...pair }),
    ),
  ];
}

export function unchangedRenames(
  current: DatabaseSchema,
  target: DatabaseSchema,
): { operations: Operation[]; current: DatabaseSchema } {
  const operations: Operation[] = [];
  let model = current;
  const enumKey = (e: { schema: string; values: readonly string[] }) =>
    JSON.stringify([e.schema, e.values]);
  const targetEnums = new Set(target.enums.map(refKey));
  const liveEnums = new Set(current.enums.map(refKey));
  const gone = current.enums.filter((e) => !targetEnums.has(refKey(e)));
  const made = target.enums.filter((e) => !liveEnums.has(refKey(e)));
  for (const a of gone) {
    const twins = made.filter((b) => enumKey(b) === enumKey(a));
    const rivals = gone.filter((b) => enumKey(b) === enumKey(a));
    if (twins.length !== 1 || rivals.length !== 1) continue;
    const rename = { schema: a.schema, from: a.name, to: twins[0]!.name };
    operations.push(ops.renameEnum(rename));
    model = renameEnumIn(model, rename);
  }
  for (const after of target.tables) {
    const before = findTable(model, after);
    if (!before) continue;
    for (const op of tableRenames(before, after)) {
      operations.push(op);
      if (op.kind === "renameConstraint" || op.kind === "renameIndex") {
        model = renameNamedIn(model, {
          schema: op.schema,
          table: op.table,
          from: op.from,
          to: op.to,
        });
      }
    }
  }
  return { operations, current: model };
}
