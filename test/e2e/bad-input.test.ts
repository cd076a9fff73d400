import { Client } from "pg";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { emptyMigration, LIBRARY_FIXTURE, project, STACK_FRAME, type Project } from "./project";

let db: TestDatabase;
let current: Project | undefined;

beforeAll(async () => {
  db = await createTestDatabase("e2e_bad");
});
afterAll(async () => {
  await db.drop();
});
afterEach(() => {
  current?.remove();
  current = undefined;
});

/** The library project, or an empty folder, connected to this file's database. */
const library = (): Project => (current = project(LIBRARY_FIXTURE, db.url));
const emptyFolder = (): Project => (current = project(null, db.url));

describe("a missing or wrong config file", () => {
  it("fails with exit 1 naming ormconfig.ts when the default config is missing", async () => {
    const result = await emptyFolder().run(["current"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: No config file at ormconfig.ts.");
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("names the file given with --config when it does not exist", async () => {
    const result = await emptyFolder().run(["current", "--config", "missing.ts"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: No config file at missing.ts.");
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("prints the stack trace only with --verbose", async () => {
    const result = await emptyFolder().run(["current", "--verbose"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: No config file at ormconfig.ts.");
    expect(result.stderr).toMatch(STACK_FRAME);
  });

  it("says the config exports no DataSource when it exports something else", async () => {
    const p = emptyFolder();
    p.write("ormconfig.ts", 'export const settings = { type: "postgres" };\n');
    const result = await p.run(["current"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: ormconfig.ts does not export a TypeORM DataSource.");
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("broken entity files", () => {
  it("names the entity file and line that fails to compile", async () => {
    const p = library();
    p.write("entities/broken.ts", 'import "typeorm";\n\nexport class Broken {\n  id = ;\n}\n');
    const result = await p.run(["diff"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: entities\/broken\.ts does not compile: .* at line 4, column \d+$/m,
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("names the entity file and line that throws while it is imported", async () => {
    const p = library();
    p.write("entities/broken.ts", 'const ready = false;\nif (!ready) throw new Error("boom");\n');
    const result = await p.run(["diff"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: entities/broken.ts failed to load: boom (line 2)");
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("a database that cannot be reached", () => {
  const unreachable = { DATABASE_URL: "postgres://u:s3cret-pw@127.0.0.1:1/db" };

  it("names the host and port, and never prints the password", async () => {
    const result = await library().run(["current"], unreachable);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "error: Cannot connect to PostgreSQL at u@127.0.0.1:1/db: connection refused",
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stdout + result.stderr).not.toContain("s3cret-pw");
  });

  it("never prints the password with --verbose either", async () => {
    const result = await library().run(["current", "--verbose"], unreachable);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Cannot connect to PostgreSQL at u@127.0.0.1:1/db");
    expect(result.stderr).toMatch(STACK_FRAME);
    expect(result.stdout + result.stderr).not.toContain("s3cret-pw");
  });

  it("reports a wrong password without printing it, when the server checks passwords", async () => {
    const url = new URL(db.url);
    url.password = "wr0ng-pw-e2e";
    const where = `${decodeURIComponent(url.username)}@${url.hostname}:${url.port || "5432"}`;
    const result = await library().run(["current", "--verbose"], { DATABASE_URL: url.href });

    expect(result.stdout + result.stderr).not.toContain("wr0ng-pw-e2e");
    if (await acceptsAnyPassword(url.href)) {
      // A `trust` server (the PostgreSQL 15 service here) lets the login in: nothing to refuse.
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`The database at ${where}`);
    } else {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `error: Cannot connect to PostgreSQL at ${where}${url.pathname}: password authentication failed.`,
      );
    }
  });
});

/** True when the server lets this URL's login in whatever its password (`trust` auth). */
async function acceptsAnyPassword(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe("broken migrations and unknown revisions", () => {
  it("names the migration file and line that has a syntax error", async () => {
    const p = library();
    const text = emptyMigration("aaaa11112222", null).replace(
      "Promise<void> {}",
      "Promise<void> {",
    );
    p.write("migrations/aaaa11112222_step.ts", text);
    const result = await p.run(["upgrade"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: migrations\/aaaa11112222_step\.ts does not compile: .* at line \d+, column \d+$/m,
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("refuses a revision no migration has", async () => {
    const p = library();
    p.write("migrations/beef0001aaaa_one.ts", emptyMigration("beef0001aaaa", null));
    const result = await p.run(["upgrade", "abcdef999"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: no revision matches 'abcdef999'");
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("refuses a revision prefix that several migrations share, listing them", async () => {
    const p = library();
    p.write("migrations/beef0001aaaa_one.ts", emptyMigration("beef0001aaaa", null));
    p.write("migrations/beef0002bbbb_two.ts", emptyMigration("beef0002bbbb", "beef0001aaaa"));
    const result = await p.run(["upgrade", "beef"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "error: 'beef' is ambiguous: it starts 2 revisions (beef0001aaaa, beef0002bbbb)",
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("usage errors", () => {
  it("exits 2 on an unknown command", async () => {
    const result = await library().run(["frobnicate"]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: Unknown command 'frobnicate'; see autogen --help");
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("exits 2 when revision is missing its required -m", async () => {
    const result = await library().run(["revision"]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error: revision needs a message: autogen revision -m "what it does".',
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("exits 2 on a --rename that is not table.old=new, before connecting", async () => {
    const result = await library().run(["revision", "-m", "x", "--rename", "fullname=full_name"]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "error: --rename fullname=full_name must be table.old=new (or schema.table.old=new).",
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("exits 2 on downgrade --sql without a FROM:TO range", async () => {
    const result = await library().run(["downgrade", "--sql", "base"]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "error: downgrade --sql needs a FROM:TO range (for example head:base), not 'base'.",
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});
