import { createTestDatabase, type TestDatabase } from "../support/database";
import { LIBRARY_FIXTURE, project, type Project } from "./project";

/** Books lose `title` and gain a required `isbn` with no default: a PR a gate should stop. */
const BOOK_WITHOUT_TITLE = `import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Author } from "./author";

@Entity({ name: "books" })
export class Book {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  isbn!: number;

  @ManyToOne(() => Author, (author) => author.books, { onDelete: "CASCADE" })
  author!: Author;
}
`;

let db: TestDatabase;
let p: Project;
beforeAll(async () => {
  db = await createTestDatabase("e2e_diff_summary");
  p = project(LIBRARY_FIXTURE, db.url);
  expect((await p.run(["revision", "-m", "library"])).code).toBe(0);
  expect((await p.run(["upgrade"])).code).toBe(0);
  await db.query(`INSERT INTO authors (name) VALUES ('Ada');
    INSERT INTO books (title, "authorId") VALUES ('a', 1), ('b', 1), ('c', 1)`);
  p.write("entities/book.ts", BOOK_WITHOUT_TITLE);
});
afterAll(async () => {
  p.remove();
  await db.drop();
});

describe("diff --format and --fail-on, on a table with three rows", () => {
  it("json gives tables with rows and locks, operations, hazards both ways and reversibility", async () => {
    const result = await p.run(["diff", "--format", "json"]);

    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.changes).toBe(true);
    expect(summary.tables).toEqual([
      { schema: "public", name: "books", rows: 3, lock: "ACCESS EXCLUSIVE", rewrite: false },
    ]);
    expect(summary.operations.map((op: { kind: string }) => op.kind).sort()).toEqual([
      "addColumn",
      "dropColumn",
    ]);
    const drop = summary.operations.find((op: { kind: string }) => op.kind === "dropColumn");
    expect(drop).toMatchObject({
      lock: "ACCESS EXCLUSIVE",
      rewrite: false,
      reversible: true,
      hazards: ["deletesData", "breaksRunningCode"],
    });
    expect(summary.hazards.upgrade.map((h: { text: string }) => h.text)).toEqual(
      expect.arrayContaining([
        'deletes data in "books" (~3 rows)',
        'may fail on the rows of "books" (~3 rows)',
      ]),
    );
    // Reverting drops `isbn` (its values are lost) and adds back a NOT NULL `title`.
    expect(summary.hazards.downgrade.map((h: { kind: string }) => h.kind)).toContain("deletesData");
    expect(summary.reversible).toBe(true);
    expect(summary.sql.join("\n")).toContain('ALTER TABLE "public"."books" DROP COLUMN "title"');
  });

  it("markdown is a PR comment: a table row per table, an operation table, hazards both ways", async () => {
    const result = await p.run(["diff", "--format", "markdown"]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("### autogen diff: 2 operations on 1 table(s)");
    expect(result.stdout).toContain('| "books" | ~3 rows | ACCESS EXCLUSIVE | no |');
    expect(result.stdout).toContain("| Operation | Lock | Rewrite | Reversible | Hazards |");
    expect(result.stdout).toContain("**Upgrade hazards:**");
    expect(result.stdout).toContain('- deletes data in "books" (~3 rows)');
    expect(result.stdout).toContain("**Downgrade hazards:**");
    expect(result.stdout).toMatch(/```sql\n[^`]*DROP COLUMN "title"/);
  });

  it("sql prints the statements alone, and text keeps the review and the SQL", async () => {
    const sql = await p.run(["diff", "--format", "sql"]);
    const text = await p.run(["diff"]);

    expect(sql.code).toBe(0);
    expect(
      sql.stdout
        .trim()
        .split("\n")
        .every((line) => line.endsWith(";")),
    ).toBe(true);
    expect(sql.stdout).not.toContain("--");
    expect(text.stdout).toContain('-- upgrade: deletes data in "books" (~3 rows)');
    expect(text.stdout).toContain('ALTER TABLE "public"."books" DROP COLUMN "title";');
  });

  it("--fail-on destructive exits 1 naming the hazard, --fail-on rewrite passes", async () => {
    const gated = await p.run(["diff", "--format", "markdown", "--fail-on", "destructive,lock"]);
    const passed = await p.run(["diff", "--fail-on", "rewrite"]);

    expect(gated.code).toBe(1);
    expect(gated.stdout).toContain("### autogen diff");
    expect(gated.stderr).toContain('diff --fail-on: the upgrade deletes data in "books" (~3 rows)');
    expect(passed.code).toBe(0);
  });

  it("an unknown --fail-on kind is a usage error before any connection", async () => {
    const result = await p.run(["diff", "--fail-on", "destructive,bogus"], {
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/nowhere",
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--fail-on: unknown hazard "bogus".');
    expect(result.stderr).not.toMatch(/127\.0\.0\.1|connect/);
  });

  it("--json lists each operation with its hazards", async () => {
    const result = await p.run(["diff", "--json"]);

    expect(result.code).toBe(0);
    const drop = JSON.parse(result.stdout).find((op: { kind: string }) => op.kind === "dropColumn");
    expect(drop).toMatchObject({ kind: "dropColumn", table: "books", name: "title" });
    expect(drop.hazards).toEqual([
      { kind: "deletesData", table: { schema: "public", name: "books" } },
      { kind: "breaksRunningCode", table: { schema: "public", name: "books" } },
    ]);
  });

  it("check lists the hazards both ways with row estimates", async () => {
    const result = await p.run(["check"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('  upgrade: deletes data in "books" (~3 rows)');
    expect(result.stderr).toContain('  WARNING: downgrade: deletes data in "books" (~3 rows)');
  });

  it("says a NOT NULL over rows fails if any of them holds NULL", async () => {
    await db.query(`ALTER TABLE authors ALTER COLUMN name DROP NOT NULL;
      INSERT INTO authors (name) VALUES ('Bo'), ('Cy')`);

    const result = await p.run(["diff", "--format", "json"]);

    expect(result.code).toBe(0);
    expect(
      JSON.parse(result.stdout).hazards.upgrade.map((h: { text: string }) => h.text),
    ).toContain('"authors"."name": fails if any of the ~3 rows holds NULL');
  });

  it("an unknown --format is a usage error", async () => {
    const result = await p.run(["diff", "--format", "html"]);

    expect(result.code).toBe(2);
  });
});
