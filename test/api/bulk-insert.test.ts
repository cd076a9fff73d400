import { createMigrationOperations } from "../../src/api";
import { AutogenError } from "../../src/errors";
import { formatReview, reviewOperations } from "../../src/lint/review";
import { ops } from "../../src/ops/factories";
import type { Operation } from "../../src/ops/operations";

async function recorded(rows: unknown, table: string | { schema: string; name: string } = "t") {
  const list: Operation[] = [];
  const op = createMigrationOperations(async (o) => void list.push(o));
  await op.bulkInsert(table, rows as Record<string, unknown>[]);
  return list;
}

describe("op.bulkInsert", () => {
  it("describes one bulkInsert operation on the named table, in public by default", async () => {
    expect(await recorded([{ a: 1 }, { b: "x" }])).toStrictEqual([
      ops.bulkInsert({ schema: "public", table: "t", rows: [{ a: 1 }, { b: "x" }] }),
    ]);
    expect(await recorded([], { schema: "ref", name: "codes" })).toStrictEqual([
      ops.bulkInsert({ schema: "ref", table: "codes", rows: [] }),
    ]);
  });

  it("keeps frozen copies, so a file that changes its rows afterwards changes nothing", async () => {
    const row = { a: 1 };
    const [op] = await recorded([row]);
    row.a = 2;

    expect(op).toMatchObject({ rows: [{ a: 1 }] });
    expect(Object.isFrozen((op as Extract<Operation, { kind: "bulkInsert" }>).rows[0])).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ["rows that are not an array", { a: 1 }, /needs an array of rows/],
    ["a row that is a string", [{ a: 1 }, "oops"], /row 2 is a string, not an object/],
    ["a row that is an array", [[1, 2]], /row 1 is an array/],
    ["a row that is null", [null], /row 1 is null/],
  ])("rejects %s with an error naming the row", async (_what, rows, message) => {
    await expect(recorded(rows)).rejects.toThrow(AutogenError);
    await expect(recorded(rows)).rejects.toThrow(message);
  });
});

describe("the review line of a bulkInsert", () => {
  it("counts the rows and names the table", () => {
    const lines = reviewOperations([
      ops.bulkInsert({ schema: "public", table: "roles", rows: [{ name: "admin" }] }),
      ops.bulkInsert({ schema: "ref", table: "codes", rows: [{ c: 1 }, { c: 2 }] }),
    ]);
    expect(formatReview(lines)).toEqual([
      'inserts 1 row into "roles"',
      'inserts 2 rows into "ref"."codes"',
    ]);
  });
});
