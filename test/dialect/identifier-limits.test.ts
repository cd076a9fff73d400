import { assertIdentifierLengths } from "../../src/dialect/postgres/identifier-limits";
import type { DatabaseSchema, Table } from "../../src/schema/model";
import { column } from "../support/model-builders";

/** Names PostgreSQL would truncate are refused before anything is generated. */
const table = (overrides: Partial<Table> = {}): Table => ({
  schema: "public",
  name: "t",
  columns: [column("id", "integer")],
  primaryKey: null,
  uniques: [],
  indexes: [],
  foreignKeys: [],
  checks: [],
  comment: null,
  ...overrides,
});
const model = (tables: Table[], enums: DatabaseSchema["enums"] = []): DatabaseSchema => ({
  schemas: [],
  tables,
  enums,
});

describe("identifier lengths", () => {
  it("accepts names of exactly 63 bytes, multi-byte letters included", () => {
    const name = `${"é".repeat(31)}x`;

    expect(Buffer.byteLength(name)).toBe(63);
    expect(() => assertIdentifierLengths(model([table({ name })]))).not.toThrow();
  });

  it.each<[string, DatabaseSchema, string]>([
    [
      "a table",
      model([table({ name: "é".repeat(32) })]),
      `Table "public"."${"é".repeat(32)}" is 64 bytes long; PostgreSQL keeps only 63.`,
    ],
    [
      "an index",
      model([
        table({
          indexes: [
            { name: "i".repeat(70), columns: ["id"], unique: false, where: null, method: "btree" },
          ],
        }),
      ]),
      `Index "${"i".repeat(70)}" of table "public"."t" is 70 bytes long; PostgreSQL keeps only 63.`,
    ],
    [
      "an enum label",
      model([], [{ schema: "public", name: "mood", values: ["ok", "😀".repeat(16)] }]),
      `Label "${"😀".repeat(16)}" of enum type "mood" is 64 bytes long; PostgreSQL keeps only 63.`,
    ],
  ])("refuses %s one byte or more over the limit, naming it", (_what, schema, message) => {
    expect(() => assertIdentifierLengths(schema)).toThrow(message);
  });

  const long = "n".repeat(64);
  const fk = {
    name: long,
    columns: ["id"],
    referencedSchema: "public",
    referencedTable: "t",
    referencedColumns: ["id"],
    onDelete: "NO ACTION",
    onUpdate: "NO ACTION",
  } as const;
  it.each<[string, DatabaseSchema]>([
    ["a schema", { ...model([]), schemas: [long] }],
    ["a column", model([table({ columns: [column(long, "integer")] })])],
    ["a primary key", model([table({ primaryKey: { name: long, columns: ["id"] } })])],
    ["a unique constraint", model([table({ uniques: [{ name: long, columns: ["id"] }] })])],
    ["a foreign key", model([table({ foreignKeys: [fk] })])],
    ["a check constraint", model([table({ checks: [{ name: long, expression: "id > 0" }] })])],
    [
      "an exclusion constraint",
      model([table({ exclusions: [{ name: long, expression: "USING gist (id WITH =)" }] })]),
    ],
    ["an enum type", model([], [{ schema: "public", name: long, values: ["ok"] }])],
    [
      "a view",
      {
        ...model([]),
        views: [{ schema: "public", name: long, definition: "SELECT 1", materialized: false }],
      },
    ],
  ])("refuses %s whose name is too long", (_what, schema) => {
    expect(() => assertIdentifierLengths(schema)).toThrow(`"${long}"`);
  });
});
