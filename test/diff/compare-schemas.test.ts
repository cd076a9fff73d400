import { compareSchemas, withInsertedLabels } from "../../src/diff";
import { reverseOperations } from "../../src/ops/reverse";
import type { Operation } from "../../src/ops/operations";
import { EMPTY_SCHEMA } from "../../src/schema/model";
import { column, schema, table } from "../support/model-builders";
import { postgresExpressions } from "../../src/dialect/postgres/expressions";

const kinds = (list: readonly Operation[]): string[] => list.map((op) => op.kind);

const users = table(
  "users",
  [
    column("id", "uuid", { default: "gen_random_uuid()" }),
    column("email", "character varying(255)"),
  ],
  {
    primaryKey: { name: "PK_users", columns: ["id"] },
    uniques: [{ name: "UQ_users_email", columns: ["email"] }],
  },
);
const posts = table(
  "posts",
  [column("id", "integer", { serial: true }), column("authorId", "uuid", { nullable: true })],
  {
    primaryKey: { name: "PK_posts", columns: ["id"] },
    indexes: [
      {
        name: "IDX_posts_author",
        columns: ["authorId"],
        unique: false,
        where: null,
        method: "btree",
      },
    ],
    foreignKeys: [
      {
        name: "FK_posts_author",
        columns: ["authorId"],
        referencedSchema: "public",
        referencedTable: "users",
        referencedColumns: ["id"],
        onDelete: "CASCADE",
        onUpdate: "NO ACTION",
      },
    ],
  },
);

describe("compareSchemas", () => {
  it("finds nothing to do when both sides are the same", () => {
    const blog = schema([users, posts]);
    expect(compareSchemas(blog, blog, postgresExpressions)).toEqual([]);
  });

  it("finds nothing to do when the two sides list the same fields in another order", () => {
    // The live catalog and the canonical cache build their objects field by field in their own
    // order; equal definitions are equal whatever that order.
    const reordered = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reordered)
        : value !== null && typeof value === "object"
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([key, inner]) => [key, reordered(inner)]),
            )
          : value;
    const blog = schema([users, posts]);
    const shuffled = { ...blog, tables: blog.tables.map(reordered) } as typeof blog;
    expect(compareSchemas(blog, shuffled, postgresExpressions)).toEqual([]);
    expect(compareSchemas(shuffled, blog, postgresExpressions)).toEqual([]);
  });

  it("creates tables first, then their indexes, then the foreign keys between them", () => {
    const result = compareSchemas(EMPTY_SCHEMA, schema([users, posts]), postgresExpressions);
    expect(kinds(result)).toEqual(["createTable", "createIndex", "createTable", "addForeignKey"]);
  });

  it("creates a missing schema before the tables in it, and never drops one", () => {
    const inBlog = table("notes", [column("id", "integer")], { schema: "blog" });
    const up = compareSchemas(EMPTY_SCHEMA, schema([inBlog], [], ["blog"]), postgresExpressions);
    expect(kinds(up)).toEqual(["createSchema", "createTable"]);
    const down = compareSchemas(schema([inBlog], [], ["blog"]), EMPTY_SCHEMA, postgresExpressions);
    expect(kinds(down)).toEqual(["dropTable"]);
  });

  it("drops a removed entity's table after its foreign keys and indexes, keeping its definition", () => {
    const result = compareSchemas(schema([users, posts]), schema([users]), postgresExpressions);
    expect(kinds(result)).toEqual(["dropForeignKey", "dropIndex", "dropTable"]);
    const drop = result[2];
    expect(drop?.kind === "dropTable" && drop.previous?.columns.map((c) => c.name)).toEqual([
      "id",
      "authorId",
    ]);
  });

  it("alters a column's type in place instead of dropping and re-adding it", () => {
    const before = schema([table("t", [column("name", "character varying(50)")])]);
    const after = schema([table("t", [column("name", "character varying(100)")])]);
    expect(compareSchemas(before, after, postgresExpressions)).toEqual([
      {
        kind: "alterColumn",
        schema: "public",
        table: "t",
        name: "name",
        from: { type: "character varying(50)", typeSchema: null, isArray: false },
        to: { type: "character varying(100)", typeSchema: null, isArray: false },
      },
    ]);
  });

  it("states only the attributes that changed", () => {
    const before = schema([
      table("t", [column("a", "text", { nullable: true, default: "'x'::text" })]),
    ]);
    const after = schema([
      table("t", [column("a", "text", { nullable: false, default: "'x'::text", comment: "A" })]),
    ]);
    const [op] = compareSchemas(before, after, postgresExpressions);
    expect(op).toMatchObject({
      kind: "alterColumn",
      from: { nullable: true, comment: null },
      to: { nullable: false, comment: "A" },
    });
  });

  it("drops and re-adds a constraint whose definition changed, under the same name", () => {
    const before = schema([
      table("t", [column("a", "integer")], { checks: [{ name: "CHK_a", expression: "(a > 0)" }] }),
    ]);
    const after = schema([
      table("t", [column("a", "integer")], { checks: [{ name: "CHK_a", expression: "(a > 1)" }] }),
    ]);
    expect(kinds(compareSchemas(before, after, postgresExpressions))).toEqual([
      "dropCheck",
      "addCheck",
    ]);
  });

  it("detects a changed WHERE of a partial index", () => {
    const index = {
      name: "IDX_a",
      columns: ["a"],
      unique: false,
      where: "(a > 0)",
      method: "btree",
    };
    const before = schema([table("t", [column("a", "integer")], { indexes: [index] })]);
    const after = schema([
      table("t", [column("a", "integer")], { indexes: [{ ...index, where: "(a > 5)" }] }),
    ]);
    expect(kinds(compareSchemas(before, after, postgresExpressions))).toEqual([
      "dropIndex",
      "createIndex",
    ]);
  });

  it("changes a primary key by dropping it before the columns change and adding it after", () => {
    const before = schema([
      table("t", [column("a", "integer")], { primaryKey: { name: "PK_t", columns: ["a"] } }),
    ]);
    const after = schema([
      table("t", [column("a", "integer"), column("b", "integer")], {
        primaryKey: { name: "PK_t2", columns: ["a", "b"] },
      }),
    ]);
    expect(kinds(compareSchemas(before, after, postgresExpressions))).toEqual([
      "dropPrimaryKey",
      "addColumn",
      "addPrimaryKey",
    ]);
  });

  it("sets a table comment and remembers the old one for the downgrade", () => {
    const before = schema([table("t", [column("a", "integer")], { comment: "old" })]);
    const after = schema([table("t", [column("a", "integer")], { comment: "new" })]);
    expect(compareSchemas(before, after, postgresExpressions)).toEqual([
      { kind: "setTableComment", schema: "public", table: "t", comment: "new", previous: "old" },
    ]);
  });

  it("creates an enum before the table that uses it and drops it after", () => {
    const status = { schema: "public", name: "t_status_enum", values: ["a", "b"] };
    const t = table("t", [column("status", "t_status_enum", { typeSchema: "public" })]);
    expect(kinds(compareSchemas(EMPTY_SCHEMA, schema([t], [status]), postgresExpressions))).toEqual(
      ["createEnum", "createTable"],
    );
    expect(kinds(compareSchemas(schema([t], [status]), EMPTY_SCHEMA, postgresExpressions))).toEqual(
      ["dropTable", "dropEnum"],
    );
  });

  it("adds new enum labels early and rebuilds the type late when labels are removed", () => {
    const t = table("t", [column("status", "e", { typeSchema: "public", default: "'a'" })]);
    const before = schema([t], [{ schema: "public", name: "e", values: ["a", "b"] }]);
    const after = schema([t], [{ schema: "public", name: "e", values: ["a", "c"] }]);
    const result = compareSchemas(before, after, postgresExpressions);
    expect(result).toEqual([
      expect.objectContaining({ kind: "alterEnum", from: ["a", "b"], to: ["a", "c", "b"] }),
      expect.objectContaining({
        kind: "alterEnum",
        from: ["a", "c", "b"],
        to: ["a", "c"],
        usages: [
          { schema: "public", table: "t", column: "status", isArray: false, default: "'a'" },
        ],
      }),
    ]);
  });

  it("reverses to the exact operations that restore the previous schema", () => {
    const before = schema([users, posts]);
    const after = schema([users]);
    const down = reverseOperations(compareSchemas(before, after, postgresExpressions));
    expect(kinds(down)).toEqual(["createTable", "createIndex", "addForeignKey"]);
  });

  it("is deterministic: the same inputs give identical operations", () => {
    const a = compareSchemas(schema([users]), schema([users, posts]), postgresExpressions);
    const b = compareSchemas(schema([users]), schema([users, posts]), postgresExpressions);
    expect(JSON.stringify(a)).toEqual(JSON.stringify(b));
  });
});

