import { compileOperation } from "../../src/dialect/postgres/compile/compile";
import { ops } from "../../src/ops/factories";
import type { Operation } from "../../src/ops/operations";
import { reverseOperation } from "../../src/ops/reverse";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { column } from "../support/model-builders";
import { apply, runStatements, scalar, snapshot } from "./support/catalog";
import { tableShape } from "./support/fixtures";

/** Type changes that must keep every row: compiled, run on real data, then reversed. */
describe("type changes on a table with data", () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase("convert");
  });
  afterEach(async () => {
    await db.drop();
  });

  const run = (op: Operation) => runStatements(db.url, compileOperation(op));

  it("rebuilds an enum without a label, converting columns with data and defaults, and back", async () => {
    const status = { schema: "public", name: "status", values: ["draft", "obsolete", "live"] };
    await apply(db, [
      ops.createEnum({ enum: status }),
      ops.createTable({
        table: tableShape("docs", {
          columns: [
            column("id", "integer"),
            column("state", "status", { typeSchema: "public", default: "'draft'" }),
            column("history", "status", {
              typeSchema: "public",
              isArray: true,
              default: "'{draft}'",
            }),
          ],
        }),
      }),
    ]);
    await db.query(
      "INSERT INTO docs VALUES (1, 'live', '{draft,live}'), (2, DEFAULT, DEFAULT), (3, 'draft', '{}')",
    );
    const before = await snapshot(db);
    const rebuild = ops.alterEnum({
      schema: "public",
      name: "status",
      from: ["draft", "obsolete", "live"],
      to: ["live", "draft"],
      usages: [
        { schema: "public", table: "docs", column: "state", isArray: false, default: "'draft'" },
        { schema: "public", table: "docs", column: "history", isArray: true, default: "'{draft}'" },
      ],
    });

    await run(rebuild);
    expect(await scalar(db, "SELECT enum_range(NULL::status)::text[]")).toEqual(["live", "draft"]);
    expect(await db.query("SELECT id, state::text, history::text[] FROM docs ORDER BY id")).toEqual(
      [
        { id: 1, state: "live", history: ["draft", "live"] },
        { id: 2, state: "draft", history: ["draft"] },
        { id: 3, state: "draft", history: [] },
      ],
    );
    // The new order is the one comparisons and ORDER BY now follow.
    expect(await scalar(db, "SELECT array_agg(id ORDER BY state, id) FROM docs")).toEqual([
      1, 2, 3,
    ]);
    await db.query("INSERT INTO docs (id) VALUES (4)");
    expect(await scalar(db, "SELECT state::text FROM docs WHERE id = 4")).toBe("draft");
    await db.query("DELETE FROM docs WHERE id = 4");
    expect(await scalar(db, "SELECT count(*)::int FROM pg_type WHERE typname = 'status_old'")).toBe(
      0,
    );

    await run(reverseOperation(rebuild));
    expect(await snapshot(db)).toEqual(before);
    expect(await scalar(db, "SELECT array_agg(state::text ORDER BY id) FROM docs")).toEqual([
      "live",
      "draft",
      "draft",
    ]);
  });

  it("refuses a rebuild that would lose a row's label, and leaves everything as it was", async () => {
    await apply(db, [
      ops.createEnum({ enum: { schema: "public", name: "status", values: ["a", "b"] } }),
      ops.createTable({
        table: tableShape("t", { columns: [column("s", "status", { typeSchema: "public" })] }),
      }),
    ]);
    await db.query("INSERT INTO t VALUES ('b')");
    const before = await snapshot(db);
    const usage = { schema: "public", table: "t", column: "s", isArray: false, default: null };
    await expect(
      run(
        ops.alterEnum({
          schema: "public",
          name: "status",
          from: ["a", "b"],
          to: ["a"],
          usages: [usage],
        }),
      ),
    ).rejects.toThrow(/invalid input value for enum/);
    expect(await snapshot(db)).toEqual(before);
  });

  it("widens varchar(50) to varchar(100) in place, without rewriting the table, and back", async () => {
    await apply(db, [
      ops.createTable({
        table: tableShape("t", { columns: [column("name", "character varying(50)")] }),
      }),
    ]);
    await db.query("INSERT INTO t VALUES ('Ada'), ($1)", ["x".repeat(50)]);
    const file = await scalar(db, "SELECT pg_relation_filenode('t')");
    const widen = ops.alterColumn({
      schema: "public",
      table: "t",
      name: "name",
      from: { type: "character varying(50)", typeSchema: null, isArray: false },
      to: { type: "character varying(100)", typeSchema: null, isArray: false },
    });

    await run(widen);
    expect(
      await scalar(
        db,
        "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'name'",
      ),
    ).toBe("character varying(100)");
    expect(await scalar(db, "SELECT pg_relation_filenode('t')")).toBe(file);
    expect(await scalar(db, "SELECT array_agg(name ORDER BY name) FROM t")).toEqual([
      "Ada",
      "x".repeat(50),
    ]);

    await run(reverseOperation(widen));
    expect(await scalar(db, "SELECT array_agg(name ORDER BY name) FROM t")).toEqual([
      "Ada",
      "x".repeat(50),
    ]);
  });

  it("turns integer into bigint keeping values and the default, and back", async () => {
    await apply(db, [
      ops.createTable({
        table: tableShape("t", { columns: [column("n", "integer", { default: "42" })] }),
      }),
    ]);
    await db.query("INSERT INTO t VALUES (2147483647), (-1), (DEFAULT)");
    const before = await snapshot(db);
    const widen = ops.alterColumn({
      schema: "public",
      table: "t",
      name: "n",
      from: { type: "integer", typeSchema: null, isArray: false, default: "42" },
      to: { type: "bigint", typeSchema: null, isArray: false, default: "42" },
    });

    await run(widen);
    expect(await scalar(db, "SELECT pg_typeof(n)::text FROM t LIMIT 1")).toBe("bigint");
    await db.query("INSERT INTO t VALUES (DEFAULT), (9000000000)");
    expect(await scalar(db, "SELECT array_agg(n::text ORDER BY n) FROM t")).toEqual([
      "-1",
      "42",
      "42",
      "2147483647",
      "9000000000",
    ]);
    await db.query("DELETE FROM t WHERE n > 2147483647 OR n = 42");

    await run(reverseOperation(widen));
    expect(await snapshot(db)).toEqual(before);
    expect(await scalar(db, "SELECT array_agg(n ORDER BY n) FROM t")).toEqual([-1, 2147483647]);
  });

  it("converts text holding numbers to integer with a conversion expression", async () => {
    await apply(db, [
      ops.createTable({ table: tableShape("t", { columns: [column("v", "text")] }) }),
    ]);
    await db.query("INSERT INTO t VALUES (' 7 '), ('12')");
    await run(
      ops.alterColumn({
        schema: "public",
        table: "t",
        name: "v",
        from: { type: "text", typeSchema: null, isArray: false },
        to: { type: "integer", typeSchema: null, isArray: false },
        using: 'trim("v")::integer',
      }),
    );
    expect(await scalar(db, "SELECT array_agg(v ORDER BY v) FROM t")).toEqual([7, 12]);
  });
});
