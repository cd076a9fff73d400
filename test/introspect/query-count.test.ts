import type { Client } from "pg";
import { canonicalizeSchema } from "../../src/dialect/postgres/scratch/canonicalize";
import { introspectDatabase, postgresCatalog } from "../../src/introspect";
import { withFreshDatabase } from "./fresh-database";

/** `count` tables, each with a key, a foreign key, an enum column, a check and indexes. */
function tablesSql(count: number): string {
  const statements = ["CREATE TYPE mood AS ENUM ('ok', 'meh')"];
  for (let i = 0; i < count; i++) {
    statements.push(`
      CREATE TABLE t${i} (
        id serial PRIMARY KEY,
        parent integer REFERENCES t${Math.max(i - 1, 0)} (id),
        mood mood DEFAULT 'ok',
        score numeric(5,2) DEFAULT 0 CHECK (score >= 0),
        note text DEFAULT 'n/a'
      );
      CREATE INDEX t${i}_note ON t${i} (note) WHERE note <> '';
      COMMENT ON TABLE t${i} IS 'table ${i}';`);
  }
  return statements.join(";\n");
}

/** Runs `work` and returns how many queries it sent through `client`. */
async function countQueries(client: Client, work: () => Promise<unknown>): Promise<number> {
  const spy = jest.spyOn(client, "query");
  try {
    await work();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

async function measure(tableCount: number): Promise<{ introspect: number; canonicalize: number }> {
  return withFreshDatabase(tablesSql(tableCount), async (client) => {
    const read = () => introspectDatabase(client, { schemas: ["public"] });
    const introspect = await countQueries(client, read);
    const schema = await read();
    expect(schema.tables).toHaveLength(tableCount);
    const canonicalize = await countQueries(client, () =>
      canonicalizeSchema(client, schema, postgresCatalog),
    );
    return { introspect, canonicalize };
  });
}

describe("the number of queries", () => {
  it("is the same for 1 table and for 30 tables, for introspection and canonicalisation", async () => {
    const one = await measure(1);
    const thirty = await measure(30);
    expect(thirty).toEqual(one);
    // One query holding a catalog statement per kind of object: schemas, tables, columns,
    // constraints, indexes, enums, extensions, views.
    expect(one.introspect).toBe(1);
  });
});
