import { compileOperation } from "../../src/dialect/postgres/compile/compile";
import { ops } from "../../src/ops/factories";
import type { Operation, OperationKind } from "../../src/ops/operations";
import { reverseOperation } from "../../src/ops/reverse";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { column } from "../support/model-builders";
import { apply, runStatements, scalar, snapshot } from "./support/catalog";
import { foreignKey, posts, tableShape, users } from "./support/fixtures";

/**
 * Every operation kind on a real PostgreSQL: its SQL has the intended effect, and the SQL of
 * its reverse brings the catalogs back to exactly what they were.
 */
interface RoundTrip {
  /** Operations that build the starting state. */
  readonly setup: readonly Operation[];
  readonly op: Operation;
  /** Checks the effect once `op` has run. */
  readonly check: (db: TestDatabase) => Promise<void>;
}

const on = { schema: "public", table: "users" };
const mood = { schema: "public", name: "mood", values: ["sad", "ok"] };
const age = users.columns[2]!;

const exists = (db: TestDatabase, relation: string) =>
  scalar<boolean>(db, "SELECT to_regclass($1) IS NOT NULL", [relation]);
const constraintNames = (db: TestDatabase, table: string) =>
  db
    .query<{ conname: string }>(
      "SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass ORDER BY 1",
      [table],
    )
    .then((rows) => rows.map((r) => r.conname));
const labels = (db: TestDatabase) =>
  scalar<string[]>(db, "SELECT enum_range(NULL::public.mood)::text[]");

/**
 * bulkInsert changes rows, not catalogs, and has no reverse: test/dialect/bulk-insert.test.ts.
 * rebuildTable is SQLite's alone (PostgreSQL refuses it): test/dialect/sqlite/.
 */
/**
 * validateConstraint changes whether rows were checked, not a definition, and its downgrade
 * is nothing: test/commands/safe-plans.test.ts runs it over rows.
 */
