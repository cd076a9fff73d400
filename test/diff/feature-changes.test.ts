import { compareSchemas } from "../../src/diff";
import { dependencyOrder } from "../../src/diff/compare-views";
import type { View } from "../../src/schema/model";
import { column, schema, table } from "../support/model-builders";
import { postgresExpressions } from "../../src/dialect/postgres/expressions";

const kinds = (list: readonly { kind: string }[]) => list.map((op) => op.kind);
const view = (name: string, extra: Partial<View> = {}): View => ({
  schema: "public",
  name,
  definition: `SELECT 1 AS ${name}`,
  materialized: false,
  ...extra,
});

describe("comparing identity, generated and collated columns", () => {
  it("states the type with a change of serial, so the new sequence gets the column's type", () => {
    const current = schema([table("t", [column("id", "bigint")])]);
    const target = schema([table("t", [column("id", "bigint", { serial: true })])]);
    expect(compareSchemas(current, target, postgresExpressions)).toEqual([
      expect.objectContaining({
        from: { serial: false, type: "bigint", typeSchema: null, isArray: false },
        to: { serial: true, type: "bigint", typeSchema: null, isArray: false },
      }),
    ]);
  });

  it("treats a missing identity or collation as null in a change", () => {
    const current = schema([table("t", [column("id", "integer", { identity: "ALWAYS" })])]);
    const target = schema([table("t", [column("id", "integer")])]);
    expect(compareSchemas(current, target, postgresExpressions)).toEqual([
      expect.objectContaining({ from: { identity: "ALWAYS" }, to: { identity: null } }),
    ]);
  });

  it("drops and re-adds a generated column whose expression changes, with what uses it", () => {
    const index = { name: "IDX_t_g", columns: ["g"], unique: false, where: null, method: "btree" };
    const other = { ...index, name: "IDX_t_a", columns: ["a"] };
    const checks = [{ name: "CHK_g", expression: "(g > 0)" }];
    const current = schema([
      table("t", [column("a", "integer"), column("g", "integer", { generated: "(a + 1)" })], {
        indexes: [index, other],
        checks,
      }),
    ]);
    const target = schema([
      table("t", [column("a", "integer"), column("g", "integer", { generated: "(a + 2)" })], {
        indexes: [index, other],
        checks,
      }),
    ]);
    expect(kinds(compareSchemas(current, target, postgresExpressions))).toEqual([
      "dropIndex",
      "dropCheck",
      "dropColumn",
      "addColumn",
      "addCheck",
      "createIndex",
    ]);
  });

  it("alters a generated column that becomes plain, stating it whole, and rebuilds what uses it", () => {
    const index = { name: "IDX_t_g", columns: ["g"], unique: false, where: null, method: "btree" };
    const current = schema([
      table("t", [column("a", "integer"), column("g", "integer", { generated: "(a + 1)" })], {
        indexes: [index],
      }),
    ]);
    const target = schema([
      table("t", [column("a", "integer"), column("g", "integer", { default: "0" })], {
        indexes: [index],
      }),
    ]);
    const operations = compareSchemas(current, target, postgresExpressions);
    expect(kinds(operations)).toEqual(["dropIndex", "alterColumn", "createIndex"]);
    const whole = { type: "integer", typeSchema: null, isArray: false, nullable: false };
    expect(operations[1]).toMatchObject({
      from: { ...whole, comment: null, default: null, generated: "(a + 1)" },
      to: { ...whole, comment: null, default: "0", generated: null },
    });
  });

  it("adds new generated columns after the plain ones their expression may read", () => {
    const current = schema([table("t", [column("id", "integer")])]);
    const target = schema([
      table("t", [
        column("id", "integer"),
        column("g", "integer", { generated: "(a * 2)" }),
        column("a", "integer"),
      ]),
    ]);
    const added = compareSchemas(current, target, postgresExpressions).map((op) =>
      op.kind === "addColumn" ? op.column.name : op.kind,
    );
    expect(added).toEqual(["a", "g"]);
  });
});

describe("comparing views", () => {
  it("orders views after the views they read, whatever their names", () => {
    const reader = view("a_reader", { references: [{ schema: "public", name: "z_base" }] });
    const base = view("z_base");
    expect(dependencyOrder([reader, base]).map((v) => v.name)).toEqual(["z_base", "a_reader"]);
  });

  it("drops views first and creates them last, around the table changes", () => {
    const reads = { references: [{ schema: "public", name: "t" }] };
    const current = {
      ...schema([table("t", [column("a", "integer")])]),
      views: [view("v", reads)],
    };
    const target = {
      ...schema([table("t", [column("a", "bigint")])]),
      views: [view("v", reads)],
    };
    expect(kinds(compareSchemas(current, target, postgresExpressions))).toEqual([
      "dropView",
      "alterColumn",
      "createView",
    ]);
  });

  it("leaves a view alone when the tables it reads change in ways it does not notice", () => {
    const reads = { references: [{ schema: "public", name: "t" }] };
    const current = {
      ...schema([table("t", [column("a", "integer")])]),
      views: [view("v", reads)],
    };
    const target = {
      ...schema([table("t", [column("a", "integer"), column("b", "text", { nullable: true })])]),
      views: [view("v", reads)],
    };
    expect(kinds(compareSchemas(current, target, postgresExpressions))).toEqual(["addColumn"]);
  });

  it("compares the indexes of a materialized view that stays by name", () => {
    const index = { name: "IDX_m", columns: ["m"], unique: false, where: null, method: "btree" };
    const current = { ...schema([]), views: [view("m", { materialized: true })] };
    const target = { ...schema([]), views: [view("m", { materialized: true, indexes: [index] })] };
    expect(compareSchemas(current, target, postgresExpressions)).toEqual([
      { kind: "createIndex", schema: "public", table: "m", index },
    ]);
  });
});
