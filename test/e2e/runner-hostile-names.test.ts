import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { Client } from "pg";
import { REPO_ROOT } from "../support/cli";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { LIBRARY_FIXTURE, project, STACK_FRAME, type Project } from "./project";

/**
 * Names and texts that break SQL built by concatenation (quotes, backslashes, `$$`,
 * semicolons, comments, unicode, reserved words), declared on real entities, through the
 * real binary: revision -> upgrade -> check -> downgrade. A canary table proves that no
 * injected statement ran; the generated file must type-check.
 */
jest.setTimeout(120_000);

const HOSTILE_FIXTURE = join(__dirname, "fixtures", "hostile");
const TABLE = 'x"; DROP TABLE canary; --';
const ENUM = 'mo"od; --';
const LABELS = ["it's", "a\\b", "$$", "'); DROP TABLE canary; --", "ünï 😀"];
const COMMENT = "it's a \\ $$ comment; DROP TABLE canary; -- /* */";

let db: TestDatabase;
let p: Project;

beforeAll(async () => {
  db = await createTestDatabase("e2e_hostile");
  await db.query("CREATE TABLE canary (note text); INSERT INTO canary VALUES ('alive')");
  p = project(HOSTILE_FIXTURE, db.url);
});
afterAll(async () => {
  p.remove();
  await db.drop();
});

const canary = () => db.query("SELECT note FROM canary");
const ALIVE = [{ note: "alive" }];

async function ok(args: string[]): Promise<string> {
  const result = await p.run(args);
  if (result.code !== 0) throw new Error(`autogen ${args.join(" ")} failed: ${result.stderr}`);
  expect(await canary()).toEqual(ALIVE);
  return result.stdout;
}

/** Type-checks a migration file under --strict, as a project would compile it. */
function typeErrors(file: string): string {
  const program = ts.createProgram([file], {
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: [],
    skipLibCheck: true,
    noEmit: true,
    baseUrl: REPO_ROOT,
    paths: { "typeorm-autogen": [join(REPO_ROOT, "src/index.ts")] },
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file);
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => p.dir,
    getNewLine: () => "\n",
  });
}

describe("entities with hostile names", () => {
  let file: string;

  it("get a migration file that type-checks under --strict", async () => {
    file = join(p.dir, (await ok(["revision", "-m", "hostile names"])).trim());

    expect(readFileSync(file, "utf8")).toContain(`await op.createEnum('mo"od; --'`);
    expect(typeErrors(file)).toBe("");
  });

  it("upgrade creates exactly the named objects", async () => {
    await ok(["upgrade"]);
    const tables = await db.query<{ name: string }>(
      "SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 1",
    );
    const labels = await db.query<{ label: string }>(
      "SELECT enumlabel AS label FROM pg_enum WHERE enumtypid = to_regtype($1) ORDER BY enumsortorder",
      [`"${ENUM.replaceAll('"', '""')}"`],
    );
    const [comment] = await db.query<{ text: string }>(
      "SELECT obj_description(to_regclass($1), 'pg_class') AS text",
      [`"${TABLE.replaceAll('"', '""')}"`],
    );

    expect(tables.map((t) => t.name)).toEqual(
      ["autogen_version", "autogen_version_history", "canary", "order", TABLE].sort(),
    );
    expect(labels.map((l) => l.label)).toEqual(LABELS);
    expect(comment?.text).toBe(COMMENT);
  });

  it("keeps the defaults' text exactly, quotes and all", async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const sql = `INSERT INTO "${TABLE.replaceAll('"', '""')}" ("a'b") VALUES (1) RETURNING "select", "ünï😀"::text AS mood, "back\\slash" AS slash`;
      const { rows } = await client.query(sql);
      expect(rows).toEqual([
        {
          select: "it's; DROP TABLE canary; -- $$ \\",
          mood: "'); DROP TABLE canary; --",
          slash: "\\",
        },
      ]);
    } finally {
      await client.end();
    }
  });

  it("check finds the database and the entities identical", async () => {
    const result = await p.run(["check"]);

    expect(result.stderr).toContain("No changes detected");
    expect(result.code).toBe(0);
  });

  it("downgrade removes them all and leaves the canary alone", async () => {
    await ok(["downgrade", "base"]);
    const left = await db.query<{ name: string }>(
      "SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 1",
    );
    const types = await db.query("SELECT 1 FROM pg_type WHERE typname = $1", [ENUM]);

    expect(left.map((t) => t.name)).toEqual([
      "autogen_version",
      "autogen_version_history",
      "canary",
    ]);
    expect(types).toEqual([]);
  });

  it("produce an --sql script that PostgreSQL runs as the live upgrade did", async () => {
    const script = await ok(["upgrade", "--sql", "base:head"]);
    const fresh = await createTestDatabase("e2e_hostile_sql");
    try {
      await fresh.query("CREATE TABLE canary (note text); INSERT INTO canary VALUES ('alive')");
      await fresh.query(script);
      const tables = await fresh.query<{ name: string }>(
        "SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 1",
      );
      expect(tables.map((t) => t.name)).toContain(TABLE);
      expect(await fresh.query("SELECT note FROM canary")).toEqual(ALIVE);
    } finally {
      await fresh.drop();
    }
  });
});

describe("names PostgreSQL would truncate", () => {
  const longEntity = (
    table: string,
    column: string,
  ) => `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: ${JSON.stringify(table)} })
export class Long {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: ${JSON.stringify(column)}, type: "text" })
  value!: string;
}
`;

  const ü32 = "ü".repeat(32);
  const c64 = "c".repeat(64);

  it.each([
    ["a table name of 32 two-byte letters (64 bytes)", ü32, "value", `Table "public"."${ü32}"`],
    [
      "a column name of 64 ASCII letters",
      "long_names",
      c64,
      `Column "${c64}" of table "public"."long_names"`,
    ],
  ])("refuse %s with one sentence, writing no file", async (_what, table, column, named) => {
    const longProject = project(LIBRARY_FIXTURE, db.url);
    try {
      longProject.write("entities/long.ts", longEntity(table, column));
      const result = await longProject.run(["revision", "-m", "long"]);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `error: ${named} is 64 bytes long; PostgreSQL keeps only 63.\n`,
      );
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.stdout).toBe("");
    } finally {
      longProject.remove();
    }
  });
});
