import { formatRows, hazardLines } from "../../src/lint/hazard-lines";
import { formatReview, reviewOperations } from "../../src/lint/review";
import { ops } from "../../src/ops/factories";
import { hazardsOf, typeChangeRewrites } from "../../src/ops/hazards";
import { tableLocksOf } from "../../src/ops/table-locks";
import { reverseOperations } from "../../src/ops/reverse";
import { refKey } from "../../src/schema/keys";
import { column } from "../support/model-builders";

const where = { schema: "public", table: "orders" };
const rows = new Map([[refKey({ schema: "public", name: "orders" }), 2_100_000]]);
const varchar = (n: number | null) => ({
  type: n === null ? "character varying" : `character varying(${n})`,
  typeSchema: null,
  isArray: false,
});

describe("hazards as data", () => {
  it("says a type change that converts every row rewrites the table, with its row estimate", () => {
    const op = ops.alterColumn({
      ...where,
      name: "total",
      from: { type: "integer", typeSchema: null, isArray: false },
      to: { type: "bigint", typeSchema: null, isArray: false },
    });
    expect(hazardsOf(op).map((h) => h.kind)).toContain("rewritesTable");
    expect(formatReview(hazardLines("upgrade", [op], rows))).toContain(
      'upgrade: rewrites "orders" (~2.1M rows)',
    );
  });

  it("makes varchar widening and a default change notes, with no hazard", () => {
    const widen = ops.alterColumn({ ...where, name: "code", from: varchar(20), to: varchar(50) });
    const unbounded = ops.alterColumn({
      ...where,
      name: "code",
      from: varchar(20),
      to: varchar(null),
    });
    const defaulted = ops.alterColumn({
      ...where,
      name: "code",
      from: { default: null },
      to: { default: "'x'" },
    });
    for (const op of [widen, unbounded, defaulted]) expect(hazardsOf(op)).toEqual([]);
    expect(reviewOperations([widen, defaulted]).every((line) => !line.warning)).toBe(true);
    expect(typeChangeRewrites(varchar(50), varchar(20))).toBe(true);
  });

  it("lists the downgrade's hazards: the reverse of a created table drops it and its rows", () => {
    const table = {
      schema: "public",
      name: "labels",
      columns: [column("id", "integer")],
      primaryKey: null,
      uniques: [],
      checks: [],
      comment: null,
    };
    const upgrade = [ops.createTable({ table })];
    const counts = new Map([[refKey(table), 3]]);
    expect(hazardLines("upgrade", upgrade, counts)).toEqual([]);
    expect(formatReview(hazardLines("downgrade", reverseOperations(upgrade), counts))).toEqual([
      'WARNING: downgrade: deletes data in "labels" (~3 rows)',
      'downgrade: breaks application code still using the old schema of "labels" (~3 rows)',
    ]);
  });

  it("leaves out hazards on a table the same migration creates, which holds no rows", () => {
    const table = {
      schema: "public",
      name: "orders",
      columns: [column("id", "integer")],
      primaryKey: null,
      uniques: [],
      checks: [],
      comment: null,
    };
    const index = { name: "IDX_id", columns: ["id"], unique: false, where: null, method: "btree" };
    expect(
      hazardLines("upgrade", [ops.createTable({ table }), ops.createIndex({ ...where, index })]),
    ).toEqual([]);
  });

  it("says NOT NULL without a backfill fails if any of the rows there holds NULL", () => {
    const op = ops.alterColumn({
      ...where,
      name: "note",
      from: { nullable: true },
      to: { nullable: false },
    });
    expect(
      formatReview(
        hazardLines("upgrade", [op], new Map([[refKey({ schema: "public", name: "orders" }), 3]])),
      ),
    ).toContain('upgrade: "orders"."note": fails if any of the ~3 rows holds NULL');
  });

  it("with no row estimate, says NOT NULL fails if any row holds NULL", () => {
    const op = ops.alterColumn({
      ...where,
      name: "note",
      from: { nullable: true },
      to: { nullable: false },
    });
    expect(formatReview(hazardLines("upgrade", [op]))).toContain(
      'upgrade: "orders"."note": fails if any row holds NULL',
    );
  });

  it("rounds row estimates the way a reader scans them", () => {
    expect([1, 3, 999, 12_345, 2_100_000, 3e9].map(formatRows)).toEqual([
      "~1 row",
      "~3 rows",
      "~999 rows",
      "~12.3k rows",
      "~2.1M rows",
      "~3G rows",
    ]);
  });

  it("says an index built or dropped concurrently blocks no write, a NOT VALID constraint reads no row, and its validation does", () => {
    const index = { name: "IDX_t", columns: ["t"], unique: false, where: null, method: "btree" };
    const build = ops.createIndex({ ...where, index, concurrently: true });
    const drop = ops.dropIndex({ ...where, name: "IDX_t", concurrently: true });
    expect(hazardsOf(build)).toEqual([]);
    expect(tableLocksOf(build).map((l) => l.level)).toEqual(["SHARE UPDATE EXCLUSIVE"]);
    expect(tableLocksOf(drop).map((l) => l.level)).toEqual(["SHARE UPDATE EXCLUSIVE"]);
    expect(tableLocksOf(ops.createIndex({ ...where, index })).map((l) => l.level)).toEqual([
      "SHARE",
    ]);

    const check = { name: "CHK_t", expression: "(t > 0)" };
    const added = ops.addCheck({ ...where, check, notValid: true });
    expect(hazardsOf(added).map((h) => h.kind)).toEqual(["accessExclusiveLock"]);
    const validation = ops.validateConstraint({ ...where, name: "CHK_t" });
    expect(hazardsOf(validation).map((h) => h.kind)).toEqual(["validatesRows", "failsOnRows"]);
    expect(tableLocksOf(validation).map((l) => l.level)).toEqual(["SHARE UPDATE EXCLUSIVE"]);
  });
});

describe("changes to an empty table", () => {
  const widen = ops.alterColumn({
    ...where,
    name: "total",
    from: { type: "integer", typeSchema: null, isArray: false },
    to: { type: "bigint", typeSchema: null, isArray: false },
  });
  const drop = ops.dropColumn({ ...where, name: "legacy", previous: column("legacy", "text") });
  const empty = new Map([[refKey({ schema: "public", name: "orders" }), 0]]);

  it("are notes, not warnings: int -> bigint and a dropped column on a table with no rows", () => {
    const lines = formatReview(reviewOperations([widen, drop], empty));
    expect(lines.filter((l) => l.startsWith("WARNING: "))).toEqual([]);
    expect(lines).toHaveLength(2);
  });

  it("stay warnings when the table has rows, or its rows are unknown", () => {
    for (const counts of [rows, new Map<string, number>()]) {
      const lines = formatReview(reviewOperations([widen, drop], counts));
      expect(lines.filter((l) => l.startsWith("WARNING: "))).toHaveLength(2);
    }
  });
});
