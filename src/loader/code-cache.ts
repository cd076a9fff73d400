import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import Module from "node:module";
import { dirname, join } from "node:path";
import vm from "node:vm";
import { cacheDirectory } from "./transpile-cache";
import { writeCacheFile } from "./cache-file";

/**
 * V8's code cache for every CommonJS module the CLI loads (TypeORM, pg, yargs, the
 * compiler on a transpile miss, dist/, the user's entities), kept beside the transpile
 * cache. Parsing and compiling JavaScript is most of a short command's time; with the cache
 * V8 deserialises the compiled code instead. Node 22 does this itself
 * (`module.enableCompileCache`); Node 20 does not, so this replaces `Module#_compile` as
 * v8-compile-cache does. Off with `AUTOGEN_CACHE=off`, and with `--verbose` (Node applies
 * source maps to stack traces only for modules it compiles itself).
 */
interface CompilingModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string): unknown;
}

interface ModuleInternals {
  prototype: CompilingModule;
  wrap(content: string): string;
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: unknown): string[] | null;
  _extensions: unknown;
  _cache: unknown;
}

/** Modules smaller than this compile faster than their cache file is read. */
const MIN_SIZE = 2048;

/** Modules larger than this are cached even when they mention `import(` (see below). */
const HUGE = 1024 * 1024;

/** Node's default loader for `import()` in vm scripts, where this Node has one. */
const IMPORT_LOADER = (
  vm as unknown as { constants?: { USE_MAIN_CONTEXT_DEFAULT_LOADER?: symbol } }
).constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;

let installed = false;

export function installCodeCache(env: NodeJS.ProcessEnv = process.env): void {
  const root = cacheDirectory(env);
  if (installed || root === undefined) return;
  installed = true;
  const dir = join(root, `v8-${process.version}-${process.arch}`);
  const internals = Module as unknown as ModuleInternals;
  const original = internals.prototype._compile;
  const fresh: { file: string; script: vm.Script }[] = [];

  internals.prototype._compile = function (this: CompilingModule, content, filename) {
    if (
      content.length < MIN_SIZE ||
      content.startsWith("#!") ||
      paused > 0 ||
      uncached.has(filename)
    ) {
      return original.call(this, content, filename);
    }
    const dynamicImport = content.includes("import(");
    // A script compiled by vm has no loader for `import()` on Node 20 unless given Node's
    // own, an option that is experimental there and warns when an `import()` runs. Modules
    // that may call it compile as usual, except the very large ones: the TypeScript compiler
    // (9 MB, half a second to compile) has `import(` only in its messages.
    if (dynamicImport && (content.length < HUGE || IMPORT_LOADER === undefined)) {
      return original.call(this, content, filename);
    }
    const key = createHash("sha1").update(filename).update("\0").update(content).digest("hex");
    const file = join(dir, key.slice(0, 2), `${key.slice(2)}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(internals.wrap(content), {
      filename,
      cachedData,
      // The constant is Node's own, typed as a number by @types/node 20.
      ...(dynamicImport ? { importModuleDynamically: IMPORT_LOADER as unknown as number } : {}),
    });
    if (cachedData === undefined || script.cachedDataRejected) fresh.push({ file, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (
      ...args: unknown[]
    ) => unknown;
    return wrapper.call(
      this.exports,
      this.exports,
      moduleRequire(this),
      this,
      filename,
      dirname(filename),
    );
  };

  // Written at exit, after the run, so the cache holds the functions the command compiled
  // lazily too, not only each module's top level.
  flush = () => {
    for (const { file, script } of fresh.splice(0)) writeCacheFile(file, script.createCachedData());
  };
  process.once("exit", flush);
}

let flush = (): void => undefined;

/** Files compiled as Node compiles them, cache or not (see `compileWithoutCodeCache`). */
const uncached = new Set<string>();

/**
 * Compiles `files` without the code cache from now on: for a project with thousands of entity
 * files. V8 keeps more of a module's code when it comes from the cache than when it compiles
 * the module itself (at 10,000 entity files, about 30 MB more after a full collection), and
 * at that size reading one cache file per entity saves no measurable time.
 */
export function compileWithoutCodeCache(files: Iterable<string>): void {
  for (const file of files) uncached.add(file);
}

/** How many `withoutCodeCache` calls are running: modules compile as Node compiles them. */
let paused = 0;

/**
 * Runs `load` with the code cache off for the modules it compiles: for a large library loaded
 * when memory counts more than its load time. ts-morph with the compiler takes about 20 MB
 * more from the cache (88 MB against 67) and loads only 0.05 s faster.
 */
export function withoutCodeCache<T>(load: () => T): T {
  paused += 1;
  try {
    return load();
  } finally {
    paused -= 1;
  }
}

/**
 * Writes the modules compiled so far to the cache now, for a worker thread that may be
 * terminated rather than exit (see render/render-worker.ts).
 */
export function flushCodeCache(): void {
  flush();
}

/** The `require` a module's code receives, as Node builds it. */
export function moduleRequire(mod: Pick<CompilingModule, "require">): NodeJS.Require {
  const internals = Module as unknown as ModuleInternals;
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) =>
    internals._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => internals._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = internals._extensions as NodeJS.RequireExtensions;
  require.cache = internals._cache as NodeJS.Dict<NodeJS.Module>;
  return require;
}
