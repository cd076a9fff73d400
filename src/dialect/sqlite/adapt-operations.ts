import type { Operation } from "../../ops/operations";
import { reverseOperation } from "../../ops/reverse";
import type { DatabaseSchema, Table } from "../../schema/model";
import { isLiteralDefault } from "./compile/table-definition";

const keyOf = (schema: string, name: string) => `${schema}.${name}`;

/** The table an operation changes, for the kinds that change one existing table. */
function tableOf(op: Operation): string | null {
  if (!("table" in op) || typeof op.table !== "string" || !("schema" in op)) return null;
  return keyOf(op.schema, op.table);
}

/** Whether SQLite's ALTER TABLE does `op` on `current` (the table before the migration) in place. */
function inPlace(op: Operation, current: Table, all: readonly Operation[]): boolean {
  switch (op.kind) {
    case "createIndex":
    case "dropIndex":
    case "execute":
    case "bulkInsert":
      return true;
    case "addColumn": {
      // sqlite.org/lang_altertable.html: no PRIMARY KEY or UNIQUE, no expression default,
      // NOT NULL only with a default, no stored generated column.
      const c = op.column;
      return (
        (c.default === null ? c.nullable : isLiteralDefault(c.default)) &&
        !c.serial &&
        c.generated === undefined
      );
    }
    case "dropColumn": {
      // Refused while the column is in the primary key, a unique or check constraint, a
      // foreign key, or an index the migration does not drop first.
      const name = op.name;
      const dropped = new Set(all.flatMap((o) => (o.kind === "dropIndex" ? [o.name] : [])));
      const mentioned = (expression: string) => expression.includes(name);
      return !(
        current.primaryKey?.columns.includes(name) ||
        current.uniques.some((u) => u.columns.includes(name)) ||
        current.foreignKeys.some((fk) => fk.columns.includes(name)) ||
        current.checks.some((c) => mentioned(c.expression)) ||
        current.indexes.some((i) => !dropped.has(i.name) && i.columns.includes(name)) ||
        current.columns.some((c) => c.generated !== undefined && mentioned(c.generated))
      );
    }
    default:
      return false;
  }
}

/**
 * The diff's operations as SQLite applies them. SQLite gives a table its foreign keys only
 * when it is created, and its ALTER TABLE can add, drop and rename columns, little else; so:
 *
 * - a new table's `addForeignKey` operations go into its `createTable`, and a dropped table's
 *   `dropForeignKey` operations into its `dropTable` (which brings them back when reversed);
 * - a table with any change ALTER TABLE cannot make is rebuilt: all of its operations become
 *   one `rebuildTable` to the target table, at the place of the first, copying every column
 *   the two tables share.
 */
export function adaptOperations(
  operations: readonly Operation[],
  current: DatabaseSchema,
  target: DatabaseSchema,
): Operation[] {
  const before = new Map(current.tables.map((t) => [keyOf(t.schema, t.name), t]));
  const after = new Map(target.tables.map((t) => [keyOf(t.schema, t.name), t]));
  const created = new Set(
    operations.flatMap((op) =>
      op.kind === "createTable" ? [keyOf(op.table.schema, op.table.name)] : [],
    ),
  );
  const droppedTables = new Set(
    operations.flatMap((op) => (op.kind === "dropTable" ? [keyOf(op.schema, op.name)] : [])),
  );
  const rebuilt = new Set<string>();
  const reversed = operations.filter(reversible).map(reverseOperation);
  for (const op of operations) {
    const key = tableOf(op);
    if (key === null || created.has(key) || droppedTables.has(key)) continue;
    const from = before.get(key);
    const to = after.get(key);
    // The downgrade runs the reverse, so it must be possible in place too: a NOT NULL column
    // dropped in place could not be added back.
    if (from && to && !(inPlace(op, from, operations) && reverseInPlace(op, to, reversed))) {
      rebuilt.add(key);
    }
  }
  const result: Operation[] = [];
  const written = new Set<string>();
  for (const op of operations) {
    const key = tableOf(op);
    if (op.kind === "createTable") {
      const k = keyOf(op.table.schema, op.table.name);
      const foreignKeys = after.get(k)?.foreignKeys ?? [];
      result.push(foreignKeys.length > 0 ? { ...op, foreignKeys } : op);
    } else if (op.kind === "dropTable") {
      const foreignKeys = before.get(keyOf(op.schema, op.name))?.foreignKeys ?? [];
      result.push(foreignKeys.length > 0 ? { ...op, previousForeignKeys: foreignKeys } : op);
    } else if (key !== null && (created.has(key) || droppedTables.has(key)) && isForeignKeyOp(op)) {
      continue;
    } else if (key !== null && rebuilt.has(key)) {
      if (written.has(key)) continue;
      written.add(key);
      result.push(rebuild(before.get(key) as Table, after.get(key) as Table));
    } else result.push(op);
  }
  return result;
}

/** Whether the reverse of `op` can run in place on `to`, the table after the migration. */
function reverseInPlace(op: Operation, to: Table, reversed: readonly Operation[]): boolean {
  if (!reversible(op)) return true;
  try {
    return inPlace(reverseOperation(op), to, reversed);
  } catch {
    // Irreversible as the diff made it: the downgrade reports that itself.
    return true;
  }
}

/** Operations a person wrote (hand-written SQL, rows) may have no reverse; the diff's all do. */
const reversible = (op: Operation) => op.kind !== "execute" && op.kind !== "bulkInsert";

const isForeignKeyOp = (op: Operation) =>
  op.kind === "addForeignKey" || op.kind === "dropForeignKey";

function rebuild(from: Table, to: Table): Operation {
  const old = new Set(from.columns.filter((c) => c.generated === undefined).map((c) => c.name));
  const copy = to.columns
    .filter((c) => c.generated === undefined && old.has(c.name))
    .map((c) => c.name);
  return Object.freeze({
    kind: "rebuildTable",
    schema: to.schema,
    table: to.name,
    definition: to,
    copy,
    previous: from,
  });
}
