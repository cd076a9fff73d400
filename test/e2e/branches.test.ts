import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "pg";
import { migrationFile } from "../commands/support/project";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { LIBRARY_FIXTURE, project, type Project } from "./project";

const BASE = "ba5e00000001";
const SEED_AUTHORS = "a1a100000001";
const SEED_BOOKS = "b2b200000001";
const MERGE = "3e3e00000001";

/** Branch one: a data migration with op.bulkInsert, reverted by a parameterised op.execute. */
const seedAuthors = migrationFile({
  revision: SEED_AUTHORS,
  down: BASE,
  message: "seed authors",
  upgrade: `await op.bulkInsert("authors", [{ name: "Ada" }, { name: "O'Neil" }]);`,
  downgrade: `await op.execute("DELETE FROM authors WHERE name = ANY($1)", { params: [["Ada", "O'Neil"]] });`,
});

/** Branch two, written on another branch of the repository from the same base. */
const seedBooks = migrationFile({
  revision: SEED_BOOKS,
  down: BASE,
  message: "seed books",
  upgrade: `await op.execute("INSERT INTO books (title) VALUES ($1), ($2)", { params: ["Dune", "Emma"] });`,
  downgrade: `await op.execute("DELETE FROM books");`,
});

const lines = (text: string) => text.trimEnd().split("\n");

async function tables(db: TestDatabase): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  );
  return rows.map((r) => r.name);
}

async function versionRows(db: TestDatabase): Promise<string[]> {
  const rows = await db.query<{ revision: string }>(
    "SELECT revision FROM autogen_version ORDER BY 1",
  );
  return rows.map((r) => r.revision);
}

async function names(db: TestDatabase, sql: string): Promise<string[]> {
  return (await db.query<{ name: string }>(sql)).map((r) => r.name);
}

/**
 * Two pull requests each add a migration on the same base: neither may skip the other.
 * Each test continues where the previous one stopped.
 */
