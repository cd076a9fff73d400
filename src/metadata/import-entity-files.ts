import { createRequire } from "node:module";
import { dirname, join, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Logger } from "typeorm";
import { compileWithoutCodeCache } from "../loader/code-cache";
import { nearestPackageType, registerEsmHooksFor } from "../loader/esm-projects";
import { withModulePack } from "../loader/typescript-loader";
import type { UserTypeOrm } from "./user-typeorm";

/** The file extensions TypeORM's directory loader imports (`.d.ts` excepted). */
const FORMATS = new Set([".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"]);

/**
 * The classes and EntitySchemas exported by the files the entity globs match: what TypeORM's
 * `importClassesFromDirectories` returns, found by the same glob function of the same
 * TypeORM package, in the same order, walked the same way.
 *
 * Why not TypeORM's own: before requiring each file it looks up the file's nearest
 * package.json with two asynchronous `stat`s and a read, all started at once, which at 1,000
 * entity files was a sixth of the entity load. Here the lookup is made once per folder, and
 * every TypeScript file is required through autogen's loader (which is what Node's ESM hooks
 * did for `import()`ed ones), so the hooks are not needed either. JavaScript ES modules
 * (`.mjs`, or `.js` under `"type": "module"`) are `import()`ed, as TypeORM does.
 *
 * A TypeORM whose glob function cannot be found (a fork with another layout) gets its own
 * loader, with the ESM hooks it needs.
 */
export async function importEntityFiles(
  typeorm: UserTypeOrm,
  logger: Logger,
  globs: readonly string[],
): Promise<unknown[]> {
  const files = entityFiles(typeorm, globs);
  if (files === null) {
    registerEsmHooksFor(globs);
    return (await typeorm.importClassesFromDirectories(logger, [...globs])) as unknown[];
  }
  if (globs.length > 0 && files.length === 0) {
    logger.log("info", `No classes were found using the provided glob pattern:  "${globs}"`);
  } else if (files.length > 0) {
    logger.log("info", `All classes found using provided glob pattern "${globs}" : "${files}"`);
  }
  const imported = files.filter(isImported).map((file) => resolve(file));
  let exported: unknown[];
  if (imported.length > MANY_FILES) {
    compileWithoutCodeCache(imported);
    exported = await importAll(imported);
  } else {
    exported = await withModulePack(imported, () => importAll(imported));
  }
  return classesIn(exported, (value) => typeorm.isEntitySchema(value), []);
}

/** Each file's exports, in order. */
async function importAll(files: readonly string[]): Promise<unknown[]> {
  const exported: unknown[] = [];
  for (const [i, file] of files.entries()) {
    // A turn of the event loop now and then, as TypeORM's asynchronous lookups gave: the
    // live catalog is being read meanwhile (see compareEntities), one query after another.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((done) => setImmediate(done));
    exported.push(await importFile(file));
  }
  return exported;
}

const YIELD_EVERY = 25;

/**
 * The files the entity globs match, in TypeORM's order, by TypeORM's own glob function; null
 * when that function cannot be found (a fork with another layout).
 */
function entityFiles(typeorm: UserTypeOrm, globs: readonly string[]): string[] | null {
  const globSync = globOf(typeorm.root);
  if (globSync === null) return null;
  return globs.flatMap((glob) => globSync(posixOnWindows(normalize(glob))));
}

/** How many files `importEntityFiles` would import, found without loading any; null as above. */
export function countEntityFiles(typeorm: UserTypeOrm, globs: readonly string[]): number | null {
  return entityFiles(typeorm, globs)?.filter(isImported).length ?? null;
}

/**
 * Past this many entity files, they compile without V8's code cache: it costs memory there
 * and saves no time (see `compileWithoutCodeCache`); nor are they packed (see
 * `withModulePack`), which would hold every module's code twice while the pack is written.
 * Below, both save time.
 */
const MANY_FILES = 2000;

/** TypeORM normalises globs to forward slashes on Windows, which its glob functions need. */
const posixOnWindows = (path: string): string =>
  process.platform === "win32" ? path.replaceAll("\\", "/") : path;

const isImported = (file: string): boolean =>
  !file.endsWith(".d.ts") && FORMATS.has(file.slice(file.lastIndexOf(".")));

/** The glob function TypeORM's directory loader calls: tinyglobby's (1.x) or glob's (0.3). */
function globOf(root: string): ((pattern: string) => string[]) | null {
  const from = createRequire(join(root, "package.json"));
  for (const [name, pick] of GLOB_PACKAGES) {
    try {
      const found = pick(from(name) as Record<string, unknown>);
      if (typeof found === "function") return found as (pattern: string) => string[];
    } catch {
      // Not this package: try the next.
    }
  }
  return null;
}

const GLOB_PACKAGES: readonly (readonly [string, (module: Record<string, unknown>) => unknown])[] =
  [
    ["tinyglobby", (module) => module.globSync],
    ["glob", (module) => module.sync ?? module.globSync],
  ];

/** One entity file's exports: required, or `import()`ed when it is a JavaScript ES module. */
async function importFile(file: string): Promise<unknown> {
  if (isJavaScriptModule(file)) return importModule(pathToFileURL(file).href);
  // A dynamic require on purpose: the file is the user's, found at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as unknown;
}

/**
 * A real `import()`: dist/ is CommonJS, where TypeScript would turn `import(url)` into a
 * `require`, which cannot load an ES module on Node 20.
 */
const importModule = new Function("url", "return import(url)") as (url: string) => Promise<unknown>;

function isJavaScriptModule(file: string): boolean {
  if (file.endsWith(".mjs")) return true;
  return file.endsWith(".js") && nearestPackageType(dirname(file)) === "module";
}

/** TypeORM's walk of a file's exports: functions and EntitySchemas, inside arrays and objects. */
function classesIn(
  exported: unknown,
  isEntitySchema: (value: unknown) => boolean,
  found: unknown[],
): unknown[] {
  if (typeof exported === "function" || isEntitySchema(exported)) found.push(exported);
  else if (Array.isArray(exported))
    for (const value of exported) classesIn(value, isEntitySchema, found);
  else if (exported !== null && typeof exported === "object") {
    for (const value of Object.values(exported)) classesIn(value, isEntitySchema, found);
  }
  return found;
}
