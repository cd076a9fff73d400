import { columnTypeSql, typeSql } from "../../src/dialect/postgres/compile/types";
import { AutogenError } from "../../src/errors";
import { column } from "../support/model-builders";

describe("columnTypeSql", () => {
  it.each([
    [
      "prints a built-in type as it is",
      column("c", "character varying(255)"),
      "character varying(255)",
    ],
    [
      "keeps multi-word types",
      column("c", "timestamp(3) with time zone"),
      "timestamp(3) with time zone",
    ],
    ["appends [] for an array", column("c", "integer", { isArray: true }), "integer[]"],
    [
      "quotes and qualifies a user-defined type",
      column("c", "Mood", { typeSchema: "app" }),
      '"app"."Mood"',
    ],
    [
      "quotes a hostile enum name",
      column("c", 'we"ird', { typeSchema: "public", isArray: true }),
      '"public"."we""ird"[]',
    ],
    ["writes serial for a serial integer", column("c", "integer", { serial: true }), "serial"],
    ["writes bigserial for a serial bigint", column("c", "bigint", { serial: true }), "bigserial"],
    [
      "writes smallserial for a serial smallint",
      column("c", "smallint", { serial: true }),
      "smallserial",
    ],
  ])("%s", (_name, col, sql) => {
    expect(columnTypeSql(col)).toBe(sql);
  });

  it.each([
    ["a text column", column("c", "text", { serial: true })],
    ["an integer array", column("c", "integer", { serial: true, isArray: true })],
    ["a name that only looks up an object property", column("c", "constructor", { serial: true })],
  ])("refuses serial on %s", (_name, col) => {
    expect(() => columnTypeSql(col)).toThrow(AutogenError);
  });

  it("typeSql ignores serial, for conversions", () => {
    expect(typeSql({ type: "bigint", typeSchema: null, isArray: false })).toBe("bigint");
  });
});