type Excluded = "bulkInsert" | "rebuildTable" | "validateConstraint";
const cases: { readonly [K in Exclude<OperationKind, Excluded>]: RoundTrip } = {
  createSchema: {
    setup: [],
    op: ops.createSchema({ schema: "audit" }),
    check: async (db) =>
      expect(await scalar(db, "SELECT to_regnamespace('audit') IS NOT NULL")).toBe(true),
  },
  dropSchema: {
    setup: [ops.createSchema({ schema: "audit" })],
    op: ops.dropSchema({ schema: "audit" }),
    check: async (db) => expect(await scalar(db, "SELECT to_regnamespace('audit')")).toBeNull(),
  },
  createExtension: {
    setup: [],
    op: ops.createExtension({ name: "citext" }),
    check: async (db) => expect(await scalar(db, "SELECT to_regtype('citext')")).toBe("citext"),
  },
  dropExtension: {
    setup: [ops.createExtension({ name: "citext" })],
    op: ops.dropExtension({ name: "citext" }),
    check: async (db) => expect(await scalar(db, "SELECT to_regtype('citext')")).toBeNull(),
  },
  createEnum: {
    setup: [],
    op: ops.createEnum({ enum: mood }),
    check: async (db) => expect(await labels(db)).toEqual(["sad", "ok"]),
  },
  dropEnum: {
    setup: [ops.createEnum({ enum: mood })],
    op: ops.dropEnum({ schema: "public", name: "mood", previous: mood }),
    check: async (db) => expect(await scalar(db, "SELECT to_regtype('public.mood')")).toBeNull(),
  },
  alterEnum: {
    setup: [
      ops.createEnum({ enum: mood }),
      ops.createTable({
        table: tableShape("people", {
          columns: [column("m", "mood", { typeSchema: "public", default: "'ok'" })],
        }),
      }),
    ],
    // Forward adds labels; the reverse has to rebuild the type over the column.
    op: ops.alterEnum({
      schema: "public",
      name: "mood",
      from: ["sad", "ok"],
      to: ["angry", "sad", "meh", "ok", "glad"],
      usages: [{ schema: "public", table: "people", column: "m", isArray: false, default: "'ok'" }],
    }),
    check: async (db) => expect(await labels(db)).toEqual(["angry", "sad", "meh", "ok", "glad"]),
  },
  createTable: {
    setup: [],
    op: ops.createTable({
      table: {
        ...users,
        uniques: [{ name: "UQ_users_email", columns: ["email"] }],
        checks: [{ name: "CHK_users_age", expression: "(age >= 0)" }],
        comment: "people who log in",
      },
    }),
    check: async (db) => {
      expect(await scalar(db, "SELECT obj_description('public.users'::regclass, 'pg_class')")).toBe(
        "people who log in",
      );
      expect(await constraintNames(db, "public.users")).toEqual([
        "CHK_users_age",
        "PK_users",
        "UQ_users_email",
      ]);
      expect(await exists(db, "public.users_id_seq")).toBe(true);
    },
  },
  dropTable: {
    setup: [ops.createTable({ table: users })],
    op: ops.dropTable({ schema: "public", name: "users", previous: users }),
    check: async (db) => {
      expect(await exists(db, "public.users")).toBe(false);
      expect(await exists(db, "public.users_id_seq")).toBe(false);
    },
  },
  addColumn: {
    setup: [ops.createTable({ table: users })],
    op: ops.addColumn({
      ...on,
      column: column("bio", "text", { default: "''::text", comment: "about" }),
    }),
    check: async (db) =>
      expect(await scalar(db, "SELECT col_description('public.users'::regclass, 4)")).toBe("about"),
  },
  dropColumn: {
    setup: [ops.createTable({ table: users })],
    op: ops.dropColumn({ ...on, name: "age", previous: age }),
    check: async (db) =>
      expect(
        await scalar(
          db,
          "SELECT count(*)::int FROM information_schema.columns WHERE column_name = 'age'",
        ),
      ).toBe(0),
  },
  alterColumn: {
    setup: [ops.createTable({ table: users })],
    op: ops.alterColumn({
      ...on,
      name: "age",
      from: {
        type: "integer",
        typeSchema: null,
        isArray: false,
        nullable: true,
        default: null,
        comment: null,
      },
      to: {
        type: "bigint",
        typeSchema: null,
        isArray: false,
        nullable: false,
        default: "0",
        comment: "years",
      },
    }),
    check: async (db) =>
      expect(
        await db.query(
          "SELECT data_type, is_nullable, column_default FROM information_schema.columns WHERE column_name = 'age'",
        ),
      ).toEqual([{ data_type: "bigint", is_nullable: "NO", column_default: "0" }]),
  },
  addPrimaryKey: {
    setup: [ops.createTable({ table: posts })],
    op: ops.addPrimaryKey({
      schema: "public",
      table: "posts",
      primaryKey: { name: "PK_posts", columns: ["id"] },
    }),
    check: async (db) => expect(await constraintNames(db, "public.posts")).toEqual(["PK_posts"]),
  },
  dropPrimaryKey: {
    setup: [ops.createTable({ table: users })],
    op: ops.dropPrimaryKey({
      ...on,
      name: "PK_users",
      previous: { name: "PK_users", columns: ["id"] },
    }),
    check: async (db) => expect(await constraintNames(db, "public.users")).toEqual([]),
  },
  addUnique: {
    setup: [ops.createTable({ table: users })],
    op: ops.addUnique({ ...on, unique: { name: "UQ_email_age", columns: ["email", "age"] } }),
    check: async (db) =>
      expect(await constraintNames(db, "public.users")).toEqual(["PK_users", "UQ_email_age"]),
  },
  dropUnique: {
    setup: [
      ops.createTable({
        table: { ...users, uniques: [{ name: "UQ_email", columns: ["email"] }] },
      }),
    ],
    op: ops.dropUnique({
      ...on,
      name: "UQ_email",
      previous: { name: "UQ_email", columns: ["email"] },
    }),
    check: async (db) => expect(await constraintNames(db, "public.users")).toEqual(["PK_users"]),
  },
  createIndex: {
    setup: [ops.createTable({ table: posts })],
    op: ops.createIndex({
      schema: "public",
      table: "posts",
      index: {
        name: "IDX_tags",
        columns: ["tags"],
        unique: false,
        where: "(author_id IS NOT NULL)",
        method: "gin",
      },
    }),
    check: async (db) =>
      expect(await scalar(db, "SELECT pg_get_indexdef('public.\"IDX_tags\"'::regclass)")).toBe(
        'CREATE INDEX "IDX_tags" ON public.posts USING gin (tags) WHERE (author_id IS NOT NULL)',
      ),
  },
  dropIndex: {
    setup: [
      ops.createTable({ table: posts }),
      ops.createIndex({
        schema: "public",
        table: "posts",
        index: {
          name: "IDX_author",
          columns: ["author_id", "id"],
          unique: true,
          where: null,
          method: "btree",
        },
      }),
    ],
    op: ops.dropIndex({
      schema: "public",
      table: "posts",
      name: "IDX_author",
      previous: {
        name: "IDX_author",
        columns: ["author_id", "id"],
        unique: true,
        where: null,
        method: "btree",
      },
    }),
    check: async (db) => expect(await exists(db, 'public."IDX_author"')).toBe(false),
  },
  addForeignKey: {
    setup: [ops.createTable({ table: users }), ops.createTable({ table: posts })],
    op: ops.addForeignKey({
      schema: "public",
      table: "posts",
      foreignKey: foreignKey({ onDelete: "CASCADE" }),
    }),
    check: async (db) =>
      expect(
        await scalar(
          db,
          `SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'FK_posts_author'`,
        ),
      ).toBe("FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE"),
  },
  dropForeignKey: {
    setup: [
      ops.createTable({ table: users }),
      ops.createTable({ table: posts }),
      ops.addForeignKey({
        schema: "public",
        table: "posts",
        foreignKey: foreignKey({ onUpdate: "RESTRICT" }),
      }),
    ],
    op: ops.dropForeignKey({
      schema: "public",
      table: "posts",
      name: "FK_posts_author",
      previous: foreignKey({ onUpdate: "RESTRICT" }),
    }),
    check: async (db) => expect(await constraintNames(db, "public.posts")).toEqual([]),
  },
  addCheck: {
    setup: [ops.createTable({ table: users })],
    op: ops.addCheck({
      ...on,
      check: { name: "CHK_age", expression: "((age >= 0) AND (age < 200))" },
    }),
    check: async (db) =>
      expect(await constraintNames(db, "public.users")).toEqual(["CHK_age", "PK_users"]),
  },
  dropCheck: {
    setup: [
      ops.createTable({
        table: { ...users, checks: [{ name: "CHK_age", expression: "(age > 0)" }] },
      }),
    ],
    op: ops.dropCheck({
      ...on,
      name: "CHK_age",
      previous: { name: "CHK_age", expression: "(age > 0)" },
    }),
    check: async (db) => expect(await constraintNames(db, "public.users")).toEqual(["PK_users"]),
  },
  addExclusion: {
    setup: [ops.createTable({ table: users })],
    op: ops.addExclusion({
      ...on,
      exclusion: {
        name: "XCL_age",
        expression: "USING btree (age WITH =)",
        deferrable: "INITIALLY DEFERRED",
      },
    }),
    check: async (db) =>
      expect(await constraintNames(db, "public.users")).toEqual(["PK_users", "XCL_age"]),
  },
  dropExclusion: {
    setup: [
      ops.createTable({
        table: {
          ...users,
          exclusions: [{ name: "XCL_age", expression: "USING btree (age WITH =)" }],
        },
      }),
    ],
    op: ops.dropExclusion({
      ...on,
      name: "XCL_age",
      previous: { name: "XCL_age", expression: "USING btree (age WITH =)" },
    }),
    check: async (db) => expect(await constraintNames(db, "public.users")).toEqual(["PK_users"]),
  },
  createView: {
    setup: [ops.createTable({ table: users })],
    op: ops.createView({
      view: {
        schema: "public",
        name: "adults",
        definition: "SELECT id, email FROM users WHERE age >= 18",
        materialized: true,
      },
    }),
    check: async (db) => expect(await exists(db, "public.adults")).toBe(true),
  },
  dropView: {
    setup: [
      ops.createTable({ table: users }),
      ops.createView({
        view: {
          schema: "public",
          name: "emails",
          definition: " SELECT users.email\n   FROM users",
          materialized: false,
        },
      }),
    ],
    op: ops.dropView({
      schema: "public",
      name: "emails",
      materialized: false,
      previous: {
        schema: "public",
        name: "emails",
        definition: " SELECT users.email\n   FROM users",
        materialized: false,
      },
    }),
    check: async (db) => expect(await exists(db, "public.emails")).toBe(false),
  },
  setTableComment: {
    setup: [ops.createTable({ table: users })],
    op: ops.setTableComment({ ...on, comment: "it's a\\b", previous: null }),
    check: async (db) =>
      expect(await scalar(db, "SELECT obj_description('public.users'::regclass, 'pg_class')")).toBe(
        "it's a\\b",
      ),
  },
  execute: {
    setup: [],
    op: ops.execute({
      sql: "CREATE TABLE public.log (line text)",
      reverseSql: "DROP TABLE public.log",
    }),
    check: async (db) => expect(await exists(db, "public.log")).toBe(true),
  },
  renameTable: {
    setup: [ops.createTable({ table: users })],
    op: ops.renameTable({ schema: "public", from: "users", to: "people" }),
    check: async (db) => expect(await exists(db, "public.people")).toBe(true),
  },
  renameColumn: {
    setup: [ops.createTable({ table: users })],
    op: ops.renameColumn({ ...on, from: "email", to: "e_mail" }),
    check: async (db) =>
      expect(
        await scalar(db, "SELECT count(*)::int FROM pg_attribute WHERE attname = 'e_mail'"),
      ).toBe(1),
  },
  renameEnum: {
    setup: [ops.createEnum({ enum: mood })],
    op: ops.renameEnum({ schema: "public", from: "mood", to: "feeling" }),
    check: async (db) =>
      expect(await scalar(db, "SELECT to_regtype('public.feeling')")).toBe("feeling"),
  },
  renameEnumValue: {
    setup: [ops.createEnum({ enum: mood })],
    op: ops.renameEnumValue({ schema: "public", name: "mood", from: "ok", to: "fine" }),
    check: async (db) => expect(await labels(db)).toEqual(["sad", "fine"]),
  },
  renameIndex: {
    setup: [
      ops.createTable({ table: users }),
      ops.createIndex({
        ...on,
        index: { name: "IDX_age", columns: ["age"], unique: false, where: null, method: "btree" },
      }),
    ],
    op: ops.renameIndex({ ...on, from: "IDX_age", to: "IDX_users_age" }),
    check: async (db) => expect(await exists(db, 'public."IDX_users_age"')).toBe(true),
  },
  renameConstraint: {
    setup: [ops.createTable({ table: users })],
    op: ops.renameConstraint({ ...on, from: "PK_users", to: "PK_people" }),
    check: async (db) => expect(await constraintNames(db, "public.users")).toEqual(["PK_people"]),
  },
};

describe.each(Object.entries(cases))("%s on a real database", (_kind, { setup, op, check }) => {
  it("has its effect, and its reverse restores the catalogs exactly", async () => {
    const db = await createTestDatabase("dialect");
    try {
      await apply(db, setup);
      const before = await snapshot(db);

      await runStatements(db.url, compileOperation(op));
      await check(db);
      expect(await snapshot(db)).not.toEqual(before);

      await runStatements(db.url, compileOperation(reverseOperation(op)));
      expect(await snapshot(db)).toEqual(before);
    } finally {
      await db.drop();
    }
  });
});
