import { join } from "node:path";
import { check } from "../../src/commands/check";
import { downgrade, upgrade } from "../../src/commands/migrate";
import { revision } from "../../src/commands/revision";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { typeCheck } from "../support/type-check";
import { commandProject, type CommandProject } from "./support/project";

const NOW = new Date("2026-12-02T14:00:00Z");
const FILE = "migrations/r00000000001_plan.ts";
/** The placeholder call, however the printer wrapped it. */
const TODO = /(?<=backfill: )op\.todo\([^)]*\)/;

/** A project whose `books` entity has the given extra property lines. */
function booksProject(
  lines: readonly string[],
  autogen: Record<string, unknown> = {},
  titleDecorator = "",
) {
  const project = commandProject(autogen);
  project.write(
    "entities/book.ts",
    [
      `import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";`,
      `@Entity("books")`,
      `export class Book {`,
      `  @PrimaryGeneratedColumn({ primaryKeyConstraintName: "PK_books" }) id!: number;`,
      `  ${titleDecorator}@Column({ type: "varchar" }) title!: string;`,
      ...lines.map((line) => `  ${line}`),
      `}`,
      `void Index;`,
      ``,
    ].join("\n"),
  );
  project.write(
    "ormconfig.ts",
    [
      `import { DataSource } from "typeorm";`,
      `import { Book } from "./entities/book";`,
      `export default new DataSource({ type: "postgres", entities: [Book] });`,
      `export const autogen = ${JSON.stringify(autogen)};`,
      ``,
    ].join("\n"),
  );
  return project;
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
const generate = (options: { concurrently?: boolean } = {}) =>
  revision(p.context(env()), { message: "plan", now: NOW, revId: "r00000000001", ...options });

describe("a NOT NULL column added over existing rows", () => {
  it("is planned as add nullable, fill, set NOT NULL, with a fill that fails tsc and the run until written", async () => {
    p = booksProject([`@Column({ type: "varchar" }) isbn!: string;`]);
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
  });

  it("stays one addColumn on a table without rows, which nothing can fail on", async () => {
    await db.query("DELETE FROM books");
    p = booksProject([`@Column({ type: "varchar" }) isbn!: string;`]);
    const result = await generate();
    expect(result.operations.map((op) => op.kind)).toEqual(["addColumn"]);
    expect(p.read(FILE)).not.toContain("op.todo");
  });

  it("asks for the fill of a nullable column made NOT NULL, whose rows may hold NULL", async () => {
    await db.query(
      "ALTER TABLE books ADD COLUMN isbn varchar; UPDATE books SET isbn = 'x' WHERE id = 1",
    );
    p = booksProject([`@Column({ type: "varchar" }) isbn!: string;`]);
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

const indexState = async () =>
  db.query<{ valid: boolean; unique: boolean }>(
    `SELECT i.indisvalid AS valid, i.indisunique AS unique FROM pg_index AS i
     JOIN pg_class AS c ON c.oid = i.indexrelid WHERE c.relname = 'IDX_books_title'`,
  );

describe("indexes built and dropped concurrently", () => {
  it("with the config's concurrentIndexes, builds the index CONCURRENTLY outside a transaction, and the downgrade drops it so", async () => {
    p = booksProject([], { concurrentIndexes: true }, `@Index("IDX_books_title") `);
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
    p = booksProject([], {}, `@Index("IDX_books_title", { unique: true }) `);
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
    p = booksProject([]);
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
