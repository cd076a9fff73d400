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
});
