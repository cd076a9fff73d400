import { execFile, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import ts from "typescript";
import { join } from "node:path";
import { REPO_ROOT, type CliResult } from "../support/cli";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { emptyMigration, LIBRARY_FIXTURE, project, STACK_FRAME, type Project } from "./project";

/*
 * What a new user met in the first hour (issue 13): each through the binary, as they met it.
 */

let db: TestDatabase;
let current: Project | undefined;

beforeAll(async () => {
  db = await createTestDatabase("e2e_first");
});
afterAll(async () => {
  await db.drop();
});
afterEach(() => {
  current?.remove();
  current = undefined;
});

const library = (): Project => (current = project(LIBRARY_FIXTURE, db.url));

/** The library project with three empty revisions a -> b -> c. */
function threeRevisions(): Project {
  const p = library();
  p.write("migrations/aaaa00000001_a.ts", emptyMigration("aaaa00000001", null));
  p.write("migrations/bbbb00000002_b.ts", emptyMigration("bbbb00000002", "aaaa00000001"));
  p.write("migrations/cccc00000003_c.ts", emptyMigration("cccc00000003", "bbbb00000002"));
  return p;
}

describe("DATABASE_URL is checked before anything else", () => {
  const cases: [string, string, RegExp][] = [
    ["text that is no URL", "not a url", /^error: DATABASE_URL is not a URL/m],
    ["a port out of range", "postgres://u@localhost:99999/db", /^error: DATABASE_URL has port/m],
    ["a MySQL URL", "mysql://u@localhost/db", /^error: DATABASE_URL is a mysql:\/\/ URL/m],
    ["an HTTP URL", "http://localhost/db", /^error: DATABASE_URL is a http:\/\/ URL/m],
  ];
  it.each(cases)("refuses %s with one sentence and exit 2", async (_name, url, message) => {
    // No config file at all: the URL is checked first, so its error is the one shown.
    const p = (current = project(null, url));
    const result = await p.run(["current"]);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("never prints the password of a URL it refuses", async () => {
    const p = (current = project(null, "postgres://me:s3cret@localhost:70000/db"));
    const result = await p.run(["current"]);

    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain("s3cret");
  });

  it("accepts postgresql:// as well as postgres://", async () => {
    const p = library();
    const result = await p.run(["current"], {
      DATABASE_URL: db.url.replace(/^postgres:/, "postgresql:"),
    });

    expect(result.code).toBe(0);
  });
});

describe("history ranges as the docs write them", () => {
  it("lists the last two applied revisions with -r -2:", async () => {
    const p = threeRevisions();
    expect((await p.run(["upgrade"])).code).toBe(0);
    const result = await p.run(["history", "-r", "-2:"]);
    const three = await p.run(["history", "--rev-range", "-3:"]);
    await p.run(["downgrade", "base"]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual([
      "bbbb00000002 -> cccc00000003 (head), step cccc00000003",
      "aaaa00000001 -> bbbb00000002, step bbbb00000002",
    ]);
    expect(three.code).toBe(0);
    expect(three.stdout).toContain("<base> -> aaaa00000001");
  });

  it("takes a range that starts with a minus sign as a value, also after =", async () => {
    const p = threeRevisions();
    const result = await p.run(["history", "-r=:-1"]);

    expect(result.stderr).not.toContain("Unknown argument");
  });
});

describe("piped output", () => {
  it("ends quietly with exit 0 when the reader stops early, as `history | head` does", async () => {
    const p = threeRevisions();
    const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [join(REPO_ROOT, "bin", "autogen.js"), "history"], {
        cwd: p.dir,
        env: { ...process.env, DATABASE_URL: db.url },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout.destroy();
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("close", (code) => done({ code, stderr }));
    });

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});

describe("help a person learns from", () => {
  it("suggests the command meant for a misspelt one", async () => {
    const result = await library().run(["upgarde"]);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: Unknown command 'upgarde'; did you mean 'upgrade'\?/m);
  });

  it("says which command is missing in plain words", async () => {
    const result = await library().run([]);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: Name a command/m);
    expect(result.stderr).not.toContain("non-option arguments");
  });

  it("says revision needs -m in a sentence, not the library's words", async () => {
    const result = await library().run(["revision"]);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error: revision needs a message: autogen revision -m "what it does"/m,
    );
  });

  it("shows examples, DATABASE_URL and --json in the help", async () => {
    const top = await library().run(["--help"]);
    const historyHelp = await library().run(["history", "--help"]);

    expect(top.code).toBe(0);
    expect(top.stdout).toContain("Examples:");
    expect(top.stdout).toContain("DATABASE_URL");
    expect(top.stdout).toContain("autogen revision -m");
    expect(historyHelp.stdout).toMatch(/--json\s+Print .+ as JSON/);
    // The command's own options come before the global ones.
    expect(historyHelp.stdout.indexOf("--rev-range")).toBeLessThan(
      historyHelp.stdout.indexOf("--config"),
    );
  });
});

describe("permission errors", () => {
  it("names the migrations folder revision cannot write, and the permission", async () => {
    const p = library();
    const folder = join(p.dir, "migrations");
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    try {
      const result = await runWithoutWriteAccess(p, ["revision", "-m", "first", "--empty"]);

      expect(result.stderr).toMatch(
        /^error: Permission denied: cannot write .*migrations\/\S+_first\.ts \(EACCES\)\.$/m,
      );
      expect(result.stderr).not.toContain("unexpected failure");
      expect(result.code).toBe(1);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      chmodSync(folder, 0o755);
    }
  });
});

/**
 * Runs the binary as a user who may not write the project's files: as itself when that is
 * not root (the folder was made read-only), as `nobody` when it is (root writes anywhere).
 */
function runWithoutWriteAccess(p: Project, args: string[]): Promise<CliResult> {
  const bin = join(REPO_ROOT, "bin", "autogen.js");
  const asRoot = process.getuid?.() === 0;
  const [command, ...prefix] = asRoot
    ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", process.execPath]
    : [process.execPath];
  return new Promise((done) => {
    execFile(
      command as string,
      [...prefix, bin, ...args],
      { cwd: p.dir, env: { ...process.env, DATABASE_URL: db.url, HOME: tmpdir() } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

describe("the DataSource a config exports", () => {
  const dataSource = (name: string) =>
    `export const ${name} = new DataSource({ type: "postgres", entities: [join(__dirname, "entities", "*.ts")] });\n`;
  const header =
    'import "reflect-metadata";\nimport { join } from "node:path";\nimport { DataSource } from "typeorm";\n';

  it("accepts `export const AppDataSource`, the name TypeORM's docs use", async () => {
    const p = library();
    p.write("ormconfig.ts", header + dataSource("AppDataSource"));
    const result = await p.run(["current"]);

    expect(result.stderr).not.toContain("error:");
    expect(result.code).toBe(0);
  });

  it("names the DataSources when there are several, and --data-source picks one", async () => {
    const p = library();
    p.write(
      "ormconfig.ts",
      header + dataSource("AppDataSource") + dataSource("ReportingDataSource"),
    );
    const refused = await p.run(["current"]);
    const chosen = await p.run(["current", "--data-source", "AppDataSource"]);
    const wrong = await p.run(["current", "--data-source", "Nope"]);

    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "error: ormconfig.ts exports 2 DataSources ('AppDataSource', 'ReportingDataSource'): choose one with --data-source NAME.",
    );
    expect(chosen.code).toBe(0);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("exports no DataSource named 'Nope'");
  });
});

describe("compiled migrations", () => {
  it("keep their message in the logs once tsc has compiled them to .js", async () => {
    const p = library();
    const written = await p.run(["revision", "-m", "add the library", "--rev-id", "c0mp11ed0001"]);
    expect(written.code).toBe(0);
    // What `tsc` makes of the file (transpileModule is the compiler's own emit, per file).
    const source = readFileSync(join(p.dir, written.stdout.trim()), "utf8");
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    }).outputText;
    p.write("build/migrations/c0mp11ed0001_add_the_library.js", js);
    p.write(
      "ormconfig.ts",
      `${readFileSync(join(LIBRARY_FIXTURE, "ormconfig.ts"), "utf8")}\nexport const autogen = { migrationsDir: "build/migrations" };\n`,
    );
    const upgraded = await p.run(["upgrade"]);
    await p.run(["downgrade", "base"]);

    expect(upgraded.code).toBe(0);
    expect(upgraded.stderr).toMatch(/^Applied c0mp11ed0001 add the library \(\d+ ms\)$/m);
  });
});

describe("an older build against a database that is ahead", () => {
  it("refuses by default and, with --allow-unknown-head, applies nothing and exits 0", async () => {
    const p = threeRevisions();
    expect((await p.run(["upgrade"])).code).toBe(0);
    // The application is rolled back: this build predates the newest migration.
    rmSync(join(p.dir, "migrations", "cccc00000003_c.ts"));
    const refused = await p.run(["upgrade"]);
    const allowed = await p.run(["upgrade", "--allow-unknown-head"]);
    const downgrade = await p.run(["downgrade", "-1", "--allow-unknown-head"]);
    p.write("migrations/cccc00000003_c.ts", emptyMigration("cccc00000003", "bbbb00000002"));
    await p.run(["downgrade", "base"]);

    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("which no migration file defines");
    expect(allowed.stderr).toContain(
      "warning: the database is at cccc00000003, which this build's migrations do not define (a newer build applied it): nothing to upgrade (--allow-unknown-head).",
    );
    expect(allowed.code).toBe(0);
    expect(downgrade.code).toBe(2);
  });
});

describe("two revision runs at once", () => {
  const lock = (p: Project) => join(p.dir, "migrations", ".revision.lock");

  it("refuses while another run holds the migrations folder, naming it", async () => {
    const p = library();
    p.write("migrations/.revision.lock", `${process.pid} ${hostname()}\n`);
    const result = await p.run(["revision", "-m", "second", "--empty"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: another \`autogen revision\` (pid ${process.pid} on ${hostname()}) is writing in migrations right now.`,
    );
    expect(readdirSync(join(p.dir, "migrations"))).toEqual([".revision.lock"]);
  });

  it("takes over a lock its dead holder left, and removes it when done", async () => {
    const p = library();
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
    p.write("migrations/.revision.lock", `${dead} ${hostname()}\n`);
    const result = await p.run(["revision", "-m", "after a crash", "--empty"]);

    expect(result.code).toBe(0);
    expect(existsSync(lock(p))).toBe(false);
  });

  it("never leaves two heads with the same change", async () => {
    const p = library();
    const [a, b] = await Promise.all([
      p.run(["revision", "-m", "one"]),
      p.run(["revision", "-m", "two"]),
    ]);
    const heads = await p.run(["heads"]);

    expect([a.code, b.code].sort()).toEqual(a.code === 0 && b.code === 0 ? [0, 0] : [0, 1]);
    expect(heads.stdout.trim().split("\n")).toHaveLength(1);
    expect(`${a.stderr}${b.stderr}`).not.toContain("unexpected failure");
  });
});
