import { REPO_ROOT, runCli } from "../support/cli";
import { createTestDatabase, type TestDatabase } from "../support/database";

/**
 * The README's first command (`npx autogen upgrade && npx autogen check`) must keep working:
 * the repository's committed migrations bring an empty database to exactly what its entities
 * describe, and back.
 */
describe("the example project in the repository root", () => {
  let db: TestDatabase;
  const cli = (...args: string[]) =>
    runCli(args, { cwd: REPO_ROOT, env: { DATABASE_URL: db.url } });

  beforeAll(async () => {
    db = await createTestDatabase("example");
  });
  afterAll(async () => {
    await db.drop();
  });

  it("upgrades an empty database with its committed migrations and then checks clean", async () => {
    const upgrade = await cli("upgrade");
    expect(upgrade.code).toBe(0);
    const check = await cli("check");
    expect(check.stderr).toContain("No changes detected");
    expect(check.code).toBe(0);
  });

  it("downgrades to base leaving no tables behind", async () => {
    expect((await cli("downgrade", "base")).code).toBe(0);
    const tables = await db.query(
      `SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND relname NOT LIKE 'autogen_version%'`,
    );
    expect(tables).toEqual([]);
  });
});
