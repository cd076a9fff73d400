import { IrreversibleOperationError } from "../../src/errors";
import { ops } from "../../src/ops/factories";
import type { Operation, OperationKind } from "../../src/ops/operations";
import { reverseOperation, reverseOperations } from "../../src/ops/reverse";
import type { ForeignKey, TableShape } from "../../src/schema/model";
import { column } from "../support/model-builders";

const on = { schema: "public", table: "posts" };
const mood = { schema: "public", name: "mood", values: ["sad", "ok"] };
const title = column("title", "character varying(200)", { comment: "shown in lists" });
const shape: TableShape = {
  schema: "public",
  name: "posts",
  columns: [column("id", "integer", { serial: true }), title],
  primaryKey: { name: "PK_posts", columns: ["id"] },
  uniques: [{ name: "UQ_title", columns: ["title"] }],
  checks: [{ name: "CHK_id", expression: "(id > 0)" }],
  comment: "articles",
};
const fk: ForeignKey = {
  name: "FK_author",
  columns: ["author_id"],
  referencedSchema: "public",
  referencedTable: "users",
  referencedColumns: ["id"],
  onDelete: "CASCADE",
  onUpdate: "NO ACTION",
};
const index = {
  name: "IDX_title",
  columns: ["title"],
  unique: false,
  where: null,
  method: "btree",
};

/**
 * One operation of each kind, as the diff makes them (drops carry `previous`), and its inverse
 * kind. bulkInsert has none: data a migration inserted cannot be taken back by a rule.
 */
const made: {
  readonly [K in Exclude<OperationKind, "bulkInsert">]: readonly [Operation, OperationKind];
} = {
  createSchema: [ops.createSchema({ schema: "audit" }), "dropSchema"],
  dropSchema: [ops.dropSchema({ schema: "audit" }), "createSchema"],
  createExtension: [ops.createExtension({ name: "citext" }), "dropExtension"],
  dropExtension: [ops.dropExtension({ name: "citext" }), "createExtension"],
  createEnum: [ops.createEnum({ enum: mood }), "dropEnum"],
  dropEnum: [ops.dropEnum({ schema: "public", name: "mood", previous: mood }), "createEnum"],
  alterEnum: [
    ops.alterEnum({
      schema: "public",
      name: "mood",
      from: ["sad", "ok"],
      to: ["ok"],
      usages: [{ schema: "public", table: "people", column: "m", isArray: false, default: "'ok'" }],
    }),
    "alterEnum",
  ],
  createTable: [ops.createTable({ table: shape }), "dropTable"],
  dropTable: [ops.dropTable({ schema: "public", name: "posts", previous: shape }), "createTable"],
  addColumn: [ops.addColumn({ ...on, column: title }), "dropColumn"],
  dropColumn: [ops.dropColumn({ ...on, name: "title", previous: title }), "addColumn"],
  alterColumn: [
    ops.alterColumn({
      ...on,
      name: "title",
      from: { type: "character varying(200)", typeSchema: null, isArray: false, nullable: false },
      to: { type: "text", typeSchema: null, isArray: false, nullable: true },
    }),
    "alterColumn",
  ],
  addPrimaryKey: [
    ops.addPrimaryKey({ ...on, primaryKey: { name: "PK_posts", columns: ["id"] } }),
    "dropPrimaryKey",
  ],
  dropPrimaryKey: [
    ops.dropPrimaryKey({
      ...on,
      name: "PK_posts",
      previous: { name: "PK_posts", columns: ["id"] },
    }),
    "addPrimaryKey",
  ],
  addUnique: [
    ops.addUnique({ ...on, unique: { name: "UQ_title", columns: ["title"] } }),
    "dropUnique",
  ],
  dropUnique: [
    ops.dropUnique({ ...on, name: "UQ_title", previous: { name: "UQ_title", columns: ["title"] } }),
    "addUnique",
  ],
  createIndex: [ops.createIndex({ ...on, index }), "dropIndex"],
  dropIndex: [ops.dropIndex({ ...on, name: "IDX_title", previous: index }), "createIndex"],
  addForeignKey: [ops.addForeignKey({ ...on, foreignKey: fk }), "dropForeignKey"],
  dropForeignKey: [ops.dropForeignKey({ ...on, name: "FK_author", previous: fk }), "addForeignKey"],
  addCheck: [
    ops.addCheck({ ...on, check: { name: "CHK_id", expression: "(id > 0)" } }),
    "dropCheck",
  ],
  validateConstraint: [ops.validateConstraint({ ...on, name: "CHK_id" }), "validateConstraint"],
  dropCheck: [
    ops.dropCheck({ ...on, name: "CHK_id", previous: { name: "CHK_id", expression: "(id > 0)" } }),
    "addCheck",
  ],
  addExclusion: [
    ops.addExclusion({ ...on, exclusion: { name: "XCL_x", expression: "USING gist (x WITH &&)" } }),
    "dropExclusion",
  ],
  dropExclusion: [
    ops.dropExclusion({
      ...on,
      name: "XCL_x",
      previous: {
        name: "XCL_x",
        expression: "USING gist (x WITH &&)",
        deferrable: "INITIALLY DEFERRED",
      },
    }),
    "addExclusion",
  ],
  createView: [
    ops.createView({
      view: { schema: "public", name: "v", definition: "SELECT 1", materialized: false },
    }),
    "dropView",
  ],
  dropView: [
    ops.dropView({
      schema: "public",
      name: "v",
      materialized: true,
      previous: { schema: "public", name: "v", definition: "SELECT 1", materialized: true },
    }),
    "createView",
  ],
  setTableComment: [
    ops.setTableComment({ ...on, comment: "new", previous: "old" }),
    "setTableComment",
  ],
  execute: [ops.execute({ sql: "SELECT 1", reverseSql: "SELECT 2" }), "execute"],
  rebuildTable: [
    ops.rebuildTable({
      ...on,
      definition: { ...shape, indexes: [index], foreignKeys: [fk] },
      copy: ["id", "title"],
      previous: { ...shape, columns: [title, shape.columns[0]!], indexes: [], foreignKeys: [] },
    }),
    "rebuildTable",
  ],
  renameTable: [ops.renameTable({ schema: "public", from: "a", to: "b" }), "renameTable"],
  renameColumn: [ops.renameColumn({ ...on, from: "a", to: "b" }), "renameColumn"],
  renameEnum: [ops.renameEnum({ schema: "public", from: "a", to: "b" }), "renameEnum"],
  renameEnumValue: [
    ops.renameEnumValue({ schema: "public", name: "e", from: "a", to: "b" }),
    "renameEnumValue",
  ],
  renameIndex: [ops.renameIndex({ ...on, from: "a", to: "b" }), "renameIndex"],
  renameConstraint: [ops.renameConstraint({ ...on, from: "a", to: "b" }), "renameConstraint"],
};

