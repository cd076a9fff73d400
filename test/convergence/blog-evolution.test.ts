import { cpSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { catalogSnapshot, type CatalogSnapshot } from "../support/catalog-snapshot";
import { REPO_ROOT, runCli, tempProject, type CliResult } from "../support/cli";
import { createTestDatabase, type TestDatabase } from "../support/database";

/**
 * Convergence, the promise in one test: for each evolution of the example blog, the
 * generated migration brings the database to exactly what TypeORM's own `synchronize` builds
 * from the same entities, a second `revision` finds nothing, `downgrade -1` restores the
 * previous catalog exactly, and rows survive both directions.
 */
const FIXTURES = join(__dirname, "fixtures");
/** Version 1 is the example project's own entities; 2 and 3 evolve them. */
const VERSIONS = [
  join(REPO_ROOT, "entities"),
  join(FIXTURES, "blog-v2-entities"),
  join(FIXTURES, "blog-v3-entities"),
];

const CONFIG = (entitiesDir: string) => `import "reflect-metadata";
import { join } from "node:path";
import { DataSource } from "typeorm";

export default new DataSource({
  type: "postgres",
  entities: [join(__dirname, ${JSON.stringify(entitiesDir)}, "*.ts")],
  uuidExtension: "pgcrypto",
});
`;

const USER_ID = "6f0a1c2e-8b7d-4c3a-9e5f-0a1b2c3d4e5f";

async function oracleSnapshot(version: string): Promise<CatalogSnapshot> {
  const oracle = await createTestDatabase("oracle");
  const dataSource = new DataSource({
    type: "postgres",
    url: oracle.url,
    entities: [join(version, "*.ts")],
    uuidExtension: "pgcrypto",
    synchronize: true,
    logging: false,
  });
  try {
    await dataSource.initialize();
    await dataSource.destroy();
    return await catalogSnapshot(oracle);
  } finally {
    await oracle.drop();
  }
}

function expectOk(result: CliResult): void {
  if (result.code !== 0) throw new Error(`autogen failed (${result.code}): ${result.stderr}`);
}

async function rowsOf(db: TestDatabase) {
  const users = await db.query(
    `SELECT id, email, "displayName", role::text FROM users ORDER BY id`,
  );
  const posts = await db.query(
    `SELECT title, status::text, "wordCount"::text AS words FROM posts ORDER BY title`,
  );
  return { users, posts };
}

describe("the example blog, evolved three times", () => {
  let db: TestDatabase;
  let project: { dir: string; remove(): void };
  const cli = (...args: string[]) =>
    runCli(args, { cwd: project.dir, env: { DATABASE_URL: db.url } });
  const migrationFiles = () =>
    readdirSync(join(project.dir, "migrations")).filter((f) => f.endsWith(".ts"));

  beforeAll(async () => {
    db = await createTestDatabase("converge");
    project = tempProject();
  });
  afterAll(async () => {
    project.remove();
    await db.drop();
  });

  let filesSoFar = 0;
  it.each(VERSIONS.map((version, i) => [i + 1, version] as const))(
    "version %i: generate, upgrade, match synchronize, find nothing more, downgrade exactly, keep rows",
    async (step, version) => {
      const entitiesDir = `entities-v${step}`;
      cpSync(version, join(project.dir, entitiesDir), { recursive: true });
      writeFileSync(join(project.dir, "ormconfig.ts"), CONFIG(entitiesDir));
      const before = await catalogSnapshot(db);
      const rowsBefore = step > 1 ? await rowsOf(db) : null;

      const revision = await cli("revision", "-m", `blog v${step}`);
      expectOk(revision);
      // A foreign key or check added to a table with rows comes with a second, validating file.
      const written = revision.stdout.trim().split("\n");
      for (const file of written) {
        expect(file).toMatch(
          new RegExp(`^migrations/\\w{12}_blog_v${step}(_validate_constraints)?\\.ts$`),
        );
      }
      filesSoFar += written.length;
      expectOk(await cli("upgrade"));

      const check = await cli("check");
      expect(check.code).toBe(0);
      expect(check.stderr).toContain("No changes detected");
      const again = await cli("revision", "-m", "nothing");
      expect(again.stderr).toContain("No changes detected");
      expect(migrationFiles()).toHaveLength(filesSoFar);

      const after = await catalogSnapshot(db);
      expect(after).toEqual(await oracleSnapshot(version));
      if (rowsBefore) expect(await rowsOf(db)).toEqual(rowsBefore);

      expectOk(await cli("downgrade", `-${written.length}`));
      expect(await catalogSnapshot(db)).toEqual(before);
      if (rowsBefore) expect(await rowsOf(db)).toEqual(rowsBefore);
      expectOk(await cli("upgrade"));
      expect(await catalogSnapshot(db)).toEqual(after);

      if (step === 1) {
        await db.query(
          `INSERT INTO users (id, email, "displayName", role) VALUES ($1, 'ann@example.org', 'Ann', 'admin')`,
          [USER_ID],
        );
        await db.query(
          `INSERT INTO posts (title, status, "wordCount", "authorId") VALUES ('Hello', 'published', 42, $1)`,
          [USER_ID],
        );
      }
      rmSync(join(project.dir, entitiesDir), { recursive: true });
    },
    // Each version generates, upgrades, compares with synchronize and downgrades: minutes on a
    // loaded machine.
    240_000,
  );

  it("downgrades to base leaving no tables and no enum types", async () => {
    expectOk(await cli("downgrade", "base"));
    const tables = await db.query(
      `SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND relname NOT IN ('autogen_version', 'autogen_version_history')`,
    );
    expect(tables).toEqual([]);
    expect(await db.query(`SELECT typname FROM pg_type WHERE typtype = 'e'`)).toEqual([]);
    expect((await cli("current")).stdout).toBe("");
  });
});
