import { Column, PrimaryColumn, PrimaryGeneratedColumn, type ColumnOptions } from "typeorm";
import { entity, type Members } from "./support/entity";
import { describeCases } from "./support/run-case";

const posts = (members: Members) => entity("posts", { id: PrimaryGeneratedColumn(), ...members });
const title = (extra: object = {}) => Column({ type: "varchar", length: 200, ...extra });
/** `accounts` with a `plan` column given the options. */
const accounts = (plan: ColumnOptions) =>
  entity("accounts", {
    id: PrimaryColumn({ type: "int" }),
    plan: Column({ type: "varchar", length: 20, ...plan }),
  });

describeCases("columns", [
  {
    name: "a new nullable column is added",
    dialects: ["postgres", "sqlite"],
    before: [posts({ title: title() })],
    after: [posts({ title: title(), subtitle: Column({ type: "text", nullable: true }) })],
    expect: [["addColumn", { table: "posts", column: { name: "subtitle", nullable: true } }]],
    sql: [`ALTER TABLE "public"."posts" ADD COLUMN "subtitle" text`],
  },
  {
    name: "a new NOT NULL column with a default fills existing rows",
    dialects: ["postgres", "sqlite"],
    before: [posts({ title: title() })],
    after: [posts({ title: title(), views: Column({ type: "integer", default: 0 }) })],
    expect: [["addColumn", { column: { name: "views", nullable: false, default: "0" } }]],
    sql: [`ALTER TABLE "public"."posts" ADD COLUMN "views" integer NOT NULL DEFAULT 0`],
  },
  {
    name: "a new NOT NULL column without a default is added to an empty table",
    dialects: ["postgres", "sqlite"],
    before: [posts({ title: title() })],
    after: [posts({ title: title(), body: Column({ type: "text" }) })],
    expect: [["addColumn", { column: { name: "body", nullable: false, default: null } }]],
    seed: false,
  },
  {
    name: "a removed property drops its column, and the downgrade brings it back",
    dialects: ["postgres", "sqlite"],
    before: [
      posts({ title: title(), legacy: Column({ type: "text", nullable: true, default: "x" }) }),
    ],
    after: [posts({ title: title() })],
    expect: [
      ["dropColumn", { name: "legacy", previous: { name: "legacy", default: "'x'::text" } }],
    ],
  },
  {
    name: "a column made nullable drops NOT NULL",
    dialects: ["postgres", "sqlite"],
    before: [posts({ title: title() })],
    after: [posts({ title: title({ nullable: true }) })],
    expect: [["alterColumn", { name: "title", from: { nullable: false }, to: { nullable: true } }]],
    sql: [`ALTER TABLE "public"."posts" ALTER COLUMN "title" DROP NOT NULL`],
  },
  {
    name: "a column made NOT NULL sets NOT NULL",
    dialects: ["postgres", "sqlite"],
    before: [posts({ title: title({ nullable: true }) })],
    after: [posts({ title: title() })],
    expect: [["alterColumn", { name: "title", to: { nullable: false } }]],
  },
  {
    name: "a column made NOT NULL that has a default fills its NULL rows with it first",
    dialects: ["postgres", "sqlite"],
    before: [accounts({ nullable: true, default: "free" })],
    after: [accounts({ default: "free" })],
    seed: `INSERT INTO accounts (id, plan) VALUES (1, NULL), (2, 'pro')`,
    backfills: { "accounts.plan": "free" },
    expect: [
      [
        "alterColumn",
        {
          name: "plan",
          from: { nullable: true },
          to: { nullable: false },
          backfill: "'free'::character varying",
        },
      ],
    ],
    sql: [
      `UPDATE "public"."accounts" SET "plan" = 'free'::character varying WHERE "plan" IS NULL`,
      `ALTER TABLE "public"."accounts" ALTER COLUMN "plan" SET NOT NULL`,
    ],
  },
  {
    name: "a column made NOT NULL and given a default at once gets the default, then fills its NULL rows",
    dialects: ["postgres", "sqlite"],
    before: [accounts({ nullable: true })],
    after: [accounts({ default: "free" })],
    seed: `INSERT INTO accounts (id, plan) VALUES (1, NULL), (2, 'pro')`,
    backfills: { "accounts.plan": "free" },
    sql: [
      `ALTER TABLE "public"."accounts" ALTER COLUMN "plan" SET DEFAULT 'free'::character varying`,
      `UPDATE "public"."accounts" SET "plan" = 'free'::character varying WHERE "plan" IS NULL`,
      `ALTER TABLE "public"."accounts" ALTER COLUMN "plan" SET NOT NULL`,
    ],
  },
  {
    name: "a column comment is added, and dropped again on downgrade",
    dialects: ["postgres", "sqlite"],
    before: [posts({ title: title() })],
    after: [posts({ title: title({ comment: "shown in lists" }) })],
    expect: [
      [
        "alterColumn",
        { name: "title", from: { comment: null }, to: { comment: "shown in lists" } },
      ],
    ],
  },
  {
    name: "a column comment is changed and one is removed",
    dialects: ["postgres", "sqlite"],
    before: [
      posts({
        title: title({ comment: "old" }),
        body: Column({ type: "text", comment: "the text" }),
      }),
    ],
    after: [posts({ title: title({ comment: "it's new" }), body: Column({ type: "text" }) })],
    expect: [
      ["alterColumn", { name: "title", to: { comment: "it's new" } }],
      ["alterColumn", { name: "body", to: { comment: null } }],
    ],
  },
  {
    name: "a renamed property without a rename hint shows as a drop and an add (see renames.test.ts)",
    dialects: ["postgres", "sqlite"],
    before: [posts({ title: title({ nullable: true }) })],
    after: [posts({ heading: title({ nullable: true }) })],
    expect: [
      ["addColumn", { column: { name: "heading" } }],
      ["dropColumn", { name: "title" }],
    ],
  },
  {
    name: "a property whose column name is set explicitly keeps that name",
    before: [posts({ title: title() })],
    after: [
      posts({
        title: title(),
        publishedAt: Column({ type: "timestamptz", name: "published_at", nullable: true }),
      }),
    ],
    expect: [["addColumn", { column: { name: "published_at", type: "timestamp with time zone" } }]],
  },
]);
