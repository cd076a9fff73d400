import Module from "node:module";
import { isAbsolute } from "node:path";

interface ResolvingModule {
  _resolveFilename(
    request: string,
    parent: { path?: string } | undefined,
    isMain: boolean,
    options?: unknown,
  ): string;
}

let installed = false;

/**
 * Remembers, for the rest of the process, the file each `require("package")` resolved to
 * from each folder. Node 20 caches a resolution only for packages without an "exports" map:
 * with one (TypeORM has one), every module that requires the package resolves it again,
 * reading package.json files up from its folder and calling `realpath`. At 1,000 entity
 * files, each with its `import ... from "typeorm"`, that was a tenth of the entity import.
 * The result is the one Node gave the first time, as its own cache gives for the others;
 * relative and absolute requests, `#imports` and `require.resolve` with options are left
 * to Node.
 */
export function rememberPackageResolutions(): void {
  if (installed) return;
  installed = true;
  const internals = Module as unknown as ResolvingModule;
  const original = internals._resolveFilename;
  const resolved = new Map<string, string>();
  internals._resolveFilename = function (request, parent, isMain, options) {
    const folder = parent?.path;
    if (folder === undefined || isMain || options !== undefined || !isPackageRequest(request)) {
      return original.call(this, request, parent, isMain, options);
    }
    const key = `${folder}\0${request}`;
    const known = resolved.get(key);
    if (known !== undefined) return known;
    const filename = original.call(this, request, parent, isMain, options);
    resolved.set(key, filename);
    return filename;
  };
}

function isPackageRequest(request: string): boolean {
  return !request.startsWith(".") && !request.startsWith("#") && !isAbsolute(request);
}
