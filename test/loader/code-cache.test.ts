import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const CODE_CACHE = resolve(__dirname, "../../dist/loader/code-cache.js");

/**
 * Requires `file` in a fresh Node process with the code cache installed (leaving out the
 * `uncached` files); prints its result.
 */
function run(file: string, env: NodeJS.ProcessEnv, uncached: string[] = []): unknown {
  const script = `
    const cache = require(${JSON.stringify(CODE_CACHE)});
    cache.installCodeCache();
    cache.compileWithoutCodeCache(${JSON.stringify(uncached)});
    process.stdout.write(JSON.stringify(require(${JSON.stringify(file)}).result()));
  `;
  const out = execFileSync(process.execPath, ["-e", script], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return JSON.parse(out) as unknown;
}

/** A module big enough to be cached, using what Node hands a module's code. */
const bigModule = `
const padding = ${JSON.stringify("x".repeat(4096))};
exports.result = () => ({
  padding: padding.length,
  resolved: require.resolve("./helper.js") === __dirname + "/helper.js",
  helper: require("./helper.js").value,
  self: module.exports === exports,
});
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "autogen-code-cache-"));
  writeFileSync(join(dir, "big.js"), bigModule);
  writeFileSync(join(dir, "helper.js"), "exports.value = 42;\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cached = (root: string) =>
  existsSync(root)
    ? readdirSync(root, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(".bin"))
    : [];

const expected = () => ({ padding: 4096, resolved: true, helper: 42, self: true });

describe("V8's code cache for the CLI's modules", () => {
  it("gives a module the same require, module and exports, from a cold and a warm cache", () => {
    const env = { AUTOGEN_CACHE_DIR: join(dir, "cache") };

    expect(run(join(dir, "big.js"), env)).toEqual(expected());
    expect(cached(join(dir, "cache"))).toHaveLength(1);
    expect(run(join(dir, "big.js"), env)).toEqual(expected());
  });

  it("compiles the files it is told to leave out without caching them, with the same result", () => {
    const env = { AUTOGEN_CACHE_DIR: join(dir, "cache") };
    const file = join(dir, "big.js");

    expect(run(file, env, [file])).toEqual(expected());
    expect(cached(join(dir, "cache"))).toHaveLength(0);
  });

  it("writes no cache entry for a module required inside withoutCodeCache, with the same result", () => {
    const file = join(dir, "big.js");
    const script = `
      const cache = require(${JSON.stringify(CODE_CACHE)});
      cache.installCodeCache();
      const result = cache.withoutCodeCache(() => require(${JSON.stringify(file)}).result());
      process.stdout.write(JSON.stringify(result));
    `;
    const out = execFileSync(process.execPath, ["-e", script], {
      env: { ...process.env, AUTOGEN_CACHE_DIR: join(dir, "cache") },
      encoding: "utf8",
    });

    expect(JSON.parse(out)).toEqual(expected());
    expect(cached(join(dir, "cache"))).toHaveLength(0);
    // Outside it, the same module is cached again.
    expect(run(file, { AUTOGEN_CACHE_DIR: join(dir, "cache") })).toEqual(expected());
    expect(cached(join(dir, "cache"))).toHaveLength(1);
  });

  it("writes nothing with AUTOGEN_CACHE=off", () => {
    const env = { AUTOGEN_CACHE_DIR: join(dir, "cache"), AUTOGEN_CACHE: "off" };

    expect(run(join(dir, "big.js"), env)).toEqual(expected());
    expect(existsSync(join(dir, "cache"))).toBe(false);
  });
});

describe("modules that mention import()", () => {
  it("caches a very large one (the TypeScript compiler's size) that has import( only in a string", () => {
    const env = { AUTOGEN_CACHE_DIR: join(dir, "cache") };
    const huge = `const text = ${JSON.stringify("'import()' calls can be written. ".repeat(40_000))};
exports.result = () => text.length;`;
    writeFileSync(join(dir, "huge.js"), huge);
    const length = run(join(dir, "huge.js"), env);
    expect(cached(join(dir, "cache"))).toHaveLength(1);
    expect(run(join(dir, "huge.js"), env)).toBe(length);
  });

  it("compiles a small one that calls import() as Node does, so the import works", () => {
    const env = { AUTOGEN_CACHE_DIR: join(dir, "cache") };
    writeFileSync(
      join(dir, "dynamic.js"),
      `${bigModule}\nexports.later = () => import("node:path");\n`,
    );
    expect(run(join(dir, "dynamic.js"), env)).toEqual(expected());
    expect(cached(join(dir, "cache"))).toHaveLength(0);
  });
});
