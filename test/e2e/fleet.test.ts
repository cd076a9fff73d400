import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { LIBRARY_FIXTURE, project, type Project } from "./project";

/**
 * `upgrade --each` and `check --each` over 20 databases on one server, one of them broken on
 * purpose (a table the first migration creates is already there).
 */
const COUNT = 20;
const BROKEN = 7;

let dbs: TestDatabase[];
let app: Project;
beforeAll(async () => {
  dbs = [];
  for (let i = 0; i < COUNT; i++) dbs.push(await createTestDatabase(`fleet${i}`));
  app = project(LIBRARY_FIXTURE, null);
  const made = await app.run(["revision", "-m", "library"], { DATABASE_URL: dbs[0]?.url });
  expect(made.code).toBe(0);
  await dbs[BROKEN]?.query("CREATE TABLE authors (squatter int)");
  const list = ["# every tenant", ...dbs.map((d) => d.url), ""].join("\n");
  writeFileSync(join(app.dir, "tenants.txt"), list);
}, 120_000);
afterAll(async () => {
  app.remove();
  for (const db of dbs) await db.drop();
});

const headsOf = async (db: TestDatabase) =>
  (await db.query<{ revision: string }>("SELECT revision FROM autogen_version")).map(
    (r) => r.revision,
  );

const rowsWith = (stdout: string, status: string) =>
  stdout.split("\n").filter((line) => line.includes(`  ${status}  `)).length;

describe("upgrade --each", () => {
  it("upgrades every database it can, reports the broken one with its first error, and exits 1", async () => {
    const run = await app.run(["upgrade", "--each", "tenants.txt", "--parallel", "4"]);
    expect(run.code).toBe(1);
    expect(rowsWith(run.stdout, "applied")).toBe(COUNT - 1);
    expect(rowsWith(run.stdout, "failed")).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`${dbs[BROKEN]?.name}\\s+failed.*authors`));
    expect(run.stdout).toContain(`${COUNT} database(s): ${COUNT - 1} applied, 1 failed.`);
    // CI output: one line per database as it finishes, on stderr.
    expect(run.stderr.split("\n").filter((l) => / \((\d+) ms\)$/.test(l))).toHaveLength(COUNT);
    const heads = await Promise.all(dbs.map(headsOf).map((p) => p.catch(() => ["(none)"])));
    expect(heads.filter((h) => h.length === 1 && h[0] !== "(none)")).toHaveLength(COUNT - 1);
    // The failed migration rolled back: the broken database has no version row.
    expect(await dbs[BROKEN]?.query("SELECT * FROM autogen_version")).toEqual([]);
  }, 120_000);

  it("resumes: a second run finds the others current, and applies the repaired one", async () => {
    const again = await app.run(["upgrade", "--each", "tenants.txt"]);
    expect(again.code).toBe(1);
    expect(rowsWith(again.stdout, "already current")).toBe(COUNT - 1);
    await dbs[BROKEN]?.query("DROP TABLE authors");
    const repaired = await app.run(["upgrade", "--each", "tenants.txt", "--json"]);
    expect(repaired.code).toBe(0);
    const entries = JSON.parse(repaired.stdout) as { target: string; status: string }[];
    expect(entries).toHaveLength(COUNT);
    expect(entries.filter((e) => e.status === "applied")).toHaveLength(1);
    expect(entries[BROKEN]?.status).toBe("applied");
  }, 120_000);

  it("with --fail-fast starts no other database after the first failure", async () => {
    await dbs[0]?.query("DROP TABLE autogen_version, autogen_version_history, books, authors");
    await dbs[0]?.query("CREATE TABLE authors (squatter int)");
    try {
      const run = await app.run([
        "upgrade",
        "--each",
        "tenants.txt",
        "--parallel",
        "1",
        "--fail-fast",
      ]);
      expect(run.code).toBe(1);
      expect(rowsWith(run.stdout, "failed")).toBe(1);
      expect(rowsWith(run.stdout, "skipped")).toBe(COUNT - 1);
    } finally {
      await dbs[0]?.query("DROP TABLE authors");
      expect((await app.run(["upgrade"], { DATABASE_URL: dbs[0]?.url })).code).toBe(0);
    }
  }, 120_000);
});

describe("check --each", () => {
  it("is the fleet's drift report: clean everywhere, then the one database that drifted", async () => {
    const clean = await app.run(["check", "--each", "tenants.txt"]);
    expect(clean.code).toBe(0);
    expect(rowsWith(clean.stdout, "clean")).toBe(COUNT);
    await dbs[3]?.query("ALTER TABLE books ADD COLUMN stray text");
    const drift = await app.run(["check", "--each", "tenants.txt", "--json"]);
    expect(drift.code).toBe(1);
    const entries = JSON.parse(drift.stdout) as { status: string; operations: number }[];
    expect(entries.map((e) => e.status).filter((s) => s !== "clean")).toEqual(["drift"]);
    expect(entries[3]).toMatchObject({ status: "drift", operations: 1 });
  }, 120_000);
});

describe("usage errors, before any connection", () => {
  const cases: [string, string[], RegExp][] = [
    [
      "a missing list",
      ["upgrade", "--each", "nope.txt"],
      /--each nope\.txt: the file does not exist/,
    ],
    [
      "--parallel 0",
      ["upgrade", "--each", "tenants.txt", "--parallel", "0"],
      /--parallel takes a whole number/,
    ],
    ["--parallel without --each", ["upgrade", "--parallel", "2"], /--parallel goes with --each/],
    ["--each with --sql", ["upgrade", "--each", "tenants.txt", "--sql"], /does not take --sql/],
    [
      "a failing list command",
      ["check", "--each", "!exit 3"],
      /the --each command `exit 3` failed \(exit 3\)/,
    ],
  ];
  it.each(cases)("%s is one sentence and exit 2", async (_name, args, message) => {
    const run = await app.run(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });

  it("a line that is not a URL names the file and line, not the line's text", async () => {
    app.write("bad.txt", `${dbs[0]?.url}\nnot a url with secret\n`);
    const run = await app.run(["upgrade", "--each", "bad.txt"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.txt, line 2, is not a URL/);
    expect(run.stderr).not.toContain("secret");
  });
});
