import { AutogenError } from "../errors";
import { ops } from "../ops/factories";
import type { EnumDependent, Operation } from "../ops/operations";
import type {
  ExclusionConstraint,
  ForeignKey,
  Index,
  ReferentialAction,
  TableShape,
  UniqueConstraint,
} from "../schema/model";
import type {
  EnumDependentDefinition,
  ExclusionDefinition,
  ForeignKeyDefinition,
  IndexDefinition,
  IndexOptions,
  ConstraintOptions,
  TableDefinition,
  UniqueDefinition,
} from "./definitions";
import { column, toColumnChange } from "./column";
import type { MigrationOperations } from "./migration-operations";
import { resolveName, type TableName } from "./names";
import { isTodo, todo, type Todo } from "./todo";

/** Receives each operation a migration describes; the runner decides what happens to it. */
export type OperationSink = (op: Operation) => Promise<void>;

const REFERENTIAL_ACTIONS: readonly ReferentialAction[] = [
  "NO ACTION",
  "RESTRICT",
  "CASCADE",
  "SET NULL",
  "SET DEFAULT",
];

/**
 * Migration files are compiled without type checking, and the action ends up as an SQL
 * keyword rather than a quoted literal, so a typo must stop here instead of reaching SQL.
 */
function referentialAction(value: ReferentialAction | undefined, field: string): ReferentialAction {
  if (value === undefined) return "NO ACTION";
  if (REFERENTIAL_ACTIONS.includes(value)) return value;
  throw new AutogenError(
    "invalid-operation",
    `op.addForeignKey got ${JSON.stringify(value)} for ${field}, which is not a referential action.`,
    `Use one of ${REFERENTIAL_ACTIONS.map((a) => JSON.stringify(a)).join(", ")}.`,
  );
}

/** The `schema`/`table` pair every table-level operation starts with. */
function onTable(table: TableName): { schema: string; table: string } {
  const ref = resolveName(table);
  return { schema: ref.schema, table: ref.name };
}

/** An index definition with every omitted option at its default. */
function indexFrom(index: IndexDefinition): Index {
  return {
    name: index.name,
    columns: [...index.columns],
    unique: index.unique ?? false,
    where: index.where ?? null,
    method: index.method ?? "btree",
  };
}

/** `deferrable` is kept only when given: the model leaves it out for "not deferrable". */
const deferrableOf = (definition: { readonly deferrable?: UniqueConstraint["deferrable"] }) =>
  definition.deferrable !== undefined ? { deferrable: definition.deferrable } : {};

function uniqueFrom(unique: UniqueDefinition): UniqueConstraint {
  return { name: unique.name, columns: [...unique.columns], ...deferrableOf(unique) };
}

function exclusionFrom(exclusion: ExclusionDefinition): ExclusionConstraint {
  return { name: exclusion.name, expression: exclusion.expression, ...deferrableOf(exclusion) };
}

/** What `createTable` (and `rebuildTable`) create from a definition, defaults filled in. */
function tableShapeFrom(table: TableName, definition: TableDefinition): TableShape {
  return {
    ...resolveName(table),
    columns: [...definition.columns],
    primaryKey: definition.primaryKey
      ? { name: definition.primaryKey.name, columns: [...definition.primaryKey.columns] }
      : null,
    uniques: (definition.uniques ?? []).map(uniqueFrom),
    checks: (definition.checks ?? []).map((c) => ({ name: c.name, expression: c.expression })),
    comment: definition.comment ?? null,
    ...(definition.exclusions?.length
      ? { exclusions: definition.exclusions.map(exclusionFrom) }
      : {}),
  };
}

function foreignKeyFrom(key: ForeignKeyDefinition): ForeignKey {
  const referenced = resolveName(key.references.table);
  return {
    name: key.name,
    columns: [...key.columns],
    referencedSchema: referenced.schema,
    referencedTable: referenced.name,
    referencedColumns: [...key.references.columns],
    onDelete: referentialAction(key.onDelete, "onDelete"),
    onUpdate: referentialAction(key.onUpdate, "onUpdate"),
    ...deferrableOf(key),
  };
}

