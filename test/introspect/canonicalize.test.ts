import fc from "fast-check";
import type { Client } from "pg";
import { canonicalizeSchema } from "../../src/dialect/postgres/scratch/canonicalize";
import { quoteIdent } from "../../src/dialect/postgres/quote";
import { introspectDatabase, postgresCatalog } from "../../src/introspect";
import type { DatabaseSchema, Table } from "../../src/schema/model";
import { withFreshDatabase } from "./fresh-database";

/**
 * The zero-false-positive property: a model whose expressions are written the way TypeORM
 * writes them, once canonicalised, equals the introspection of the same table created for
 * real. Each case is a column type and a default as an entity would declare it.
 */
const DEFAULTS: readonly (readonly [type: string, expression: string])[] = [
  ["timestamp with time zone", "now()"],
  ["timestamp with time zone", "CURRENT_TIMESTAMP"],
  ["timestamp(3) without time zone", "CURRENT_TIMESTAMP(3)"],
  ["timestamp without time zone", "LOCALTIMESTAMP"],
  ["date", "CURRENT_DATE"],
  ["integer", "5"],
  ["integer", "-5"],
  ["integer", "(1 + 2)"],
  ["bigint", "-9007199254740993"],
  ["smallint", "0"],
  ["numeric(10,2)", "0"],
  ["numeric(10,2)", "-1.5"],
  ["numeric", "1e3"],
  ["double precision", "1.5"],
  ["real", "-0.25"],
  ["boolean", "true"],
  ["boolean", "false"],
  ["character varying(255)", "'it''s'"],
  ["character varying", "''"],
  ["text", "'back\\slash'"],
  ["text", "E'tab\\there'"],
  ["text", "'ünïcødé ☃'"],
  ["text", "lower('ABC')"],
  ["text", "NULL"],
  ["character(1)", "'a'"],
  ["jsonb", `'{"a":1}'`],
  ["jsonb", "'[]'"],
  ["json", `'{"a":1}'`],
  ["uuid", "gen_random_uuid()"],
  ["uuid", "uuid_generate_v4()"],
  ["interval", "'1 day'"],
  ["text[]", "'{}'"],
  ["integer[]", "'{1,2}'"],
  ["integer[]", "ARRAY[1, 2]"],
  ["character varying(8)[]", `'{a,"b c"}'`],
];

/** Enum columns: their defaults are cast-free literals on both sides. */
const ENUM_COLUMNS = `
  status post_status NOT NULL DEFAULT 'draft',
  history post_status[] DEFAULT '{draft,published}',
  mood blog.mood DEFAULT 'calm',
  moods blog.mood[] DEFAULT '{}'`;

const CHECKS: readonly (readonly [name: string, expression: string])[] = [
  ["CHK_price", `"price" > 0`],
  ["CHK_range", `"price" >= 0 AND "price" < 1000`],
  ["CHK_name", `"name" <> '' AND char_length("name") > 2`],
  ["CHK_status", `"status" IN ('draft', 'published')`],
  ["CHK_mood", `"mood" <> 'angry'`],
  ["CHK_tags", `"tags" <> '{}'`],
];

const INDEXES: readonly (readonly [name: string, columns: string, where: string])[] = [
  ["IDX_live", `"name"`, `"deletedAt" IS NULL`],
  ["IDX_priced", `"price", "name"`, `"price" > 0 AND "deletedAt" IS NULL`],
  ["IDX_drafts", `"status"`, `"status" = 'draft'`],
  ["IDX_tags", `"tags"`, `"tags" @> '{a}'`],
];

const SETUP_BASE = `CREATE EXTENSION "uuid-ossp";`;

const SETUP_REAL = `
CREATE SCHEMA blog;
CREATE TYPE post_status AS ENUM ('draft', 'published', 'archived');
CREATE TYPE blog.mood AS ENUM ('calm', 'angry');
CREATE TABLE blog.cases (
  id serial PRIMARY KEY,
  price numeric(10,2),
  name character varying(100),
  "deletedAt" timestamp with time zone,
  tags text[],
  ${ENUM_COLUMNS},
  ${DEFAULTS.map(([type, expression], i) => `c${i} ${type} DEFAULT ${expression}`).join(",\n  ")},
  ${CHECKS.map(([name, expression]) => `CONSTRAINT "${name}" CHECK (${expression})`).join(",\n  ")}
);
${INDEXES.map(([name, columns, where]) => `CREATE INDEX "${name}" ON blog.cases (${columns}) WHERE ${where};`).join("\n")}
CREATE INDEX "IDX_tags_gin" ON blog.cases USING gin (tags) WHERE "deletedAt" IS NULL;
CREATE TABLE public.plain (id integer, note text DEFAULT 'x');
`;

