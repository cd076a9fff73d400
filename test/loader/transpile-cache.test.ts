import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { cacheDirectory } from "../../src/loader/transpile-cache";

const LOADER = resolve(__dirname, "../../dist/loader/typescript-loader.js");

/**
 * Loads `file` through the built loader in a fresh Node process, as the CLI does, and
 * reports what the file exported, the design:type TypeORM reads, and whether the
 * TypeScript compiler was loaded.
 */
function loadInChild(file: string, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const script = `
    require("reflect-metadata");
    const { loadModule } = require(${JSON.stringify(LOADER)});
    const m = loadModule(${JSON.stringify(file)});
    const type = Reflect.getMetadata("design:type", m.Thing.prototype, "name");
    const compilerLoaded = Object.keys(require.cache).some((k) => /node_modules[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(k));
    process.stdout.write(JSON.stringify({ label: m.label, type: type && type.name, compilerLoaded }));
  `;
  const out = execFileSync(process.execPath, ["-e", script], {
    cwd: resolve(__dirname, "../.."),
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return JSON.parse(out) as Record<string, unknown>;
}

const entity = (label: string) => `
function Column(): PropertyDecorator { return () => undefined; }
export const label = "${label}";
export class Thing {
  @Column()
  name!: string;
}
`;

let dir: string;
let cacheDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "autogen-cache-"));
  cacheDir = join(dir, "cache");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entries = (root: string): string[] =>
  existsSync(root)
    ? readdirSync(root, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(".js"))
    : [];

describe("the persistent transpile cache", () => {
  it("loads an unchanged file from the cache without loading the TypeScript compiler", () => {
    const file = join(dir, "thing.ts");
    writeFileSync(file, entity("first"));
    const env = { AUTOGEN_CACHE_DIR: cacheDir };

    const cold = loadInChild(file, env);
    const warm = loadInChild(file, env);

    expect(cold).toEqual({ label: "first", type: "String", compilerLoaded: true });
    expect(warm).toEqual({ label: "first", type: "String", compilerLoaded: false });
    expect(entries(cacheDir)).toHaveLength(1);
  });

  it("compiles a changed file anew instead of running its old code", () => {
    const file = join(dir, "thing.ts");
    const env = { AUTOGEN_CACHE_DIR: cacheDir };
    writeFileSync(file, entity("before"));
    loadInChild(file, env);
    writeFileSync(file, entity("after"));

    expect(loadInChild(file, env)).toEqual({
      label: "after",
      type: "String",
      compilerLoaded: true,
    });
    expect(entries(cacheDir)).toHaveLength(2);
  });

  it("writes nothing and compiles every time with AUTOGEN_CACHE=off", () => {
    const file = join(dir, "thing.ts");
    writeFileSync(file, entity("off"));
    const env = { AUTOGEN_CACHE_DIR: cacheDir, AUTOGEN_CACHE: "off" };

    loadInChild(file, env);

    expect(loadInChild(file, env)).toMatchObject({ compilerLoaded: true });
    expect(existsSync(cacheDir)).toBe(false);
  });

  it("emits no source map unless asked for one (--verbose)", () => {
    const file = join(dir, "thing.ts");
    writeFileSync(file, entity("maps"));
    loadInChild(file, { AUTOGEN_CACHE_DIR: cacheDir });

    const [cached] = entries(cacheDir);
    const code = readFileSync(join(cacheDir, cached ?? ""), "utf8");
    expect(code).toContain('__metadata("design:type", String)');
    expect(code).not.toContain("sourceMappingURL");
  });
});

describe("where the cache lives", () => {
  it("is AUTOGEN_CACHE_DIR when set", () => {
    expect(cacheDirectory({ AUTOGEN_CACHE_DIR: "/somewhere" }, dir)).toBe("/somewhere");
  });

  it("is node_modules/.cache/typeorm-autogen in the nearest folder with a node_modules", () => {
    const root = resolve(__dirname, "../..");
    expect(cacheDirectory({}, join(root, "test", "loader"))).toBe(
      join(root, "node_modules", ".cache", "typeorm-autogen"),
    );
  });

  it("is off with AUTOGEN_CACHE=off, whatever else is set", () => {
    expect(cacheDirectory({ AUTOGEN_CACHE: "off", AUTOGEN_CACHE_DIR: "/x" }, dir)).toBeUndefined();
  });
});
