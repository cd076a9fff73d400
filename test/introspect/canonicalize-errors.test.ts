import { canonicalizeSchema } from "../../src/dialect/postgres/scratch/canonicalize";
import { ExpressionError } from "../../src/errors";
import { introspectDatabase, postgresCatalog } from "../../src/introspect";
import type { Column, DatabaseSchema, Table } from "../../src/schema/model";
import { withFreshDatabase } from "./fresh-database";

const column = (name: string, type: string, more: Partial<Column> = {}): Column => ({
  name,
  type,
  typeSchema: null,
  isArray: false,
  nullable: true,
  default: null,
  serial: false,
  comment: null,
  ...more,
});

const table = (more: Partial<Table>): Table => ({
  schema: "shop",
  name: "orders",
  columns: [column("id", "integer"), column("price", "numeric(10,2)")],
  primaryKey: null,
  uniques: [],
  indexes: [],
  foreignKeys: [],
  checks: [],
  comment: null,
  ...more,
});

const model = (...tables: Table[]): DatabaseSchema => ({ schemas: ["shop"], tables, enums: [] });

async function rejection(schema: DatabaseSchema): Promise<ExpressionError> {
  return withFreshDatabase("", async (client) => {
    const error: unknown = await canonicalizeSchema(client, schema, postgresCatalog).then(
      () => new Error("canonicalizeSchema accepted invalid SQL"),
      (e: unknown) => e,
    );
    // The connection is left usable, outside any transaction, with nothing created.
    const state = await client.query(
      "SELECT count(*)::int AS n FROM pg_class WHERE relname LIKE 'autogen_canon%'",
    );
    expect(state.rows).toEqual([{ n: 0 }]);
    expect(await introspectDatabase(client, { schemas: ["public", "shop"] })).toEqual({
      schemas: [],
      tables: [],
      enums: [],
    });
    if (!(error instanceof ExpressionError)) throw error;
    return error;
  });
}

describe("canonicalizeSchema with SQL PostgreSQL rejects", () => {
  it("names the table and column of a default of the wrong type, with PostgreSQL's message", async () => {
    const error = await rejection(
      model(
        table({ name: "fine", columns: [column("ok", "integer", { default: "1" })] }),
        table({
          columns: [
            column("id", "integer"),
            column("price", "numeric(10,2)", { default: "'abc'" }),
          ],
        }),
      ),
    );
    expect(error).toMatchObject({ code: "expression", table: "shop.orders", subject: "price" });
    expect(error.message).toBe(
      `Table "shop.orders" column "price" (numeric(10,2) DEFAULT 'abc'): PostgreSQL rejects it: invalid input syntax for type numeric: "abc"`,
    );
  });

  it("hints at a missing extension when a default calls an unknown function", async () => {
    const error = await rejection(
      model(table({ columns: [column("id", "uuid", { default: "uuid_generate_v4()" })] })),
    );
    expect(error).toMatchObject({ table: "shop.orders", subject: "id" });
    expect(error.message).toMatch(/function uuid_generate_v4\(\) does not exist/);
    expect(error.hint).toMatch(/install the extension/);
  });

  it("names the check constraint whose expression refers to a missing column", async () => {
    const error = await rejection(
      model(table({ checks: [{ name: "CHK_total", expression: `"total" > 0` }] })),
    );
    expect(error).toMatchObject({ table: "shop.orders", subject: "CHK_total" });
    expect(error.message).toBe(
      `Table "shop.orders" check "CHK_total" (CHECK ("total" > 0)): PostgreSQL rejects it: column "total" does not exist`,
    );
  });

  it("names the index whose predicate is not valid SQL", async () => {
    const error = await rejection(
      model(
        table({
          indexes: [
            {
              name: "IDX_bad",
              columns: ["id"],
              unique: false,
              where: `"price" >`,
              method: "btree",
            },
          ],
        }),
      ),
    );
    expect(error).toMatchObject({ table: "shop.orders", subject: "IDX_bad" });
    expect(error.message).toMatch(
      /^Table "shop.orders" index "IDX_bad" \(WHERE "price" >\): PostgreSQL rejects it: syntax error/,
    );
  });

  it("names the column whose type does not exist", async () => {
    const error = await rejection(model(table({ columns: [column("id", "integr")] })));
    expect(error).toMatchObject({ table: "shop.orders", subject: "id" });
    expect(error.message).toMatch(/type "integr" does not exist/);
  });
});
