import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Client } from "pg";
import { openCanonicalStore } from "../../src/autogen/canonical-store";
import type { CanonicalCache } from "../../src/dialect/dialect";
import { canonicalizeSchema } from "../../src/dialect/postgres/scratch/canonicalize";
import { postgresCatalog } from "../../src/introspect";
import type { DatabaseSchema, Table } from "../../src/schema/model";
import { column, schema, table } from "../support/model-builders";
import { withFreshDatabase } from "./fresh-database";

/** A cache in memory that stores what a file would: JSON, so no object is shared. */
function memoryCache(): CanonicalCache & { readonly size: () => number } {
  const entries = new Map<string, string>();
  return {
    get: (key) => {
      const text = entries.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as Table);
    },
    set: (key, value) => void entries.set(key, JSON.stringify(value)),
    size: () => entries.size,
  };
}

const mood = { schema: "public", name: "mood", values: ["calm", "busy"] };

/** Tables written the way entities declare them: aliases, TypeORM's spellings of defaults. */
function model(createdDefault = "now()"): DatabaseSchema {
  return schema(
    [
      table(
        "posts",
        [
          column("id", "integer", { serial: true }),
          column("title", "varchar(80)", { default: "'untitled'" }),
          column("created", "timestamptz", { default: createdDefault }),
          column("mood", "mood", { typeSchema: "public", default: "'calm'" }),
          column("price", "numeric(10,2)", { nullable: true, default: "0" }),
        ],
        {
          checks: [{ name: "CHK_price", expression: `"price" > 0` }],
          indexes: [
            {
              name: "IDX_cheap",
              columns: ["price"],
              unique: false,
              where: `"price" < 10`,
              method: "btree",
            },
          ],
        },
      ),
      table("tags", [
        column("id", "integer", { serial: true }),
        column("label", "text", { default: "lower('X')" }),
      ]),
    ],
    [mood],
  );
}

/** Runs canonicalisation and returns the schema and the queries it sent. */
async function canonicalize(client: Client, input: DatabaseSchema, cache?: CanonicalCache) {
  const spy = jest.spyOn(client, "query");
  try {
    const result = await canonicalizeSchema(client, input, postgresCatalog, cache);
    const sent = spy.mock.calls.map(([sql]) => String(sql));
    return { result, sent };
  } finally {
    spy.mockRestore();
  }
}

const scratchTables = (sent: readonly string[]) =>
  sent.join("\n").match(/CREATE TEMPORARY TABLE/g)?.length ?? 0;

describe("the canonical-table cache", () => {
  it("answers a second run without building anything, with the same canonical schema", async () => {
    await withFreshDatabase("", async (client) => {
      const cache = memoryCache();
      const cold = await canonicalize(client, model());
      const first = await canonicalize(client, model(), cache);
      const second = await canonicalize(client, model(), cache);
      expect(cache.size()).toBe(2);
      expect(JSON.stringify(first.result)).toBe(JSON.stringify(cold.result));
      expect(JSON.stringify(second.result)).toBe(JSON.stringify(cold.result));
      expect(scratchTables(first.sent)).toBe(2);
      expect(second.sent.some((sql) => /BEGIN|CREATE/.test(sql))).toBe(false);
    });
  });

  it("builds only the table whose model changed, and reads it back as a cold run would", async () => {
    await withFreshDatabase("", async (client) => {
      const cache = memoryCache();
      await canonicalize(client, model(), cache);
      const changed = await canonicalize(client, model("CURRENT_TIMESTAMP"), cache);
      const cold = await canonicalize(client, model("CURRENT_TIMESTAMP"));
      expect(scratchTables(changed.sent)).toBe(1);
      expect(JSON.stringify(changed.result)).toBe(JSON.stringify(cold.result));
    });
  });

  it("misses when a session setting changes how a default prints (the time zone)", async () => {
    await withFreshDatabase("", async (client) => {
      const cache = memoryCache();
      const fixed = "'2020-01-01 00:00:00+00'";
      await client.query("SET TimeZone = 'UTC'");
      const utc = await canonicalize(client, model(fixed), cache);
      await client.query("SET TimeZone = 'Asia/Tokyo'");
      const tokyo = await canonicalize(client, model(fixed), cache);
      const created = (s: DatabaseSchema) =>
        s.tables.find((t) => t.name === "posts")?.columns.find((c) => c.name === "created")
          ?.default;
      expect(created(utc.result)).toContain("00:00:00+00");
      expect(created(tokyo.result)).toContain("09:00:00+09");
      expect(scratchTables(tokyo.sent)).toBe(2);
    });
  });

  it("misses when the live enum a column uses gains or loses labels", async () => {
    await withFreshDatabase("CREATE TYPE mood AS ENUM ('calm')", async (client) => {
      const cache = memoryCache();
      await canonicalize(client, model(), cache);
      await client.query("DROP TYPE mood; CREATE TYPE mood AS ENUM ('calm', 'busy')");
      const after = await canonicalize(client, model(), cache);
      expect(scratchTables(after.sent)).toBe(1);
    });
  });

  it("still canonicalises the views, over the cached tables they read", async () => {
    await withFreshDatabase("", async (client) => {
      const withView = (): DatabaseSchema => ({
        ...model(),
        views: [
          {
            schema: "public",
            name: "cheap_posts",
            materialized: false,
            definition: `SELECT "title" FROM "posts" WHERE "price" < 10`,
            indexes: [],
          },
        ],
      });
      const cache = memoryCache();
      const cold = await canonicalize(client, withView());
      await canonicalize(client, withView(), cache);
      const warm = await canonicalize(client, withView(), cache);
      expect(scratchTables(warm.sent)).toBe(0);
      expect(warm.sent.join("\n")).toMatch(/CREATE VIEW/);
      expect(warm.result.views).toEqual(cold.result.views);
      expect(JSON.stringify(warm.result)).toBe(JSON.stringify(cold.result));
    });
  });
});

describe("the canonical store in the cache folder", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "canonical-store-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps what a run added for the next run, and writes nothing when a run added nothing", () => {
    const env = { AUTOGEN_CACHE_DIR: dir };
    const entry = table("t", [column("id", "integer")]);
    const first = openCanonicalStore(env);
    first?.save();
    expect(readdirSync(dir)).toEqual([]);
    first?.set("k", entry);
    first?.save();
    const second = openCanonicalStore(env);
    expect(second?.get("k")).toEqual(entry);
    expect(second?.get("other")).toBeUndefined();
  });

  it("is off with AUTOGEN_CACHE=off", () => {
    expect(openCanonicalStore({ AUTOGEN_CACHE: "off", AUTOGEN_CACHE_DIR: dir })).toBeUndefined();
  });
});
