import { join } from "node:path";
import { check } from "../../src/commands/check";
import { downgrade, upgrade } from "../../src/commands/migrate";
import { revision } from "../../src/commands/revision";
import { runCli } from "../support/cli";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { typeCheck } from "../support/type-check";
import { entityProject, type CommandProject } from "./support/project";

const NOW = new Date("2026-12-02T14:00:00Z");
const FILE = "migrations/r00000000001_plan.ts";
/** The placeholder call, however the printer wrapped it. */
const TODO = /(?<=backfill: )op\.todo\([^)]*\)/;
const VALIDATION = "migrations/vr00000000001_plan_validate_constraints.ts";

interface BooksShape {
  /** Extra property lines of `Book`. */
  readonly lines?: readonly string[];
  readonly autogen?: Record<string, unknown>;
  /** Decorators before `title`'s `@Column`, like `@Index("IDX_books_title") `. */
  readonly titleDecorator?: string;
  /** Decorators before `@Entity("books")`, like a `@Check`. */
  readonly classDecorator?: string;
  /** Declare an `authors` entity too (the test creates its table). */
  readonly authors?: boolean;
}

/** A project whose `books` entity has `id`, `title`, and what `shape` adds. */
function booksProject(shape: BooksShape = {}): CommandProject {
  const autogen = shape.autogen ?? {};
  const author = [
    `@Entity("authors")`,
    `export class Author {`,
    `  @PrimaryGeneratedColumn({ primaryKeyConstraintName: "PK_authors" }) id!: number;`,
    `}`,
  ];
  return entityProject(
    "book",
    [
      `import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";`,
      ...(shape.authors ? author : []),
      `${shape.classDecorator ?? ""}@Entity("books")`,
      `export class Book {`,
      `  @PrimaryGeneratedColumn({ primaryKeyConstraintName: "PK_books" }) id!: number;`,
      `  ${shape.titleDecorator ?? ""}@Column({ type: "varchar" }) title!: string;`,
      ...(shape.lines ?? []).map((line) => `  ${line}`),
      `}`,
      `void [Check, Index, JoinColumn, ManyToOne];`,
    ],
    autogen,
  );
}

let p: CommandProject;
let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase("safeplans");
  await db.query(
    `CREATE TABLE books (id serial CONSTRAINT "PK_books" PRIMARY KEY, title varchar NOT NULL);
     INSERT INTO books (title) VALUES ('Dune'), ('Emma'), ('Ulysses')`,
  );
});
afterEach(async () => {
  p.remove();
  await db.drop();
});

const env = () => ({ DATABASE_URL: db.url });
const rows = async (columns: string) =>
  db.query<Record<string, unknown>>(`SELECT ${columns} FROM books ORDER BY id`);
const generate = (options: { concurrently?: boolean; separateValidation?: boolean } = {}) =>
  revision(p.context(env()), { message: "plan", now: NOW, revId: "r00000000001", ...options });

