import { createTestDatabase, type TestDatabase } from "../support/database";
import { emptyMigration, LIBRARY_FIXTURE, project, STACK_FRAME, type Project } from "./project";

/**
 * Bad input around the runner, through the real binary: a broken revision graph, a version
 * table that disagrees with the files, targets out of range, malformed options, failing
 * migrations and connection overrides. Each is one sentence, exit 1 (2 for usage), no stack
 * trace, no password. (test/e2e/bad-input.test.ts covers config, entity and syntax errors.)
 */
let db: TestDatabase;
let current: Project | undefined;

beforeAll(async () => {
  db = await createTestDatabase("e2e_runner_bad");
});
afterAll(async () => {
  await db.drop();
});
afterEach(async () => {
  current?.remove();
  current = undefined;
  await db.query("DROP TABLE IF EXISTS autogen_version, autogen_version_history, one");
});

const library = (): Project => (current = project(LIBRARY_FIXTURE, db.url));
const A = "aaaa00000001";
const B = "bbbb00000002";

/** Exit code 1, exactly this error line, and no stack trace. */
function expectError(result: { code: number; stderr: string }, line: string): void {
  expect(result.stderr).toContain(`error: ${line}\n`);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.code).toBe(1);
}

describe("a broken revision graph", () => {
  it("names both files that define the same revision", async () => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, null));
    p.write(`migrations/${A}_copy.ts`, emptyMigration(A, null));

    expectError(
      await p.run(["upgrade"]),
      `revision ${A} is defined twice: in migrations/${A}_copy.ts and in migrations/${A}_one.ts`,
    );
  });

  it("names every file of a cycle", async () => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, B));
    p.write(`migrations/${B}_two.ts`, emptyMigration(B, A));

    expectError(
      await p.run(["upgrade"]),
      `the revisions form a cycle, each one following the next: ${A} (migrations/${A}_one.ts) -> ${B} (migrations/${B}_two.ts) -> ${A} (migrations/${A}_one.ts)`,
    );
  });

  it("names the file whose downRevision no file defines", async () => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, "ffff99999999"));

    expectError(
      await p.run(["upgrade"]),
      `${A} (migrations/${A}_one.ts) revises 'ffff99999999', which no migration file defines`,
    );
  });
});

describe("a version table that disagrees with the files", () => {
  it("refuses to upgrade from a revision no file defines, and suggests stamp", async () => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, null));
    await db.query(
      "CREATE TABLE autogen_version (revision varchar(64) PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now()); INSERT INTO autogen_version VALUES ('0123456789ab')",
    );
    const result = await p.run(["upgrade"]);

    expectError(
      result,
      "the database is at revision 0123456789ab, which no migration file defines",
    );
    expect(result.stderr).toContain("hint: update the migrations folder");
  });

  it("lets current show it, with a warning, and fail only with --strict", async () => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, null));
    await db.query(
      "CREATE TABLE autogen_version (revision varchar(64) PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now()); INSERT INTO autogen_version VALUES ('0123456789ab')",
    );
    const shown = await p.run(["current"]);
    const strict = await p.run(["current", "--strict"]);

    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("0123456789ab (not in");
    expect(shown.stderr).toContain(
      "warning: migration 0123456789ab was applied but no migration file defines it any more.",
    );
    expectError(
      strict,
      "migration 0123456789ab was applied but no migration file defines it any more (--strict).",
    );
  });
});

describe("targets out of range", () => {
  it("refuses to downgrade below base, saying how far it got", async () => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, null));
    expect((await p.run(["upgrade"])).code).toBe(0);
    const result = await p.run(["downgrade", "-3"]);

    expectError(result, `'-3' goes below base: ${A} is a base, 1 of 3 steps down`);
    expect((await db.query("SELECT revision FROM autogen_version")).length).toBe(1);
  });

  it("refuses to downgrade a database at base", async () => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, null));

    expectError(await p.run(["downgrade", "-1"]), "'-1' goes below base: nothing is applied");
  });

  it("refuses to upgrade past the head", async () => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, null));

    expectError(
      await p.run(["upgrade", "+2"]),
      `'+2' walks past the head: nothing follows ${A}, 1 of 2 steps up`,
    );
  });
});

