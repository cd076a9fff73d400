import { ops } from "../../src/ops/factories";
import type { Operation } from "../../src/ops/operations";
import { planForRows, plannedTables, type PlanOptions } from "../../src/ops/plans-for-rows";
import { reverseOperations } from "../../src/ops/reverse";
import { refKey } from "../../src/schema/keys";
import { column } from "../support/model-builders";

const on = { schema: "public", table: "books" };
const rows = (n: number) => new Map([[refKey({ schema: "public", name: "books" }), n]]);
const options = (extra: Partial<PlanOptions> = {}): PlanOptions => ({
  rows: rows(3),
  concurrently: false,
  separateValidation: true,
  notNullThroughCheck: false,
  isNotNullCheck: (c) => `(${c} IS NOT NULL)`,
  ...extra,
});
const required = ops.addColumn({ ...on, column: column("isbn", "text", { nullable: false }) });
const index = { name: "IDX_t", columns: ["title"], unique: false, where: null, method: "btree" };
const check = ops.addCheck({ ...on, check: { name: "CHK_t", expression: "(title <> '')" } });
const kinds = (list: readonly Operation[]) => list.map((op) => op.kind);

describe("planForRows", () => {
  it("splits a required column over rows into add nullable and a NOT NULL with a fill to write", () => {
    const { operations } = planForRows([required], options());
    expect(operations).toEqual([
      ops.addColumn({ ...on, column: { ...required.column, nullable: true } }),
      ops.alterColumn({
        ...on,
        name: "isbn",
        from: { nullable: true },
        to: { nullable: false },
        backfillToWrite: expect.stringContaining("books.isbn") as unknown as string,
      }),
    ]);
    // The downgrade is the exact reverse and carries no placeholder.
    expect(kinds(reverseOperations(operations))).toEqual(["alterColumn", "dropColumn"]);
    expect(JSON.stringify(reverseOperations(operations))).not.toContain("backfill");
  });

  it("leaves the column whole on an empty table, and on a table the same operations create", () => {
    expect(planForRows([required], options({ rows: rows(0) })).operations).toEqual([required]);
    const created = ops.createTable({
      table: {
        schema: "public",
        name: "books",
        columns: [],
        primaryKey: null,
        uniques: [],
        checks: [],
        comment: null,
      },
    });
    expect(planForRows([created, required], options()).operations).toEqual([created, required]);
  });

  it("takes a table whose rows are unknown (never analysed, too big to count) to hold rows", () => {
    const { operations } = planForRows([required], options({ rows: new Map() }));
    expect(kinds(operations)).toEqual(["addColumn", "alterColumn"]);
  });

  it("adds constraints over rows NOT VALID and validates them apart, unless told not to", () => {
    expect(planForRows([check], options())).toEqual({
      operations: [{ ...check, notValid: true }],
      validations: [ops.validateConstraint({ ...on, name: "CHK_t" })],
    });
    expect(planForRows([check], options({ separateValidation: false }))).toEqual({
      operations: [check],
      validations: [],
    });
  });

  it("builds and drops indexes concurrently only when asked, and only on existing tables", () => {
    const create = ops.createIndex({ ...on, index });
    const drop = ops.dropIndex({ ...on, name: "IDX_t", previous: index });
    expect(planForRows([create, drop], options()).operations).toEqual([create, drop]);
    expect(planForRows([create, drop], options({ concurrently: true })).operations).toEqual([
      { ...create, concurrently: true },
      { ...drop, concurrently: true },
    ]);
    const created = ops.createTable({
      table: {
        schema: "public",
        name: "books",
        columns: [],
        primaryKey: null,
        uniques: [],
        checks: [],
        comment: null,
      },
    });
    expect(planForRows([created, create], options({ concurrently: true })).operations).toEqual([
      created,
      create,
    ]);
  });

  it("asks for the row estimates of exactly the tables it may plan for", () => {
    const other = ops.dropColumn({ schema: "public", table: "authors", name: "x" });
    expect(plannedTables([required, other, check])).toEqual([{ schema: "public", name: "books" }]);
  });
});
