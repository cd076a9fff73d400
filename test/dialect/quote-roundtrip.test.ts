import fc from "fast-check";
import { Client } from "pg";
import { MAX_IDENTIFIER_BYTES, quoteIdent, quoteLiteral } from "../../src/dialect/postgres/quote";
import { createTestDatabase, type TestDatabase } from "../support/database";

/** Text made mostly of the characters that end strings, identifiers, statements and comments. */
const hostileText = fc.oneof(
  fc.string({
    unit: fc.constantFrom("'", '"', "\\", "$", ";", "-", "/", "*", "\n", "E", "a", "é", "😀"),
  }),
  fc.string({ unit: "binary" }),
);
const storable = hostileText.filter((s) => !s.includes("\0"));

/** What PostgreSQL reads back must be exactly what was quoted, under both string settings. */
describe.each(["on", "off"])(
  "quoting read back by PostgreSQL with standard_conforming_strings %s",
  (setting) => {
    let db: TestDatabase;
    let client: Client;
    beforeAll(async () => {
      db = await createTestDatabase("quote");
      client = new Client({ connectionString: db.url });
      await client.connect();
      await client.query(`SET standard_conforming_strings = ${setting}`);
    });
    afterAll(async () => {
      await client.end();
      await db.drop();
    });

    it("gives back every literal unchanged", async () => {
      await fc.assert(
        fc.asyncProperty(storable, async (value) => {
          const result = await client.query(`SELECT ${quoteLiteral(value)}::text AS v`);
          expect(result.rows).toEqual([{ v: value }]);
        }),
        { numRuns: 300 },
      );
    });

    it("gives back every identifier unchanged, as one token", async () => {
      const identifier = storable.filter(
        (s) => s.length > 0 && Buffer.byteLength(s) <= MAX_IDENTIFIER_BYTES,
      );
      await fc.assert(
        fc.asyncProperty(identifier, async (name) => {
          const result = await client.query(`SELECT 1 AS ${quoteIdent(name)}, 2 AS "next"`);
          expect(result.fields.map((f) => f.name)).toEqual([name, "next"]);
        }),
        { numRuns: 300 },
      );
    });
  },
);
