import { Client } from "pg";
import { compileOperation } from "../../src/dialect/postgres/compile/compile";
import { ops } from "../../src/ops/factories";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { runStatements } from "./support/catalog";

/**
 * `op.bulkInsert` writes its values as literals, converted as node-postgres converts
 * parameters. Each row inserted here is compared with the same row sent with parameters.
 */
const TABLE = `CREATE TABLE public.things (
  id serial PRIMARY KEY,
  label text NOT NULL,
  amount integer,
  price numeric(10, 2),
  active boolean,
  tags text[],
  counts integer[],
  settings jsonb,
  at timestamp with time zone,
  raw bytea,
  kind text NOT NULL DEFAULT 'plain'
)`;

const rows: Record<string, unknown>[] = [
  { label: 'it\'s \\ quoted "and" $1 $$dollar$$ -- not a comment', amount: -5 },
  { label: "types", price: 12.5, active: false, tags: ["a", "b,c", 'd"e'], counts: [1, -2] },
  { label: "json", settings: { theme: "dark", list: [1, 2], nested: { ok: true } } },
  { label: "time and bytes", at: new Date("2026-11-21T22:00:00.123Z"), raw: Buffer.from([0, 255]) },
  { label: "nulls", amount: null, kind: "special", settings: null },
  { label: "unicode 🐘 漢字 é", amount: 2147483647 },
];

async function contents(db: TestDatabase): Promise<unknown[]> {
  return db.query("SELECT * FROM public.things ORDER BY id");
}

/** The rows as node-postgres inserts them with parameters, one statement each. */
async function insertWithParameters(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const row of rows) {
      const names = Object.keys(row);
      const placeholders = names.map((_, i) => `$${i + 1}`);
      await client.query(
        `INSERT INTO public.things (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${placeholders.join(", ")})`,
        names.map((n) => row[n]),
      );
    }
  } finally {
    await client.end();
  }
}

describe("bulkInsert on a real database", () => {
  let viaLiterals: TestDatabase;
  let viaParameters: TestDatabase;

  beforeAll(async () => {
    [viaLiterals, viaParameters] = await Promise.all([
      createTestDatabase("bulk"),
      createTestDatabase("bulk"),
    ]);
    await Promise.all([
      runStatements(viaLiterals.url, [TABLE]),
      runStatements(viaParameters.url, [TABLE]),
    ]);
  });
  afterAll(async () => {
    await Promise.all([viaLiterals.drop(), viaParameters.drop()]);
  });

  it("stores every value exactly as node-postgres parameters would, defaults where rows leave columns out", async () => {
    const statements = compileOperation(
      ops.bulkInsert({ schema: "public", table: "things", rows }),
    );
    await runStatements(viaLiterals.url, statements);
    await insertWithParameters(viaParameters.url);

    expect(statements).toHaveLength(1);
    const stored = await contents(viaLiterals);
    expect(stored).toEqual(await contents(viaParameters));
    expect(stored).toHaveLength(rows.length);
    expect(stored[0]).toMatchObject({ label: rows[0]!.label, amount: -5, kind: "plain" });
    expect(stored[3]).toMatchObject({ raw: Buffer.from([0, 255]) });
  });

  it("rolls back whole when one row breaks a constraint", async () => {
    const before = await contents(viaLiterals);
    const op = ops.bulkInsert({
      schema: "public",
      table: "things",
      rows: [{ label: "fine" }, { label: null }],
    });

    await expect(runStatements(viaLiterals.url, compileOperation(op))).rejects.toThrow(
      /null value in column "label"/,
    );
    expect(await contents(viaLiterals)).toEqual(before);
  });
});