describe("a NOT NULL column added over existing rows", () => {
  it("is planned as add nullable, fill, set NOT NULL, with a fill that fails tsc and the run until written", async () => {
    p = booksProject({ lines: [`@Column({ type: "varchar" }) isbn!: string;`] });
    await generate();
    const text = p.read(FILE);
    expect(text).toContain(
      'await op.addColumn("books", op.column("isbn", "character varying", { nullable: true }));',
    );
    expect(text).toMatch(
      /await op\.alterColumn\("books", "isbn", \{\n {4}from: \{ nullable: true \},\n {4}to: \{ nullable: false \},\n {4}backfill: op\.todo\(/,
    );
    // Exact downgrade: NOT NULL dropped, then the column.
    expect(text).toContain(
      'await op.alterColumn("books", "isbn", { from: { nullable: false }, to: { nullable: true } });\n  await op.dropColumn("books", "isbn");',
    );

    // Unfinished, the file does not type-check, and the run refuses it before any statement.
    expect(typeCheck([join(p.dir, FILE)])).toContain(
      "Type 'Todo' is not assignable to type 'string'",
    );
    await expect(upgrade(p.context(env()), { target: "head" })).rejects.toMatchObject({
      message: expect.stringContaining(
        'op.alterColumn("books", "isbn") still has op.todo(...) as its backfill',
      ) as unknown,
    });
    expect(
      await db.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'books' AND column_name = 'isbn'",
      ),
    ).toEqual([]);

    // Filled in, it type-checks, runs, keeps the rows and fills them.
    p.write(FILE, text.replace(TODO, `"'isbn-' || id"`));
    expect(typeCheck([join(p.dir, FILE)])).toBe("");
    // jest keeps its own module registry, which the loader's fresh require does not clear.
    jest.resetModules();
    await upgrade(p.context(env()), { target: "head" });
    expect(await rows("title, isbn")).toEqual([
      { title: "Dune", isbn: "isbn-1" },
      { title: "Emma", isbn: "isbn-2" },
      { title: "Ulysses", isbn: "isbn-3" },
    ]);
    expect((await check(p.context(env()))).clean).toBe(true);

    await downgrade(p.context(env()), { target: "base" });
    expect(await rows("*")).toEqual([
      { id: 1, title: "Dune" },
      { id: 2, title: "Emma" },
      { id: 3, title: "Ulysses" },
    ]);
    // Two whole tsc runs: slow on a loaded machine.
  }, 180_000);

  it("stays one addColumn on a table without rows, which nothing can fail on", async () => {
    await db.query("DELETE FROM books");
    p = booksProject({ lines: [`@Column({ type: "varchar" }) isbn!: string;`] });
    const result = await generate();
    expect(result.operations.map((op) => op.kind)).toEqual(["addColumn"]);
    expect(p.read(FILE)).not.toContain("op.todo");
  });

  it("asks for the fill of a nullable column made NOT NULL, whose rows may hold NULL", async () => {
    await db.query(
      "ALTER TABLE books ADD COLUMN isbn varchar; UPDATE books SET isbn = 'x' WHERE id = 1",
    );
    p = booksProject({ lines: [`@Column({ type: "varchar" }) isbn!: string;`] });
    await generate();
    const text = p.read(FILE);
    expect(text).toContain("backfill: op.todo(");
    p.write(FILE, text.replace(TODO, `"'none'"`));
    await upgrade(p.context(env()), { target: "head" });
    expect(await rows("isbn")).toEqual([{ isbn: "x" }, { isbn: "none" }, { isbn: "none" }]);
    await downgrade(p.context(env()), { target: "base" });
    const nullable = await db.query<{ is_nullable: string }>(
      "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'books' AND column_name = 'isbn'",
    );
    expect(nullable).toEqual([{ is_nullable: "YES" }]);
    expect(await rows("isbn")).toEqual([{ isbn: "x" }, { isbn: "none" }, { isbn: "none" }]);
  });
});

describe("a NOT NULL column through a check", () => {
  it("adds the column and a NOT VALID check, then fills, validates, sets NOT NULL and drops the check in the second file", async () => {
    p = booksProject({
      lines: [`@Column({ type: "varchar" }) isbn!: string;`],
      autogen: { notNullThroughCheck: true },
    });
    await generate();
    const first = p.read(FILE);
    expect(first).toContain(
      'await op.addColumn("books", op.column("isbn", "character varying", { nullable: true }));',
    );
    expect(first).toContain(
      '{ name: "CHK_books_isbn_not_null", expression: \'("isbn" IS NOT NULL)\' },\n    { notValid: true },',
    );
    const second = p.read(VALIDATION);
    expect(second).toMatch(
      /backfill: op\.todo\([^)]*\),\n {4}provenBy: "CHK_books_isbn_not_null",\n {2}\}\);\n {2}await op\.dropCheck\("books", "CHK_books_isbn_not_null"\);/,
    );
    expect(typeCheck([join(p.dir, VALIDATION)])).toContain(
      "Type 'Todo' is not assignable to type 'string'",
    );

    p.write(VALIDATION, second.replace(TODO, `"'isbn-' || id"`));
    await upgrade(p.context(env()), { target: "head" });
    expect(await rows("isbn")).toEqual([
      { isbn: "isbn-1" },
      { isbn: "isbn-2" },
      { isbn: "isbn-3" },
    ]);
    expect(await db.query("SELECT conname FROM pg_constraint WHERE conname LIKE 'CHK_%'")).toEqual(
      [],
    );
    expect((await check(p.context(env()))).clean).toBe(true);

    await downgrade(p.context(env()), { target: "r00000000001" });
    expect(await db.query("SELECT conname FROM pg_constraint WHERE conname LIKE 'CHK_%'")).toEqual([
      { conname: "CHK_books_isbn_not_null" },
    ]);
    await downgrade(p.context(env()), { target: "base" });
    expect(await rows("*")).toEqual([
      { id: 1, title: "Dune" },
      { id: 2, title: "Emma" },
      { id: 3, title: "Ulysses" },
    ]);
  });
});

