import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const LOADER = resolve(__dirname, "../../dist/loader/typescript-loader.js");

/** A stack frame of the line that called it: where a module's code ran from. */
const whereHelper = `export const where = () => new Error().stack!.split("\\n")[2]!;`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "autogen-pack-"));
  // Two modules that import each other, as every @ManyToOne/@OneToMany pair of entities does.
  writeFileSync(
    join(dir, "a.ts"),
    `import { b } from "./b";\nexport const a = () => "a" + b();\nexport const file = __filename;\nexport const at = () => where();\n${whereHelper}\n`,
  );
  writeFileSync(
    join(dir, "b.ts"),
    `import { a } from "./a";\nexport const b = () => "b";\nexport const cyclic = () => typeof a;\nexport const at = () => where();\n${whereHelper}\n`,
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files = () => ["a.ts", "b.ts"].map((file) => join(dir, file));

/**
 * Imports `files` in a fresh process inside `withModulePack`, as the entity import does; prints
 * each module's exports called, or the error's message.
 */
function importInPack(
  list: string[],
  options: { env?: NodeJS.ProcessEnv; sourceMaps?: boolean } = {},
): Record<string, unknown> {
  const script = `
    const loader = require(${JSON.stringify(LOADER)});
    loader.registerTypeScriptLoader();
    loader.useSourceMaps(${options.sourceMaps === true});
    const files = ${JSON.stringify(list)};
    loader
      .withModulePack(files, async () => files.map((file) => require(file)))
      .then((modules) => {
        const called = modules.map((m) =>
          Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === "function" ? v() : v])),
        );
        process.stdout.write(JSON.stringify({ modules: called }));
      }, (error) => process.stdout.write(JSON.stringify({ error: error.message })));
  `;
  const out = execFileSync(process.execPath, ["-e", script], {
    env: { ...process.env, AUTOGEN_CACHE_DIR: join(dir, "cache"), ...options.env },
    encoding: "utf8",
  });
  return JSON.parse(out) as Record<string, unknown>;
}

const packs = () =>
  existsSync(join(dir, "cache", "packs"))
    ? readdirSync(join(dir, "cache", "packs")).filter((f) => f.endsWith(".js"))
    : [];

/** Whether a module's code ran from the pack, by the file its stack frames name. */
const fromPack = (module: unknown) => String((module as { at: string }).at).includes("packs");

describe("the module pack of an entity import", () => {
  it("runs each unchanged module from the pack on the next import, with the same exports, cycles included", () => {
    const first = importInPack(files()) as { modules: { at: string }[] };
    expect(packs()).toHaveLength(1);
    const second = importInPack(files()) as { modules: { at: string }[] };

    expect(first.modules.map(fromPack)).toEqual([false, false]);
    expect(second.modules.map(fromPack)).toEqual([true, true]);
    const without = (modules: { at: string }[]) => modules.map(({ at: _at, ...rest }) => rest);
    expect(without(second.modules)).toEqual(without(first.modules));
    expect(second.modules[0]).toMatchObject({ a: "ab", file: join(dir, "a.ts") });
    expect(second.modules[1]).toMatchObject({ b: "b", cyclic: "function" });
  });

  it("loads a module whose source changed from its file, and packs the new code for the next import", () => {
    importInPack(files());
    writeFileSync(
      join(dir, "b.ts"),
      `export const b = () => "B";\nexport const at = () => where();\n${whereHelper}\n`,
    );

    const changed = importInPack(files()) as { modules: { at: string }[] };
    expect(changed.modules.map(fromPack)).toEqual([true, false]);
    expect(changed.modules[0]).toMatchObject({ a: "aB" });
    const next = importInPack(files()) as { modules: { at: string }[] };
    expect(next.modules.map(fromPack)).toEqual([true, true]);
    expect(next.modules[1]).toMatchObject({ b: "B" });
  });

  it("names the file and its TypeScript line when a packed module throws while it loads", () => {
    const thrower = join(dir, "thrower.ts");
    writeFileSync(
      thrower,
      `export const x = 1;\nif (process.env.THROW === "1") {\n  throw new Error("boom");\n}\n`,
    );
    importInPack([...files(), thrower]);

    const failed = importInPack([...files(), thrower], { env: { THROW: "1" } });
    expect(failed.error).toMatch(/thrower\.ts failed to load: boom \(line 3\)$/);
  });

  it("leaves out a module whose emitted code mentions import(): it compiles as Node compiles it, every time", () => {
    // tsc turns import() into require() for CommonJS; this form, which loads an ES module
    // from CommonJS, keeps it.
    const dynamic = join(dir, "dynamic.ts");
    writeFileSync(
      dynamic,
      `const load = new Function("specifier", "return import(specifier)");\nexport const later = () => typeof load;\nexport const at = () => where();\n${whereHelper}\n`,
    );
    importInPack([...files(), dynamic]);
    const second = importInPack([...files(), dynamic]) as { modules: { at: string }[] };

    expect(second.modules.map(fromPack)).toEqual([true, true, false]);
    expect(second.modules[2]).toMatchObject({ later: "function" });
  });

  it("is neither read nor written with source maps on (--verbose), nor with the cache off", () => {
    importInPack(files(), { sourceMaps: true });
    importInPack(files(), { env: { AUTOGEN_CACHE: "off" } });
    expect(packs()).toHaveLength(0);

    importInPack(files());
    const verbose = importInPack(files(), { sourceMaps: true }) as { modules: { at: string }[] };
    expect(verbose.modules.map(fromPack)).toEqual([false, false]);
  });

  it("keeps V8's code cache of the pack beside it, named after the pack's content", () => {
    importInPack(files());
    expect(readdirSync(join(dir, "cache", "packs")).filter((f) => f.endsWith(".bin"))).toEqual([]);
    importInPack(files());

    const [pack] = packs();
    const contentHash = readFileSync(join(dir, "cache", "packs", pack!), "utf8")
      .split("\n")[0]!
      .split(" ")
      .at(-1);
    expect(readdirSync(join(dir, "cache", "packs")).filter((f) => f.endsWith(".bin"))).toEqual([
      `${pack!.slice(0, -3)}-${contentHash}.bin`,
    ]);
  });

  it("ignores a damaged pack and writes it again", () => {
    importInPack(files());
    const [pack] = packs();
    writeFileSync(
      join(dir, "cache", "packs", pack!),
      `// typeorm-autogen module pack 1 ${"0".repeat(40)}\n[ oops`,
    );

    const again = importInPack(files()) as { modules: { at: string }[] };
    expect(again.modules.map(fromPack)).toEqual([false, false]);
    expect((importInPack(files()) as { modules: unknown[] }).modules.map(fromPack)).toEqual([
      true,
      true,
    ]);
  });

  it("writes nothing when the import fails", () => {
    const thrower = join(dir, "thrower.ts");
    writeFileSync(thrower, `throw new Error("boom");\n`);
    expect(importInPack([...files(), thrower]).error).toMatch(/boom/);
    expect(packs()).toHaveLength(0);
  });
});
