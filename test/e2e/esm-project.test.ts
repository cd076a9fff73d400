import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
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

/**
 * A project that ships its entities compiled, as ES modules (`.js` under `"type": "module"`,
 * tsc's ESM output with the decorator metadata): they are `import()`ed as TypeORM does, since
 * `require` cannot load an ES module on Node 20.
 */
describe("a project whose entities are compiled ES modules", () => {
  let builtDb: TestDatabase;
  let built: Project;
  beforeAll(async () => {
    builtDb = await createTestDatabase("esm_built");
    built = project(null, builtDb.url);
    built.write("package.json", JSON.stringify({ name: "esm-built", type: "module" }));
    built.write(
      "ormconfig.ts",
      [
        'import "reflect-metadata";',
        'import { dirname, join } from "node:path";',
        'import { fileURLToPath } from "node:url";',
        'import { DataSource } from "typeorm";',
        "const here = dirname(fileURLToPath(import.meta.url));",
        'export default new DataSource({ type: "postgres", entities: [join(here, "dist", "*.js")] });',
        "",
      ].join("\n"),
    );
    const entities = {
      "writer.ts": [
        'import { Column, Entity, OneToMany, PrimaryGeneratedColumn, type Relation } from "typeorm";',
        'import { Poem } from "./poem.js";',
        '@Entity("writers")',
        "export class Writer {",
        "  @PrimaryGeneratedColumn() id!: number;",
        "  @Column() name!: string;",
        "  @OneToMany(() => Poem, (poem) => poem.writer) poems!: Relation<Poem>[];",
        "}",
      ],
      "poem.ts": [
        'import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";',
        'import { Writer } from "./writer.js";',
        '@Entity("poems")',
        "export class Poem {",
        "  @PrimaryGeneratedColumn() id!: number;",
        "  @Column() title!: string;",
        "  @ManyToOne(() => Writer, (writer) => writer.poems) writer!: Relation<Writer>;",
        "}",
      ],
    };
    for (const [file, lines] of Object.entries(entities)) {
      const js = ts.transpileModule(lines.join("\n"), {
        compilerOptions: {
          module: ts.ModuleKind.ES2022,
          target: ts.ScriptTarget.ES2022,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
        },
      }).outputText;
      built.write(join("dist", file.replace(/\.ts$/, ".js")), js);
    }
  });
  afterAll(async () => {
    built.remove();
    await builtDb.drop();
  });

  it("gets a revision with both tables and the foreign key between them", async () => {
    const made = await built.run(["revision", "-m", "poems"]);
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    const [file] = readdirSync(join(built.dir, "migrations"));
    const text = readFileSync(join(built.dir, "migrations", file as string), "utf8");
    expect(text).toContain('createTable("writers"');
    expect(text).toContain('createTable("poems"');
    expect(text).toMatch(/references: \{ table: "writers"/);
  });
});
