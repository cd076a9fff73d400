import { Column, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from "typeorm";
import type { ColumnOptions } from "typeorm";
import type { AutogenCase, ExpectedOperation } from "./support/case";
import { entity } from "./support/entity";
import { describeCases } from "./support/run-case";

const items = (value: ColumnOptions) =>
  entity("items", { id: PrimaryGeneratedColumn(), value: Column(value) });

/** A change of the `value` column's type, in place, keeping the row's value. */
const change = (
  name: string,
  from: ColumnOptions,
  to: ColumnOptions,
  expected: ExpectedOperation,
  extra: Partial<AutogenCase> = {},
): AutogenCase => ({
  name,
  before: [items(from)],
  after: [items(to)],
  expect: [expected],
  ...extra,
});

describeCases("type changes keep the data", [
  change(
    "varchar(50) widened to varchar(100) is altered in place, where migration:generate drops the column (#3357)",
    { type: "varchar", length: 50 },
    { type: "varchar", length: 100 },
    [
      "alterColumn",
      {
        name: "value",
        from: { type: "character varying(50)" },
        to: { type: "character varying(100)" },
      },
    ],
    {
      sql: [
        `ALTER TABLE "public"."items" ALTER COLUMN "value" TYPE character varying(100) USING "value"::character varying(100)`,
      ],
      typeormGenerates: { issue: "#3357", matching: /DROP COLUMN "value"/ },
    },
  ),
  change(
    "integer widened to bigint is altered in place, where migration:generate drops the column (#3357)",
    { type: "int" },
    { type: "bigint" },
    ["alterColumn", { from: { type: "integer" }, to: { type: "bigint" } }],
    { typeormGenerates: { issue: "#3357", matching: /DROP COLUMN "value"/ } },
  ),
  change("smallint to integer is altered in place", { type: "smallint" }, { type: "integer" }, [
    "alterColumn",
    { to: { type: "integer" } },
  ]),
  change(
    "text to varchar(200) is altered in place",
    { type: "text" },
    { type: "varchar", length: 200 },
    ["alterColumn", { from: { type: "text" }, to: { type: "character varying(200)" } }],
  ),
  change(
    "varchar(40) to text is altered in place",
    { type: "varchar", length: 40 },
    { type: "text" },
    ["alterColumn", { to: { type: "text" } }],
  ),
  change(
    "numeric(10,2) to numeric(12,4) is altered in place",
    { type: "numeric", precision: 10, scale: 2 },
    { type: "numeric", precision: 12, scale: 4 },
    ["alterColumn", { from: { type: "numeric(10,2)" }, to: { type: "numeric(12,4)" } }],
  ),
  change(
    "numeric without precision to numeric(10,2) is altered in place",
    { type: "numeric" },
    { type: "numeric", precision: 10, scale: 2 },
    ["alterColumn", { from: { type: "numeric" }, to: { type: "numeric(10,2)" } }],
  ),
  change(
    "timestamp to timestamptz(3) is altered in place",
    { type: "timestamp" },
    { type: "timestamptz", precision: 3 },
    ["alterColumn", { to: { type: "timestamp(3) with time zone" } }],
  ),
  change(
    "an integer with a default widened to bigint keeps its default",
    { type: "int", default: 7 },
    { type: "bigint", default: 7 },
    [
      "alterColumn",
      { from: { type: "integer", default: "7" }, to: { type: "bigint", default: "'7'::bigint" } },
    ],
    {
      sql: [
        `ALTER TABLE "public"."items" ALTER COLUMN "value" DROP DEFAULT`,
        `ALTER TABLE "public"."items" ALTER COLUMN "value" TYPE bigint USING "value"::bigint`,
        `ALTER TABLE "public"."items" ALTER COLUMN "value" SET DEFAULT '7'::bigint`,
      ],
    },
  ),
  {
    name: "a serial key widened to bigint widens its sequence, as a bigserial would be",
    before: [entity("counters", { id: PrimaryGeneratedColumn() })],
    after: [entity("counters", { id: PrimaryGeneratedColumn({ type: "bigint" }) })],
    expect: [["alterColumn", { name: "id", to: { type: "bigint" } }]],
  },
  {
    name: "a primary key widened to bigint widens the foreign keys that point at it",
    before: (() => {
      const parent = entity("parents", { id: PrimaryColumn({ type: "int" }) });
      return [
        parent,
        entity("children", { id: PrimaryColumn({ type: "int" }), parent: ManyToOne(() => parent) }),
      ];
    })(),
    after: (() => {
      const parent = entity("parents", { id: PrimaryColumn({ type: "bigint" }) });
      return [
        parent,
        entity("children", { id: PrimaryColumn({ type: "int" }), parent: ManyToOne(() => parent) }),
      ];
    })(),
    expect: [
      ["alterColumn", { table: "children", name: "parentId", to: { type: "bigint" } }],
      ["alterColumn", { table: "parents", name: "id", to: { type: "bigint" } }],
    ],
  },
  {
    name: "an indexed and unique column widened keeps its index and constraint",
    before: [
      entity(
        {
          name: "items",
          decorators: [Index("IDX_items_value", ["value"]), Unique("UQ_items_value", ["value"])],
        },
        { id: PrimaryGeneratedColumn(), value: Column({ type: "varchar", length: 50 }) },
      ),
    ],
    after: [
      entity(
        {
          name: "items",
          decorators: [Index("IDX_items_value", ["value"]), Unique("UQ_items_value", ["value"])],
        },
        { id: PrimaryGeneratedColumn(), value: Column({ type: "varchar", length: 80 }) },
      ),
    ],
    expect: [["alterColumn", { to: { type: "character varying(80)" } }]],
  },
  change(
    "a column becoming an array is altered in place",
    { type: "text" },
    { type: "text", array: true },
    ["alterColumn", { from: { isArray: false }, to: { type: "text", isArray: true } }],
    { seed: `INSERT INTO items (value) VALUES ('{a}')` },
  ),
  change(
    "a type change together with a new nullability is one alterColumn",
    { type: "varchar", length: 20 },
    { type: "varchar", length: 30, nullable: true },
    ["alterColumn", { to: { type: "character varying(30)", nullable: true } }],
  ),
]);
