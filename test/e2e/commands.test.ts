import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { LIBRARY_FIXTURE, project, type Project } from "./project";

/** The book entity with one more column: what a developer's next change looks like. */
const BOOK_WITH_PAGES = `import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Author } from "./author";

@Entity({ name: "books" })
export class Book {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;

  @Column({ type: "int", nullable: true })
  pages!: number | null;

  @ManyToOne(() => Author, (author) => author.books, { onDelete: "CASCADE" })
  author!: Author;
}
`;

async function tables(db: TestDatabase): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  );
  return rows.map((r) => r.name);
}

async function columns(db: TestDatabase, table: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    "SELECT column_name AS name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position",
    [table],
  );
  return rows.map((r) => r.name);
}

const migrationFiles = (p: Project): string[] => readdirSync(join(p.dir, "migrations")).sort();

/**
 * A user's day on one project and one database, in order: each test starts where the
 * previous one left off, so a failure early on explains the failures after it.
 */
describe("the commands on a two-entity project", () => {
  let db: TestDatabase;
  let p: Project;
  let first = "";
  let second = "";

  beforeAll(async () => {
    db = await createTestDatabase("e2e_cmd");
    p = project(LIBRARY_FIXTURE, db.url);
  });
  afterAll(async () => {
    p.remove();
    await db.drop();
  });

  it("revision -m writes migrations/<id>_<slug>.ts and prints its path", async () => {
    const result = await p.run(["revision", "-m", "Create library!"]);

    expect(result.code).toBe(0);
    const path = result.stdout.trim();
    expect(path).toMatch(/^migrations\/[0-9a-f]{12}_create_library\.ts$/);
    first = path.slice("migrations/".length, "migrations/".length + 12);
    const text = readFileSync(join(p.dir, path), "utf8");
    expect(text).toContain(`export const revision = "${first}";`);
    expect(text).toContain('await op.createTable("authors"');
    expect(text).toContain('await op.dropTable("books")');
  });

  it("revision refuses when the database is not up to date, and writes nothing", async () => {
    const result = await p.run(["revision", "-m", "too early"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^error: the database at .+ is not up to date \\(it is at base, the migrations at ${first}\\)$`,
        "m",
      ),
    );
    expect(migrationFiles(p)).toHaveLength(1);
  });

  it("upgrade applies the migration and creates the tables", async () => {
    const result = await p.run(["upgrade"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Applied ${first} Create library!`);
    expect(result.stderr).toMatch(
      /^Applied 1 migration in \d+ ms; the database is at [0-9a-f]{12}\.$/m,
    );
    expect(await tables(db)).toEqual([
      "authors",
      "autogen_version",
      "autogen_version_history",
      "books",
    ]);
  });

  it("current prints the applied id marked (head)", async () => {
    const result = await p.run(["current"]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${first} (head)\n`);
  });

  it("heads and history list the one migration", async () => {
    const heads = await p.run(["heads"]);
    const history = await p.run(["history"]);

    expect(heads.code).toBe(0);
    expect(heads.stdout).toBe(`${first} (head)\n`);
    expect(history.code).toBe(0);
    expect(history.stdout).toBe(`<base> -> ${first} (head), Create library!\n`);
  });

  it("a second revision says No changes detected and writes nothing", async () => {
    const result = await p.run(["revision", "-m", "nothing"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain("No changes detected: the entities and the database match.");
    expect(result.stdout).toBe("");
    expect(migrationFiles(p)).toHaveLength(1);
  });

  it("check exits 0 when the entities and the database match", async () => {
    const result = await p.run(["check"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain("No changes detected: the entities and the database match.");
  });

  it("check exits 1 and lists the change after an entity file changes", async () => {
    p.write("entities/book.ts", BOOK_WITH_PAGES);
    const result = await p.run(["check"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("The entities and the database differ (1 operation(s)):");
    expect(result.stderr).toContain('  adds column "books"."pages"');
  });

  it("diff prints the SQL of the change and touches nothing", async () => {
    const result = await p.run(["diff"]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('-- adds column "books"."pages"');
    expect(result.stdout).toContain('ALTER TABLE "public"."books" ADD COLUMN "pages" integer;');
    expect(await columns(db, "books")).not.toContain("pages");
  });

  it("a revision for the change builds on the first and upgrade applies it", async () => {
    const written = await p.run(["revision", "-m", "add pages"]);
    second = written.stdout.trim().slice("migrations/".length, "migrations/".length + 12);
    const upgraded = await p.run(["upgrade"]);

    expect(written.code).toBe(0);
    expect(readFileSync(join(p.dir, written.stdout.trim()), "utf8")).toContain(
      `export const downRevision: string | null = "${first}";`,
    );
    expect(upgraded.code).toBe(0);
    expect(upgraded.stderr).toContain(`Applied ${second} add pages`);
    expect(await columns(db, "books")).toContain("pages");
  });

  it("downgrade -1 reverts the last migration only", async () => {
    const result = await p.run(["downgrade", "-1"]);
    const now = await p.run(["current"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Reverted ${second} add pages`);
    expect(result.stderr).toMatch(
      /^Reverted 1 migration in \d+ ms; the database is at [0-9a-f]{12}\.$/m,
    );
    expect(now.stdout).toBe(`${first}\n`);
    expect(await columns(db, "books")).toEqual(["id", "title", "authorId"]);
  });

  it("downgrade base leaves no tables but the empty version table", async () => {
    const result = await p.run(["downgrade", "base"]);
    const now = await p.run(["current"]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Reverted ${first} Create library!`);
    expect(now.stderr).toMatch(/^The database at .+ is at base\.$/m);
    expect(await tables(db)).toEqual(["autogen_version", "autogen_version_history"]);
    expect(await db.query("SELECT * FROM autogen_version")).toEqual([]);
  });
});

describe("commands that need no database", () => {
  let db: TestDatabase;
  let p: Project;

  beforeAll(async () => {
    db = await createTestDatabase("e2e_offline");
    p = project(LIBRARY_FIXTURE, db.url);
  });
  afterAll(async () => {
    p.remove();
    await db.drop();
  });

  it("upgrade --sql prints the script between BEGIN and COMMIT and creates nothing", async () => {
    const written = await p.run(["revision", "-m", "create library", "--rev-id", "c0ffee000001"]);
    const result = await p.run(["upgrade", "--sql"]);

    expect(written.code).toBe(0);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('CREATE TABLE IF NOT EXISTS "public"."autogen_version"');
    expect(result.stdout).toMatch(/^BEGIN;$/m);
    expect(result.stdout).toContain('CREATE TABLE "public"."authors"');
    expect(result.stdout).toContain(`VALUES ('c0ffee000001');`);
    expect(result.stdout).toMatch(/^COMMIT;$/m);
    expect(await tables(db)).toEqual([]);
  });

  it("revision --empty writes a migration without connecting", async () => {
    const result = await p.run(["revision", "-m", "seed data", "--empty"], {
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/nowhere",
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^migrations\/[0-9a-f]{12}_seed_data\.ts\n$/);
    const text = readFileSync(join(p.dir, result.stdout.trim()), "utf8");
    expect(text).toContain('export const downRevision: string | null = "c0ffee000001";');
  });
});
