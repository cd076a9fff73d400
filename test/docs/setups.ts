import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { migrationFile } from "../commands/support/project";
import { runCli } from "../support/cli";
import { LIBRARY_FIXTURE } from "../e2e/project";
import { EXAMPLE_FILES, type PageProject } from "./page-project";

/**
 * The states a page's prose assumes before a block, named by `<!-- doctest: setup=NAME -->`.
 * A page starts as `example`. Each setup is cheap: files written and SQL run from the test,
 * at most one autogen process (`upgraded`).
 */
export interface Setup {
  readonly does: string;
  apply(project: PageProject): Promise<void> | void;
}

const BRANCH_MIGRATIONS = join(__dirname, "fixtures", "branches");

export const SETUPS: Readonly<Record<string, Setup>> = {
  example: {
    does: "the repository's example project (entities/, migrations/, ormconfig.ts), empty database",
    async apply(p) {
      p.useFiles(EXAMPLE_FILES);
      await p.emptyDatabase();
    },
  },
  library: {
    does: "the two-entity project of test/e2e/fixtures/library (authors, books), no migrations, empty database",
    async apply(p) {
      p.useFiles(readdirSync(LIBRARY_FIXTURE).map((f) => join(LIBRARY_FIXTURE, f)));
      await p.emptyDatabase();
    },
  },
  "two-heads": {
    does: "`library` with the branches page's migrations: ba5e00000001, then a1a100000001 and b2b200000001 on it",
    async apply(p) {
      await SETUPS.library?.apply(p);
      cpSync(BRANCH_MIGRATIONS, join(p.dir, "migrations"), { recursive: true });
    },
  },
  upgraded: {
    does: "`autogen upgrade heads` has run: the database is at every head",
    async apply(p) {
      const result = await runCli(["upgrade", "heads"], {
        cwd: p.dir,
        env: { DATABASE_URL: p.db.url },
      });
      if (result.code !== 0) throw new Error(`setup upgraded: ${result.stderr}`);
    },
  },
  unstamped: {
    does: "autogen's version tables are dropped; the schema stays (another database TypeORM built)",
    async apply(p) {
      await p.db.query("DROP TABLE autogen_version, autogen_version_history");
    },
  },
  "typeorm-built": {
    does: "`unstamped`, and the migration files are gone: the schema as TypeORM built it, no autogen yet",
    async apply(p) {
      await SETUPS.unstamped?.apply(p);
      rmSync(join(p.dir, "migrations"), { recursive: true });
    },
  },
  "unmanaged-table": {
    does: "the database holds legacy_audit, a table no entity describes",
    async apply(p) {
      await p.db.query("CREATE TABLE legacy_audit (id integer PRIMARY KEY, note text)");
    },
  },
  "add-bio": {
    does: "a nullable `bio` column added to the users entity (or authors, in `library`)",
    apply(p) {
      const file = ["entities/user.ts", "entities/author.ts"].find((f) =>
        existsSync(join(p.dir, f)),
      );
      if (!file) throw new Error("setup add-bio: no users or authors entity");
      const bio = `  @Column({ type: "text", nullable: true })\n  bio!: string | null;\n}\n`;
      p.write(file, p.read(file).replace(/}\s*$/, bio));
    },
  },
  "rename-display-name": {
    does: "the users entity's displayName property renamed fullName",
    apply: (p) => edit(p, "entities/user.ts", "displayName!: string;", "fullName!: string;"),
  },
  "typeorm-migrations": {
    does: 'the DataSource gains `migrations: ["src/migrations/*.ts"]`, where --format typeorm writes',
    apply: (p) =>
      edit(
        p,
        "ormconfig.ts",
        'type: "postgres",',
        'type: "postgres",\n  migrations: ["src/migrations/*.ts"],',
      ),
  },
  tenants: {
    does: "tenants.txt lists the page's database",
    apply: (p) => p.write("tenants.txt", `# one database per line\n${p.db.url}\n`),
  },
  "missing-tenant": {
    does: "tenants.txt also lists a database that does not exist on the server (it fails)",
    apply(p) {
      const missing = new URL(p.db.url);
      missing.pathname = `/${p.db.name}_missing`;
      p.write("tenants.txt", `${p.read("tenants.txt")}${missing.toString()}\n`);
    },
  },
  "unknown-head": {
    does: "the version table names 7f3c9a1b2d4e, which no migration file defines (a newer build applied it)",
    async apply(p) {
      await p.db.query(
        "DELETE FROM autogen_version; INSERT INTO autogen_version (revision) VALUES ('7f3c9a1b2d4e')",
      );
    },
  },
  "broken-downgrade": {
    does: "a migration on the example's 9213a9e60b2e whose downgrade leaves the column its upgrade adds",
    apply: (p) =>
      p.write(
        "migrations/bbbbbbbbbbbb_pages.ts",
        migrationFile({
          revision: "bbbbbbbbbbbb",
          down: "9213a9e60b2e",
          message: "pages",
          upgrade: `await op.addColumn("posts", op.column("pages", "integer", { nullable: true }));`,
        }),
      ),
  },
};

function edit(p: PageProject, path: string, from: string, to: string): void {
  const text = p.read(path);
  if (!text.includes(from)) throw new Error(`setup: ${path} has no \`${from}\``);
  p.write(path, text.replace(from, to));
}
