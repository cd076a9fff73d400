import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import * as fork from "n8n-typeorm";
import { countEntities } from "../../src/metadata";
import { importEntityFiles } from "../../src/metadata/import-entity-files";
import { userTypeOrm } from "../../src/metadata/user-typeorm";

/**
 * autogen imports the files of the `entities` globs itself (faster than TypeORM's loader, see
 * import-entity-files.ts), so it must find exactly what TypeORM's own directory loader finds:
 * the same files by the same glob function, the same exports walked the same way.
 */
const offline = { type: "postgres", host: "127.0.0.1", port: 1 } as const;
/** The files live in the temp folder, so they name this suite's TypeORM by its path. */
const TYPEORM = JSON.stringify(require.resolve("typeorm"));

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "autogen-entity-files-"));
  const file = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const entity = (name: string) =>
    `const { Entity, PrimaryColumn } = require(${TYPEORM});\n` +
    `class ${name} {}\n` +
    `PrimaryColumn({ type: "integer" })(${name}.prototype, "id");\n` +
    `Entity("${name.toLowerCase()}")(${name});\n`;
  file("entities/a.js", `${entity("A")}module.exports = { A };\n`);
  file("entities/b.cjs", `${entity("B")}module.exports = [B, { nested: [B] }];\n`);
  file(
    "entities/schema.js",
    `const { EntitySchema } = require(${TYPEORM});\n` +
      `module.exports.Thing = new EntitySchema({ name: "thing", columns: { id: { type: Number, primary: true } } });\n` +
      `module.exports.notAnEntity = 42;\n`,
  );
  file("entities/nested/c.js", `${entity("C")}module.exports.C = C;\n`);
  file("entities/types.d.ts", "export declare class A {}\n");
  file("entities/notes.txt", "not code\n");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A class's name, or an EntitySchema's. */
const nameOf = (found: unknown): string =>
  (found as { options?: { name: string } }).options?.name ?? (found as { name: string }).name;

const globs = () => [join(root, "entities", "**", "*.{js,cjs,ts}"), join(root, "entities", "*.js")];

it("finds the classes and EntitySchemas TypeORM's own loader finds, as many times", async () => {
  const typeorm = userTypeOrm(new DataSource({ ...offline, entities: [] }));
  const logger = new DataSource({ ...offline, entities: [] }).logger;

  const ours = await importEntityFiles(typeorm, logger, globs());
  const theirs = await typeorm.importClassesFromDirectories(logger, globs());

  // In glob's order, which glob 10 (TypeORM 0.3) does not keep from one call to the next.
  expect(ours.map(nameOf).sort()).toEqual(theirs.map(nameOf).sort());
  expect(new Set(ours)).toEqual(new Set(theirs));
  expect(ours.map(nameOf).sort()).toEqual(["A", "A", "B", "B", "C", "thing", "thing"]);
});

it("finds nothing, without failing, when a glob matches no file", async () => {
  const typeorm = userTypeOrm(new DataSource({ ...offline, entities: [] }));
  const logger = new DataSource({ ...offline, entities: [] }).logger;

  expect(await importEntityFiles(typeorm, logger, [join(root, "missing", "*.ts")])).toEqual([]);
});

it("uses a fork's glob function the same way (@n8n/typeorm)", async () => {
  const typeorm = userTypeOrm(new fork.DataSource({ ...offline }) as unknown as DataSource);
  const logger = new DataSource({ ...offline, entities: [] }).logger;

  const ours = await importEntityFiles(typeorm, logger, [join(root, "entities", "nested", "*.js")]);

  expect(ours.map(nameOf)).toEqual(["C"]);
});

describe("countEntities, which sizes a command's work before anything is loaded", () => {
  it("counts the files the globs match, as often as they match, beside the classes listed", () => {
    class Listed {}
    const dataSource = new DataSource({ ...offline, entities: [Listed, ...globs()] });

    // entities/**/*.{js,cjs,ts}: a.js, b.cjs, schema.js, nested/c.js (types.d.ts is matched
    // but never imported); entities/*.js: a.js and schema.js once more.
    expect(countEntities(dataSource)).toBe(1 + 4 + 2);
  });

  it("counts the classes alone when there are no globs", () => {
    class A {}
    class B {}
    expect(countEntities(new DataSource({ ...offline, entities: [A, B] }))).toBe(2);
    expect(countEntities(new DataSource({ ...offline, entities: { A, B } }))).toBe(2);
  });

  it("loads none of the files it counts", () => {
    const fresh = join(root, "uncounted", "d.js");
    mkdirSync(join(fresh, ".."), { recursive: true });
    writeFileSync(fresh, "throw new Error('loaded');\n");
    const counted = new DataSource({ ...offline, entities: [join(root, "uncounted", "*.js")] });

    expect(countEntities(counted)).toBe(1);
    expect(require.cache[fresh]).toBeUndefined();
  });
});
