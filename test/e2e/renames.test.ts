import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { LIBRARY_FIXTURE, project, type Project } from "./project";

let db: TestDatabase;
let p: Project;
beforeAll(async () => {
  db = await createTestDatabase("e2e_renames");
  p = project(LIBRARY_FIXTURE, db.url);
  expect((await p.run(["revision", "-m", "library"])).code).toBe(0);
  expect((await p.run(["upgrade"])).code).toBe(0);
  // The entities call the column `title`; the database now calls it `name`, with a row.
  await db.query(`ALTER TABLE books RENAME COLUMN title TO name;
    INSERT INTO authors (name) VALUES ('Ada'); INSERT INTO books (name, "authorId") VALUES ('Notes', 1)`);
});
afterAll(async () => {
  p.remove();
  await db.drop();
});

describe("revision in CI (no terminal) and renames", () => {
  it("exits 1 on a plausible rename, printing the exact flag that takes it", async () => {
    const result = await p.run(["revision", "-m", "retitle"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: "books"."name" is dropped and "title" added');
    expect(result.stderr).toContain(
      "hint: pass --rename books.name=title to rename and keep the rows",
    );
  });

  it("with that flag writes op.renameColumn, and upgrade keeps the row", async () => {
    const result = await p.run(["revision", "-m", "retitle", "--rename", "books.name=title"]);

    expect(result.code).toBe(0);
    const text = readFileSync(join(p.dir, result.stdout.trim()), "utf8");
    expect(text).toContain('await op.renameColumn("books", "name", "title");');
    expect((await p.run(["upgrade"])).code).toBe(0);
    expect(await db.query("SELECT title FROM books")).toEqual([{ title: "Notes" }]);
    expect((await p.run(["check"])).code).toBe(0);
  });
});
