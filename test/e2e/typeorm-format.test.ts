import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "pg";
import { introspectDatabase } from "../../src/introspect";
import type { DatabaseSchema } from "../../src/schema/model";
import { createTestDatabase, type TestDatabase } from "../support/database";
import type { CliResult } from "../support/cli";
import { project, STACK_FRAME, type Project } from "./project";

/** A project that keeps TypeORM's runner: `migrations` names typeorm-migrations/*.ts. */
const FIXTURE = join(__dirname, "fixtures", "typeorm-runner");

/** The next change: a label added to the enum and made the default, a table with a key. */
const AUTHOR_V2 = `import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from "typeorm";
import { Book } from "./book";

@Entity({ name: "authors" })
export class Author {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 100 })
  name!: string;

  @Column({ type: "enum", enum: ["active", "suspended", "retired"], default: "suspended" })
  status!: string;

  @OneToMany(() => Book, (book) => book.author)
  books!: Book[];
}
`;

const BOOK = `import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Author } from "./author";

@Entity({ name: "books" })
export class Book {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index()
  @Column()
  title!: string;

  @ManyToOne(() => Author, (author) => author.books, { onDelete: "CASCADE" })
  author!: Author;
}
`;

/** Bookkeeping tables, which differ by runner: TypeORM's on one side, autogen's on the other. */
const BOOKKEEPING = [
  "migrations",
  "typeorm_metadata",
  "autogen_version",
  "autogen_version_history",
];

/** The schema as autogen's own introspection reads it, bookkeeping left out. */
async function schemaOf(db: TestDatabase): Promise<DatabaseSchema> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return await introspectDatabase(client, {
      schemas: ["public"],
      excludeTables: BOOKKEEPING.map((name) => ({ schema: "public", name })),
    });
  } finally {
    await client.end();
  }
}

/**
 * Runs TypeORM's own CLI (the line under test: node_modules/typeorm in the project) on the
 * project's DataSource. ts-node type-checks what it loads unless `transpileOnly`.
 */
function typeormCli(
  p: Project,
  db: TestDatabase,
  args: readonly string[],
  transpileOnly: boolean,
): Promise<CliResult> {
  const cli = join(p.dir, "node_modules", "typeorm", "cli-ts-node-commonjs.js");
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    TS_NODE_TRANSPILE_ONLY: transpileOnly ? "true" : "false",
  };
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

let typeOrmDb: TestDatabase;
let autogenDb: TestDatabase;
const projects: Project[] = [];

beforeAll(async () => {
  typeOrmDb = await createTestDatabase("e2e_tformat_a");
  autogenDb = await createTestDatabase("e2e_tformat_b");
});
afterAll(async () => {
  for (const p of projects) p.remove();
  await typeOrmDb.drop();
  await autogenDb.drop();
});

describe("revision --format typeorm", () => {
  it("writes classes that TypeORM's migration:run applies to the schema autogen's upgrade builds, and migration:revert restores the one before", async () => {
    const viaTypeOrm = project(FIXTURE, typeOrmDb.url);
    const viaAutogen = project(FIXTURE, autogenDb.url);
    projects.push(viaTypeOrm, viaAutogen);

    // The base schema, each database by its own runner.
    const first = ok(
      await viaTypeOrm.run(["revision", "-m", "base schema", "--format", "typeorm"]),
    );
    expect(first.stdout.trim()).toMatch(/^typeorm-migrations\/\d{13}-BaseSchema\.ts$/);
    // Type-checked by ts-node against the TypeORM line's own types, with noUnusedParameters.
    ok(await typeormCli(viaTypeOrm, typeOrmDb, ["migration:run"], false));
    ok(await viaAutogen.run(["revision", "-m", "base schema"]));
    ok(await viaAutogen.run(["upgrade"]));
    const base = await schemaOf(typeOrmDb);
    expect(base.tables.map((t) => t.name)).toEqual(["authors"]);
    expect(await schemaOf(autogenDb)).toEqual(base);

    // The change. TypeORM's `migrations` table is in the database now: left alone.
    for (const p of [viaTypeOrm, viaAutogen]) {
      p.write("entities/author.ts", AUTHOR_V2);
      p.write("entities/book.ts", BOOK);
    }
    const second = ok(await viaTypeOrm.run(["revision", "-m", "add books", "--format", "typeorm"]));
    const file = second.stdout.trim();
    expect(file).toMatch(/^typeorm-migrations\/\d{13}-AddBooks\.ts$/);
    const text = readFileSync(join(viaTypeOrm.dir, file), "utf8");
    expect(text).not.toContain('"migrations"');
    // The new label is used by the new default: committed first, outside TypeORM's transaction.
    expect(text).toContain("  transaction = false;\n");
    ok(await viaAutogen.run(["revision", "-m", "add books"]));
    ok(await viaAutogen.run(["upgrade"]));

    // TypeORM refuses a migration with its own transaction setting under `--transaction all`.
    const all = await typeormCli(viaTypeOrm, typeOrmDb, ["migration:run", "-t", "all"], true);
    expect(all.code).not.toBe(0);
    expect(await schemaOf(typeOrmDb)).toEqual(base);

    ok(await typeormCli(viaTypeOrm, typeOrmDb, ["migration:run", "-t", "each"], false));
    const upgraded = await schemaOf(autogenDb);
    expect(upgraded.tables.map((t) => t.name)).toEqual(["authors", "books"]);
    expect(await schemaOf(typeOrmDb)).toEqual(upgraded);
    const recorded = await typeOrmDb.query<{ name: string }>(
      "SELECT name FROM migrations ORDER BY timestamp",
    );
    expect(recorded.map((r) => r.name)).toEqual([
      first.stdout.trim().replace(/^typeorm-migrations\/(\d+)-(\w+)\.ts$/, "$2$1"),
      file.replace(/^typeorm-migrations\/(\d+)-(\w+)\.ts$/, "$2$1"),
    ]);
    // The entities and the TypeORM-run database agree, TypeORM's bookkeeping aside.
    expect((await viaTypeOrm.run(["check"])).code).toBe(0);

    ok(await typeormCli(viaTypeOrm, typeOrmDb, ["migration:revert"], true));
    expect(await schemaOf(typeOrmDb)).toEqual(base);
    expect(await typeOrmDb.query("SELECT name FROM migrations")).toHaveLength(1);
  }, 240_000);
});