describe("withInsertedLabels", () => {
  it.each([
    [
      ["a", "b"],
      ["a", "b", "c"],
      ["a", "b", "c"],
    ],
    [
      ["a", "b"],
      ["x", "a", "b"],
      ["x", "a", "b"],
    ],
    [
      ["a", "b"],
      ["a", "x", "b"],
      ["a", "x", "b"],
    ],
    [
      ["a", "b"],
      ["a", "c"],
      ["a", "c", "b"],
    ],
    [
      ["a", "b"],
      ["b", "a"],
      ["a", "b"],
    ],
  ])("places the new labels of %j -> %j as %j", (from, to, expected) => {
    expect(withInsertedLabels(from, to)).toEqual(expected);
  });
});

describe("a column type change", () => {
  it("states the default too, so it can be dropped before the conversion and set after", () => {
    const before = schema([table("t", [column("n", "integer", { default: "0" })])]);
    const after = schema([table("t", [column("n", "bigint", { default: "0" })])]);
    const [op] = compareSchemas(before, after, postgresExpressions);
    expect(op).toMatchObject({
      from: { type: "integer", default: "0" },
      to: { type: "bigint", default: "0" },
    });
  });
});

describe("an enum rebuild", () => {
  it("carries the partial indexes and checks that cast to the enum, to re-create them around the rebuild", () => {
    const index = {
      name: "IDX_pub",
      columns: ["id"],
      unique: false,
      where: "(status = 'b'::e)",
      method: "btree",
    };
    const t = table(
      "t",
      [column("id", "integer"), column("status", "e", { typeSchema: "public" })],
      {
        indexes: [index],
        checks: [{ name: "CHK_other", expression: "(id > 0)" }],
      },
    );
    const before = schema([t], [{ schema: "public", name: "e", values: ["a", "b", "c"] }]);
    const after = schema([t], [{ schema: "public", name: "e", values: ["b", "c"] }]);
    const [rebuild] = compareSchemas(before, after, postgresExpressions);
    expect(rebuild).toMatchObject({
      kind: "alterEnum",
      dependents: [{ schema: "public", table: "t", index }],
    });
  });
});
