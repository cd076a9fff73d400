import { readdirSync } from "node:fs";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { LIBRARY_FIXTURE, project, type Project } from "./project";

/** A hand-written migration on top of `down`: `upgrade` and `downgrade` bodies as given. */
function handMigration(revision: string, down: string, upgrade: string, downgrade: string) {
  return `/**
 * pages
 */
import type { MigrationContext } from "typeorm-autogen";

export const revision = "${revision}";
export const downRevision: string | null = "${down}";

export async function upgrade({ op }: MigrationContext): Promise<void> {
  ${upgrade}
}

export async function downgrade({ op }: MigrationContext): Promise<void> {
  ${downgrade}
}
`;
}

async function scratchDatabases(db: TestDatabase): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    "SELECT datname AS name FROM pg_database WHERE datname LIKE $1",
    [`${db.name}_verify_%`],
  );
  return rows.map((r) => r.name);
}

let db: TestDatabase;
let p: Project;
let first = "";
beforeAll(async () => {
  db = await createTestDatabase("e2e_verify");
  p = project(LIBRARY_FIXTURE, db.url);
  const written = await p.run(["revision", "-m", "library"]);
  expect(written.code).toBe(0);
  first = readdirSync(join(p.dir, "migrations"))[0]!.slice(0, 12);
});
afterAll(async () => {
  p.remove();
  await db.drop();
});

describe("autogen verify", () => {
  it("round-trips a generated migration on a throwaway database and leaves the real one alone", async () => {
    const result = await p.run(["verify"]);

    expect(result.stderr).toContain("Verifying 1 migration(s) on the scratch database");
    expect(result.stderr).toContain(`${first} library: upgrade, downgrade, upgrade again: ok`);
    expect(result.stderr).toContain("the entities match the result");
    expect(result.code).toBe(0);
    expect(await db.query("SELECT to_regclass('public.books') AS t")).toEqual([{ t: null }]);
    expect(await scratchDatabases(db)).toEqual([]);
  });

  it("verifies only what the database has not applied", async () => {
    expect((await p.run(["upgrade"])).code).toBe(0);
    await db.query(`INSERT INTO authors (name) VALUES ('Ada');
      INSERT INTO books (title, "authorId") VALUES ('a', 1), ('b', 1), ('c', 1)`);

    const result = await p.run(["verify"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Nothing to verify");
  });

  it("exits 1 naming the migration whose hand-edited downgrade leaves a column behind", async () => {
    p.write(
      "migrations/bbbbbbbbbbbb_pages.ts",
      handMigration(
        "bbbbbbbbbbbb",
        first,
        'await op.execute("ALTER TABLE books ADD COLUMN pages integer");',
        "// forgot to drop the column",
      ),
    );

    const result = await p.run(["verify"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "error: the downgrade of bbbbbbbbbbbb (migrations/bbbbbbbbbbbb_pages.ts) does not restore the schema it started from: " +
        'getting back to it would still take: drops column "books"."pages" (its data is lost).',
    );
    // The real database, with its three rows, is untouched.
    expect(await db.query("SELECT count(*)::int AS n FROM books")).toEqual([{ n: 3 }]);
    expect(await scratchDatabases(db)).toEqual([]);
  });

  it("exits 1 when the migrations round-trip but the entities still differ (re-diff not empty)", async () => {
    p.write(
      "migrations/bbbbbbbbbbbb_pages.ts",
      handMigration(
        "bbbbbbbbbbbb",
        first,
        'await op.execute("ALTER TABLE books ADD COLUMN pages integer", { reverseSql: "ALTER TABLE books DROP COLUMN pages" });',
        'await op.execute("ALTER TABLE books DROP COLUMN pages");',
      ),
    );

    const result = await p.run(["verify"]);

    expect(result.stderr).toContain("bbbbbbbbbbbb pages: upgrade, downgrade, upgrade again: ok");
    expect(result.stderr).toMatch(
      /error: after every migration ran on the scratch database .*, the entities still differ from the database \(1 operation\(s\)\), first: .*"books"\."pages"/,
    );
    expect(result.code).toBe(1);
  });

  it("takes a range, and --scratch-url an empty database of one's own", async () => {
    const scratch = await createTestDatabase("e2e_verify_scratch");
    try {
      const result = await p.run(["verify", `base:${first}`, "--scratch-url", scratch.url]);

      expect(result.stderr).toContain("Verifying 1 migration(s) on ");
      expect(result.stderr).toContain(`${first} library: upgrade, downgrade, upgrade again: ok`);
      expect(result.code).toBe(0);

      const again = await p.run(["verify", `base:${first}`, "--scratch-url", scratch.url]);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain(
        "already has migrations applied; verify needs an empty database.",
      );
    } finally {
      await scratch.drop();
    }
  });

  it("a range that is not FROM:TO is a usage error before any connection", async () => {
    const result = await p.run(["verify", "head"], {
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/nowhere",
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "verify takes a FROM:TO range (for example base:head), not 'head'.",
    );
  });
});
