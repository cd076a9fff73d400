import { existsSync } from "node:fs";
import Module from "node:module";
import { join } from "node:path";
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
 */
let installed = false;

/** The compiled hooks module, beside this file (absent when running from the sources). */
const HOOKS = join(__dirname, "esm-hooks.js");

interface ResolvingModule {
  _resolveFilename(request: string, parent: unknown, ...rest: unknown[]): string;
}

export function installEsmSupport(): void {
  if (installed) return;
  installed = true;
  const register = (Module as unknown as { register?: (url: string) => void }).register;
  if (register && existsSync(HOOKS)) register(pathToFileURL(HOOKS).href);
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
