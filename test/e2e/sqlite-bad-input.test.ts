import { writeFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { sqliteFailure } from "../../src/dialect/sqlite/session/sqlite-errors";
import { project, STACK_FRAME, type Project } from "./project";

const GUIDE_FIXTURE = join(__dirname, "fixtures", "sqlite-guide");

/** Exactly one line of error, no stack, and nothing else printed after it. */
function expectOneSentence(stderr: string, sentence: RegExp): void {
  const error = stderr.split("\n").filter((line) => line.startsWith("error: "));
  expect(error).toHaveLength(1);
  expect(error[0]).toMatch(sentence);
  expect(stderr).not.toMatch(STACK_FRAME);
}

/** Bad SQLite files and folders: one sentence naming the file, exit code 1, nothing written. */
describe("a SQLite database that cannot be used", () => {
  let p: Project;
  beforeAll(async () => {
    p = project(GUIDE_FIXTURE, null);
    expect((await p.run(["revision", "-m", "create users"])).code).toBe(0);
  });
  afterAll(() => p.remove());

  it("names the missing folder of a DATABASE_URL=sqlite: path", async () => {
    const result = await p.run(["upgrade"], { DATABASE_URL: "sqlite:nowhere/app.db" });
    expect(result.code).toBe(1);
    expectOneSentence(
      result.stderr,
      /^error: Cannot open the SQLite file nowhere\/app\.db: the folder .*nowhere does not exist\.$/,
    );
  });

  it("names a corrupt file and changes nothing in it", async () => {
    const file = join(p.dir, "broken.db");
    writeFileSync(file, "this is not a database, just text that is long enough to be read");
    const result = await p.run(["upgrade"], { DATABASE_URL: "sqlite:broken.db" });
    expect(result.code).toBe(1);
    expectOneSentence(
      result.stderr,
      /^error: The SQLite file broken\.db is not a valid database file \(file is not a database\)\.$/,
    );
  });

  it("tells the waiter who holds the write lock, and gives up after the lock timeout", async () => {
    const holder = new BetterSqlite3(join(p.dir, "app.db"));
    holder.exec("CREATE TABLE kept (x integer)");
    holder.exec("BEGIN IMMEDIATE");
    try {
      const result = await p.run(["upgrade", "--migration-lock-timeout", "1"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        "Waiting for the migration lock on the SQLite file app.db, held by another connection writing to the file (SQLite cannot say which).",
      );
      expectOneSentence(
        result.stderr,
        /^error: Gave up after 1 s waiting for the migration lock on the SQLite file app\.db \(version table public\.autogen_version\): it is held by another connection writing to the file \(SQLite cannot say which\)\.$/,
      );
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    const check = new BetterSqlite3(join(p.dir, "app.db"), { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'users'").all()).toEqual([]);
    check.close();
  });

  it("turns SQLite's read-only error into one sentence naming the file", () => {
    // Run as root, a file's mode does not stop writes; SQLite's own read-only handle does.
    const file = join(p.dir, "app.db");
    const db = new BetterSqlite3(file, { readonly: true });
    let error: unknown;
    try {
      db.exec("CREATE TABLE nope (x integer)");
    } catch (e) {
      error = e;
    } finally {
      db.close();
    }
    expect((sqliteFailure(error, "the SQLite file app.db") as Error).message).toBe(
      "The SQLite file app.db is read-only: attempt to write a readonly database.",
    );
  });
});

/** Two upgrades at once on one file: each migration runs once, the second run finds it applied. */
describe("concurrent upgrades of one SQLite file", () => {
  let p: Project;
  beforeAll(async () => {
    p = project(GUIDE_FIXTURE, null);
    expect((await p.run(["revision", "-m", "create users"])).code).toBe(0);
  });
  afterAll(() => p.remove());

  it("apply the migration exactly once", async () => {
    const results = await Promise.all([p.run(["upgrade"]), p.run(["upgrade"]), p.run(["upgrade"])]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    const db = new BetterSqlite3(join(p.dir, "app.db"), { readonly: true });
    try {
      const runs = db
        .prepare("SELECT count(*) AS n FROM autogen_version_history WHERE operation = 'upgrade'")
        .get();
      expect(runs).toEqual({ n: 1 });
      expect(db.prepare("SELECT count(*) AS n FROM autogen_version").get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
    const applied = results.filter((r) => r.stderr.includes("Applied 1 migration"));
    expect(applied).toHaveLength(1);
  });
});
