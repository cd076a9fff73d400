import { Column, Generated, PrimaryGeneratedColumn } from "typeorm";
import type { ColumnOptions } from "typeorm";
import type { AutogenCase } from "./support/case";
import { entity, type Members } from "./support/entity";
import { describeCases } from "./support/run-case";

const settings = (members: Members = {}) =>
  entity("settings", { id: PrimaryGeneratedColumn(), ...members });

/** A new column `value` with the options given; its default must read back as no change. */
const added = (
  name: string,
  options: ColumnOptions,
  expectedDefault: string,
  extra: Partial<AutogenCase> = {},
): AutogenCase => ({
  name,
  before: [settings()],
  after: [settings({ value: Column(options) })],
  expect: [["addColumn", { column: { name: "value", default: expectedDefault } }]],
  ...extra,
});

/** The `value` column's default changed from one to the other. */
const changed = (
  name: string,
  from: ColumnOptions,
  to: ColumnOptions,
  extra: Partial<AutogenCase> = {},
): AutogenCase => ({
  name,
  before: [settings({ value: Column(from) })],
  after: [settings({ value: Column(to) })],
  expect: [["alterColumn", { name: "value" }]],
  ...extra,
});

/**
 * The case on SQLite too, where the column arrives as `kind` (an added column with a literal
 * default in place, an expression default or a changed default by a rebuild of `settings`).
 */
const onSqliteToo = (kind: "addColumn" | "rebuildTable"): Partial<AutogenCase> => ({
  dialects: ["postgres", "sqlite"],
  sqliteExpect: [[kind, { table: "settings" }]],
});

