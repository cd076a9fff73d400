import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { writeCacheFile } from "./cache-file";

/**
 * A persistent cache of transpiled files: the key is a hash of the source text, its path,
 * the compiler options and the TypeScript version, the value the emitted JavaScript. An
 * unchanged entity or migration then costs one file read, and the compiler is not loaded at
 * all. Entries are never invalidated, only missed: any change to an input changes the key.
 *
 * Where: `AUTOGEN_CACHE_DIR` when set, else `node_modules/.cache/typeorm-autogen` in the
 * nearest folder above the working directory that has a node_modules (where babel-loader,
 * eslint and others keep theirs). `AUTOGEN_CACHE=off` turns it off. Delete the folder to
 * clear it.
 */
export interface TranspileCache {
  get(key: string): string | undefined;
  set(key: string, code: string): void;
}

const CACHE_SUBDIR = join("node_modules", ".cache", "typeorm-autogen");

/** The folder the cache lives in, or undefined when there is none to use. */
export function cacheDirectory(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): string | undefined {
  if (env.AUTOGEN_CACHE === "off" || env.AUTOGEN_CACHE === "0") return undefined;
  if (env.AUTOGEN_CACHE_DIR) return env.AUTOGEN_CACHE_DIR;
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "node_modules"))) return join(dir, CACHE_SUBDIR);
    if (dirname(dir) === dir) return undefined;
  }
}

/** The TypeScript version, read from its package.json so a hit never loads the compiler. */
export function typescriptVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("typescript/package.json") as { version: string }).version;
}

/** The cache key of one file's transpilation. */
export function transpileKey(source: string, filename: string, settings: string): string {
  return createHash("sha256")
    .update(settings)
    .update("\0")
    .update(filename)
    .update("\0")
    .update(source)
    .digest("hex");
}

/** A cache in `dir`, one file per entry; a cache that cannot be written is just a miss. */
export function fileCache(dir: string): TranspileCache {
  const entry = (key: string) => join(dir, key.slice(0, 2), `${key.slice(2)}.js`);
  return {
    get(key) {
      try {
        return readFileSync(entry(key), "utf8");
      } catch {
        return undefined;
      }
    },
    set(key, code) {
      writeCacheFile(entry(key), code);
    },
  };
}