/** An author whose enum keeps only `active`: the downgrade adds `retired` back and defaults to it. */
const authorWithStatus = (
  labels: string,
  fallback: string,
) => `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "authors" })
export class Author {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 100 })
  name!: string;

  @Column({ type: "enum", enum: [${labels}], default: "${fallback}" })
  status!: string;
}
`;

describe("revision --format typeorm, labels in the down direction", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("e2e_tformat_c");
  });
  afterAll(async () => {
    await db.drop();
  });

  it("a down that adds an enum label back and uses it is reverted by TypeORM's migration:revert in its default transaction", async () => {
    const p = project(FIXTURE, db.url);
    projects.push(p);
    p.write("entities/author.ts", authorWithStatus('"active", "retired"', "retired"));
    ok(await p.run(["revision", "-m", "base", "--format", "typeorm"]));
    ok(await typeormCli(p, db, ["migration:run"], true));
    const base = await schemaOf(db);

    p.write("entities/author.ts", authorWithStatus('"active"', "active"));
    const written = ok(await p.run(["revision", "-m", "drop retired", "--format", "typeorm"]));
    const text = readFileSync(join(p.dir, written.stdout.trim()), "utf8");
    // Only `down` adds labels: `up` keeps TypeORM's transaction, and `-t all` runs it.
    expect(text).not.toContain("transaction = false");
    expect(text).toContain("if (!ownTransaction) await queryRunner.commitTransaction();");
    ok(await typeormCli(p, db, ["migration:run", "-t", "all"], true));
    expect((await p.run(["check"])).code).toBe(0);

    ok(await typeormCli(p, db, ["migration:revert"], true));
    expect(await schemaOf(db)).toEqual(base);
    expect(await db.query("SELECT name FROM migrations")).toHaveLength(1);
  }, 120_000);
});

describe("revision --format usage errors", () => {
  // A closed port: had the command connected, the error would name it.
  const unreachable = "postgres://postgres@127.0.0.1:1/none";

  it.each([
    [["--format", "yaml"], "error: --format must be autogen or typeorm, not 'yaml'."],
    [
      ["--format", "typeorm", "--head", "abc123"],
      "error: --head cannot be used with --format typeorm: a TypeORM migration class has no revision id and is not part of autogen's revision graph.",
    ],
    [
      ["--format", "typeorm", "--rev-id", "abc123"],
      "error: --rev-id cannot be used with --format typeorm: a TypeORM migration class has no revision id and is not part of autogen's revision graph.",
    ],
  ])("revision %j exits 2 with one sentence, before connecting", async (flags, message) => {
    const p = project(FIXTURE, unreachable);
    projects.push(p);
    const result = await p.run(["revision", "-m", "x", ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")[0]).toBe(message);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stderr).not.toContain("127.0.0.1:1");
  });

  it("--format typeorm without a migrations option in the DataSource exits 1 naming the option, before connecting", async () => {
    const p = project(FIXTURE, unreachable);
    projects.push(p);
    const config = readFileSync(join(p.dir, "ormconfig.ts"), "utf8");
    p.write("ormconfig.ts", config.replace(/^\s*migrations: .*\n/m, ""));
    const result = await p.run(["revision", "-m", "x", "--format", "typeorm"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "--format typeorm writes into the folder of the DataSource's `migrations` option, and the DataSource names none.",
    );
    expect(result.stderr).not.toContain("127.0.0.1:1");
  });

  it("--format typeorm refuses a migrations option that names autogen's own folder", async () => {
    const p = project(FIXTURE, unreachable);
    projects.push(p);
    const config = readFileSync(join(p.dir, "ormconfig.ts"), "utf8");
    p.write("ormconfig.ts", config.replace('"typeorm-migrations"', '"migrations"'));
    const result = await p.run(["revision", "-m", "x", "--format", "typeorm"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("names autogen's own migrations folder");
  });
});