const TYPEORM_DEFAULTS = new Map<string, string>([
  ["status", "'draft'"],
  ["history", "'{draft,published}'"],
  ["mood", "'calm'"],
  ["moods", "'{}'"],
  ...DEFAULTS.map(([, expression], i): [string, string] => [`c${i}`, expression]),
]);
const TYPEORM_CHECKS = new Map(CHECKS);
const TYPEORM_WHERE = new Map<string, string>([
  ...INDEXES.map(([name, , where]): [string, string] => [name, where]),
  ["IDX_tags_gin", `"deletedAt" IS NULL`],
]);

/** The real schema with every expression replaced by the text an entity declares. */
function asEntitiesWriteIt(real: DatabaseSchema): DatabaseSchema {
  const rewrite = (table: Table): Table => ({
    ...table,
    columns: table.columns.map((c) => ({
      ...c,
      default: TYPEORM_DEFAULTS.get(c.name) ?? c.default,
    })),
    checks: table.checks.map((c) => ({
      ...c,
      expression: TYPEORM_CHECKS.get(c.name) ?? c.expression,
    })),
    indexes: table.indexes.map((i) => ({ ...i, where: TYPEORM_WHERE.get(i.name) ?? i.where })),
  });
  return { ...real, tables: real.tables.map(rewrite) };
}

const read = (client: Client) => introspectDatabase(client, { schemas: ["public", "blog"] });

