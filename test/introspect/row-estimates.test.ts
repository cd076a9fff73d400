import { Client } from "pg";
import { qualifiedName } from "../../src/dialect/postgres/quote";
import { readRowEstimates } from "../../src/introspect";
import { refKey } from "../../src/schema/keys";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("estimates");
  await db.query(`CREATE TABLE orders (id int); INSERT INTO orders SELECT generate_series(1, 2100);
    ANALYZE orders; CREATE TABLE fresh (id int); INSERT INTO fresh VALUES (1), (2), (3)`);
});
afterAll(() => db.drop());

it("reads pg_class.reltuples for an analysed table, counts a small fresh one, and skips a missing one", async () => {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const ref = (name: string) => ({ schema: "public", name });
    const rows = await readRowEstimates(
      client,
      [ref("orders"), ref("fresh"), ref("missing")],
      qualifiedName,
    );
    expect(rows.get(refKey(ref("orders")))).toBe(2100);
    expect(rows.get(refKey(ref("fresh")))).toBe(3);
    expect(rows.has(refKey(ref("missing")))).toBe(false);
  } finally {
    await client.end();
  }
});

it("sends two queries whatever the number of fresh tables it has to count", async () => {
  const names = Array.from({ length: 12 }, (_, i) => `fresh_${i}`);
  await db.query(
    names
      .map((n, i) => `CREATE TABLE ${n} (id int); INSERT INTO ${n} SELECT generate_series(1, ${i})`)
      .join(";"),
  );
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const spy = jest.spyOn(client, "query");
    const refs = names.map((name) => ({ schema: "public", name }));
    const rows = await readRowEstimates(client, refs, qualifiedName);
    expect(spy.mock.calls).toHaveLength(2);
    expect(refs.map((r) => rows.get(refKey(r)))).toEqual(names.map((_, i) => i));
  } finally {
    await client.end();
  }
});
