import { compileOperation, compileOperations } from "../../src/dialect/postgres/compile/compile";
import { ops } from "../../src/ops/factories";
import type { Operation, OperationKind } from "../../src/ops/operations";
import type { TableShape } from "../../src/schema/model";
import { column } from "../support/model-builders";
import { foreignKey, tableShape } from "./support/fixtures";

const on = { schema: "public", table: "users" };

const shape = (extra: Partial<TableShape>): TableShape => tableShape("users", extra);
const fk = foreignKey;

type Case = readonly [name: string, op: Operation, sql: readonly string[]];

/**
 * Keyed by every operation kind, so a kind without a case does not type-check; rebuildTable,
 * which PostgreSQL refuses, has its own test below.
 */
const cases: { readonly [K in Exclude<OperationKind, "rebuildTable">]: readonly Case[] } = {
  createSchema: [
    ["is a plain CREATE SCHEMA", ops.createSchema({ schema: "audit" }), ['CREATE SCHEMA "audit"']],
  ],
  dropSchema: [
    ["drops without CASCADE", ops.dropSchema({ schema: "audit" }), ['DROP SCHEMA "audit"']],
  ],
  createExtension: [
    [
      "installs the extension unless it is there",
      ops.createExtension({ name: "uuid-ossp" }),
      ['CREATE EXTENSION IF NOT EXISTS "uuid-ossp"'],
    ],
  ],
  dropExtension: [
    [
      "drops without CASCADE",
      ops.dropExtension({ name: "citext" }),
      ['DROP EXTENSION IF EXISTS "citext"'],
    ],
  ],
  createEnum: [
    [
      "lists the labels as literals",
      ops.createEnum({ enum: { schema: "public", name: "mood", values: ["sad", "it's ok"] } }),
      [`CREATE TYPE "public"."mood" AS ENUM ('sad', 'it''s ok')`],
    ],
  ],
  dropEnum: [
    ["drops the type", ops.dropEnum({ schema: "s", name: "mood" }), ['DROP TYPE "s"."mood"']],
  ],
  // Both alter kinds have their own, longer tables in compile-enums and compile-columns tests.
  alterEnum: [
    [
      "adds a new label after its predecessor",
      ops.alterEnum({
        schema: "public",
        name: "mood",
        from: ["a", "b"],
        to: ["a", "x", "b"],
        usages: [],
      }),
      [`ALTER TYPE "public"."mood" ADD VALUE IF NOT EXISTS 'x' AFTER 'a'`],
    ],
  ],
  createTable: [
    [
      "writes columns, keys, checks and comments",
      ops.createTable({
        table: shape({
          columns: [
            column("id", "integer", { serial: true, default: "nextval('users_id_seq'::regclass)" }),
            column("email", "character varying(255)", { comment: "login" }),
            column("age", "integer", { nullable: true, default: "0" }),
            column("mood", "mood", { typeSchema: "public", isArray: true, nullable: true }),
          ],
          primaryKey: { name: "PK_users", columns: ["id"] },
          uniques: [{ name: "UQ_users_email", columns: ["email"] }],
          checks: [{ name: "CHK_age", expression: "(age >= 0)" }],
          comment: "people",
        }),
      }),
      [
        'CREATE TABLE "public"."users" (\n' +
          '  "id" serial NOT NULL,\n' +
          '  "email" character varying(255) NOT NULL,\n' +
          '  "age" integer DEFAULT 0,\n' +
          '  "mood" "public"."mood"[],\n' +
          '  CONSTRAINT "PK_users" PRIMARY KEY ("id"),\n' +
          '  CONSTRAINT "UQ_users_email" UNIQUE ("email"),\n' +
          '  CONSTRAINT "CHK_age" CHECK ((age >= 0))\n' +
          ")",
        `COMMENT ON TABLE "public"."users" IS 'people'`,
        `COMMENT ON COLUMN "public"."users"."email" IS 'login'`,
      ],
    ],
    [
      "writes a table without columns",
      ops.createTable({ table: shape({}) }),
      ['CREATE TABLE "public"."users" ()'],
    ],
    [
      "follows a nullable serial column with DROP NOT NULL, since serial implies NOT NULL",
      ops.createTable({
        table: shape({ columns: [column("n", "bigint", { serial: true, nullable: true })] }),
      }),
      [
        'CREATE TABLE "public"."users" (\n  "n" bigserial\n)',
        'ALTER TABLE "public"."users" ALTER COLUMN "n" DROP NOT NULL',
      ],
    ],
  ],
  dropTable: [
    [
      "drops without CASCADE",
      ops.dropTable({ schema: "public", name: "users" }),
      ['DROP TABLE "public"."users"'],
    ],
  ],
  addColumn: [
    [
      "adds the column with its comment",
      ops.addColumn({
        ...on,
        column: column("bio", "text", { default: "''::text", comment: "about" }),
      }),
      [
        `ALTER TABLE "public"."users" ADD COLUMN "bio" text NOT NULL DEFAULT ''::text`,
        `COMMENT ON COLUMN "public"."users"."bio" IS 'about'`,
      ],
    ],
    [
      "adds a smallserial column",
      ops.addColumn({ ...on, column: column("n", "smallint", { serial: true }) }),
      ['ALTER TABLE "public"."users" ADD COLUMN "n" smallserial NOT NULL'],
    ],
  ],
  dropColumn: [
    [
      "drops the column",
      ops.dropColumn({ ...on, name: "bio" }),
      ['ALTER TABLE "public"."users" DROP COLUMN "bio"'],
    ],
  ],
  alterColumn: [
    [
      "drops NOT NULL",
      ops.alterColumn({ ...on, name: "age", from: { nullable: false }, to: { nullable: true } }),
      ['ALTER TABLE "public"."users" ALTER COLUMN "age" DROP NOT NULL'],
    ],
  ],
  addPrimaryKey: [
    [
      "adds a named composite key",
      ops.addPrimaryKey({ ...on, primaryKey: { name: "PK_users", columns: ["a", "b"] } }),
      ['ALTER TABLE "public"."users" ADD CONSTRAINT "PK_users" PRIMARY KEY ("a", "b")'],
    ],
  ],
  dropPrimaryKey: [
    [
      "drops it by name",
      ops.dropPrimaryKey({ ...on, name: "PK_users" }),
      ['ALTER TABLE "public"."users" DROP CONSTRAINT "PK_users"'],
    ],
  ],
  addUnique: [
    [
      "adds a named unique constraint",
      ops.addUnique({ ...on, unique: { name: "UQ_email", columns: ["email"] } }),
      ['ALTER TABLE "public"."users" ADD CONSTRAINT "UQ_email" UNIQUE ("email")'],
    ],
  ],
  dropUnique: [
    [
      "drops it by name",
      ops.dropUnique({ ...on, name: "UQ_email" }),
      ['ALTER TABLE "public"."users" DROP CONSTRAINT "UQ_email"'],
    ],
  ],
  createIndex: [
    [
      "leaves out USING btree",
      ops.createIndex({
        ...on,
        index: { name: "IDX_a", columns: ["a", "b"], unique: false, where: null, method: "btree" },
      }),
      ['CREATE INDEX "IDX_a" ON "public"."users" ("a", "b")'],
    ],
    [
      "writes UNIQUE, another method and a partial predicate",
      ops.createIndex({
        ...on,
        index: {
          name: "IDX_tags",
          columns: ["tags"],
          unique: true,
          where: "(deleted_at IS NULL)",
          method: "gin",
        },
      }),
      [
        'CREATE UNIQUE INDEX "IDX_tags" ON "public"."users" USING "gin" ("tags") WHERE (deleted_at IS NULL)',
      ],
    ],
  ],
  dropIndex: [
    [
      "qualifies the index with the table's schema",
      ops.dropIndex({ schema: "s", table: "users", name: "IDX_a" }),
      ['DROP INDEX "s"."IDX_a"'],
    ],
  ],
  addForeignKey: [
    [
      "leaves out NO ACTION",
      ops.addForeignKey({ schema: "public", table: "posts", foreignKey: fk({}) }),
      [
        'ALTER TABLE "public"."posts" ADD CONSTRAINT "FK_posts_author" FOREIGN KEY ("author_id") REFERENCES "public"."users" ("id")',
      ],
    ],
    [
      "writes the other actions and a referenced table in another schema",
      ops.addForeignKey({
        schema: "public",
        table: "posts",
        foreignKey: fk({ referencedSchema: "auth", onDelete: "CASCADE", onUpdate: "SET NULL" }),
      }),
      [
        'ALTER TABLE "public"."posts" ADD CONSTRAINT "FK_posts_author" FOREIGN KEY ("author_id") REFERENCES "auth"."users" ("id") ON DELETE CASCADE ON UPDATE SET NULL',
      ],
    ],
  ],
  dropForeignKey: [
    [
      "drops it by name",
      ops.dropForeignKey({ ...on, name: "FK_x" }),
      ['ALTER TABLE "public"."users" DROP CONSTRAINT "FK_x"'],
    ],
  ],
  addCheck: [
    [
      "adds it NOT VALID when asked, reading no row",
      ops.addCheck({ ...on, check: { name: "CHK_age", expression: "(age >= 0)" }, notValid: true }),
      ['ALTER TABLE "public"."users" ADD CONSTRAINT "CHK_age" CHECK ((age >= 0)) NOT VALID'],
    ],
    [
      "writes the expression as it is",
      ops.addCheck({
        ...on,
        check: { name: "CHK_age", expression: "((age >= 0) AND (age < 200))" },
      }),
      [
        'ALTER TABLE "public"."users" ADD CONSTRAINT "CHK_age" CHECK (((age >= 0) AND (age < 200)))',
      ],
    ],
  ],
  validateConstraint: [
    [
      "validates it by name",
      ops.validateConstraint({ ...on, name: "CHK_age" }),
      ['ALTER TABLE "public"."users" VALIDATE CONSTRAINT "CHK_age"'],
    ],
  ],
  dropCheck: [
    [
      "drops it by name",
      ops.dropCheck({ ...on, name: "CHK_age" }),
      ['ALTER TABLE "public"."users" DROP CONSTRAINT "CHK_age"'],
    ],
  ],
  addExclusion: [
    [
      "writes what follows EXCLUDE as it is, and how it defers",
      ops.addExclusion({
        ...on,
        exclusion: {
          name: "XCL_slot",
          expression: "USING gist (room WITH =, during WITH &&)",
          deferrable: "INITIALLY DEFERRED",
        },
      }),
      [
        'ALTER TABLE "public"."users" ADD CONSTRAINT "XCL_slot" EXCLUDE USING gist (room WITH =, during WITH &&) DEFERRABLE INITIALLY DEFERRED',
      ],
    ],
  ],
  dropExclusion: [
    [
      "drops it by name",
      ops.dropExclusion({ ...on, name: "XCL_slot" }),
      ['ALTER TABLE "public"."users" DROP CONSTRAINT "XCL_slot"'],
    ],
  ],
  createView: [
    [
      "writes the query on lines of its own",
      ops.createView({
        view: { schema: "public", name: "v", definition: "SELECT 1 AS one", materialized: false },
      }),
      ['CREATE VIEW "public"."v" AS\nSELECT 1 AS one'],
    ],
    [
      "creates a materialized view with its rows",
      ops.createView({
        view: { schema: "s", name: "m", definition: "SELECT 1 AS one", materialized: true },
      }),
      ['CREATE MATERIALIZED VIEW "s"."m" AS\nSELECT 1 AS one'],
    ],
  ],
  dropView: [
    [
      "drops a view without CASCADE",
      ops.dropView({ schema: "public", name: "v", materialized: false }),
      ['DROP VIEW "public"."v"'],
    ],
    [
      "drops a materialized view with its own statement",
      ops.dropView({ schema: "s", name: "m", materialized: true }),
      ['DROP MATERIALIZED VIEW "s"."m"'],
    ],
  ],
  setTableComment: [
    [
      "sets a comment",
      ops.setTableComment({ ...on, comment: "a\\b" }),
      [`COMMENT ON TABLE "public"."users" IS E'a\\\\b'`],
    ],
    [
      "removes it with NULL",
      ops.setTableComment({ ...on, comment: null }),
      ['COMMENT ON TABLE "public"."users" IS NULL'],
    ],
  ],
  execute: [
    [
      "returns the SQL as written and leaves parameters to the runner",
      ops.execute({ sql: "UPDATE users SET age = $1", params: [3] }),
      ["UPDATE users SET age = $1"],
    ],
  ],
  bulkInsert: [
    [
      "is one INSERT whose values are literals, DEFAULT where a row leaves a column out",
      ops.bulkInsert({
        ...on,
        rows: [
          { name: "O'Hara", age: 7 },
          { age: -1, note: null, name: undefined },
        ],
      }),
      [
        `INSERT INTO "public"."users" ("name", "age", "note") VALUES ('O''Hara', '7', DEFAULT), (DEFAULT, '-1', NULL)`,
      ],
    ],
    ["is nothing without rows", ops.bulkInsert({ ...on, rows: [] }), []],
    [
      "inserts default rows one by one when no row names a column",
      ops.bulkInsert({ ...on, rows: [{}, {}] }),
      [
        'INSERT INTO "public"."users" DEFAULT VALUES',
        'INSERT INTO "public"."users" DEFAULT VALUES',
      ],
    ],
  ],
  renameTable: [
    [
      "is ALTER TABLE ... RENAME TO, the new name unqualified, then its sequences follow",
      ops.renameTable({ schema: "s", from: "tags", to: "labels" }),
      [
        'ALTER TABLE "s"."tags" RENAME TO "labels"',
        expect.stringMatching(/^DO \$autogen\$.*ALTER SEQUENCE.*'labels'/s) as unknown as string,
      ],
    ],
  ],
  renameColumn: [
    [
      "is RENAME COLUMN",
      ops.renameColumn({ ...on, from: "fullname", to: "full_name" }),
      ['ALTER TABLE "public"."users" RENAME COLUMN "fullname" TO "full_name"'],
    ],
  ],
  renameEnum: [
    [
      "is ALTER TYPE ... RENAME TO",
      ops.renameEnum({ schema: "public", from: "a_enum", to: "b_enum" }),
      ['ALTER TYPE "public"."a_enum" RENAME TO "b_enum"'],
    ],
  ],
  renameEnumValue: [
    [
      "is RENAME VALUE with the labels as literals",
      ops.renameEnumValue({ schema: "public", name: "mood", from: "it's", to: "ok" }),
      [`ALTER TYPE "public"."mood" RENAME VALUE 'it''s' TO 'ok'`],
    ],
  ],
  renameIndex: [
    [
      "is ALTER INDEX, qualified by the table's schema",
      ops.renameIndex({ ...on, from: "IDX_a", to: "IDX_b" }),
      ['ALTER INDEX "public"."IDX_a" RENAME TO "IDX_b"'],
    ],
  ],
  renameConstraint: [
    [
      "is RENAME CONSTRAINT",
      ops.renameConstraint({ ...on, from: "PK_a", to: "PK_b" }),
      ['ALTER TABLE "public"."users" RENAME CONSTRAINT "PK_a" TO "PK_b"'],
    ],
  ],
};

