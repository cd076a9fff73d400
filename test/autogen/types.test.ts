import { Column, PrimaryGeneratedColumn } from "typeorm";
import type { ColumnOptions } from "typeorm";
import type { AutogenCase } from "./support/case";
import { entity } from "./support/entity";
import { describeCases } from "./support/run-case";

/** A table of the given columns, each `c<n>` with the options given, all nullable. */
const samples = (columns: readonly ColumnOptions[]) =>
  entity("samples", {
    id: PrimaryGeneratedColumn(),
    ...Object.fromEntries(
      columns.map((options, i) => [`c${i}`, Column({ nullable: true, ...options })]),
    ),
  });

/**
 * Adding columns of a family of types: each must be written in a way PostgreSQL accepts,
 * land as TypeORM's `synchronize` would make it, and read back as no change (the re-diff).
 */
const family = (
  what: string,
  columns: readonly ColumnOptions[],
  types: readonly string[],
  extra: Partial<AutogenCase> & { extension?: string } = {},
): AutogenCase => ({
  name: `${what} columns are added as ${types.join(", ")}`,
  before: [samples([])],
  after: [samples(columns)],
  expect: [
    ...(extra.extension ? [["createExtension", { name: extra.extension }] as const] : []),
    ...columns.map((_, i) => ["addColumn", { column: { name: `c${i}`, type: types[i] } }] as const),
  ],
  ...extra,
});

const everyBuiltInType: readonly ColumnOptions[] = [
  { type: "int2" },
  { type: "int" },
  { type: "int8" },
  { type: "numeric", precision: 10, scale: 2 },
  { type: "float" },
  { type: "real" },
  { type: "money" },
  { type: "varchar", length: 20 },
  { type: "char", length: 2 },
  { type: "text" },
  { type: "bytea" },
  { type: "bool" },
  { type: "date" },
  { type: "time", precision: 3 },
  { type: "timetz" },
  { type: "timestamp", precision: 3 },
  { type: "timestamptz" },
  { type: "interval" },
  { type: "uuid" },
  { type: "inet" },
  { type: "cidr" },
  { type: "macaddr" },
  { type: "jsonb" },
  { type: "json" },
  { type: "xml" },
  { type: "tsvector" },
  { type: "point" },
  { type: "int4range" },
  { type: "bit", length: 3 },
  { type: "text", array: true },
  { type: "timestamptz", array: true },
];

