import fc from "fast-check";
import { ops } from "../../../src/ops/factories";
import type { ColumnChange, Operation, OperationKind } from "../../../src/ops/operations";
import type { Column, ReferentialAction } from "../../../src/schema/model";

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
  const column: fc.Arbitrary<Column> = fc.record({
    name: text,
    type: text,
    typeSchema: orNull,
    isArray: fc.boolean(),
    nullable: fc.boolean(),
    default: orNull,
    serial: fc.boolean(),
    comment: orNull,
  });
  const change: fc.Arbitrary<ColumnChange> = fc.record(
    {
      type: text,
      typeSchema: orNull,
      isArray: fc.boolean(),
      nullable: fc.boolean(),
      default: orNull,
      comment: orNull,
    },
    { requiredKeys: [] },
  );
  const check = fc.record({ name: text, expression: text });
  const param: fc.Arbitrary<unknown> = fc.jsonValue();

  const byKind: { [K in OperationKind]: fc.Arbitrary<Operation> } = {
    createSchema: text.map((s) => ops.createSchema({ schema: s })),
    dropSchema: text.map((s) => ops.dropSchema({ schema: s })),
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
        uniques: fc.array(key, { maxLength: 3 }),
        checks: fc.array(check, { maxLength: 3 }),
        comment: orNull,
      })
      .map((table) => ops.createTable({ table })),
    dropTable: fc.record({ schema, name: text }).map((t) => ops.dropTable(t)),
    addColumn: fc.record({ on, column }).map((r) => ops.addColumn({ ...r.on, column: r.column })),
    dropColumn: fc.record({ on, name: text }).map((r) => ops.dropColumn({ ...r.on, name: r.name })),
    alterColumn: fc
      .record(
        { on, name: text, from: change, to: change, using: text },
        { requiredKeys: ["on", "name", "from", "to"] },
      )
      .map(({ on: where, ...rest }) => ops.alterColumn({ ...where, ...rest })),
    addPrimaryKey: fc
      .record({ on, key })
      .map((r) => ops.addPrimaryKey({ ...r.on, primaryKey: r.key })),
    dropPrimaryKey: fc
      .record({ on, name: text })
      .map((r) => ops.dropPrimaryKey({ ...r.on, name: r.name })),
    addUnique: fc.record({ on, key }).map((r) => ops.addUnique({ ...r.on, unique: r.key })),
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
        foreignKey: fc.record({
          name: text,
          columns: names,
          referencedSchema: schema,
          referencedTable: text,
          referencedColumns: names,
          onDelete: action,
          onUpdate: action,
        }),
      })
      .map((r) => ops.addForeignKey({ ...r.on, foreignKey: r.foreignKey })),
    dropForeignKey: fc
      .record({ on, name: text })
      .map((r) => ops.dropForeignKey({ ...r.on, name: r.name })),
    addCheck: fc.record({ on, check }).map((r) => ops.addCheck({ ...r.on, check: r.check })),
    dropCheck: fc.record({ on, name: text }).map((r) => ops.dropCheck({ ...r.on, name: r.name })),
    setTableComment: fc
      .record({ on, comment: orNull })
      .map((r) => ops.setTableComment({ ...r.on, comment: r.comment })),
    execute: fc
      .record(
        { sql: text, params: fc.array(param, { maxLength: 3 }), reverseSql: text },
        { requiredKeys: ["sql"] },
      )
      .map((e) => ops.execute(e)),
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