describe("compileOperation of a SQLite table rebuild", () => {
  it("refuses on PostgreSQL, which changes tables in place", () => {
    const table = { schema: "public", name: "users", columns: [], primaryKey: null, uniques: [] };
    const op = ops.rebuildTable({
      ...on,
      definition: { ...table, checks: [], indexes: [], foreignKeys: [], comment: null },
      copy: [],
    });
    expect(() => compileOperation(op)).toThrow(
      'op.rebuildTable("users") is for SQLite databases; PostgreSQL changes the table in place.',
    );
  });
});

describe("compileOperation", () => {
  const rows = Object.entries(cases).flatMap(([kind, list]) =>
    list.map(([name, op, sql]) => [`${kind} ${name}`, op, sql] as const),
  );

  it.each(rows)("%s", (_name, op, sql) => {
    expect(compileOperation(op)).toEqual(sql);
  });

  it("inlines execute parameters as literals when asked to, for offline scripts", () => {
    const op = ops.execute({
      sql: "UPDATE users SET name = $1 WHERE id = $2",
      params: ["O'Hara", 7],
    });
    expect(compileOperation(op, { inlineParams: true })).toEqual([
      "UPDATE users SET name = 'O''Hara' WHERE id = '7'",
    ]);
  });

  it("never ends a statement with a semicolon", () => {
    const all = Object.values(cases).flatMap((list) => list.map(([, op]) => op));
    for (const statement of compileOperations(all)) expect(statement.trimEnd()).not.toMatch(/;$/);
  });
});

describe("compileOperations", () => {
  it("concatenates the statements of each operation in order", () => {
    const list = [ops.createSchema({ schema: "a" }), ops.dropSchema({ schema: "b" })];
    expect(compileOperations(list)).toEqual(['CREATE SCHEMA "a"', 'DROP SCHEMA "b"']);
  });
});