function enumDependent(dependent: EnumDependentDefinition): EnumDependent {
  const where = onTable(dependent.table);
  return "index" in dependent
    ? { ...where, index: indexFrom(dependent.index) }
    : { ...where, check: { name: dependent.check.name, expression: dependent.check.expression } };
}

/**
 * The `op` object handed to migration files. Every method builds one `Operation` with the
 * factories in `ops/` and awaits `sink(operation)`; methods are async throughout, so an
 * invalid argument rejects the call like a failing statement would instead of throwing.
 *
 * @example
 * const recorded: Operation[] = [];
 * const op = createMigrationOperations(async (operation) => void recorded.push(operation));
 * await migration.upgrade({ op });
 */
export function createMigrationOperations(sink: OperationSink): MigrationOperations {
  return {
    column,
    todo,
    createSchema: async (schema) => sink(ops.createSchema({ schema })),
    dropSchema: async (schema) => sink(ops.dropSchema({ schema })),
    createExtension: async (name) => sink(ops.createExtension({ name })),
    dropExtension: async (name) => sink(ops.dropExtension({ name })),
    createEnum: async (name, values) =>
      sink(ops.createEnum({ enum: { ...resolveName(name), values: [...values] } })),
    dropEnum: async (name) => sink(ops.dropEnum(resolveName(name))),
    alterEnum: async (name, change) =>
      sink(
        ops.alterEnum({
          ...resolveName(name),
          from: [...change.from],
          to: [...change.to],
          usages: (change.usages ?? []).map((usage) => ({
            ...onTable(usage.table),
            column: usage.column,
            isArray: usage.array ?? false,
            default: usage.default ?? null,
          })),
          ...(change.dependents?.length
            ? { dependents: change.dependents.map(enumDependent) }
            : {}),
        }),
      ),
    createTable: async (table, definition) =>
      sink(
        ops.createTable({
          table: tableShapeFrom(table, definition),
          ...(definition.foreignKeys?.length
            ? { foreignKeys: definition.foreignKeys.map(foreignKeyFrom) }
            : {}),
        }),
      ),
    dropTable: async (table) => sink(ops.dropTable(resolveName(table))),
    addColumn: async (table, definition) =>
      sink(ops.addColumn({ ...onTable(table), column: definition })),
    dropColumn: async (table, name) => sink(ops.dropColumn({ ...onTable(table), name })),
    alterColumn: async (table, name, change) => {
      if (isTodo(change.backfill)) throw unwrittenTodo(table, name, change.backfill);
      return sink(
        ops.alterColumn({
          ...onTable(table),
          name,
          from: toColumnChange(change.from),
          to: toColumnChange(change.to),
          ...(change.using !== undefined ? { using: change.using } : {}),
          ...(change.backfill !== undefined ? { backfill: change.backfill } : {}),
          ...(change.provenBy !== undefined ? { provenBy: change.provenBy } : {}),
        }),
      );
    },
    addPrimaryKey: async (table, key) =>
      sink(
        ops.addPrimaryKey({
          ...onTable(table),
          primaryKey: { name: key.name, columns: [...key.columns] },
        }),
      ),
    dropPrimaryKey: async (table, name) => sink(ops.dropPrimaryKey({ ...onTable(table), name })),
    addUnique: async (table, key) =>
      sink(ops.addUnique({ ...onTable(table), unique: uniqueFrom(key) })),
    dropUnique: async (table, name) => sink(ops.dropUnique({ ...onTable(table), name })),
    createIndex: async (table, index, options = {}) =>
      sink(
        ops.createIndex({
          ...onTable(table),
          index: indexFrom(index),
          ...concurrently(options),
        }),
      ),
    dropIndex: async (table, name, options = {}) =>
      sink(ops.dropIndex({ ...onTable(table), name, ...concurrently(options) })),
    addForeignKey: async (table, key, options = {}) =>
      sink(
        ops.addForeignKey({
          ...onTable(table),
          foreignKey: foreignKeyFrom(key),
          ...notValid(options),
        }),
      ),
    dropForeignKey: async (table, name) => sink(ops.dropForeignKey({ ...onTable(table), name })),
    addCheck: async (table, check, options = {}) =>
      sink(
        ops.addCheck({
          ...onTable(table),
          check: { name: check.name, expression: check.expression },
          ...notValid(options),
        }),
      ),
    dropCheck: async (table, name) => sink(ops.dropCheck({ ...onTable(table), name })),
    validateConstraint: async (table, name) =>
      sink(ops.validateConstraint({ ...onTable(table), name })),
    addExclusion: async (table, exclusion) =>
      sink(ops.addExclusion({ ...onTable(table), exclusion: exclusionFrom(exclusion) })),
    dropExclusion: async (table, name) => sink(ops.dropExclusion({ ...onTable(table), name })),
    createView: async (view, definition) =>
      sink(
        ops.createView({
          view: {
            ...resolveName(view),
            definition: definition.definition,
            materialized: definition.materialized ?? false,
          },
        }),
      ),
    dropView: async (view, options = {}) =>
      sink(ops.dropView({ ...resolveName(view), materialized: options.materialized ?? false })),
    setTableComment: async (table, comment) =>
      sink(ops.setTableComment({ ...onTable(table), comment })),
    execute: async (sql, options = {}) =>
      sink(
        ops.execute({
          sql,
          ...(options.params !== undefined ? { params: [...options.params] } : {}),
          ...(options.reverseSql !== undefined ? { reverseSql: options.reverseSql } : {}),
        }),
      ),
    rebuildTable: async (table, definition) => {
      const { schema, name, ...shape } = tableShapeFrom(table, definition);
      return sink(
        ops.rebuildTable({
          schema,
          table: name,
          definition: {
            schema,
            name,
            ...shape,
            indexes: (definition.indexes ?? []).map(indexFrom),
            foreignKeys: (definition.foreignKeys ?? []).map(foreignKeyFrom),
          },
          copy: [...definition.copy],
        }),
      );
    },
    bulkInsert: async (table, rows) =>
      sink(ops.bulkInsert({ ...onTable(table), rows: bulkRows(rows) })),
    renameTable: async (table, to) => {
      const { schema, name } = resolveName(table);
      return sink(ops.renameTable({ schema, from: name, to }));
    },
    renameColumn: async (table, from, to) =>
      sink(ops.renameColumn({ ...onTable(table), from, to })),
    renameEnum: async (name, to) => {
      const { schema, name: from } = resolveName(name);
      return sink(ops.renameEnum({ schema, from, to }));
    },
    renameEnumValue: async (name, from, to) =>
      sink(ops.renameEnumValue({ ...resolveName(name), from, to })),
    renameIndex: async (table, from, to) => sink(ops.renameIndex({ ...onTable(table), from, to })),
    renameConstraint: async (table, from, to) =>
      sink(ops.renameConstraint({ ...onTable(table), from, to })),
  };
}