describe("two branches from one base, through the binary", () => {
  let db: TestDatabase;
  let p: Project;

  beforeAll(async () => {
    db = await createTestDatabase("e2e_branches");
    p = project(LIBRARY_FIXTURE, db.url);
  });
  afterAll(async () => {
    p.remove();
    await db.drop();
  });

  it("heads shows both branches once each has added a migration", async () => {
    expect((await p.run(["revision", "-m", "create library", "--rev-id", BASE])).code).toBe(0);
    expect((await p.run(["upgrade"])).code).toBe(0);
    p.write(`migrations/${SEED_AUTHORS}_seed_authors.ts`, seedAuthors);
    p.write(`migrations/${SEED_BOOKS}_seed_books.ts`, seedBooks);
    const heads = await p.run(["heads"]);
    const branches = await p.run(["branches"]);

    expect(heads.code).toBe(0);
    expect(heads.stdout).toBe(`${SEED_AUTHORS} (head)\n${SEED_BOOKS} (head)\n`);
    expect(lines(branches.stdout)).toEqual([
      `<base> -> ${BASE} (branchpoint), create library`,
      `    -> ${SEED_AUTHORS} (head), seed authors`,
      `    -> ${SEED_BOOKS} (head), seed books`,
    ]);
  });

  it("upgrade head refuses and names both heads", async () => {
    const result = await p.run(["upgrade", "head"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: multiple heads: ${SEED_AUTHORS}, ${SEED_BOOKS}`);
    expect(result.stderr).toContain("hint: upgrade one branch with label@head or REV@head");
    expect(await versionRows(db)).toEqual([BASE]);
  });

  it("revision refuses too, saying to merge or to choose a head", async () => {
    const result = await p.run(["revision", "-m", "next", "--empty"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: the migrations have several heads (${SEED_AUTHORS}, ${SEED_BOOKS})`,
    );
    expect(result.stderr).toContain(
      "hint: merge them with `autogen merge`, or pick one with `--head REV`",
    );
  });

  it("upgrade heads applies both branches, bulkInsert and parameters included", async () => {
    const result = await p.run(["upgrade", "heads"]);

    expect(result.code).toBe(0);
    expect(await versionRows(db)).toEqual([SEED_AUTHORS, SEED_BOOKS]);
    expect(await names(db, "SELECT name FROM authors ORDER BY id")).toEqual(["Ada", "O'Neil"]);
    expect(await names(db, "SELECT title AS name FROM books ORDER BY id")).toEqual([
      "Dune",
      "Emma",
    ]);
  });

  it("merge joins the heads in a revision of its own, leaving one head", async () => {
    const result = await p.run(["merge", "-m", "merge seeds", "--rev-id", MERGE]);
    const heads = await p.run(["heads", "--json"]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`migrations/${MERGE}_merge_seeds.ts\n`);
    expect(readFileSync(join(p.dir, result.stdout.trim()), "utf8")).toContain(
      `export const downRevision: string[] = ["${SEED_AUTHORS}", "${SEED_BOOKS}"];`,
    );
    expect((JSON.parse(heads.stdout) as { revision: string }[]).map((h) => h.revision)).toEqual([
      MERGE,
    ]);
  });

  it("upgrade applies the merge, and the version table holds it alone", async () => {
    const result = await p.run(["upgrade"]);
    const current = await p.run(["current", "--json"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Applied ${MERGE} merge seeds`);
    expect(JSON.parse(current.stdout)).toEqual([MERGE]);
  });

  it("downgrade -1 reverts the merge and leaves both branch heads", async () => {
    const result = await p.run(["downgrade", "-1"]);
    const current = await p.run(["current"]);

    expect(result.code).toBe(0);
    expect(current.stdout).toBe(`${SEED_AUTHORS}\n${SEED_BOOKS}\n`);
    expect(await versionRows(db)).toEqual([SEED_AUTHORS, SEED_BOOKS]);
    expect(await names(db, "SELECT name FROM authors ORDER BY id")).toEqual(["Ada", "O'Neil"]);
  });

  it("history lists the graph, limited to a range given by partial ids", async () => {
    const all = await p.run(["history"]);
    const range = await p.run(["history", "-r", "a1a1:3e3e"]);
    const marked = await p.run(["history", "--indicate-current"]);

    expect(lines(all.stdout)).toEqual([
      `${SEED_AUTHORS}, ${SEED_BOOKS} -> ${MERGE} (head) (mergepoint), merge seeds`,
      `${BASE} -> ${SEED_BOOKS}, seed books`,
      `${BASE} -> ${SEED_AUTHORS}, seed authors`,
      `<base> -> ${BASE} (branchpoint), create library`,
    ]);
    expect(lines(range.stdout)).toEqual([lines(all.stdout)[0], lines(all.stdout)[2]]);
    expect(lines(marked.stdout)).toEqual([
      lines(all.stdout)[0],
      `${BASE} -> ${SEED_BOOKS} (current), seed books`,
      `${BASE} -> ${SEED_AUTHORS} (current), seed authors`,
      `<base> -> ${BASE} (branchpoint) (applied), create library`,
    ]);
  });

  it("show takes a partial id and tells what the revision does", async () => {
    const result = await p.run(["show", "a1a1"]);
    const json = await p.run(["show", "3e3e", "--json"]);

    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      `Rev: ${SEED_AUTHORS}`,
      `Parent: ${BASE}`,
      `Children: ${MERGE}`,
      `Path: migrations/${SEED_AUTHORS}_seed_authors.ts`,
      "",
      "    seed authors",
      "",
      "Upgrade:",
      '  inserts 2 rows into "authors"',
      "Downgrade:",
      "  WARNING: runs hand-written SQL",
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      revision: MERGE,
      downRevisions: [SEED_AUTHORS, SEED_BOOKS],
      upgrade: { operations: [] },
    });
  });

  it("stamp base empties the version table and runs no migration", async () => {
    const result = await p.run(["stamp", "base"]);
    const current = await p.run(["current"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^Stamped .+ at base \(it was at a1a100000001, b2b200000001\); no migration ran\.$/m,
    );
    expect(current.stderr).toMatch(/is at base\.$/m);
    expect(await tables(db)).toEqual([
      "authors",
      "autogen_version",
      "autogen_version_history",
      "books",
    ]);
    expect(await names(db, "SELECT name FROM authors ORDER BY id")).toEqual(["Ada", "O'Neil"]);
  });
});

describe("offline SQL for a branched history", () => {
  let empty: TestDatabase;
  let target: TestDatabase;
  let p: Project;
  let script = "";

  beforeAll(async () => {
    [empty, target] = await Promise.all([
      createTestDatabase("e2e_sql_empty"),
      createTestDatabase("e2e_sql_target"),
    ]);
    p = project(LIBRARY_FIXTURE, empty.url);
    // The base is generated against the empty database, then the branches and the merge.
    const written = await p.run(["revision", "-m", "create library", "--rev-id", BASE]);
    expect(written.code).toBe(0);
    p.write(`migrations/${SEED_AUTHORS}_seed_authors.ts`, seedAuthors);
    p.write(`migrations/${SEED_BOOKS}_seed_books.ts`, seedBooks);
    expect((await p.run(["merge", "-m", "merge seeds", "--rev-id", MERGE])).code).toBe(0);
  });
  afterAll(async () => {
    p.remove();
    await Promise.all([empty.drop(), target.drop()]);
  });

  it("upgrade base:head --sql prints one transaction per migration and leaves the database empty", async () => {
    const result = await p.run(["upgrade", "base:head", "--sql"]);
    script = result.stdout;

    expect(result.code).toBe(0);
    expect(await tables(empty)).toEqual([]);
    expect(script.match(/^BEGIN;$/gm)).toHaveLength(4);
    expect(script.match(/^COMMIT;$/gm)).toHaveLength(4);
    expect(script).toContain(
      `INSERT INTO "public"."authors" ("name") VALUES ('Ada'), ('O''Neil');`,
    );
    expect(script).toContain(`INSERT INTO books (title) VALUES ('Dune'), ('Emma');`);
    for (const id of [BASE, SEED_AUTHORS, SEED_BOOKS, MERGE]) {
      expect(script).toContain(`-- upgrade ${id}: `);
    }
  });

  it("needs no connection when a range is given", async () => {
    const result = await p.run(["upgrade", `${SEED_AUTHORS}:heads`, "--sql"], {
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/nowhere",
    });

    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(`-- upgrade ${SEED_AUTHORS}`);
    expect(result.stdout).toContain(`-- upgrade ${SEED_BOOKS}`);
    expect(result.stdout).toContain(`-- upgrade ${MERGE}`);
  });

  it("the script brings another empty database to head, and the downgrade script back to base", async () => {
    const down = await p.run(["downgrade", "heads:base", "--sql"]);
    const client = new Client({ connectionString: target.url });
    await client.connect();
    try {
      await client.query(script);
      expect(await versionRows(target)).toEqual([MERGE]);
      expect(await names(target, "SELECT name FROM authors ORDER BY id")).toEqual([
        "Ada",
        "O'Neil",
      ]);
      expect(down.stdout).toContain(`DELETE FROM authors WHERE name = ANY('{"Ada","O''Neil"}');`);

      await client.query(down.stdout);
      expect(await versionRows(target)).toEqual([]);
      expect(await tables(target)).toEqual(["autogen_version", "autogen_version_history"]);
    } finally {
      await client.end();
    }
  });
});