const indexState = async () =>
  db.query<{ valid: boolean; unique: boolean }>(
    `SELECT i.indisvalid AS valid, i.indisunique AS unique FROM pg_index AS i
     JOIN pg_class AS c ON c.oid = i.indexrelid WHERE c.relname = 'IDX_books_title'`,
  );

describe("indexes built and dropped concurrently", () => {
  it("with the config's concurrentIndexes, builds the index CONCURRENTLY outside a transaction, and the downgrade drops it so", async () => {
    p = booksProject({
      autogen: { concurrentIndexes: true },
      titleDecorator: `@Index("IDX_books_title") `,
    });
    await generate();
    const text = p.read(FILE);
    expect(text).toContain("export const transaction = false;");
    expect(text).toContain(
      'await op.createIndex(\n    "books",\n    { name: "IDX_books_title", columns: ["title"] },\n    { concurrently: true },\n  );',
    );
    expect(text).toContain(
      'await op.dropIndex("books", "IDX_books_title", { concurrently: true });',
    );

    const script = (await upgrade(p.context(env()), { target: "head", sql: true })).script ?? "";
    expect(script).toContain(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_books_title" ON "public"."books" ("title");',
    );
    expect(script.slice(0, script.indexOf("CREATE INDEX CONCURRENTLY"))).not.toContain("BEGIN;");

    await upgrade(p.context(env()), { target: "head" });
    expect(await indexState()).toEqual([{ valid: true, unique: false }]);
    expect((await check(p.context(env()))).clean).toBe(true);
    await downgrade(p.context(env()), { target: "base" });
    expect(await indexState()).toEqual([]);
    expect(await rows("title")).toEqual([
      { title: "Dune" },
      { title: "Emma" },
      { title: "Ulysses" },
    ]);
  });

  it("drops the invalid index a failed concurrent build left, when the migration is run again", async () => {
    await db.query("INSERT INTO books (title) VALUES ('Dune')");
    p = booksProject({ titleDecorator: `@Index("IDX_books_title", { unique: true }) ` });
    await generate({ concurrently: true });

    await expect(upgrade(p.context(env()), { target: "head" })).rejects.toMatchObject({
      message: expect.stringContaining("could not create unique index") as unknown,
    });
    expect(await indexState()).toEqual([{ valid: false, unique: true }]);

    await db.query("DELETE FROM books WHERE id = 4");
    await upgrade(p.context(env()), { target: "head" });
    expect(await indexState()).toEqual([{ valid: true, unique: true }]);
    expect(await rows("title")).toEqual([
      { title: "Dune" },
      { title: "Emma" },
      { title: "Ulysses" },
    ]);
    await downgrade(p.context(env()), { target: "base" });
    expect(await indexState()).toEqual([]);
  });

  it("refuses, before any statement, a migration that builds an index concurrently inside a transaction", async () => {
    p = booksProject();
    p.migration({
      revision: "r00000000001",
      down: null,
      upgrade: `await op.createIndex("books", { name: "IDX_books_title", columns: ["title"] }, { concurrently: true });`,
    });
    await expect(upgrade(p.context(env()), { target: "head" })).rejects.toMatchObject({
      message: expect.stringContaining(
        'it builds index "IDX_books_title" CONCURRENTLY, which PostgreSQL cannot do inside a transaction; add `export const transaction = false;` to the file',
      ) as unknown,
    });
    expect(await indexState()).toEqual([]);
  });
});

const validated = async (name: string) =>
  db.query<{ valid: boolean }>(
    "SELECT convalidated AS valid FROM pg_constraint WHERE conname = $1",
    [name],
  );
const CHECKED = `@Check("CHK_books_title", \`"title" <> ''\`)\n`;

