import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const PACKAGE_RESOLUTION = resolve(__dirname, "../../dist/loader/package-resolution.js");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "autogen-resolution-"));
  // A package with an "exports" map, as TypeORM has: Node 20 resolves it on every require.
  const pkg = join(dir, "node_modules", "lib");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, "one.js"), "module.exports = 'one';\n");
  writeFileSync(join(pkg, "two.js"), "module.exports = 'two';\n");
  writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "lib", exports: "./one.js" }));
  for (const folder of ["a", "b", "c"]) mkdirSync(join(dir, folder));
  for (const file of ["c/zero.js", "a/first.js", "a/second.js", "b/third.js"]) {
    writeFileSync(join(dir, file), "module.exports = require('lib');\n");
  }
  writeFileSync(join(dir, "a/near.js"), "module.exports = require.resolve('./one');\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Requires c/zero.js (the package loads from c/, as TypeORM loads from autogen's own modules
 * before any entity requires it) and a/first.js, then runs `between`, then requires the
 * others: what each gave, or the code of the error it threw.
 */
function requireAll(remember: boolean, between = ""): Record<string, unknown> {
  const script = `
    const fs = require("node:fs");
    if (${remember}) require(${JSON.stringify(PACKAGE_RESOLUTION)}).rememberPackageResolutions();
    const at = (file) => ${JSON.stringify(dir)} + "/" + file;
    const load = (file) => { try { return require(at(file)); } catch (e) { return e.code; } };
    // As beforeEach left them, for a second call in one test.
    fs.writeFileSync(at("node_modules/lib/one.js"), "module.exports = 'one';");
    fs.rmSync(at("a/one.js"), { force: true });
    load("c/zero.js");
    const first = load("a/first.js");
    ${between}
    const second = load("a/second.js");
    const third = load("b/third.js");
    const near = require(at("a/near.js")).endsWith("a/one.js");
    process.stdout.write(JSON.stringify({ first, second, third, near }));
  `;
  const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
  return JSON.parse(out) as Record<string, unknown>;
}

describe("package resolutions remembered for the process", () => {
  it("gives every module what Node gives it: the package's file, and relative requests near the module", () => {
    const between = `fs.writeFileSync(at("a/one.js"), "");`;
    const expected = { first: "one", second: "one", third: "one", near: true };
    expect(requireAll(false, between)).toEqual(expected);
    expect(requireAll(true, between)).toEqual(expected);
  });

  it("resolves a package once per folder: a second module in the folder does not look for it again", () => {
    // The package's file disappears after the first require: Node, looking again, fails.
    const between = `fs.rmSync(at("node_modules/lib/one.js")); fs.writeFileSync(at("a/one.js"), "");`;
    expect(requireAll(false, between)).toMatchObject({ second: "MODULE_NOT_FOUND" });
    // Remembered, a/second.js gets the loaded module; b/ is another folder and looks.
    expect(requireAll(true, between)).toMatchObject({
      first: "one",
      second: "one",
      third: "MODULE_NOT_FOUND",
    });
  });
});
