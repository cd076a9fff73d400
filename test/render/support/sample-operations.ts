import { ops } from "../../../src/ops/factories";
import type { Operation, OperationKind, OperationOf } from "../../../src/ops/operations";
import type { Column, Table, TableShape } from "../../../src/schema/model";

/**
 * Hand-picked operations of every kind, mixing fields at their defaults with fields that
 * are not, as the diff would produce them (drops carry `previous`). Keyed by kind so a new
 * operation kind fails to compile here until it has samples.
 */

const plainColumn: Column = {
  name: "id",
  type: "uuid",
  typeSchema: null,
  isArray: false,
  nullable: false,
  default: "gen_random_uuid()",
  serial: false,
  comment: null,
};

const everyColumnOption: Column = {
  name: "labels",
  type: "post_label_enum",
  typeSchema: "blog",
  isArray: true,
  nullable: true,
  default: "'{}'::blog.post_label_enum[]",
  serial: false,
  comment: "Labels chosen by the author",
};

const serialColumn: Column = {
  ...plainColumn,
  name: "position",
  type: "integer",
  default: null,
  serial: true,
};

/** Identity, generation expression and collation: the optional column attributes. */
const generatedColumns: readonly Column[] = [
  { ...plainColumn, name: "n", type: "bigint", default: null, identity: "ALWAYS" },
  {
    ...plainColumn,
    name: "full_name",
    type: "text",
    default: null,
    nullable: true,
    generated: "((first || ' '::text) || last)",
    collation: "C",
  },
];

const users: TableShape = {
  schema: "public",
  name: "users",
  columns: [
    plainColumn,
    { ...plainColumn, name: "email", type: "character varying(255)", default: null },
  ],
  primaryKey: { name: "PK_users", columns: ["id"] },
  uniques: [],
  checks: [],
  comment: null,
};

const posts: TableShape = {
  schema: "blog",
  name: "posts",
  columns: [plainColumn, everyColumnOption, serialColumn, ...generatedColumns],
  primaryKey: null,
  uniques: [
    { name: "UQ_posts_slug", columns: ["slug"], deferrable: "INITIALLY DEFERRED" },
    { name: "UQ_posts_author_position", columns: ["author_id", "position"] },
  ],
  checks: [{ name: "CHK_posts_position", expression: '("position" > 0)' }],
  comment: "Blog posts",
  exclusions: [{ name: "XCL_posts_slot", expression: "USING gist (slot WITH &&)" }],
};

/** A column's whole definition, as an `alterColumn` that changes its generation states it. */
const plainNumeric = {
  type: "numeric",
  typeSchema: null,
  isArray: false,
  nullable: true,
  comment: null,
} as const;

const on = { schema: "public", table: "users" };
const onBlog = { schema: "blog", table: "posts" };

/** A SQLite table as a rebuild re-creates it: keys, a check, an index and a foreign key. */
const rebuiltUsers: Table = {
  ...users,
  columns: [serialColumn, { ...plainColumn, name: "email", type: "varchar", nullable: false }],
  primaryKey: { name: "users_pkey", columns: [serialColumn.name] },
  uniques: [{ name: "UQ_users_email", columns: ["email"] }],
  checks: [{ name: "CHK_users_email", expression: `"email" LIKE '%@%'` }],
  indexes: [
    { name: "IDX_users_email", columns: ["email"], unique: false, where: null, method: "btree" },
  ],
  foreignKeys: [
    {
      name: "FK_users_team",
      columns: ["email"],
      referencedSchema: "public",
      referencedTable: "teams",
      referencedColumns: ["email"],
      onDelete: "CASCADE",
      onUpdate: "NO ACTION",
    },
  ],
};

