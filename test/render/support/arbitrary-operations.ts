import fc from "fast-check";
import { ops } from "../../../src/ops/factories";
import type { ColumnChange, Operation, OperationKind } from "../../../src/ops/operations";
import type {
  Column,
  Deferrable,
  IdentityKind,
  ReferentialAction,
} from "../../../src/schema/model";

/**
 * Random operations of every kind for property tests. `text` supplies every name and
 * expression, so the same generators serve hostile strings (round trips) and plain ones
 * (comparisons with prettier, whose width rules count East Asian characters differently).
 */
export function arbitraryOperation(text: fc.Arbitrary<string>): fc.Arbitrary<Operation> {
  const schema = fc.oneof(fc.constant("public"), text);
  const names = fc.array(text, { maxLength: 4 });
  const orNull = fc.option(text, { nil: null });
  const action = fc.constantFrom<ReferentialAction>(
    "NO ACTION",
    "RESTRICT",
    "CASCADE",
    "SET NULL",
    "SET DEFAULT",
  );
  const on = fc.record({ schema, table: text });
  const key = fc.record({ name: text, columns: names });
  const identity = fc.constantFrom<IdentityKind>("ALWAYS", "BY DEFAULT");
  const deferrable = fc.constantFrom<Deferrable>("INITIALLY IMMEDIATE", "INITIALLY DEFERRED");
  const unique = fc.record(
    { name: text, columns: names, deferrable },
    { requiredKeys: ["name", "columns"] },
  );
  const exclusion = fc.record(
    { name: text, expression: text, deferrable },
    { requiredKeys: ["name", "expression"] },
  );
  const column: fc.Arbitrary<Column> = fc.record(
    {
      name: text,
      type: text,
      typeSchema: orNull,
      isArray: fc.boolean(),
      nullable: fc.boolean(),
      default: orNull,
      serial: fc.boolean(),
      comment: orNull,
      identity,
      generated: text,
      collation: text,
    },
    {
      requiredKeys: [
        "name",
        "type",
        "typeSchema",
        "isArray",
        "nullable",
        "default",
        "serial",
        "comment",
      ],
    },
  );
  const change: fc.Arbitrary<ColumnChange> = fc.record(
    {
      type: text,
      typeSchema: orNull,
      isArray: fc.boolean(),
      nullable: fc.boolean(),
      default: orNull,
      serial: fc.boolean(),
      identity: fc.option(identity, { nil: null }),
      generated: orNull,
      collation: orNull,
      comment: orNull,
    },
    { requiredKeys: [] },
  );
  const check = fc.record({ name: text, expression: text });
  const param: fc.Arbitrary<unknown> = fc.jsonValue();

  const index = fc.record({
    name: text,
    columns: names,
    unique: fc.boolean(),
    where: orNull,
    method: fc.oneof(fc.constant("btree"), text),
  });
  const foreignKey = fc.record({
    name: text,
    columns: names,
    referencedSchema: schema,
    referencedTable: text,
    referencedColumns: names,
    onDelete: action,
    onUpdate: action,
  });
  const byKind: { [K in OperationKind]: fc.Arbitrary<Operation> } = {
    createSchema: text.map((s) => ops.createSchema({ schema: s })),
    dropSchema: text.map((s) => ops.dropSchema({ schema: s })),
    createExtension: text.map((name) => ops.createExtension({ name })),
    dropExtension: text.map((name) => ops.dropExtension({ name })),
    createEnum: fc
      .record({ schema, name: text, values: names })
      .map((e) => ops.createEnum({ enum: e })),
    dropEnum: fc.record({ schema, name: text }).map((e) => ops.dropEnum(e)),
    alterEnum: fc
      .record({
        schema,
        name: text,
        from: names,
        to: names,
        usages: fc.array(
          fc.record({ schema, table: text, column: text, isArray: fc.boolean(), default: orNull }),
          { maxLength: 3 },
        ),
      })
      .map((e) => ops.alterEnum(e)),
    createTable: fc
      .record({
        schema,
        name: text,
        columns: fc.array(column, { maxLength: 4 }),
        primaryKey: fc.option(key, { nil: null }),
        uniques: fc.array(unique, { maxLength: 3 }),
        checks: fc.array(check, { maxLength: 3 }),
        comment: orNull,
      })
      .map((table) => ops.createTable({ table })),
    dropTable: fc.record({ schema, name: text }).map((t) => ops.dropTable(t)),
    addColumn: fc.record({ on, column }).map((r) => ops.addColumn({ ...r.on, column: r.column })),
    dropColumn: fc.record({ on, name: text }).map((r) => ops.dropColumn({ ...r.on, name: r.name })),
    alterColumn: fc
      .record(
        { on, name: text, from: change, to: change, using: text, backfill: text },
        { requiredKeys: ["on", "name", "from", "to"] },
      )
      .map(({ on: where, ...rest }) => ops.alterColumn({ ...where, ...rest })),
    addPrimaryKey: fc
      .record({ on, key })
      .map((r) => ops.addPrimaryKey({ ...r.on, primaryKey: r.key })),
    dropPrimaryKey: fc
      .record({ on, name: text })
      .map((r) => ops.dropPrimaryKey({ ...r.on, name: r.name })),
    addUnique: fc.record({ on, unique }).map((r) => ops.addUnique({ ...r.on, unique: r.unique })),
    dropUnique: fc.record({ on, name: text }).map((r) => ops.dropUnique({ ...r.on, name: r.name })),
    createIndex: fc
      .record({
        on,
        index: fc.record({
          name: text,
          columns: names,
          unique: fc.boolean(),
          where: orNull,
          method: fc.oneof(fc.constant("btree"), text),
        }),
      })
      .map((r) => ops.createIndex({ ...r.on, index: r.index })),
    dropIndex: fc.record({ on, name: text }).map((r) => ops.dropIndex({ ...r.on, name: r.name })),
    addForeignKey: fc
      .record({
        on,
        foreignKey: fc.record(
          {
            name: text,
            columns: names,
            referencedSchema: schema,
            referencedTable: text,
            referencedColumns: names,
            onDelete: action,
            onUpdate: action,
            deferrable,
          },
          {
            requiredKeys: [
              "name",
              "columns",
              "referencedSchema",
              "referencedTable",
              "referencedColumns",
              "onDelete",
              "onUpdate",
            ],
          },
        ),
      })
      .map((r) => ops.addForeignKey({ ...r.on, foreignKey: r.foreignKey })),
    dropForeignKey: fc
      .record({ on, name: text })
      .map((r) => ops.dropForeignKey({ ...r.on, name: r.name })),
    addCheck: fc.record({ on, check }).map((r) => ops.addCheck({ ...r.on, check: r.check })),
    dropCheck: fc.record({ on, name: text }).map((r) => ops.dropCheck({ ...r.on, name: r.name })),
    validateConstraint: fc
      .record({ on, name: text })
      .map((r) => ops.validateConstraint({ ...r.on, name: r.name })),
    createView: fc
      .record({ schema, name: text, definition: text, materialized: fc.boolean() })
      .map((view) => ops.createView({ view })),
    dropView: fc
      .record({ schema, name: text, materialized: fc.boolean() })
      .map((view) => ops.dropView(view)),
    addExclusion: fc
      .record({ on, exclusion })
      .map((r) => ops.addExclusion({ ...r.on, exclusion: r.exclusion })),
    dropExclusion: fc
      .record({ on, name: text })
      .map((r) => ops.dropExclusion({ ...r.on, name: r.name })),
    setTableComment: fc
      .record({ on, comment: orNull })
      .map((r) => ops.setTableComment({ ...r.on, comment: r.comment })),
    execute: fc
      .record(
        { sql: text, params: fc.array(param, { maxLength: 3 }), reverseSql: text },
        { requiredKeys: ["sql"] },
      )
      .map((e) => ops.execute(e)),
    rebuildTable: fc
      .record({
        on,
        columns: fc.array(column, { maxLength: 4 }),
        primaryKey: fc.option(key, { nil: null }),
        uniques: fc.array(unique, { maxLength: 2 }),
        checks: fc.array(check, { maxLength: 2 }),
        indexes: fc.array(index, { maxLength: 2 }),
        foreignKeys: fc.array(foreignKey, { maxLength: 2 }),
        copy: names,
      })
      .map(({ on: where, copy, ...table }) =>
        ops.rebuildTable({
          ...where,
          definition: { schema: where.schema, name: where.table, comment: null, ...table },
          copy,
        }),
      ),
    bulkInsert: fc
      .record({ on, rows: fc.array(fc.dictionary(text, param), { maxLength: 3 }) })
      .map((r) => ops.bulkInsert({ ...r.on, rows: r.rows })),
    renameTable: fc.record({ schema, from: text, to: text }).map((r) => ops.renameTable(r)),
    renameColumn: fc
      .record({ on, from: text, to: text })
      .map((r) => ops.renameColumn({ ...r.on, from: r.from, to: r.to })),
    renameEnum: fc.record({ schema, from: text, to: text }).map((r) => ops.renameEnum(r)),
    renameEnumValue: fc
      .record({ schema, name: text, from: text, to: text })
      .map((r) => ops.renameEnumValue(r)),
    renameIndex: fc
      .record({ on, from: text, to: text })
      .map((r) => ops.renameIndex({ ...r.on, from: r.from, to: r.to })),
    renameConstraint: fc
      .record({ on, from: text, to: text })
      .map((r) => ops.renameConstraint({ ...r.on, from: r.from, to: r.to })),
  };
  // Through JSON because fast-check also makes null-prototype objects, which no literal in a
  // file can; the values themselves survive the trip.
  return fc
    .oneof(...Object.values(byKind))
    .map((op) => JSON.parse(JSON.stringify(op)) as Operation);
}

/** Any string at all, lone surrogates and control characters included. */
export const anyText = fc.string({ unit: "binary", maxLength: 24 });

/** Printable ASCII with quotes and backslashes, long enough to force line breaks. */
export const asciiText = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."abcdefghij_ \"'\\$`{}*/()"), maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(..."abcxyz_"), minLength: 20, maxLength: 60 }),
);