describeCases("server defaults", [
  added(
    "a string default with an apostrophe is escaped, where TypeORM's own SQL breaks (#10408)",
    { type: "varchar", length: 40, default: "it's" },
    `'it''s'::character varying`,
    {
      typeormIsWrong: "#10408: TypeORM pastes the default between quotes unescaped",
      sql: [
        `ALTER TABLE "public"."settings" ADD COLUMN "value" character varying(40) NOT NULL DEFAULT 'it''s'::character varying`,
      ],
      // Not on SQLite: TypeORM's own synchronize there fails on the same quote (the oracle).
    },
  ),
  added(
    "a string default with backslashes keeps them as written",
    { type: "text", default: "C:\\temp\\" },
    `'C:\\temp\\'::text`,
    onSqliteToo("addColumn"),
  ),
  added(
    "a string default with double quotes, a backslash and a percent sign reads back as no change",
    { type: "text", default: `say "hi" \\ 100%` },
    `'say "hi" \\ 100%'::text`,
    onSqliteToo("addColumn"),
  ),
  added(
    "a negative integer default reads back as no change",
    { type: "int", default: -5 },
    `'-5'::integer`,
    onSqliteToo("addColumn"),
  ),
  added(
    "a negative numeric default reads back as no change",
    { type: "numeric", precision: 6, scale: 2, default: -1.25 },
    `'-1.25'::numeric`,
    onSqliteToo("addColumn"),
  ),
  {
    name: "numeric defaults 5 and '5.0' are told apart, and each reads back as no change",
    dialects: ["postgres", "sqlite"],
    before: [settings()],
    after: [
      settings({
        whole: Column({ type: "numeric", precision: 5, scale: 1, default: 5 }),
        written: Column({ type: "numeric", precision: 5, scale: 1, default: "5.0" }),
        ratio: Column({ type: "float", default: 5.5 }),
      }),
    ],
    expect: [
      ["addColumn", { column: { name: "whole", default: "'5'::numeric" } }],
      ["addColumn", { column: { name: "written", default: "5.0" } }],
      ["addColumn", { column: { name: "ratio", default: "'5.5'::double precision" } }],
    ],
    typeormChurns: "TypeORM sets the '5.0' default again on every run",
  },
  {
    name: "literal defaults of many types read back as no change",
    before: [settings()],
    after: [
      settings({
        clock: Column({ type: "time", default: "12:00" }),
        span: Column({ type: "interval", default: "1 day" }),
        day: Column({ type: "date", default: "2020-01-31" }),
        at: Column({ type: "timestamptz", precision: 3, default: () => "CURRENT_TIMESTAMP(3)" }),
        nil: Column({ type: "uuid", default: "00000000-0000-0000-0000-000000000000" }),
        host: Column({ type: "inet", default: "127.0.0.1" }),
        code: Column({ type: "char", length: 2, default: "ab" }),
        empty: Column({ type: "varchar", default: "" }),
        price: Column({ type: "money", default: 0 }),
        big: Column({ type: "bigint", default: "9007199254740993" }),
        ratios: Column({ type: "numeric", array: true, default: [1.5, 2] }),
        blob: Column({ type: "bytea", default: () => "'\\x00ff'::bytea" }),
        doc: Column({ type: "jsonb", default: () => "'{}'" }),
        flag: Column({ type: "boolean", default: () => "(NOT false)" }),
        range: Column({ type: "int4range", default: () => "int4range(1, 10)" }),
      }),
    ],
    expect: Array.from({ length: 15 }, () => ["addColumn"] as const),
  },
  added(
    "a boolean default reads back as no change",
    { type: "boolean", default: false },
    "false",
    onSqliteToo("addColumn"),
  ),
  changed(
    "a boolean default flipped is a default change",
    { type: "boolean", default: false },
    { type: "boolean", default: true },
    {
      expect: [["alterColumn", { from: { default: "false" }, to: { default: "true" } }]],
      sql: [`ALTER TABLE "public"."settings" ALTER COLUMN "value" SET DEFAULT true`],
      ...onSqliteToo("rebuildTable"),
    },
  ),
  added(
    "an array default reads back as no change",
    { type: "text", array: true, default: ["a", "b"] },
    `'{a,b}'::text[]`,
  ),
  added(
    "an ARRAY[] expression default reads back as no change, where TypeORM sets it on every run (#3076)",
    { type: "text", array: true, default: () => "ARRAY[]::text[]" },
    "ARRAY[]::text[]",
    { typeormChurns: "#3076" },
  ),
  added(
    "an empty array default reads back as no change",
    { type: "int", array: true, default: [] },
    `'{}'::integer[]`,
  ),
  added(
    "a jsonb object default reads back as no change, with its keys in PostgreSQL's order",
    { type: "jsonb", default: { b: 1, a: [1, "x"] } },
    `'{"a": [1, "x"], "b": 1}'::jsonb`,
  ),
  added(
    "a jsonb default written as a JSON string reads back as no change, where TypeORM sets it on every run (#10038)",
    { type: "jsonb", default: '{"b": 1, "a": 2}' },
    `'{"a": 2, "b": 1}'::jsonb`,
    { typeormChurns: "#10038" },
  ),
  added(
    "a jsonb string default reads back as no change",
    { type: "jsonb", default: '"text"' },
    `'"text"'::jsonb`,
  ),
  added(
    "a json object default keeps its text as written",
    { type: "json", default: { b: 1, a: 2 } },
    `'{"b":1,"a":2}'::json`,
    onSqliteToo("addColumn"),
  ),
  {
    name: "now(), NOW() and CURRENT_TIMESTAMP defaults read back as no change",
    before: [settings()],
    after: [
      settings({
        a: Column({ type: "timestamptz", default: () => "now()" }),
        b: Column({ type: "timestamptz", default: () => "NOW()" }),
        c: Column({ type: "timestamp", default: () => "CURRENT_TIMESTAMP" }),
        d: Column({ type: "date", default: () => "CURRENT_DATE" }),
      }),
    ],
    expect: [
      ["addColumn", { column: { name: "a", default: "now()" } }],
      ["addColumn", { column: { name: "b", default: "now()" } }],
      ["addColumn", { column: { name: "c" } }],
      ["addColumn", { column: { name: "d" } }],
    ],
  },
  added(
    "a timezone expression default reads back as no change, where TypeORM sets it on every run (#3076)",
    { type: "timestamp", default: () => "(now() at time zone 'utc')" },
    `(now() AT TIME ZONE 'utc'::text)`,
    { typeormChurns: "#3076" },
  ),
  added(
    "a gen_random_uuid() default reads back as no change, where TypeORM re-emits it on every run (#9750)",
    { type: "uuid", default: () => "gen_random_uuid()" },
    "gen_random_uuid()",
    { typeormChurns: "#9750" },
  ),
  {
    name: "a uuid_generate_v4() default creates the uuid-ossp extension first, which TypeORM leaves to the user",
    // TypeORM installs uuid-ossp for @Generated("uuid") columns only: its synchronize fails here.
    oracleSql: { before: `CREATE EXTENSION "uuid-ossp"` },
    before: [settings()],
    after: [settings({ value: Column({ type: "uuid", default: () => "uuid_generate_v4()" }) })],
    expect: [
      ["createExtension", { name: "uuid-ossp" }],
      ["addColumn", { column: { default: "uuid_generate_v4()" } }],
    ],
  },
  {
    name: 'a @Generated("uuid") column gets uuid_generate_v4() and its extension',
    before: [settings()],
    after: [settings({ token: [Column({ type: "uuid" }), Generated("uuid")] })],
    expect: [
      ["createExtension", { name: "uuid-ossp" }],
      ["addColumn", { column: { name: "token", default: "uuid_generate_v4()" } }],
    ],
  },
  {
    name: 'a @Generated("uuid") column with uuidExtension pgcrypto gets gen_random_uuid()',
    before: [settings()],
    after: [settings({ token: [Column({ type: "uuid" }), Generated("uuid")] })],
    options: { uuidExtension: "pgcrypto" },
    expect: [
      ["createExtension", { name: "pgcrypto" }],
      ["addColumn", { column: { name: "token", default: "gen_random_uuid()" } }],
    ],
  },
  added(
    "an arithmetic expression default reads back as no change, where TypeORM sets it on every run",
    { type: "int", default: () => "(1 + 2) * 3" },
    "((1 + 2) * 3)",
    {
      typeormChurns: "TypeORM compares the expression as written with PostgreSQL's spelling",
      ...onSqliteToo("rebuildTable"),
    },
  ),
  added(
    "a function-call expression default reads back as no change",
    { type: "text", default: () => "lower('ABC') || 'x'" },
    "(lower('ABC'::text) || 'x'::text)",
    onSqliteToo("rebuildTable"),
  ),
  changed(
    "a string default changed is a default change",
    { type: "varchar", default: "draft" },
    { type: "varchar", default: "live" },
    {
      expect: [
        [
          "alterColumn",
          {
            from: { default: "'draft'::character varying" },
            to: { default: "'live'::character varying" },
          },
        ],
      ],
      ...onSqliteToo("rebuildTable"),
    },
  ),
  changed(
    "a default added to a column is a default change",
    { type: "int" },
    { type: "int", default: 0 },
    {
      expect: [["alterColumn", { from: { default: null }, to: { default: "0" } }]],
      ...onSqliteToo("rebuildTable"),
    },
  ),
  changed(
    "a removed default is dropped",
    { type: "int", default: 3 },
    { type: "int" },
    {
      expect: [["alterColumn", { from: { default: "3" }, to: { default: null } }]],
      sql: [`ALTER TABLE "public"."settings" ALTER COLUMN "value" DROP DEFAULT`],
      ...onSqliteToo("rebuildTable"),
    },
  ),
]);
