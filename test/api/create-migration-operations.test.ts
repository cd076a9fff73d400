import { createMigrationOperations, type MigrationOperations } from "../../src/api";
import { AutogenError } from "../../src/errors";
import type { Operation } from "../../src/ops/operations";
import type { ReferentialAction } from "../../src/schema/model";

function recorder(): { op: MigrationOperations; recorded: Operation[] } {
  const recorded: Operation[] = [];
  return { op: createMigrationOperations(async (o) => void recorded.push(o)), recorded };
}

async function one(call: (op: MigrationOperations) => Promise<void>): Promise<Operation> {
  const { op, recorded } = recorder();
  await call(op);
  expect(recorded).toHaveLength(1);
  return recorded[0] as Operation;
}

const { op: column } = recorder();

describe("op.column", () => {
  it("fills every omitted attribute with the model's nothing-declared value", () => {
    expect(column.column("id", "uuid")).toStrictEqual({
      name: "id",
      type: "uuid",
      typeSchema: null,
      isArray: false,
      nullable: false,
      default: null,
      serial: false,
      comment: null,
    });
  });

  it("maps every option onto the model column", () => {
    const options = {
      array: true,
      typeSchema: "blog",
      nullable: true,
      default: "'{}'",
      serial: true,
      comment: "c",
    };
    expect(column.column("tags", "tag_enum", options)).toStrictEqual({
      name: "tags",
      type: "tag_enum",
      typeSchema: "blog",
      isArray: true,
      nullable: true,
      default: "'{}'",
      serial: true,
      comment: "c",
    });
  });
});

describe("the op API", () => {
  it.each<[string, (op: MigrationOperations) => Promise<void>, Operation]>([
    [
      "a plain table name means the public schema",
      (op) => op.dropTable("users"),
      { kind: "dropTable", schema: "public", name: "users" },
    ],
    [
      "an object table name carries its schema",
      (op) => op.dropColumn({ schema: "blog", name: "posts" }, "legacy"),
      { kind: "dropColumn", schema: "blog", table: "posts", name: "legacy" },
    ],
    [
      "an enum is named like a table",
      (op) => op.createEnum({ schema: "blog", name: "status" }, ["draft"]),
      { kind: "createEnum", enum: { schema: "blog", name: "status", values: ["draft"] } },
    ],
    [
      "createTable leaves out no key, with nothing declared by default",
      (op) => op.createTable("t", { columns: [] }),
      {
        kind: "createTable",
        table: {
          schema: "public",
          name: "t",
          columns: [],
          primaryKey: null,
          uniques: [],
          checks: [],
          comment: null,
        },
      },
    ],
    [
      "createIndex defaults to a plain, total btree index",
      (op) => op.createIndex("t", { name: "IDX", columns: ["a"] }),
      {
        kind: "createIndex",
        schema: "public",
        table: "t",
        index: { name: "IDX", columns: ["a"], unique: false, where: null, method: "btree" },
      },
    ],
    [
      "addForeignKey defaults both actions to NO ACTION and resolves the referenced table",
      (op) =>
        op.addForeignKey("posts", {
          name: "FK",
          columns: ["a"],
          references: { table: { schema: "blog", name: "users" }, columns: ["id"] },
        }),
      {
        kind: "addForeignKey",
        schema: "public",
        table: "posts",
        foreignKey: {
          name: "FK",
          columns: ["a"],
          referencedSchema: "blog",
          referencedTable: "users",
          referencedColumns: ["id"],
          onDelete: "NO ACTION",
          onUpdate: "NO ACTION",
        },
      },
    ],
    [
      "alterEnum defaults to no usages and fills each usage's defaults",
      (op) => op.alterEnum("e", { from: ["a"], to: [], usages: [{ table: "t", column: "c" }] }),
      {
        kind: "alterEnum",
        schema: "public",
        name: "e",
        from: ["a"],
        to: [],
        usages: [{ schema: "public", table: "t", column: "c", isArray: false, default: null }],
      },
    ],
    [
      "alterColumn keeps exactly the attributes given, null and false included, without `using`",
      (op) =>
        op.alterColumn("t", "c", {
          from: { array: false, default: null, typeSchema: null },
          to: { nullable: false, comment: null },
        }),
      {
        kind: "alterColumn",
        schema: "public",
        table: "t",
        name: "c",
        from: { typeSchema: null, isArray: false, default: null },
        to: { nullable: false, comment: null },
      },
    ],
    [
      "alterColumn passes a conversion expression on",
      (op) =>
        op.alterColumn("t", "c", {
          from: { type: "text" },
          to: { type: "integer" },
          using: "c::integer",
        }),
      {
        kind: "alterColumn",
        schema: "public",
        table: "t",
        name: "c",
        from: { type: "text" },
        to: { type: "integer" },
        using: "c::integer",
      },
    ],
    [
      "execute without options carries neither params nor reverseSql",
      (op) => op.execute("SELECT 1"),
      { kind: "execute", sql: "SELECT 1" },
    ],
    [
      "execute carries its parameters and reverse SQL",
      (op) => op.execute("SELECT $1", { params: [1], reverseSql: "SELECT 2" }),
      { kind: "execute", sql: "SELECT $1", params: [1], reverseSql: "SELECT 2" },
    ],
    [
      "setTableComment removes a comment with null",
      (op) => op.setTableComment("t", null),
      { kind: "setTableComment", schema: "public", table: "t", comment: null },
    ],
  ])("%s", async (_name, call, expected) => {
    expect(await one(call)).toStrictEqual(expected);
  });

  it("hands the sink frozen operations", async () => {
    expect(Object.isFrozen(await one((op) => op.createSchema("blog")))).toBe(true);
  });

  it("resolves each call only once the sink has dealt with the operation", async () => {
    const events: string[] = [];
    const op = createMigrationOperations(async (o) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`sink ${o.kind}`);
    });
    await op.createSchema("a");
    events.push("after createSchema");
    await op.dropSchema("a");
    expect(events).toEqual(["sink createSchema", "after createSchema", "sink dropSchema"]);
  });

  it("passes a sink failure on to the migration", async () => {
    const op = createMigrationOperations(() => Promise.reject(new Error("statement failed")));
    await expect(op.dropTable("users")).rejects.toThrow("statement failed");
  });

  it("refuses a referential action that is not one, before it reaches the sink", async () => {
    const { op, recorded } = recorder();
    const typo = "CASCDE" as ReferentialAction;
    const call = op.addForeignKey("posts", {
      name: "FK",
      columns: ["a"],
      references: { table: "users", columns: ["id"] },
      onDelete: typo,
    });
    await expect(call).rejects.toBeInstanceOf(AutogenError);
    await expect(call).rejects.toThrow(/"CASCDE" for onDelete/);
    expect(recorded).toEqual([]);
  });
});
