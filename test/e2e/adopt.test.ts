import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "pg";
import { introspectDatabase } from "../../src/introspect";
import type { DatabaseSchema } from "../../src/schema/model";
import { createTestDatabase, type TestDatabase } from "../support/database";
import type { CliResult } from "../support/cli";
import { project, STACK_FRAME, type Project } from "./project";

/** Authors and books, built by TypeORM's CLI before autogen comes in. */
const FIXTURE = join(__dirname, "fixtures", "typeorm-built");

/** The second TypeORM migration's change: a column on books. */
const PAGES = `
  @Column({ type: "integer", nullable: true })
  pages!: number | null;
`;

/** TypeORM's CLI (the line under test, in the project's node_modules) on its DataSource. */
function typeormCli(p: Project, db: TestDatabase, args: readonly string[]): Promise<CliResult> {
  const cli = join(p.dir, "node_modules", "typeorm", "cli-ts-node-commonjs.js");
  const env = { ...process.env, DATABASE_URL: db.url, TS_NODE_TRANSPILE_ONLY: "true" };
  return new Promise((done) => {
    execFile(
      process.execPath,
      [cli, ...args, "-d", "ormconfig.ts"],
      { cwd: p.dir, env },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

const ok = (result: CliResult): CliResult => {
  if (result.code !== 0) throw new Error(`exit ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
};

/**
 * The application's schema as autogen reads it, every bookkeeping table left out, columns by
 * name: a column TypeORM's second migration added comes last in its table, where the
 * baseline creates it in declaration order, and autogen does not compare column order.
 */
async function schemaOf(db: TestDatabase, leaveOut: readonly string[]): Promise<DatabaseSchema> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const schema = await introspectDatabase(client, {
      schemas: ["public"],
      excludeTables: leaveOut.map((name) => ({ schema: "public", name })),
    });
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
    return {
      ...schema,
      tables: schema.tables.map((t) => ({ ...t, columns: [...t.columns].sort(byName) })),
    };
  } finally {
    await client.end();
  }
}

const BOOKKEEPING = ["migrations", "autogen_version", "autogen_version_history"];

const migrationFiles = (p: Project): string[] =>
  existsSync(join(p.dir, "migrations"))
    ? readdirSync(join(p.dir, "migrations")).filter((f) => f.endsWith(".ts"))
    : [];

/**
 * A project as TypeORM's CLI leaves it: two generated migrations applied with `migration:run`,
 * and a table created by hand that no entity describes.
 */
async function builtByTypeorm(db: TestDatabase): Promise<Project> {
  const p = project(FIXTURE, db.url);
  projects.push(p);
  ok(await typeormCli(p, db, ["migration:generate", "typeorm-migrations/CreateLibrary"]));
  ok(await typeormCli(p, db, ["migration:run"]));
  const book = readFileSync(join(p.dir, "entities", "book.ts"), "utf8");
  p.write("entities/book.ts", book.replace("  @ManyToOne", `${PAGES}\n  @ManyToOne`));
  ok(await typeormCli(p, db, ["migration:generate", "typeorm-migrations/AddPages"]));
  ok(await typeormCli(p, db, ["migration:run"]));
  await db.query(`CREATE TABLE legacy_audit (id serial PRIMARY KEY, note text)`);
  return p;
}

const projects: Project[] = [];
const databases: TestDatabase[] = [];
const database = async (prefix: string) => {
  const db = await createTestDatabase(prefix);
  databases.push(db);
  return db;
};

afterAll(async () => {
  for (const p of projects) p.remove();
  for (const db of databases) await db.drop();
});

describe("autogen adopt on a project built with TypeORM's CLI", () => {
  let db: TestDatabase;
  let p: Project;
  let typeormRows: { name: string }[];

  beforeAll(async () => {
    db = await database("e2e_adopt");
    p = await builtByTypeorm(db);
    typeormRows = await db.query(`SELECT id, timestamp, name FROM migrations ORDER BY id`);
  }, 120_000);

  it("refuses without a terminal, naming the table no entity describes, and writes nothing", async () => {
    const result = await p.run(["adopt"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "No entity describes 1 table(s) of the database: legacy_audit.",
    );
    expect(result.stderr).toContain("--exclude-unmanaged");
    expect(result.stderr).toContain('excludeTables: ["legacy_audit"]');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(migrationFiles(p)).toEqual([]);
    expect(await db.query(`SELECT to_regclass('autogen_version') AS t`)).toEqual([{ t: null }]);
  });

  it("writes a baseline, stamps it, excludes the unmanaged table and leaves TypeORM's table alone", async () => {
    const result = await p.run(["adopt", "--exclude-unmanaged", "--rev-id", "base0001"]);

    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(join("migrations", "base0001_baseline.ts"));
    expect(result.stderr).toContain("Added legacy_audit to excludeTables in ormconfig.ts.");
    expect(result.stderr).toContain("Stamped");
    expect(result.stderr).toContain("after TypeORM's 2 migration(s)");
    expect(readFileSync(join(p.dir, "ormconfig.ts"), "utf8")).toContain(
      'excludeTables: ["legacy_audit"],',
    );
    const file = readFileSync(join(p.dir, "migrations", "base0001_baseline.ts"), "utf8");
    expect(file).toContain("Baseline written by `autogen adopt`");
    expect(file).toMatch(/the last AddPages\d+/);
    expect(file).toContain('op.createTable("authors"');
    expect(file).toContain('op.dropTable("books")');
    expect(await db.query(`SELECT revision FROM autogen_version`)).toEqual([
      { revision: "base0001" },
    ]);
    expect(await db.query(`SELECT id, timestamp, name FROM migrations ORDER BY id`)).toEqual(
      typeormRows,
    );
    expect(await db.query(`SELECT to_regclass('legacy_audit') IS NOT NULL AS kept`)).toEqual([
      { kept: true },
    ]);
  });

  it("leaves nothing for the next revision or check to find", async () => {
    const revision = await p.run(["revision", "-m", "after adopting"]);
    expect(revision.code).toBe(0);
    expect(revision.stderr).toContain("No changes detected");
    expect(migrationFiles(p)).toEqual(["base0001_baseline.ts"]);
    expect((await p.run(["check"])).code).toBe(0);
  });

  it("lists TypeORM's applied migrations below the baseline with history --typeorm", async () => {
    const result = await p.run(["history", "--typeorm"]);

    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe("<base> -> base0001 (head), baseline");
    const names = typeormRows.map((r) => r.name).reverse();
    expect(lines.slice(1).map((l) => /^<typeorm> -> (\S+) \(typeorm\)/.exec(l)?.[1])).toEqual(
      names,
    );
    const json = JSON.parse((await p.run(["history", "--typeorm", "--json"])).stdout) as {
      revision?: string;
      typeorm?: { name: string };
    }[];
    expect(json.map((e) => e.revision ?? e.typeorm?.name)).toEqual(["base0001", ...names]);
    expect((await p.run(["history"])).stdout.trim()).toBe("<base> -> base0001 (head), baseline");
  });

  it("refuses to adopt a second time", async () => {
    const result = await p.run(["adopt"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("migrations already holds 1 revision(s)");
    expect(migrationFiles(p)).toEqual(["base0001_baseline.ts"]);
  });

  it("builds, on an empty database, the schema TypeORM's migrations built, and downgrade base drops it", async () => {
    const empty = await database("e2e_adopt_fresh");
    ok(await p.run(["upgrade"], { DATABASE_URL: empty.url }));
    expect((await p.run(["check"], { DATABASE_URL: empty.url })).code).toBe(0);

    expect(await schemaOf(empty, BOOKKEEPING)).toEqual(
      await schemaOf(db, [...BOOKKEEPING, "legacy_audit"]),
    );

    ok(await p.run(["downgrade", "base"], { DATABASE_URL: empty.url }));
    expect((await schemaOf(empty, BOOKKEEPING)).tables).toEqual([]);
  });
});

describe("autogen adopt when the database and the entities disagree", () => {
  it("lists the differences and writes and stamps nothing", async () => {
    const db = await database("e2e_adopt_drift");
    const p = await builtByTypeorm(db);
    const author = readFileSync(join(p.dir, "entities", "author.ts"), "utf8");
    p.write(
      "entities/author.ts",
      author.replace(
        "  @OneToMany",
        `  @Column({ nullable: true })\n  bio!: string;\n\n  @OneToMany`,
      ),
    );

    const result = await p.run(["adopt", "--exclude-unmanaged"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("The entities and the database differ (1 operation(s)):");
    expect(result.stderr).toContain('adds column "authors"."bio"');
    expect(result.stderr).toContain("nothing was written");
    expect(migrationFiles(p)).toEqual([]);
    expect(await db.query(`SELECT to_regclass('autogen_version') AS t`)).toEqual([{ t: null }]);
  }, 120_000);
});

describe("init --adopt", () => {
  it("adopts right after scaffolding, and init alone refuses adopt's options", async () => {
    const db = await database("e2e_adopt_init");
    const p = await builtByTypeorm(db);

    const refused = await p.run(["init", "--exclude-unmanaged"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--exclude-unmanaged is an option of `init --adopt`");

    const result = await p.run(["init", "--adopt", "--exclude-unmanaged", "-m", "from typeorm"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("kept ormconfig.ts (already there)");
    expect(migrationFiles(p)).toEqual([expect.stringMatching(/^\w{12}_from_typeorm\.ts$/)]);
    expect((await p.run(["check"])).code).toBe(0);
  }, 120_000);
});

describe("the first revision on a database holding tables no entity describes", () => {
  it("says on the console which tables it drops and how to keep them", async () => {
    const db = await database("e2e_adopt_first");
    // Nothing like an entity's table, so it cannot pass for a renamed one.
    await db.query(`CREATE TABLE legacy_audit (logged_at timestamptz, payload jsonb)`);
    const p = project(join(__dirname, "fixtures", "library"), db.url);
    projects.push(p);

    const result = ok(await p.run(["revision", "-m", "initial"]));

    expect(result.stderr).toContain(
      "warning: this first revision drops 1 table(s) no entity describes (legacy_audit)",
    );
    expect(result.stderr).toContain('excludeTables: ["legacy_audit"]');
  });
});

describe("TypeORM's migrations table under another name (migrationsTableName)", () => {
  it("is never compared, and history --typeorm reads it", async () => {
    const db = await database("e2e_adopt_named");
    await db.query(
      `CREATE TABLE typeorm_runs (id SERIAL PRIMARY KEY, "timestamp" bigint NOT NULL, name character varying NOT NULL);
       INSERT INTO typeorm_runs ("timestamp", name) VALUES (1700000000000, 'Init1700000000000')`,
    );
    const p = project(join(__dirname, "fixtures", "library"), db.url);
    projects.push(p);
    const config = readFileSync(join(p.dir, "ormconfig.ts"), "utf8");
    p.write(
      "ormconfig.ts",
      config.replace(
        'type: "postgres",',
        'type: "postgres",\n  migrationsTableName: "typeorm_runs",',
      ),
    );

    const sql = ok(await p.run(["diff", "--format", "sql"]));
    expect(sql.stdout).toContain('CREATE TABLE "public"."authors"');
    expect(sql.stdout).not.toContain("typeorm_runs");

    const history = ok(await p.run(["history", "--typeorm"]));
    expect(history.stdout.trim()).toBe(
      "<typeorm> -> Init1700000000000 (typeorm), applied by TypeORM's runner (id 1, timestamp 1700000000000)",
    );
  });
});