describe("constraints added to tables with rows", () => {
  it("adds a check NOT VALID and validates it in a second migration; a violating row fails that one alone, until fixed", async () => {
    await db.query("INSERT INTO books (title) VALUES ('')");
    p = booksProject({ classDecorator: CHECKED });
    const result = await generate();
    expect(result.validation?.revision).toBe("vr00000000001");
    expect(p.read(FILE)).toContain(
      `await op.addCheck(\n    "books",\n    { name: "CHK_books_title", expression: "((title)::text <> ''::text)" },\n    { notValid: true },\n  );`,
    );
    const second = p.read(VALIDATION);
    expect(second).toContain('export const downRevision: string | null = "r00000000001";');
    expect(second).toContain('await op.validateConstraint("books", "CHK_books_title");');
    expect(second).toContain(
      "export async function downgrade({ op }: MigrationContext): Promise<void> {\n  // No operations.",
    );

    await expect(upgrade(p.context(env()), { target: "head" })).rejects.toMatchObject({
      message: expect.stringContaining("upgrade of vr00000000001") as unknown,
    });
    // The first migration stays applied: the constraint checks new rows already.
    expect(await validated("CHK_books_title")).toEqual([{ valid: false }]);
    await expect(db.query("INSERT INTO books (title) VALUES ('')")).rejects.toThrow(
      /CHK_books_title/,
    );

    await db.query("UPDATE books SET title = 'Untitled' WHERE title = ''");
    await upgrade(p.context(env()), { target: "head" });
    expect(await validated("CHK_books_title")).toEqual([{ valid: true }]);
    expect((await check(p.context(env()))).clean).toBe(true);

    await downgrade(p.context(env()), { target: "base" });
    expect(await validated("CHK_books_title")).toEqual([]);
    expect(await rows("title")).toEqual([
      { title: "Dune" },
      { title: "Emma" },
      { title: "Ulysses" },
      { title: "Untitled" },
    ]);
  });

  it("adds a foreign key NOT VALID and validates it after, keeping every row both ways", async () => {
    await db.query(
      `CREATE TABLE authors (id serial CONSTRAINT "PK_authors" PRIMARY KEY);
       INSERT INTO authors DEFAULT VALUES; INSERT INTO authors DEFAULT VALUES;
       ALTER TABLE books ADD COLUMN author_id integer; UPDATE books SET author_id = id WHERE id < 3`,
    );
    p = booksProject({
      authors: true,
      lines: [
        `@ManyToOne("Author") @JoinColumn({ name: "author_id", foreignKeyConstraintName: "FK_books_author" }) author!: unknown;`,
      ],
    });
    await generate();
    expect(p.read(FILE)).toContain("{ notValid: true },");
    expect(p.read(VALIDATION)).toContain(
      'await op.validateConstraint("books", "FK_books_author");',
    );

    await upgrade(p.context(env()), { target: "head" });
    expect(await validated("FK_books_author")).toEqual([{ valid: true }]);
    expect((await check(p.context(env()))).clean).toBe(true);
    await downgrade(p.context(env()), { target: "base" });
    expect(await validated("FK_books_author")).toEqual([]);
    expect(await rows("id, author_id")).toEqual([
      { id: 1, author_id: 1 },
      { id: 2, author_id: 2 },
      { id: 3, author_id: null },
    ]);
  });

  it("validates at once, in one file, with --no-separate-validation or on a table without rows", async () => {
    p = booksProject({ classDecorator: CHECKED });
    const flagged = await generate({ separateValidation: false });
    expect(flagged.validation).toBeNull();
    expect(p.read(FILE)).not.toContain("notValid");
    p.remove();

    await db.query("DELETE FROM books");
    p = booksProject({ classDecorator: CHECKED });
    const empty = await generate();
    expect(empty.validation).toBeNull();
    expect(p.migrationFiles()).toEqual(["r00000000001_plan.ts"]);
  });
});

describe("the safe plans on the command line", () => {
  const cli = (...args: string[]) => runCli(args, { cwd: p.dir, env: env() });

  it("takes --concurrently and --no-separate-validation, and warns of the other operations outside a transaction", async () => {
    p = booksProject({ classDecorator: CHECKED, titleDecorator: `@Index("IDX_books_title") ` });
    const result = await cli(
      "revision",
      "-m",
      "plan",
      "--rev-id",
      "r00000000001",
      "--concurrently",
      "--no-separate-validation",
    );
    expect(result).toMatchObject({ code: 0, stdout: `${FILE}\n` });
    expect(result.stderr).toContain(
      "warning: runs outside a transaction (transaction = false, for CONCURRENTLY): its 1 other operation(s) commit one by one",
    );
    const text = p.read(FILE);
    expect(text).toContain("{ concurrently: true }");
    expect(text).not.toContain("notValid");
  });

  it("prints both files when the constraints are validated separately, the default", async () => {
    p = booksProject({ classDecorator: CHECKED });
    const result = await cli("revision", "-m", "plan", "--rev-id", "r00000000001");
    expect(result).toMatchObject({ code: 0, stdout: `${FILE}\n${VALIDATION}\n` });
  });

  it("refuses a config whose concurrentIndexes is not a boolean, in one sentence", async () => {
    p = booksProject({ autogen: { concurrentIndexes: "yes" } });
    const result = await cli("revision", "-m", "plan");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('concurrentIndexes must be true or false, not "yes".');
    expect(result.stderr).not.toContain("    at ");
  });
});
