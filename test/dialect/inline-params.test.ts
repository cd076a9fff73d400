import { inlineParams, parameterLiteral } from "../../src/dialect/postgres/compile/inline-params";
import { Client } from "pg";
import { AutogenError } from "../../src/errors";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("parameterLiteral", () => {
  it.each<[string, unknown, string]>([
    ["null as NULL", null, "NULL"],
    ["undefined as NULL", undefined, "NULL"],
    ["a string with quotes", "O'Hara", "'O''Hara'"],
    ["a negative number as a quoted literal", -1, "'-1'"],
    ["a boolean", true, "'true'"],
    ["a bigint", 12345678901234567890n, "'12345678901234567890'"],
    ["an array as an array literal", ["a", 'b"c'], String.raw`E'{"a","b\\"c"}'`],
    ["an object as JSON", { a: "it's" }, `'{"a":"it''s"}'`],
    ["a Buffer as bytea hex", Buffer.from([1, 171]), "E'\\\\x01ab'"],
  ])("writes %s", (_name, value, literal) => {
    expect(parameterLiteral(value)).toBe(literal);
  });
});

describe("inlineParams", () => {
  it("replaces each placeholder, however often it appears", () => {
    expect(inlineParams("SELECT $1, $2, $1", ["a", 2])).toBe("SELECT 'a', '2', 'a'");
  });

  it("replaces $10 as the tenth parameter, not $1 followed by 0", () => {
    const params = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inlineParams("SELECT $10", params)).toBe("SELECT '10'");
  });

  it.each([
    ["a string", "SELECT '$1', $1"],
    ["a string with a doubled quote", "SELECT 'it''s $1', $1"],
    ["an escape string with an escaped quote", "SELECT E'\\' $1', $1"],
    ["a quoted identifier", 'SELECT "$1", $1'],
    ["a line comment", "SELECT $1 -- $1\n"],
    ["a nested block comment", "SELECT /* $1 /* $1 */ $1 */ $1"],
    ["a dollar-quoted body", "DO $$ BEGIN PERFORM $1; END $$; SELECT $1"],
    ["a tagged dollar-quoted body", "SELECT $fn$ $1 $$ $1 $fn$, $1"],
    ["an identifier containing $", "SELECT a$1, $1"],
  ])("leaves $1 alone inside %s", (_name, sql) => {
    const inlined = inlineParams(sql, ["x"]);
    expect(inlined.match(/'x'/g)).toHaveLength(1);
    expect(inlined.replace("'x'", "$1")).toBe(sql);
  });

  it("refuses a placeholder without a parameter", () => {
    expect(() => inlineParams("SELECT $2", ["x"])).toThrow(AutogenError);
    expect(() => inlineParams("SELECT $0", ["x"])).toThrow(/\$0/);
  });
});

describe("inlined parameters on a real database", () => {
  let db: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    db = await createTestDatabase("params");
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it.each<[string, unknown]>([
    ["SELECT $1::text AS v", "'); DROP TABLE x; -- \\ $$ \"é😀"],
    ["SELECT $1::int - $1::int AS v, $1::int AS w", -1],
    ["SELECT $1::boolean AS v", false],
    ["SELECT $1::text[] AS v", ["a", 'b"c', null, "d\\e", "{}"]],
    ["SELECT $1::jsonb AS v", { quote: "it's", nested: [1, "\\"] }],
    ["SELECT $1::bytea AS v", Buffer.from([0, 39, 92, 255])],
    ["SELECT $1::timestamptz AS v", new Date("2024-02-29T12:34:56.789Z")],
    ["SELECT $1::numeric AS v", 12345678901234567890n],
    ["SELECT $1::text IS NULL AS v", null],
  ])("%s gives the same result inlined as sent online", async (sql, value) => {
    const online = await client.query(sql, [value]);
    const offline = await client.query(inlineParams(sql, [value]));
    expect(offline.rows).toEqual(online.rows);
  });
});