describe("canonicalizeSchema", () => {
  it("turns TypeORM-style expressions into exactly what the same table reads as", async () => {
    await withFreshDatabase(SETUP_BASE + SETUP_REAL, async (client) => {
      const real = await read(client);
      const model = asEntitiesWriteIt(real);
      // The rewrite must really change things, or the test would prove nothing.
      expect(model).not.toEqual(real);
      expect(await canonicalizeSchema(client, model, postgresCatalog)).toEqual(real);
    });
  });

  it("gives the same answer on a database where the enums and schemas do not exist yet, and leaves it untouched", async () => {
    const model = await withFreshDatabase(SETUP_BASE + SETUP_REAL, async (client) => ({
      real: await read(client),
    }));
    await withFreshDatabase(SETUP_BASE, async (client) => {
      const before = await read(client);
      const canonical = await canonicalizeSchema(
        client,
        asEntitiesWriteIt(model.real),
        postgresCatalog,
      );
      expect(canonical).toEqual(model.real);
      expect(await read(client)).toEqual(before);
      const leftovers = await client.query(
        "SELECT 1 FROM pg_namespace WHERE nspname = 'blog' UNION ALL SELECT 1 FROM pg_type WHERE typname IN ('post_status', 'mood')",
      );
      expect(leftovers.rows).toEqual([]);
    });
  });

  it("keeps serial columns without a default and leaves a model without expressions unchanged", async () => {
    await withFreshDatabase("CREATE TABLE t (id serial PRIMARY KEY, n integer)", async (client) => {
      const real = await read(client);
      expect(real.tables[0]?.columns[0]).toMatchObject({ serial: true, default: null });
      expect(await canonicalizeSchema(client, real, postgresCatalog)).toEqual(real);
    });
  });

  it("spells built-in types the way PostgreSQL prints them and drops empty comments", async () => {
    const setup = `CREATE TABLE t (
      a character varying(255), b timestamp with time zone, c integer, d numeric(10,2),
      e boolean, f integer[], g timestamp(3) without time zone, h double precision)`;
    await withFreshDatabase(setup, async (client) => {
      const real = await read(client);
      const [t] = real.tables;
      if (!t) throw new Error("table not read");
      const aliases = [
        "varchar(255)",
        "timestamptz",
        "int4",
        "decimal(10,2)",
        "bool",
        "int[]",
        "timestamp(3)",
        "float8",
      ];
      const model: DatabaseSchema = {
        ...real,
        tables: [
          {
            ...t,
            comment: "",
            columns: t.columns.map((c, i) => ({
              ...c,
              type: aliases[i] ?? c.type,
              isArray: false,
              comment: "",
            })),
          },
        ],
      };
      expect(await canonicalizeSchema(client, model, postgresCatalog)).toEqual(real);
    });
  });

  it("copes with a default that ends in an SQL line comment", async () => {
    await withFreshDatabase(
      "CREATE TABLE t (n integer DEFAULT 7, m integer DEFAULT 8)",
      async (client) => {
        const real = await read(client);
        const model = asEntitiesWriteIt(real);
        const [t] = model.tables;
        if (!t) throw new Error("table not read");
        const commented = {
          ...t,
          columns: t.columns.map((c) => ({ ...c, default: `${c.default} -- note` })),
        };
        expect(
          await canonicalizeSchema(client, { ...model, tables: [commented] }, postgresCatalog),
        ).toEqual(real);
      },
    );
  });

  it("prints enum casts as the finished migration will when the live enum lacks a label the model declares, leaving the live type untouched", async () => {
    await withFreshDatabase("CREATE TYPE st AS ENUM ('a')", async (client) => {
      const model: DatabaseSchema = {
        schemas: [],
        enums: [{ schema: "public", name: "st", values: ["a", "b"] }],
        tables: [
          {
            schema: "public",
            name: "t",
            columns: [
              {
                name: "s",
                type: "st",
                typeSchema: "public",
                isArray: false,
                nullable: true,
                default: "'b'",
                serial: false,
                comment: null,
              },
            ],
            primaryKey: null,
            uniques: [],
            indexes: [],
            foreignKeys: [],
            checks: [{ name: "CHK_s", expression: `"s" <> 'b'` }],
            comment: null,
          },
        ],
      };
      const canonical = await canonicalizeSchema(client, model, postgresCatalog);
      expect(canonical.tables[0]?.columns[0]?.default).toBe("'b'");
      expect(canonical.tables[0]?.checks[0]?.expression).toBe("(s <> 'b'::st)");
      const live = await client.query(
        "SELECT array_agg(enumlabel::text ORDER BY enumsortorder) AS labels FROM pg_enum WHERE enumtypid = 'st'::regtype",
      );
      expect(live.rows[0].labels).toEqual(["a"]);
    });
  });

  it("agrees with real tables for any integer, decimal or string default (property)", async () => {
    const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
    const value = fc.oneof(
      fc.integer().map((n) => ["integer", String(n)] as const),
      fc
        .bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
        .map((n) => ["bigint", String(n)] as const),
      fc
        .double({ noNaN: true, noDefaultInfinity: true })
        .map((n) => ["double precision", String(n)] as const),
      fc
        .string({ unit: "grapheme" })
        .filter((s) => !s.includes("\0"))
        .map((s) => ["text", literal(s)] as const),
      fc
        .string()
        .filter((s) => !s.includes("\0"))
        .map((s) => ["jsonb", literal(JSON.stringify({ s }))] as const),
    );
    await withFreshDatabase("", async (client) => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(value, { minLength: 1, maxLength: 6 }), async (cases) => {
          const table = `p${run++}`;
          const columns = cases.map(
            ([type, expr], i) => `${quoteIdent(`c${i}`)} ${type} DEFAULT ${expr}`,
          );
          await client.query(`CREATE TABLE ${table} (${columns.join(", ")})`);
          const real = (await read(client)).tables.find((t) => t.name === table);
          if (!real) throw new Error("table not read");
          const model: DatabaseSchema = {
            schemas: [],
            enums: [],
            tables: [
              {
                ...real,
                columns: real.columns.map((c, i) => ({ ...c, default: cases[i]?.[1] ?? null })),
              },
            ],
          };
          const canonical = await canonicalizeSchema(client, model, postgresCatalog);
          expect(canonical.tables[0]).toEqual(real);
        }),
        { numRuns: 25 },
      );
    });
  });
});
