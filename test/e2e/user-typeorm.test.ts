import { rmSync } from "node:fs";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { LIBRARY_FIXTURE, project, STACK_FRAME, type Project } from "./project";

let db: TestDatabase;
let current: Project | undefined;

beforeAll(async () => {
  db = await createTestDatabase("e2e_typeorm");
});
afterAll(async () => {
  await db.drop();
});
afterEach(() => {
  current?.remove();
  current = undefined;
});

/** A stand-in TypeORM package: a DataSource class of the shape the config loader accepts. */
const OLD_DATA_SOURCE = `class DataSource {
  constructor(options) {
    this.options = options;
    this.entityMetadatas = [];
    this.driver = {};
  }
  buildMetadatas() {}
}
module.exports = { DataSource };
`;

describe("the project's own TypeORM", () => {
  it("outside >=0.3.20 <2 is refused with exit 1 in one sentence naming the version and the range", async () => {
    const p = (current = project(null, db.url));
    // This project installs its own typeorm instead of the repository's.
    rmSync(join(p.dir, "node_modules"), { recursive: true, force: true });
    p.write(
      "node_modules/typeorm/package.json",
      JSON.stringify({ name: "typeorm", version: "0.3.10", main: "index.js" }),
    );
    p.write(
      "node_modules/typeorm/index.js",
      'module.exports = require("./data-source/DataSource");\n',
    );
    p.write("node_modules/typeorm/data-source/DataSource.js", OLD_DATA_SOURCE);
    p.write(
      "ormconfig.ts",
      'import { DataSource } from "typeorm";\n\nexport default new DataSource({ type: "postgres", entities: [] });\n',
    );
    const result = await p.run(["check"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: The project's typeorm is version 0.3.10 (${join(p.dir, "node_modules/typeorm")}); ` +
        "typeorm-autogen supports typeorm >=0.3.20 <2.",
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("a config file that exports a Promise of a DataSource", () => {
  it("is awaited: the commands use the DataSource it resolves to", async () => {
    const p = (current = project(LIBRARY_FIXTURE, db.url));
    p.write(
      "ormconfig.ts",
      `import "reflect-metadata";
import { join } from "node:path";
import { DataSource } from "typeorm";

/** Options an application assembles asynchronously, as plugin-based frameworks do. */
async function dataSource(): Promise<DataSource> {
  await new Promise((resolve) => setTimeout(resolve, 10));
  return new DataSource({ type: "postgres", entities: [join(__dirname, "entities", "*.ts")] });
}

export default dataSource();
`,
    );
    const revision = await p.run(["revision", "-m", "init"]);
    expect(revision.stderr).toBe("");
    expect(revision.code).toBe(0);
    expect((await p.run(["upgrade"])).code).toBe(0);
    expect(await p.run(["check"])).toMatchObject({ code: 0 });
  });

  it("that rejects fails with exit 1 naming the config file and the reason", async () => {
    const p = (current = project(LIBRARY_FIXTURE, db.url));
    p.write("ormconfig.ts", 'export default Promise.reject(new Error("no secrets vault"));\n');
    const result = await p.run(["check"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "error: ormconfig.ts exports a Promise that rejected: no secrets vault",
    );
  });
});
