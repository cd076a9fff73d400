import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { emptyMigration, LIBRARY_FIXTURE, project, type Project } from "./project";

/**
 * `current`, `heads`, `history` and an `upgrade` with nothing to do (an application's start-up)
 * answer from the version table and the migration files alone (issue "Speed"): they must not
 * load the compare pipeline,
 * ts-morph or the TypeScript compiler. A preloaded script records every module the process
 * loaded when it exits.
 */
const RECORDER = `
process.once("exit", () => {
  require("node:fs").writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache)));
});
`;

let db: TestDatabase;
let app: Project;
beforeAll(async () => {
  db = await createTestDatabase("listing");
  app = project(LIBRARY_FIXTURE, db.url);
  app.write("migrations/a00000000001_first.ts", emptyMigration("a00000000001", null));
  app.write("migrations/a00000000002_second.ts", emptyMigration("a00000000002", "a00000000001"));
  writeFileSync(join(app.dir, "recorder.js"), RECORDER);
  expect((await app.run(["upgrade"])).code).toBe(0);
});
afterAll(async () => {
  app.remove();
  await db.drop();
});

const FORBIDDEN = [
  /[\\/]dist[\\/]autogen[\\/]/,
  /[\\/]dist[\\/]diff[\\/]/,
  /[\\/]dist[\\/]commands[\\/](diff|revision|check)\.js$/,
  /[\\/]ts-morph[\\/]/,
  /[\\/]typescript[\\/]lib[\\/]typescript\.js$/,
  // The version table needs a dialect's session SQL only, not its compiler or canonicaliser,
  // and no entity metadata.
  /[\\/]dist[\\/]dialect[\\/](postgres|sqlite)[\\/](compile|scratch)[\\/]/,
  /[\\/]dist[\\/]dialect[\\/]sqlite[\\/]adapt-operations\.js$/,
  /[\\/]dist[\\/]metadata[\\/]build-entity-metadata\.js$/,
];

describe.each(["current", "heads", "history", "upgrade"])("autogen %s", (command) => {
  it("loads no compare pipeline, ts-morph, compiler, SQL compiler or entity metadata", async () => {
    const file = join(app.dir, `${command}-modules.json`);
    const result = await app.run([command], {
      NODE_OPTIONS: `--require ${join(app.dir, "recorder.js")}`,
      LOADED_MODULES_FILE: file,
    });
    expect(result.code).toBe(0);
    const loaded = JSON.parse(readFileSync(file, "utf8")) as string[];
    expect(loaded.length).toBeGreaterThan(10);
    expect(loaded.filter((m) => FORBIDDEN.some((pattern) => pattern.test(m)))).toEqual([]);
  });
});
