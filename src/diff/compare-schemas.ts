import { ops } from "../ops/factories";
import type { Operation } from "../ops/operations";
import type { DatabaseSchema, ForeignKey, Table, TableShape } from "../schema/model";
import { DEFAULT_SCHEMA } from "../schema/model";
import { compareColumns } from "./compare-columns";
import { constraintAdds, constraintDrops, namedChanges } from "./compare-constraints";
import { compareEnums } from "./compare-enums";

const tableKey = (t: { schema: string; name: string }): string =>
  JSON.stringify([t.schema, t.name]);

function shapeOf(table: Table): TableShape {
  const { indexes: _indexes, foreignKeys: _foreignKeys, ...shape } = table;
  return shape;
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
function foreignKeyChanges(current: DatabaseSchema, target: DatabaseSchema) {
  const currentByKey = new Map(current.tables.map((t) => [tableKey(t), t]));
  const targetByKey = new Map(target.tables.map((t) => [tableKey(t), t]));
  const removed: ForeignKeyChange[] = [];
  const added: ForeignKeyChange[] = [];
  for (const table of current.tables) {
    const wanted = targetByKey.get(tableKey(table))?.foreignKeys ?? [];
    for (const foreignKey of namedChanges(table.foreignKeys, wanted).removed) {
      removed.push({ table, foreignKey });
    }
  }
  for (const table of target.tables) {
    const existing = currentByKey.get(tableKey(table))?.foreignKeys ?? [];
    for (const foreignKey of namedChanges(existing, table.foreignKeys).added) {
      added.push({ table, foreignKey });
    }
  }
  return { removed, added };
}

/**
 * The operations that turn `current` into `target`, in an order PostgreSQL accepts:
 * schemas and enum labels first, then foreign-key and constraint drops, table drops, table
 * creations, column changes, constraint additions, foreign keys, and enum rebuilds and drops
 * last. Pure and deterministic: both models must be normalised (`normalizeSchema`).
 *
 * Schemas are created when missing but never dropped: a schema may hold objects autogenerate
 * does not manage.
 */
export function compareSchemas(current: DatabaseSchema, target: DatabaseSchema): Operation[] {
  const result: Operation[] = [];
  const currentByKey = new Map(current.tables.map((t) => [tableKey(t), t]));
  const targetByKey = new Map(target.tables.map((t) => [tableKey(t), t]));
  const surviving = target.tables.filter((t) => currentByKey.has(tableKey(t)));
  const enums = compareEnums(current, target);
  const foreignKeys = foreignKeyChanges(current, target);

  const existingSchemas = new Set([DEFAULT_SCHEMA, ...current.schemas]);
  for (const schema of target.schemas) {
    if (!existingSchemas.has(schema)) result.push(ops.createSchema({ schema }));
  }
  for (const created of enums.created) result.push(ops.createEnum({ enum: created }));
  result.push(...enums.extended);

  for (const { table, foreignKey } of foreignKeys.removed) {
    const where = { schema: table.schema, table: table.name };
    result.push(ops.dropForeignKey({ ...where, name: foreignKey.name, previous: foreignKey }));
  }
  for (const table of surviving) {
    result.push(...constraintDrops(currentByKey.get(tableKey(table)) as Table, table));
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
  for (const table of surviving) {
    const existing = currentByKey.get(tableKey(table)) as Table;
    result.push(...compareColumns(existing, table));
    result.push(...constraintAdds(existing, table));
  }

  for (const { table, foreignKey } of foreignKeys.added) {
    result.push(ops.addForeignKey({ schema: table.schema, table: table.name, foreignKey }));
  }
  result.push(...enums.rebuilt);
  for (const dropped of enums.dropped) {
    result.push(ops.dropEnum({ schema: dropped.schema, name: dropped.name, previous: dropped }));
  }
  return result;
}
