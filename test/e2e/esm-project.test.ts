import { readdirSync } from "node:fs";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { project, type Project } from "./project";

/**
 * A `"type": "module"` project (issue 13, "the first hour"): its config finds the entities
 * through `import.meta.url`, its entities import each other as `./book.js`, and TypeORM loads
 * them with `import()`. The whole loop works on it.
 */
const ESM_FIXTURE = join(__dirname, "fixtures", "esm-library");

let db: TestDatabase;
let app: Project;
beforeAll(async () => {
  db = await createTestDatabase("esm");
  app = project(ESM_FIXTURE, db.url);
});
afterAll(async () => {
  app.remove();
  await db.drop();
});

describe('a "type": "module" project', () => {
  it("gets a revision, an upgrade and a clean check, with the relations between its entities", async () => {
    const made = await app.run(["revision", "-m", "library"]);
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    expect(readdirSync(join(app.dir, "migrations"))).toHaveLength(1);
    expect((await app.run(["upgrade"])).code).toBe(0);
    const tables = await db.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    expect(tables.map((t) => t.name)).toEqual([
      "authors",
      "autogen_version",
      "autogen_version_history",
      "books",
    ]);
    const check = await app.run(["check"]);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain("No changes detected");
  });
});
