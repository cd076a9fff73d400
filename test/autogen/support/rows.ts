import { Client, type ClientBase } from "pg";
import type { TestDatabase } from "../../support/database";
import { BOOKKEEPING_SCHEMA } from "./migration";
import { qualifiedName, quoteIdent, quoteLiteral } from "../../../src/dialect/postgres/quote";

/** One column of a user table, read straight from the catalogs. */
export interface ColumnFacts {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /** `format_type` text, array suffix included: usable as a cast target. */
  readonly type: string;
  readonly nullable: boolean;
  /** A generated (computed) column: PostgreSQL refuses values for it. */
  readonly generated: boolean;
  /** The first label when the column (or its element) is an enum, else null. */
  readonly firstLabel: string | null;
  /** True when the type (or its element type) is user-defined, as enums are. */
  readonly userDefined: boolean;
}

const COLUMNS_SQL = `
SELECT n.nspname::text AS schema, c.relname::text AS table, a.attname::text AS name,
  format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
  a.attgenerated <> '' AS generated,
  (SELECT e.enumlabel::text FROM pg_enum AS e WHERE e.enumtypid = COALESCE(NULLIF(t.typelem, 0), t.oid)
    ORDER BY e.enumsortorder LIMIT 1) AS "firstLabel",
  en.nspname NOT IN ('pg_catalog', 'information_schema') AS "userDefined"
FROM pg_attribute AS a
JOIN pg_class AS c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p')
JOIN pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_type AS t ON t.oid = a.atttypid
JOIN pg_type AS et ON et.oid = COALESCE(NULLIF(t.typelem, 0), t.oid)
JOIN pg_namespace AS en ON en.oid = et.typnamespace
WHERE a.attnum > 0 AND NOT a.attisdropped
  AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('information_schema', $1)
  AND c.relname <> 'typeorm_metadata'
  AND NOT EXISTS (SELECT 1 FROM pg_depend AS d WHERE d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2, a.attnum`;

export async function columnFacts(client: ClientBase): Promise<ColumnFacts[]> {
  return (await client.query<ColumnFacts>(COLUMNS_SQL, [BOOKKEEPING_SCHEMA])).rows;
}

/**
 * A value's text per base type, the same for every column of that type so that a foreign key
 * column holds exactly the value of the key it references (one row per table).
 */
const SAMPLES: Readonly<Record<string, string>> = {
  smallint: "1",
  integer: "1",
  bigint: "1",
  // Two decimals: a widened numeric(p,2) column prints its value the same way.
  numeric: "0.50",
  real: "0.5",
  "double precision": "0.5",
  money: "0.5",
  "character varying": "a",
  character: "a",
  text: "a",
  citext: "a",
  bytea: "\\x01",
  boolean: "true",
  date: "2020-01-02",
  "time without time zone": "12:34:56.789",
  "time with time zone": "12:34:56.789+02",
  "timestamp without time zone": "2020-01-02 03:04:05.678",
  "timestamp with time zone": "2020-01-02 03:04:05.678+00",
  interval: "1 day 02:03:04",
  uuid: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
  inet: "10.0.0.1",
  cidr: "10.0.0.0/8",
  macaddr: "08:00:2b:01:02:03",
  macaddr8: "08:00:2b:01:02:03:04:05",
  json: '{"a": 1}',
  jsonb: '{"a": 1}',
  jsonpath: "$.a",
  xml: "<a>1</a>",
  tsvector: "fat cat",
  tsquery: "fat & cat",
  point: "(1,2)",
  line: "{1,2,3}",
  lseg: "[(0,0),(1,1)]",
  box: "(1,1),(0,0)",
  path: "[(0,0),(1,1)]",
  polygon: "((0,0),(1,1),(1,0))",
  circle: "<(0,0),1>",
  int4range: "[1,5)",
  int8range: "[1,5)",
  numrange: "[0.5,5)",
  daterange: "[2020-01-01,2020-02-01)",
  tsrange: "[2020-01-01 00:00,2020-02-01 00:00)",
  tstzrange: "[2020-01-01 00:00+00,2020-02-01 00:00+00)",
  int4multirange: "{[1,5)}",
  int8multirange: "{[1,5)}",
  nummultirange: "{[0.5,5)}",
  datemultirange: "{[2020-01-01,2020-02-01)}",
  hstore: "a=>1",
  ltree: "top.middle",
  cube: "(1, 2)",
  bit: "1",
  "bit varying": "1",
};

/** `timestamp(3) with time zone[]` -> `timestamp with time zone`. */
function baseType(type: string): string {
  return type
    .replace(/\[\]$/, "")
    .replace(/\(\d+(,\d+)?\)/, "")
    .replace(/^"?public"?\./, "");
}

