import { compileOperation } from "../../src/dialect/postgres/compile/compile";
import { reviewOperations } from "../../src/lint/review";
import { ops } from "../../src/ops/factories";
import { hazardsOf, typeChangeRewrites } from "../../src/ops/hazards";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { runStatements } from "./support/catalog";

/**
 * Whether a type change rewrites the table is PostgreSQL's to say: a rewrite gives the table
 * a new data file (`pg_class.relfilenode`). Each case runs the compiled change over rows and
 * compares that with the hazard `ops/hazards.ts` states, so a warning is never noise and a
 * rewrite is never missed.
 */
const cases: readonly (readonly [from: string, to: string, value: string])[] = [
  ["character varying(20)", "character varying(50)", "'ab'"],
  ["character varying(20)", "character varying", "'ab'"],
  ["character varying(20)", "text", "'ab'"],
  ["character varying", "text", "'ab'"],
  ["text", "character varying", "'ab'"],
  ["numeric(10,2)", "numeric(12,2)", "1.25"],
  ["numeric(10,2)", "numeric", "1.25"],
  ["character varying(50)", "character varying(20)", "'ab'"],
  ["numeric(10,2)", "numeric(12,3)", "1.25"],
  ["timestamp(3) without time zone", "timestamp(6) without time zone", "now()"],
  ["timestamp(3) with time zone", "timestamp with time zone", "now()"],
  ["timestamp(6) without time zone", "timestamp(3) without time zone", "now()"],
  ["bit varying(4)", "bit varying(8)", "B'101'"],
  ["interval(3)", "interval", "'1 day'"],
  ["time(2) without time zone", "time(4) without time zone", "'10:00'"],
  ["character varying", "character varying(50)", "'ab'"],
  ["integer", "bigint", "7"],
  ["text", "integer", "'7'"],
];

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("rewrites");
});
afterAll(async () => {
  await db.drop();
});

const fileOf = async (table: string) =>
  (
    await db.query<{ file: string }>(
      "SELECT relfilenode::text AS file FROM pg_class WHERE oid = $1::regclass",
      [table],
    )
  )[0]?.file;

describe("type changes over rows", () => {
  it.each(cases.map((c, i) => [...c, i] as const))(
    "%s -> %s: flagged as a rewrite exactly when PostgreSQL rewrites the table",
    async (from, to, value, i) => {
      const table = `t${i}`;
      await db.query(
        `CREATE TABLE ${table} (c ${from}); INSERT INTO ${table} SELECT ${value} FROM generate_series(1, 3)`,
      );
      const op = ops.alterColumn({
        schema: "public",
        table,
        name: "c",
        from: { type: from, typeSchema: null, isArray: false },
        to: { type: to, typeSchema: null, isArray: false },
      });
      const before = await fileOf(table);
      await runStatements(db.url, compileOperation(op));
      const rewritten = (await fileOf(table)) !== before;

      expect(typeChangeRewrites(op.from, op.to)).toBe(rewritten);
      expect(hazardsOf(op).some((h) => h.kind === "rewritesTable")).toBe(rewritten);
      expect(reviewOperations([op]).some((line) => line.warning)).toBe(rewritten);
      expect(await db.query(`SELECT count(*)::int AS n FROM ${table}`)).toEqual([{ n: 3 }]);
    },
  );
});