describe("a malformed or unknown target", () => {
  const unreachable = { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" };
  const versionTable = async () =>
    db.query<{ t: string | null }>("SELECT to_regclass('autogen_version')::text AS t");

  it("is a usage error (exit 2), refused before the version table is created", async () => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, null));
    const result = await p.run(["upgrade", "he ad!"]);

    expect(result.stderr).toContain("error: 'he ad!' is not a revision target");
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(2);
    expect(await versionTable()).toEqual([{ t: null }]);
  });

  it.each([
    [["upgrade", "he ad!"]],
    [["downgrade", "he ad!"]],
    [["upgrade", "--sql", "base:he ad!"]],
    [["stamp", "he ad!"]],
  ])("is refused before any connection: %j never tries the database", async (args) => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, null));
    const result = await p.run(args, unreachable);

    expect(result.stderr).toContain("error: 'he ad!' is not a revision target");
    expect(result.code).toBe(2);
  });

  it("names a revision no file defines before connecting", async () => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, null));
    const result = await p.run(["upgrade", "ffff0000"], unreachable);

    expectError(result, "no revision matches 'ffff0000'");
  });
});

describe("malformed runner options", () => {
  it("refuses a non-numeric --lock-timeout as a usage error", async () => {
    const result = await library().run(["upgrade", "--lock-timeout", "soon"]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: --lock-timeout takes a number of seconds (0 or more).");
  });

  it("refuses a negative --migration-lock-timeout on stamp as on upgrade", async () => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, null));
    const result = await p.run(["stamp", "head", "--migration-lock-timeout", "-5"]);

    expect(result.stderr).toContain(
      "error: --migration-lock-timeout takes a number of seconds (0 or more).",
    );
    expect(result.code).toBe(2);
    expect(await db.query("SELECT to_regclass('autogen_version')::text AS t")).toEqual([
      { t: null },
    ]);
  });

  it("names the config file and the option when lockTimeout is not a number", async () => {
    const p = library();
    p.write(
      "ormconfig.ts",
      'import { DataSource } from "typeorm";\nexport default new DataSource({ type: "postgres" });\nexport const autogen = { lockTimeout: "5s" };\n',
    );
    const result = await p.run(["upgrade"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: .*ormconfig\.ts: lockTimeout must be a number of seconds \(0 or more\), not "5s"\.$/m,
    );
  });
});

describe("a failing migration through the binary", () => {
  it("prints the file, the statement and PostgreSQL's message, and leaves current unchanged", async () => {
    const p = library();
    p.write(
      `migrations/${A}_one.ts`,
      emptyMigration(A, null).replace(
        "upgrade(_context: MigrationContext): Promise<void> {}",
        'upgrade({ op }: MigrationContext): Promise<void> {\n  await op.execute("CREATE TABLE one (id int)");\n}',
      ),
    );
    p.write(
      `migrations/${B}_two.ts`,
      emptyMigration(B, A).replace(
        "upgrade(_context: MigrationContext): Promise<void> {}",
        'upgrade({ op }: MigrationContext): Promise<void> {\n  await op.execute("ALTER TABLE one ADD COLUMN id int");\n}',
      ),
    );
    const result = await p.run(["upgrade"]);

    expectError(
      result,
      `upgrade of ${B} (migrations/${B}_two.ts) failed at statement \`ALTER TABLE one ADD COLUMN id int\`: column "id" of relation "one" already exists`,
    );
    expect(result.stderr).toContain(
      `Stopped after 1 of 2 migrations applied; the database is at ${A}.`,
    );
    expect(result.stderr).toContain(
      "hint: It was rolled back; the migrations before it stay applied.",
    );
    const after = await p.run(["current"]);
    expect(after.stdout.trim()).toBe(A);
  });
});

describe("a direct URL for migrations", () => {
  const pooled = "postgres://app:p00led-pw@127.0.0.1:1/app";

  it("MIGRATION_DATABASE_URL wins over DATABASE_URL", async () => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, null));
    const result = await p.run(["upgrade"], {
      DATABASE_URL: pooled,
      MIGRATION_DATABASE_URL: db.url,
    });

    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain("p00led-pw");
  });

  it("the directUrl option wins over DATABASE_URL", async () => {
    const p = library();
    p.write(`migrations/${A}_one.ts`, emptyMigration(A, null));
    p.write(
      "ormconfig.ts",
      `import { DataSource } from "typeorm";\nexport default new DataSource({ type: "postgres" });\nexport const autogen = { directUrl: ${JSON.stringify(db.url)} };\n`,
    );
    const result = await p.run(["upgrade"], { DATABASE_URL: pooled });

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`the database is at ${A}`);
  });

  it("an unreachable MIGRATION_DATABASE_URL is named without its password", async () => {
    const result = await library().run(["current", "--verbose"], {
      MIGRATION_DATABASE_URL: "postgres://migrator:m1grate-pw@127.0.0.1:1/app",
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "error: Cannot connect to PostgreSQL at migrator@127.0.0.1:1/app: connection refused",
    );
    expect(result.stdout + result.stderr).not.toContain("m1grate-pw");
  });
});