/** A SQL expression for a sample value of the column, or null when none is known. */
function sampleValue(column: ColumnFacts): string | null {
  const isArray = column.type.endsWith("[]");
  const element = isArray ? column.type.slice(0, -2) : column.type;
  const base = baseType(column.type);
  const text = column.firstLabel ?? SAMPLES[base];
  if (text === undefined) return null;
  // A bit string must fill its declared length exactly; a cast from bit pads it.
  const one = base.startsWith("bit") ? `B'1'::${element}` : `${quoteLiteral(text)}::${element}`;
  return isArray ? `ARRAY[${one}]::${column.type}` : one;
}

/**
 * Puts one row in every user table, with a sample value in every column (nullable columns of
 * a type without a sample stay NULL). Foreign keys are not checked while the rows go in
 * (`session_replication_role = replica`): the values already agree, whatever the order.
 */
export async function seedRows(client: ClientBase, columns: readonly ColumnFacts[]): Promise<void> {
  const tables = new Map<string, ColumnFacts[]>();
  for (const column of columns) {
    const key = qualifiedName(column.schema, column.table);
    tables.set(key, [...(tables.get(key) ?? []), column]);
  }
  await client.query("SET session_replication_role = replica");
  try {
    for (const [table, list] of tables) {
      const names: string[] = [];
      const values: string[] = [];
      for (const column of list) {
        if (column.generated) continue;
        const value = sampleValue(column);
        if (value === null && !column.nullable) {
          throw new Error(
            `No sample value for ${table}.${column.name} (${column.type}): give the case a seed`,
          );
        }
        names.push(quoteIdent(column.name));
        values.push(value ?? "NULL");
      }
      await client.query(
        `INSERT INTO ${table} (${names.join(", ")}) OVERRIDING SYSTEM VALUE VALUES (${values.join(", ")})`,
      );
    }
  } finally {
    await client.query("SET session_replication_role = DEFAULT");
  }
}

/** Every value of every row, as text, keyed `"schema"."table"."column" #row`. */
export interface RowValues {
  readonly values: ReadonlyMap<string, string | null>;
  /** The columns read (`"schema"."table"."column"`): those of the reference that still exist. */
  readonly columns: ReadonlySet<string>;
}

export const columnKey = (c: ColumnFacts): string =>
  `${qualifiedName(c.schema, c.table)}.${quoteIdent(c.name)}`;

/**
 * Reads the rows of the tables `reference` describes, for the columns that still exist, each
 * value cast to the type `reference` gives it before printing: a column widened from
 * `numeric(10,2)` to `numeric(12,4)` must still read `0.50`. Enum values are compared as text,
 * since a rebuilt type is a new type under the old name.
 */
export async function readRows(
  client: ClientBase,
  reference: readonly ColumnFacts[],
): Promise<RowValues> {
  const now = new Set((await columnFacts(client)).map(columnKey));
  const tables = new Map<string, ColumnFacts[]>();
  for (const column of reference) {
    // A generated column's value follows from the others: a new expression rightly changes it.
    if (column.generated || !now.has(columnKey(column))) continue;
    const key = qualifiedName(column.schema, column.table);
    tables.set(key, [...(tables.get(key) ?? []), column]);
  }
  const values = new Map<string, string | null>();
  const columns = new Set<string>();
  for (const [table, list] of tables) {
    const select = list.map((c, i) => {
      const cast = c.userDefined ? "" : `::${c.type}`;
      return `(${quoteIdent(c.name)}${cast})::text AS c${i}`;
    });
    const order = select.map((_, i) => i + 1).join(", ");
    const rows = await client.query<Record<string, string | null>>(
      `SELECT ${select.join(", ")} FROM ${table} ORDER BY ${order}`,
    );
    for (const c of list) columns.add(columnKey(c));
    rows.rows.forEach((row, r) =>
      list.forEach((c, i) => values.set(`${columnKey(c)} #${r}`, row[`c${i}`] ?? null)),
    );
  }
  return { values, columns };
}

/**
 * The values `before` held in the given columns: what a migration that keeps data must read
 * back in them. A row that disappeared, or a column dropped and added again, shows as a
 * missing or NULL entry.
 */
export function keptValues(
  before: RowValues,
  columns: ReadonlySet<string>,
): Record<string, string | null> {
  return Object.fromEntries(
    [...before.values].filter(([key]) => columns.has(key.slice(0, key.lastIndexOf(" #")))),
  );
}

/**
 * Inserts a row with `values` and returns the value PostgreSQL gave `column`, then rolls the
 * insert back: how a test sees what a generated column hands out without changing the rows.
 */
export async function insertedValue(
  db: TestDatabase,
  table: string,
  column: string,
  values = "DEFAULT VALUES",
): Promise<unknown> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const result = await client.query(
      `INSERT INTO ${table} ${values} RETURNING ${quoteIdent(column)}`,
    );
    await client.query("ROLLBACK");
    return (result.rows[0] as Record<string, unknown>)[column];
  } finally {
    await client.end();
  }
}
