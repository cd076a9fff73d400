import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importedAsModule } from "../../src/loader/esm-projects";

/**
 * Node's ESM hooks (a thread of their own, ~0.1 s of start-up) are registered only for entity
 * globs TypeORM will `import()`, decided as TypeORM decides: the extension, else the nearest
 * package.json's "type" above the folder where the pattern starts.
 */
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "autogen-esm-globs-"));
  for (const [folder, type] of [
    ["esm", "module"],
    ["cjs", "commonjs"],
  ] as const) {
    mkdirSync(join(root, folder, "src", "entities"), { recursive: true });
    writeFileSync(join(root, folder, "package.json"), JSON.stringify({ type }));
  }
  mkdirSync(join(root, "plain", "entities"), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('imports the .ts entities of a "type": "module" package', () => {
  expect(importedAsModule(join(root, "esm", "src", "entities", "*.ts"))).toBe(true);
  expect(importedAsModule(join(root, "esm", "src", "**", "*.entity.{ts,js}"))).toBe(true);
  expect(importedAsModule(join(root, "esm", "src", "entities", "book.ts"))).toBe(true);
});

it("requires the .ts entities of a CommonJS package, or of a folder with no package.json above it", () => {
  expect(importedAsModule(join(root, "cjs", "src", "entities", "*.ts"))).toBe(false);
  expect(importedAsModule(join(root, "plain", "entities", "*.ts"))).toBe(false);
});

it("imports .mts and .mjs files wherever they are", () => {
  expect(importedAsModule(join(root, "cjs", "src", "entities", "*.mts"))).toBe(true);
  expect(importedAsModule(join(root, "cjs", "src", "entities", "*.{ts,mjs}"))).toBe(true);
});
