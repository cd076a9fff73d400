import { readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogSnapshot } from "../support/catalog-snapshot";
import type { CliResult } from "../support/cli";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { appProject, type AppProject } from "./support/app-project";

/**
 * A fork of TypeORM: `@n8n/typeorm` 0.11.0 (an npm alias), which makes its driver in
 * `initialize()` and loads it with a dynamic import, so this runs through the CLI as a user
 * would. autogen must build the metadata with the fork the DataSource came from.
 */
const CONFIG = `import { join } from "node:path";
import { DataSource } from "@n8n/typeorm";

export default new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: [join(__dirname, "entities.ts")],
});
`;

function succeeded(result: CliResult): void {
  if (result.code !== 0) throw new Error(`autogen exited ${result.code}:\n${result.stderr}`);
}

let work: TestDatabase;
let oracle: TestDatabase;
let p: AppProject;

beforeAll(async () => {
  work = await createTestDatabase("n8n");
  oracle = await createTestDatabase("n8n_oracle");
  p = appProject();
  p.install({ "@n8n/typeorm": "n8n-typeorm" });
  p.write("ormconfig.ts", CONFIG);
  // In the project, so that its import of @n8n/typeorm resolves to the project's fork.
  p.write(
    "entities.ts",
    readFileSync(join(__dirname, "fixtures", "n8n-style", "entities.ts"), "utf8"),
  );
});
afterAll(async () => {
  p.remove();
  await work.drop();
  await oracle.drop();
});

describe("n8n-style entities on the @n8n/typeorm fork", () => {
  it("revision, upgrade, check clean, the catalog the fork's synchronize builds, downgrade base empties it", async () => {
    const empty = await catalogSnapshot(work);
    succeeded(await p.run(["revision", "-m", "init"], work.url));
    succeeded(await p.run(["upgrade"], work.url));
    succeeded(await p.run(["check"], work.url));

    await p.synchronize(oracle.url);
    const synchronized = await catalogSnapshot(oracle);
    expect(synchronized.constraints.length).toBeGreaterThan(10);
    expect(await catalogSnapshot(work)).toEqual(synchronized);

    succeeded(await p.run(["downgrade", "base"], work.url));
    expect(await catalogSnapshot(work)).toEqual(empty);
  }, 120_000);
});