/** `concurrently` is kept only when on: the operation leaves it out for a plain build. */
const concurrently = (options: IndexOptions) =>
  options.concurrently === true ? { concurrently: true } : {};

/** `notValid` is kept only when on, like `concurrently`. */
const notValid = (options: ConstraintOptions) =>
  options.notValid === true ? { notValid: true } : {};

/** An `op.todo(...)` the author has not replaced: the plan is unfinished and must not run. */
function unwrittenTodo(table: TableName, column: string, placeholder: Todo): AutogenError {
  const { schema, name } = resolveName(table);
  const where = schema === "public" ? name : `${schema}.${name}`;
  return new AutogenError(
    "invalid-operation",
    `op.alterColumn("${where}", "${column}") still has op.todo(...) as its backfill: the plan is unfinished.`,
    `Replace it with ${placeholder.todo}.`,
  );
}

/**
 * Copies of the rows, checked: a migration file is compiled without type checking, and a
 * row that is not a plain object (a string, an array) would otherwise insert its indices.
 */
function bulkRows(rows: unknown): Readonly<Record<string, unknown>>[] {
  if (!Array.isArray(rows)) {
    throw new AutogenError("invalid-operation", "op.bulkInsert needs an array of rows.");
  }
  return rows.map((row: unknown, i) => {
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      throw new AutogenError(
        "invalid-operation",
        `op.bulkInsert row ${i + 1} is ${row === null ? "null" : Array.isArray(row) ? "an array" : `a ${typeof row}`}, not an object of column values.`,
      );
    }
    return Object.freeze({ ...row });
  });
}
