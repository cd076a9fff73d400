import { Client } from "pg";
import { compileOperation } from "../../src/dialect/postgres/compile/compile";
import { isNotNullCheck } from "../../src/dialect/postgres/expressions";
import { ops } from "../../src/ops/factories";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("notnull");
});
afterAll(async () => {
  await db.drop();
});

/** The statements' notices, as PostgreSQL sends them at `client_min_messages = debug1`. */
async function notices(statements: readonly string[]): Promise<string[]> {
  const client = new Client({ connectionString: db.url });
  const seen: string[] = [];
  client.on("notice", (notice) => seen.push(notice.message ?? ""));
  await client.connect();
  try {
    await client.query("SET client_min_messages = debug1");
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
  return seen;
}

describe("SET NOT NULL proven by a check", () => {
  it("validates the check first, and PostgreSQL then sets NOT NULL without scanning the rows", async () => {
    await db.query(
      `CREATE TABLE books (id serial PRIMARY KEY, isbn varchar);
       INSERT INTO books (isbn) SELECT 'x' || n FROM generate_series(1, 3) AS n;
       ALTER TABLE books ADD CONSTRAINT "CHK_books_isbn_not_null" CHECK ${isNotNullCheck("isbn")} NOT VALID`,
    );
    const op = ops.alterColumn({
      schema: "public",
      table: "books",
      name: "isbn",
      from: { nullable: true },
      to: { nullable: false },
      provenBy: "CHK_books_isbn_not_null",
    });
    const statements = compileOperation(op);
    expect(statements).toEqual([
      'ALTER TABLE "public"."books" VALIDATE CONSTRAINT "CHK_books_isbn_not_null"',
      'ALTER TABLE "public"."books" ALTER COLUMN "isbn" SET NOT NULL',
    ]);
    expect(await notices(statements)).toContainEqual(
      expect.stringContaining("are sufficient to prove that it does not contain nulls"),
    );
  });

  it("scans the rows itself without such a check (the notice above is PostgreSQL's proof, not noise)", async () => {
    await db.query("CREATE TABLE plain (isbn varchar); INSERT INTO plain VALUES ('x')");
    const op = ops.alterColumn({
      schema: "public",
      table: "plain",
      name: "isbn",
      from: { nullable: true },
      to: { nullable: false },
    });
    expect(await notices(compileOperation(op))).not.toContainEqual(
      expect.stringContaining("are sufficient to prove"),
    );
  });
});
