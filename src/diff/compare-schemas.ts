import { ops } from "../ops/factories";
import type { Operation } from "../ops/operations";
import type { ExpressionSyntax } from "../schema/expression-syntax";
import type { DatabaseSchema, ForeignKey, Table, TableShape } from "../schema/model";
import { DEFAULT_SCHEMA } from "../schema/model";
import { compareColumns } from "./compare-columns";
import {
  constraintAdds,
  constraintDrops,
  namedChanges,
  usesReplacedColumn,
} from "./compare-constraints";
import { compareEnums } from "./compare-enums";
import { compareViews } from "./compare-views";
import { refKey as tableKey } from "../schema/keys";
import { sameValue } from "../schema/same-value";

function shapeOf(table: Table): TableShape {
  const { indexes: _indexes, foreignKeys: _foreignKeys, ...shape } = table;
  return shape;
}

/** Both sides' tables by key, and the keys of the tables that are the same on both. */
interface TablesByKey {
  readonly currentByKey: ReadonlyMap<string, Table>;
  readonly targetByKey: ReadonlyMap<string, Table>;
  readonly unchanged: ReadonlySet<string>;
}

interface ForeignKeyChange {
  readonly table: Table;
  readonly foreignKey: ForeignKey;
}

/**
 * Foreign keys are compared across the whole schema: they are dropped before anything else
 * changes and added after every table exists, so cycles and cross-table references need no
 * ordering between tables.
 */
function foreignKeyChanges(
  current: DatabaseSchema,
  target: DatabaseSchema,
  syntax: ExpressionSyntax,
  tables: TablesByKey,
) {
  const { currentByKey, targetByKey, unchanged } = tables;
  const removed: ForeignKeyChange[] = [];
  const added: ForeignKeyChange[] = [];
  // A key over a column that is dropped and added again goes with it and must come back.
  const rebuilt = (before: Table | undefined, after: Table | undefined) =>
    before && after ? usesReplacedColumn(before, after, syntax) : () => false;
  for (const table of current.tables) {
    const key = tableKey(table);
    if (unchanged.has(key)) continue;
    const wanted = targetByKey.get(key);
    const changes = namedChanges(
      table.foreignKeys,
      wanted?.foreignKeys ?? [],
      rebuilt(table, wanted),
    );
    for (const foreignKey of changes.removed) removed.push({ table, foreignKey });
  }
  for (const table of target.tables) {
    const key = tableKey(table);
    if (unchanged.has(key)) continue;
    const existing = currentByKey.get(key);
    const changes = namedChanges(
      existing?.foreignKeys ?? [],
      table.foreignKeys,
      rebuilt(existing, table),
    );
    for (const foreignKey of changes.added) added.push({ table, foreignKey });
  }
  return { removed, added };
}

/**
 * The operations that turn `current` into `target`, in an order PostgreSQL accepts:
 * extensions, schemas and enum types first, then the views that must go (see
 * `compareViews`), enum labels, foreign-key and constraint drops, table drops, table
 * creations, column changes, constraint additions, foreign keys, enum rebuilds and drops,
 * and the views to create last. Pure and deterministic: both models must be normalised (`normalizeSchema`).
 *
 * Schemas and extensions are created when missing but never dropped: a schema may hold
 * objects autogenerate does not manage, and a database often has extensions nobody declared.
 * `syntax` (the dialect's) tells which expressions name a column that is dropped and re-added.
 */
export function compareSchemas(
  current: DatabaseSchema,
  target: DatabaseSchema,
  syntax: ExpressionSyntax,
): Operation[] {
  const head: Operation[] = [];
  const result: Operation[] = [];
  const currentByKey = new Map(current.tables.map((t) => [tableKey(t), t]));
  const targetByKey = new Map(target.tables.map((t) => [tableKey(t), t]));
  const unchanged = new Set<string>();
  // Tables on both sides that differ somewhere: the ones whose columns and constraints change.
  const altered = target.tables.filter((t) => {
    const key = tableKey(t);
    const existing = currentByKey.get(key);
    if (existing === undefined) return false;
    // The same attribute for attribute: nothing to compare in it (most tables, every run).
    if (!sameValue(existing, t)) return true;
    unchanged.add(key);
    return false;
  });
  const enums = compareEnums(current, target);
  const foreignKeys = foreignKeyChanges(current, target, syntax, {
    currentByKey,
    targetByKey,
    unchanged,
  });

  const installed = new Set(current.extensions ?? []);
  for (const name of target.extensions ?? []) {
    if (!installed.has(name)) head.push(ops.createExtension({ name }));
  }
  const existingSchemas = new Set([DEFAULT_SCHEMA, ...current.schemas]);
  for (const schema of target.schemas) {
    if (!existingSchemas.has(schema)) head.push(ops.createSchema({ schema }));
  }
  for (const created of enums.created) head.push(ops.createEnum({ enum: created }));

  for (const { table, foreignKey } of foreignKeys.removed) {
    const where = { schema: table.schema, table: table.name };
    result.push(ops.dropForeignKey({ ...where, name: foreignKey.name, previous: foreignKey }));
  }
  for (const table of altered) {
    result.push(...constraintDrops(currentByKey.get(tableKey(table)) as Table, table, syntax));
  }
  for (const table of current.tables) {
    if (targetByKey.has(tableKey(table))) continue;
    // Indexes are dropped one by one so that the reverse recreates them after the table.
    for (const index of table.indexes) {
      const where = { schema: table.schema, table: table.name };
      result.push(ops.dropIndex({ ...where, name: index.name, previous: index }));
    }
    const shape = shapeOf(table);
    result.push(ops.dropTable({ schema: table.schema, name: table.name, previous: shape }));
  }

  for (const table of target.tables) {
    if (currentByKey.has(tableKey(table))) continue;
    result.push(ops.createTable({ table: shapeOf(table) }));
    for (const index of table.indexes) {
      result.push(ops.createIndex({ schema: table.schema, table: table.name, index }));
    }
  }
  for (const table of altered) {
    const existing = currentByKey.get(tableKey(table)) as Table;
    result.push(...compareColumns(existing, table));
    result.push(...constraintAdds(existing, table, syntax));
  }

  for (const { table, foreignKey } of foreignKeys.added) {
    result.push(ops.addForeignKey({ schema: table.schema, table: table.name, foreignKey }));
  }
  result.push(...enums.rebuilt);
  for (const dropped of enums.dropped) {
    result.push(ops.dropEnum({ schema: dropped.schema, name: dropped.name, previous: dropped }));
  }
  // Views go before enum labels are added: the downgrade rebuilds those enums last, which
  // PostgreSQL refuses while a view reads a column of the type, so the views must be gone.
  const views = compareViews(current, target, [...enums.extended, ...result]);
  return [...head, ...views.drops, ...enums.extended, ...result, ...views.creates];
}