describe("reverseOperation", () => {
  it.each(Object.entries(made))(
    "undoes %s with its inverse kind, and undoing that gives the operation back",
    (_kind, [op, inverse]) => {
      const reversed = reverseOperation(op);
      expect(reversed.kind).toBe(inverse);
      expect(reverseOperation(reversed)).toStrictEqual(op);
    },
  );

  it("returns frozen operations", () => {
    for (const [op] of Object.values(made))
      expect(Object.isFrozen(reverseOperation(op))).toBe(true);
  });

  it.each<[string, Operation]>([
    ["dropEnum", ops.dropEnum({ schema: "public", name: "mood" })],
    ["dropTable", ops.dropTable({ schema: "public", name: "posts" })],
    ["dropColumn", ops.dropColumn({ ...on, name: "title" })],
    ["dropPrimaryKey", ops.dropPrimaryKey({ ...on, name: "PK_posts" })],
    ["dropUnique", ops.dropUnique({ ...on, name: "UQ_title" })],
    ["dropIndex", ops.dropIndex({ ...on, name: "IDX_title" })],
    ["dropForeignKey", ops.dropForeignKey({ ...on, name: "FK_author" })],
    ["dropCheck", ops.dropCheck({ ...on, name: "CHK_id" })],
    ["dropExclusion", ops.dropExclusion({ ...on, name: "XCL_x" })],
    ["dropView", ops.dropView({ schema: "public", name: "v", materialized: false })],
    ["setTableComment", ops.setTableComment({ ...on, comment: "new" })],
    ["execute", ops.execute({ sql: "DELETE FROM posts" })],
    ["bulkInsert", ops.bulkInsert({ ...on, rows: [{ title: "hello" }] })],
  ])("refuses to reverse %s that does not carry what it removes", (kind, op) => {
    expect(() => reverseOperation(op)).toThrow(IrreversibleOperationError);
    expect(() => reverseOperation(op)).toThrow(
      expect.objectContaining({ operationKind: kind, code: "irreversible" }),
    );
  });

  it("reverses a type change with a plain cast, since a conversion expression only works one way", () => {
    const [op] = made.alterColumn;
    const withUsing = ops.alterColumn({
      ...(op as Extract<Operation, { kind: "alterColumn" }>),
      using: "left(title, 10)",
    });
    expect(reverseOperation(withUsing)).not.toHaveProperty("using");
  });

  it("reverses a NOT NULL backfill by making the column nullable again, without a backfill", () => {
    const backfilled = ops.alterColumn({
      ...on,
      name: "views",
      from: { nullable: true },
      to: { nullable: false },
      backfill: "0",
    });
    expect(reverseOperation(backfilled)).toStrictEqual(
      ops.alterColumn({ ...on, name: "views", from: { nullable: false }, to: { nullable: true } }),
    );
  });

  it("does not give the forward parameters of raw SQL to its reverse SQL", () => {
    const op = ops.execute({
      sql: "INSERT INTO t VALUES ($1)",
      params: [1],
      reverseSql: "DELETE FROM t",
    });
    expect(reverseOperation(op)).toStrictEqual(
      ops.execute({ sql: "DELETE FROM t", reverseSql: "INSERT INTO t VALUES ($1)" }),
    );
  });
});

describe("reverseOperations", () => {
  it("reverses each operation and the order", () => {
    const list = [ops.createSchema({ schema: "a" }), ops.createTable({ table: shape })];
    expect(reverseOperations(list)).toStrictEqual([
      ops.dropTable({ schema: "public", name: "posts", previous: shape }),
      ops.dropSchema({ schema: "a" }),
    ]);
  });
});