export const samplesByKind: { readonly [K in OperationKind]: readonly OperationOf<K>[] } = {
  createSchema: [ops.createSchema({ schema: "blog" })],
  dropSchema: [ops.dropSchema({ schema: "blog" })],
  createExtension: [ops.createExtension({ name: "uuid-ossp" })],
  dropExtension: [ops.dropExtension({ name: "citext" })],
  createEnum: [
    ops.createEnum({
      enum: { schema: "public", name: "users_role_enum", values: ["admin", "member"] },
    }),
    ops.createEnum({ enum: { schema: "blog", name: "post_label_enum", values: [] } }),
  ],
  dropEnum: [
    ops.dropEnum({ schema: "public", name: "users_role_enum" }),
    ops.dropEnum({
      schema: "blog",
      name: "post_label_enum",
      previous: { schema: "blog", name: "post_label_enum", values: ["news"] },
    }),
  ],
  alterEnum: [
    ops.alterEnum({
      schema: "public",
      name: "users_role_enum",
      from: ["a"],
      to: ["a", "b"],
      usages: [],
    }),
    ops.alterEnum({
      schema: "blog",
      name: "post_label_enum",
      from: ["news", "howto", "opinion"],
      to: ["opinion", "news"],
      usages: [
        { schema: "blog", table: "posts", column: "labels", isArray: true, default: "'{}'" },
        { schema: "public", table: "drafts", column: "label", isArray: false, default: null },
      ],
      dependents: [
        {
          schema: "blog",
          table: "posts",
          index: {
            name: "IDX_posts_news",
            columns: ["id"],
            unique: false,
            where: "('news'::blog.post_label_enum = ANY (labels))",
            method: "btree",
          },
        },
        {
          schema: "public",
          table: "drafts",
          check: { name: "CHK_label", expression: "(label <> 'howto'::blog.post_label_enum)" },
        },
      ],
    }),
  ],
  createTable: [ops.createTable({ table: users }), ops.createTable({ table: posts })],
  dropTable: [
    ops.dropTable({ schema: "public", name: "users" }),
    ops.dropTable({ schema: "blog", name: "posts", previous: posts }),
  ],
  addColumn: [
    ops.addColumn({ ...on, column: plainColumn }),
    ops.addColumn({ ...onBlog, column: everyColumnOption }),
    ops.addColumn({ ...onBlog, column: serialColumn }),
  ],
  dropColumn: [
    ops.dropColumn({ ...on, name: "email" }),
    ops.dropColumn({ ...onBlog, name: "labels", previous: everyColumnOption }),
  ],
  alterColumn: [
    ops.alterColumn({ ...on, name: "email", from: { nullable: false }, to: { nullable: true } }),
    ops.alterColumn({
      ...on,
      name: "email",
      from: { nullable: true },
      to: { nullable: false },
      backfill: "''",
      provenBy: "CHK_users_email_not_null",
    }),
    ops.alterColumn({
      ...on,
      name: "plan",
      from: { nullable: true },
      to: { nullable: false },
      backfill: "'free'::character varying",
    }),
    ops.alterColumn({
      ...onBlog,
      name: "labels",
      from: { type: "text", typeSchema: null, isArray: false, default: null, comment: null },
      to: {
        type: "post_label_enum",
        typeSchema: "blog",
        isArray: true,
        default: "'{}'",
        comment: "x",
      },
      using: "ARRAY[labels]::blog.post_label_enum[]",
    }),
    ops.alterColumn({ ...on, name: "email", from: {}, to: {} }),
    ops.alterColumn({
      ...on,
      name: "id",
      from: { type: "integer", typeSchema: null, isArray: false, serial: true, identity: null },
      to: { type: "integer", typeSchema: null, isArray: false, serial: false, identity: "ALWAYS" },
    }),
    ops.alterColumn({
      ...on,
      name: "email",
      from: { type: "text", typeSchema: null, isArray: false, collation: null },
      to: { type: "text", typeSchema: null, isArray: false, collation: "C" },
    }),
    ops.alterColumn({
      ...on,
      name: "total",
      from: { ...plainNumeric, generated: "(price * (2)::numeric)" },
      to: { ...plainNumeric, generated: null },
    }),
  ],
  addPrimaryKey: [ops.addPrimaryKey({ ...on, primaryKey: { name: "PK_users", columns: ["id"] } })],
  dropPrimaryKey: [
    ops.dropPrimaryKey({
      ...onBlog,
      name: "PK_posts",
      previous: { name: "PK_posts", columns: ["id", "v"] },
    }),
  ],
  addUnique: [
    ops.addUnique({ ...onBlog, unique: { name: "UQ_posts_slug", columns: ["slug", "lang"] } }),
  ],
  dropUnique: [ops.dropUnique({ ...on, name: "UQ_users_email" })],
  createIndex: [
    ops.createIndex({
      ...on,
      index: {
        name: "IDX_users_email",
        columns: ["email"],
        unique: false,
        where: null,
        method: "btree",
      },
    }),
    ops.createIndex({
      ...onBlog,
      index: {
        name: "IDX_posts_live",
        columns: ["title", "id"],
        unique: true,
        where: "(deleted_at IS NULL)",
        method: "gin",
      },
    }),
    ops.createIndex({
      ...on,
      index: {
        name: "IDX_users_name",
        columns: ["name"],
        unique: true,
        where: null,
        method: "btree",
      },
      concurrently: true,
    }),
  ],
  dropIndex: [
    ops.dropIndex({ ...onBlog, name: "IDX_posts_live" }),
    ops.dropIndex({ ...on, name: "IDX_users_name", concurrently: true }),
  ],
  addForeignKey: [
    ops.addForeignKey({
      ...onBlog,
      foreignKey: {
        name: "FK_posts_author",
        columns: ["author_id"],
        referencedSchema: "public",
        referencedTable: "users",
        referencedColumns: ["id"],
        onDelete: "NO ACTION",
        onUpdate: "NO ACTION",
      },
      notValid: true,
    }),
    ops.addForeignKey({
      ...on,
      foreignKey: {
        name: "FK_users_pinned",
        columns: ["pinned_id", "pinned_v"],
        referencedSchema: "blog",
        referencedTable: "posts",
        referencedColumns: ["id", "v"],
        onDelete: "SET NULL",
        onUpdate: "CASCADE",
        deferrable: "INITIALLY DEFERRED",
      },
    }),
  ],
  dropForeignKey: [ops.dropForeignKey({ ...onBlog, name: "FK_posts_author" })],
  addCheck: [
    ops.addCheck({ ...on, check: { name: "CHK_users_email", expression: "(email <> ''::text)" } }),
    ops.addCheck({
      ...on,
      check: { name: "CHK_users_id", expression: "(id > 0)" },
      notValid: true,
    }),
  ],
  validateConstraint: [ops.validateConstraint({ ...on, name: "CHK_users_id" })],
  dropCheck: [ops.dropCheck({ ...on, name: "CHK_users_email" })],
  addExclusion: [
    ops.addExclusion({
      ...onBlog,
      exclusion: { name: "XCL_posts_slot", expression: "USING gist (slot WITH &&)" },
    }),
    ops.addExclusion({
      ...on,
      exclusion: {
        name: "XCL_users_period",
        expression: "USING gist (room WITH =, during WITH &&)",
        deferrable: "INITIALLY IMMEDIATE",
      },
    }),
  ],
  dropExclusion: [ops.dropExclusion({ ...on, name: "XCL_users_period" })],
  createView: [
    ops.createView({
      view: {
        schema: "public",
        name: "active_users",
        definition:
          " SELECT users.id,\n    users.email\n   FROM users\n  WHERE (users.email IS NOT NULL)",
        materialized: false,
      },
    }),
    ops.createView({
      view: {
        schema: "blog",
        name: "post_counts",
        definition: "SELECT 1 AS n",
        materialized: true,
      },
    }),
  ],
  dropView: [
    ops.dropView({ schema: "public", name: "active_users", materialized: false }),
    ops.dropView({ schema: "blog", name: "post_counts", materialized: true }),
  ],
  setTableComment: [
    ops.setTableComment({ ...on, comment: "People", previous: null }),
    ops.setTableComment({ ...onBlog, comment: null }),
  ],
  execute: [
    ops.execute({ sql: "UPDATE users SET role = 'member' WHERE role IS NULL" }),
    ops.execute({
      sql: "UPDATE users SET role = $1 WHERE id = ANY($2)",
      params: [
        "member",
        [1, 2.5, -0, null, true],
        { nested: JSON.parse('{ "odd key": 1e21, "__proto__": "own key" }') as unknown },
        12n,
      ],
      reverseSql: "UPDATE users SET role = NULL",
    }),
    ops.execute({ sql: "SELECT 1", params: [] }),
  ],
  bulkInsert: [
    ops.bulkInsert({
      ...on,
      rows: [
        { email: "ada@example.com", role: "admin", settings: { theme: "dark" } },
        { email: "bob@example.com", tags: ["a", "b"], age: null },
      ],
    }),
    ops.bulkInsert({ ...onBlog, rows: [] }),
  ],
  rebuildTable: [ops.rebuildTable({ ...on, definition: rebuiltUsers, copy: [serialColumn.name] })],
  renameTable: [
    ops.renameTable({ schema: "public", from: "tags", to: "labels" }),
    ops.renameTable({ schema: "blog", from: "posts", to: "articles" }),
  ],
  renameColumn: [ops.renameColumn({ ...on, from: "fullname", to: "full_name" })],
  renameEnum: [ops.renameEnum({ schema: "blog", from: "status_enum", to: "state_enum" })],
  renameEnumValue: [
    ops.renameEnumValue({ schema: "public", name: "role_enum", from: "admin", to: "owner" }),
  ],
  renameIndex: [ops.renameIndex({ ...onBlog, from: "IDX_a", to: "IDX_b" })],
  renameConstraint: [ops.renameConstraint({ ...on, from: "PK_a", to: "PK_b" })],
};

export const sampleOperations: readonly Operation[] = Object.values(samplesByKind).flat();

/** Strings a renderer could get wrong: quotes, escapes, template syntax, comment ends, unicode. */
export const hostileStrings: readonly string[] = [
  "",
  'double "quoted"',
  "single 'quoted'",
  `both "a" 'b' "c"`,
  "back\\slash \\n not a newline",
  "${injected} `backtick`",
  "*/ closes a comment /*",
  "line\nbreak\r\nand\ttab\u000b\f\b",
  "nul \u0000 and bell \u0007 and del \u007f",
  "separators \u2028 \u2029",
  "bidi \u202e override \u2066 isolate, zero width \u200b, bom \ufeff, nbsp \u00a0",
  "lone surrogates \ud800 \udfff",
  "emoji 🐘 and astral format \u{e0001}",
  "accents é, CJK 漢字",
  "</script><!--",
];