describeCases("column types", [
  family(
    "Integer",
    [
      { type: "int2" },
      { type: "smallint" },
      { type: "int" },
      { type: "int4" },
      { type: "integer" },
      { type: "int8" },
      { type: "bigint" },
    ],
    ["smallint", "smallint", "integer", "integer", "integer", "bigint", "bigint"],
  ),
  family(
    "Numeric",
    [
      { type: "numeric" },
      { type: "decimal", precision: 10, scale: 2 },
      { type: "numeric", precision: 6 },
      { type: "decimal", precision: 12, scale: 4 },
    ],
    ["numeric", "numeric(10,2)", "numeric(6,0)", "numeric(12,4)"],
  ),
  family(
    "Floating-point and money",
    [
      { type: "real" },
      { type: "float4" },
      { type: "float" },
      { type: "float8" },
      { type: "double precision" },
      { type: "money" },
    ],
    ["real", "real", "double precision", "double precision", "double precision", "money"],
  ),
  family(
    "Character",
    [
      { type: "varchar" },
      { type: "varchar", length: 80 },
      { type: "character varying", length: 5 },
      { type: "char" },
      { type: "character", length: 3 },
      { type: "text" },
    ],
    [
      "character varying",
      "character varying(80)",
      "character varying(5)",
      "character(1)",
      "character(3)",
      "text",
    ],
  ),
  family(
    "Binary and boolean",
    [{ type: "bytea" }, { type: "bool" }, { type: "boolean" }],
    ["bytea", "boolean", "boolean"],
  ),
  family(
    "Date and time",
    [
      { type: "date" },
      { type: "time" },
      { type: "time", precision: 3 },
      { type: "timetz" },
      { type: "time with time zone", precision: 0 },
      { type: "timestamp" },
      { type: "timestamp", precision: 0 },
      { type: "timestamptz", precision: 3 },
      { type: "timestamp with time zone" },
      { type: "interval" },
    ],
    [
      "date",
      "time without time zone",
      "time(3) without time zone",
      "time with time zone",
      "time(0) with time zone",
      "timestamp without time zone",
      "timestamp(0) without time zone",
      "timestamp(3) with time zone",
      "timestamp with time zone",
      "interval",
    ],
  ),
  family(
    "Network and uuid",
    [
      { type: "uuid" },
      { type: "inet" },
      { type: "cidr" },
      { type: "macaddr" },
      { type: "macaddr8" },
    ],
    ["uuid", "inet", "cidr", "macaddr", "macaddr8"],
  ),
  family(
    "Document",
    [{ type: "json" }, { type: "jsonb" }, { type: "xml" }, { type: "jsonpath" }],
    ["json", "jsonb", "xml", "jsonpath"],
  ),
  family("Text search", [{ type: "tsvector" }, { type: "tsquery" }], ["tsvector", "tsquery"]),
  family(
    "Geometric",
    [
      { type: "point" },
      { type: "line" },
      { type: "lseg" },
      { type: "box" },
      { type: "path" },
      { type: "polygon" },
      { type: "circle" },
    ],
    ["point", "line", "lseg", "box", "path", "polygon", "circle"],
  ),
  family(
    "Range",
    [
      { type: "int4range" },
      { type: "int8range" },
      { type: "numrange" },
      { type: "tsrange" },
      { type: "tstzrange" },
      { type: "daterange" },
    ],
    ["int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange"],
  ),
  family(
    "Multirange",
    [{ type: "int4multirange" }, { type: "nummultirange" }, { type: "datemultirange" }],
    ["int4multirange", "nummultirange", "datemultirange"],
  ),
  family(
    "Bit string",
    [
      { type: "bit" },
      { type: "bit", length: 8 },
      { type: "varbit" },
      { type: "bit varying", length: 12 },
    ],
    ["bit(1)", "bit(8)", "bit varying", "bit varying(12)"],
  ),
  family(
    "simple-array, simple-json and simple-enum",
    [
      { type: "simple-array" },
      { type: "simple-json" },
      { type: "simple-enum", enum: ["s", "m", "l"] },
    ],
    ["text", "text", "samples_c2_enum"],
    {
      expect: [
        ["createEnum", { enum: { name: "samples_c2_enum", values: ["s", "m", "l"] } }],
        ["addColumn", { column: { name: "c0", type: "text" } }],
        ["addColumn", { column: { name: "c1", type: "text" } }],
        ["addColumn", { column: { name: "c2", type: "samples_c2_enum", typeSchema: "public" } }],
      ],
    },
  ),
  family(
    "Array",
    [
      { type: "int", array: true },
      { type: "text", array: true },
      { type: "varchar", length: 10, array: true },
      { type: "numeric", precision: 5, scale: 2, array: true },
      { type: "uuid", array: true },
      { type: "timestamptz", precision: 3, array: true },
      { type: "jsonb", array: true },
    ],
    [
      "integer",
      "text",
      "character varying(10)",
      "numeric(5,2)",
      "uuid",
      "timestamp(3) with time zone",
      "jsonb",
    ],
  ),
  family(
    "Odd declarations",
    [
      { type: "numeric", scale: 2 },
      { type: "char", array: true },
      { type: "time", precision: 0, array: true },
      { type: "bit", length: 4, array: true },
      { type: "decimal", precision: 5, scale: 0 },
    ],
    ["numeric", "character(1)", "time(0) without time zone", "bit(4)", "numeric(5,0)"],
  ),
  family("citext", [{ type: "citext" }], ["citext"], {
    extension: "citext",
  }),
  family("hstore", [{ type: "hstore" }], ["hstore"], {
    extension: "hstore",
  }),
  family("cube", [{ type: "cube" }], ["cube"], {
    extension: "cube",
  }),
  family("ltree", [{ type: "ltree" }], ["ltree"], {
    extension: "ltree",
  }),
  {
    name: "a table with a column of nearly every built-in type keeps all its values when a column is added",
    before: [samples(everyBuiltInType)],
    after: [samples([...everyBuiltInType, { type: "text" }])],
    expect: [["addColumn", { column: { name: `c${everyBuiltInType.length}` } }]],
  },
]);
