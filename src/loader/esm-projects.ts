import { existsSync, readFileSync } from "node:fs";
import Module from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { typeScriptSpecifier } from "./esm-hooks";

/**
 * What lets the TypeScript loader serve `"type": "module"` projects, whose `.ts` files are
 * ES modules: every one of them is still compiled to CommonJS (as the rest of the loader does,
 * for the decorator metadata), so the ESM spellings are mapped onto CommonJS ones.
 *
 * - TypeORM `import()`s entity files in such a project: Node's ESM hooks (esm-hooks.ts) send
 *   `.ts` files to the CommonJS loader.
 * - Imports are written as emitted, `./book.js` for `./book.ts`: when the `.js` file does not
 *   exist, the `.ts` (`.mts`, `.cts`) one is tried.
 * - `import.meta.url`, `.dirname` and `.filename` (how an ESM config finds its entity folder)
 *   become their CommonJS equivalents before compiling.
 *
 * Top-level `await` in an entity or config file is not supported: CommonJS has none.
 *
 * autogen imports entity files itself (metadata/import-entity-files.ts) and needs no hooks;
 * they are registered only when TypeORM's own loader is the fallback and will `import()`
 * (see `registerEsmHooksFor`): registering starts Node's hooks thread, about 0.1 s of a
 * command's start-up on two cores.
 */
let installed = false;
let hooksRegistered = false;

/** The compiled hooks module, beside this file (absent when running from the sources). */
const HOOKS = join(__dirname, "esm-hooks.js");

interface ResolvingModule {
  _resolveFilename(request: string, parent: unknown, ...rest: unknown[]): string;
}

/** The `./book.js` -> `./book.ts` fallback of `require`, for every project (it costs nothing). */
export function installEsmSupport(): void {
  if (installed) return;
  installed = true;
  const internals = Module as unknown as ResolvingModule;
  const original = internals._resolveFilename;
  internals._resolveFilename = function (request, parent, ...rest) {
    try {
      return original.call(this, request, parent, ...rest);
    } catch (error) {
      const typescript = typeScriptSpecifier(request);
      if (typescript === null || (error as { code?: string }).code !== "MODULE_NOT_FOUND") {
        throw error;
      }
      return original.call(this, typescript, parent, ...rest);
    }
  };
}

/**
 * Registers the ESM hooks when TypeORM will `import()` some of these entity globs: as
 * TypeORM decides, a `.mts`/`.mjs` file, or a `.ts`/`.js` one whose nearest package.json
 * says `"type": "module"` (looked up from the folder where the glob's pattern starts).
 */
export function registerEsmHooksFor(globs: readonly string[]): void {
  if (hooksRegistered || !globs.some(importedAsModule)) return;
  hooksRegistered = true;
  const register = (Module as unknown as { register?: (url: string) => void }).register;
  if (register && existsSync(HOOKS)) register(pathToFileURL(HOOKS).href);
}

/** Whether TypeORM's loader will `import()` (rather than `require`) files of this glob. */
export function importedAsModule(glob: string): boolean {
  if (/m[jt]s\b/.test(glob)) return true;
  const parts = glob.split(/[\\/]/);
  const firstPattern = parts.findIndex((part) => /[*?[\]{}()!]/.test(part));
  const folder = firstPattern < 0 ? dirname(glob) : parts.slice(0, firstPattern).join("/") || ".";
  return nearestPackageType(resolve(folder)) === "module";
}

/** The "type" of the nearest package.json at or above each folder asked about, looked up once. */
const packageTypes = new Map<string, string | undefined>();

export function nearestPackageType(dir: string): string | undefined {
  if (!packageTypes.has(dir)) {
    const file = join(dir, "package.json");
    let type: string | undefined;
    if (existsSync(file)) {
      try {
        type = (JSON.parse(readFileSync(file, "utf8")) as { type?: string }).type;
      } catch {
        type = undefined;
      }
    } else if (dirname(dir) !== dir) {
      type = nearestPackageType(dirname(dir));
    }
    packageTypes.set(dir, type);
  }
  return packageTypes.get(dir);
}

const IMPORT_META: readonly (readonly [RegExp, string])[] = [
  [/\bimport\.meta\.url\b/g, 'require("node:url").pathToFileURL(__filename).href'],
  [/\bimport\.meta\.dirname\b/g, "__dirname"],
  [/\bimport\.meta\.filename\b/g, "__filename"],
];

/** The source with `import.meta`'s ESM-only fields spelled the CommonJS way. */
export function withoutImportMeta(source: string): string {
  if (!source.includes("import.meta")) return source;
  return IMPORT_META.reduce(
    (text, [pattern, replacement]) => text.replace(pattern, replacement),
    source,
  );
}
