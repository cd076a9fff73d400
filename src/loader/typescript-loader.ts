import { readFileSync } from "node:fs";
import { SourceMap, type SourceMapPayload } from "node:module";
import { relative } from "node:path";
import type * as TypeScript from "typescript";
import { AutogenError, LoadError } from "../errors";
import {
  cacheDirectory,
  fileCache,
  transpileKey,
  typescriptVersion,
  type TranspileCache,
} from "./transpile-cache";
import transpileOptions from "./transpile-options.json";
import { installEsmSupport, withoutImportMeta } from "./esm-projects";

/**
 * Loads TypeScript files (the config, entities, migrations) with no build step.
 *
 * Each file is transpiled alone by the TypeScript compiler (no type checking), exactly as
 * `tsc` would emit it. esbuild-based loaders drop `emitDecoratorMetadata`, which TypeORM
 * needs to infer `@Column() name: string`; swc keeps it but hoists export getters above the
 * classes, so two entities that import each other (every `@ManyToOne`/`@OneToMany` pair)
 * fail with "Cannot access 'X' before initialization". tsc's output has neither problem.
 * The output is kept in a persistent cache (transpile-cache.ts), and the compiler is loaded
 * only on a cache miss, so an unchanged project never loads it at all.
 */
let typescript: typeof TypeScript | undefined;

/** Bumped when what this file emits changes for the same compiler output. */
const LOADER_FORMAT = "1";

/**
 * Inline source maps cost time on every load (Node decodes each one), so they are emitted
 * only when asked for: `--verbose`, whose stack traces should point at TypeScript lines.
 */
let sourceMaps = false;

/** Turns inline source maps (and Node's use of them in stack traces) on or off. */
export function useSourceMaps(on: boolean): void {
  sourceMaps = on;
  if (on) process.setSourceMapsEnabled(true);
}

function loadCompiler(): typeof TypeScript {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  typescript ??= require("typescript") as typeof TypeScript;
  return typescript;
}

let baseOptions: TypeScript.CompilerOptions | undefined;

function options(maps: "inline" | "separate" | "none"): TypeScript.CompilerOptions {
  const ts = loadCompiler();
  baseOptions ??= ts.convertCompilerOptionsFromJson(transpileOptions, "").options;
  const { inlineSourceMap: _inline, inlineSources: _sources, ...rest } = baseOptions;
  if (maps === "inline") return { ...rest, inlineSourceMap: true, inlineSources: true };
  if (maps === "separate") return { ...rest, sourceMap: true };
  return rest;
}

/** Compiles one TypeScript source to CommonJS; a syntax error names the file, line and column. */
export function compileTypeScript(source: string, filename: string): string {
  return transpile(source, filename, sourceMaps ? "inline" : "none").outputText;
}

function transpile(
  source: string,
  filename: string,
  maps: "inline" | "separate" | "none",
): TypeScript.TranspileOutput {
  const ts = loadCompiler();
  const output = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: options(maps),
    reportDiagnostics: true,
  });
  const error = output.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (error) {
    const message = ts.flattenDiagnosticMessageText(error.messageText, " ");
    const where =
      error.file && error.start !== undefined
        ? error.file.getLineAndCharacterOfPosition(error.start)
        : undefined;
    const at = where ? ` at line ${where.line + 1}, column ${where.character + 1}` : "";
    const shown = relative(process.cwd(), filename) || filename;
    throw new LoadError(filename, `${shown} does not compile: ${message}${at}`);
  }
  return output;
}

let cache: TranspileCache | null | undefined;
let cacheSettings: string | undefined;

/** The emitted JavaScript for a file, from the cache when it has it. */
export function cachedCompile(source: string, filename: string): string {
  if (cache === undefined) {
    const dir = cacheDirectory();
    cache = dir === undefined ? null : fileCache(dir);
    cacheSettings = JSON.stringify([LOADER_FORMAT, typescriptVersion(), transpileOptions]);
  }
  if (cache === null) return compileTypeScript(source, filename);
  const key = transpileKey(source, filename, `${cacheSettings}${sourceMaps ? "+maps" : ""}`);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const code = compileTypeScript(source, filename);
  cache.set(key, code);
  return code;
}

/** Forgets the cache settings read from the environment (tests change AUTOGEN_CACHE_DIR). */
export function resetTranspileCache(): void {
  cache = undefined;
}

let registered = false;

/** Installs the `.ts` require hook once per process. */
export function registerTypeScriptLoader(): void {
  if (registered) return;
  registered = true;
  type CompilingModule = NodeJS.Module & { _compile(code: string, filename: string): void };
  installEsmSupport();
  require.extensions[".ts"] = (module, filename) => {
    const source = withoutImportMeta(readFileSync(filename, "utf8"));
    const code = cachedCompile(source, filename);
    try {
      (module as CompilingModule)._compile(code, filename);
    } catch (error) {
      throw failedToLoad(error, filename, source);
    }
  };
  // ESM projects name their files .mts (and CommonJS ones in them .cts): compiled the same way.
  require.extensions[".mts"] = require.extensions[".ts"];
  require.extensions[".cts"] = require.extensions[".ts"];
}

/**
 * An error thrown while a file runs, named after that file. Without this, an entity that
 * throws at import reaches the user as TypeORM's bare message with no file in it. The
 * innermost file wins: an importer sees a LoadError already and passes it on.
 */
function failedToLoad(error: unknown, filename: string, source: string): unknown {
  if (error instanceof AutogenError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const reason = text.split("\n").find((line) => line.trim() !== "") ?? text;
  const frame = (error instanceof Error ? (error.stack ?? "") : "")
    .split("\n")
    .find((line) => line.includes(`${filename}:`));
  const [line, column] = (frame?.slice(frame.indexOf(`${filename}:`) + filename.length + 1) ?? "")
    .split(":")
    .map((part) => Number.parseInt(part, 10));
  const tsLine =
    line === undefined || Number.isNaN(line)
      ? undefined
      : typeScriptLine(source, filename, line, column ?? 1);
  const at = tsLine === undefined ? "" : ` (line ${tsLine})`;
  const shown = relative(process.cwd(), filename) || filename;
  return new LoadError(filename, `${shown} failed to load: ${reason.trim()}${at}`, {
    cause: error,
  });
}

/**
 * The TypeScript line of a line of the emitted JavaScript. With source maps on, Node has
 * mapped the frame already; otherwise the file is compiled once more with a source map (an
 * error path, so the compiler's cost does not matter) and the position looked up in it.
 */
function typeScriptLine(
  source: string,
  filename: string,
  line: number,
  column: number,
): number | undefined {
  if (sourceMaps || !filename.endsWith(".ts")) return line;
  try {
    const map = transpile(source, filename, "separate").sourceMapText;
    if (!map) return undefined;
    const entry = new SourceMap(JSON.parse(map) as SourceMapPayload).findEntry(
      line - 1,
      column - 1,
    );
    return "originalLine" in entry ? entry.originalLine + 1 : undefined;
  } catch {
    return undefined;
  }
}

/** Requires a TypeScript or JavaScript file through the loader. */
export function loadModule(file: string): Record<string, unknown> {
  registerTypeScriptLoader();
  // A dynamic require on purpose: the file is the user's, found at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as Record<string, unknown>;
}
