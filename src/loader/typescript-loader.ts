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
import { openModulePack, runPackedModule, type ModulePack } from "./module-pack";
import { rememberPackageResolutions } from "./package-resolution";

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

/** What the emitted JavaScript depends on besides the source: part of every cache key. */
function loaderSettings(): string {
  cacheSettings ??= JSON.stringify([LOADER_FORMAT, typescriptVersion(), transpileOptions]);
  return `${cacheSettings}${sourceMaps ? "+maps" : ""}`;
}

/** The emitted JavaScript for a file, from the cache when it has it. */
export function cachedCompile(source: string, filename: string): string {
  if (cache === undefined) {
    const dir = cacheDirectory();
    cache = dir === undefined ? null : fileCache(dir);
  }
  if (cache === null) return compileTypeScript(source, filename);
  const key = transpileKey(source, filename, loaderSettings());
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
  rememberPackageResolutions();
  require.extensions[".ts"] = (module, filename) => {
    const source = withoutImportMeta(readFileSync(filename, "utf8"));
    const packed = pack?.lookup(filename, source);
    if (packed !== undefined) {
      try {
        runPackedModule(module, filename, packed);
      } catch (error) {
        throw failedToLoad(error, filename, source, packed);
      }
      return;
    }
    const code = cachedCompile(source, filename);
    pack?.record(filename, source, code);
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

/** The module pack of the entity import running now, if any (see module-pack.ts). */
let pack: ModulePack | undefined;

/**
 * Runs `load`, an import of the entity `files`, with their TypeScript modules taken from the
 * module pack where it has them unchanged, and writes the pack again when `load` succeeds
 * having loaded a module outside it. No pack without the cache, and none with source maps
 * on (`--verbose`): Node maps stack traces only for the modules it compiles itself.
 */
export async function withModulePack<T>(
  files: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const dir = cacheDirectory();
  if (pack !== undefined || dir === undefined || sourceMaps) return load();
  const opened = openModulePack(dir, loaderSettings(), files);
  pack = opened;
  try {
    const result = await load();
    opened.save();
    return result;
  } finally {
    pack = undefined;
  }
}

/** Where a module's code lies: in its own file, or in the module pack. */
interface CodeLocation {
  readonly file: string;
  readonly firstLine: number;
  readonly lastLine: number;
}

/**
 * An error thrown while a file runs, named after that file. Without this, an entity that
 * throws at import reaches the user as TypeORM's bare message with no file in it. The
 * innermost file wins: an importer sees a LoadError already and passes it on.
 */
function failedToLoad(
  error: unknown,
  filename: string,
  source: string,
  code: CodeLocation = { file: filename, firstLine: 1, lastLine: Infinity },
): unknown {
  if (error instanceof AutogenError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const reason = text.split("\n").find((line) => line.trim() !== "") ?? text;
  const position = framePosition(error, code);
  const tsLine =
    position === undefined
      ? undefined
      : typeScriptLine(source, filename, position.line, position.column);
  const at = tsLine === undefined ? "" : ` (line ${tsLine})`;
  const shown = relative(process.cwd(), filename) || filename;
  return new LoadError(filename, `${shown} failed to load: ${reason.trim()}${at}`, {
    cause: error,
  });
}

/**
 * The line and column, in the module's emitted JavaScript, of the innermost stack frame in
 * the module's code; undefined when no frame is.
 */
function framePosition(
  error: unknown,
  code: CodeLocation,
): { line: number; column: number } | undefined {
  const marker = `${code.file}:`;
  for (const frame of (error instanceof Error ? (error.stack ?? "") : "").split("\n")) {
    const at = frame.indexOf(marker);
    if (at < 0) continue;
    const [line, column] = frame
      .slice(at + marker.length)
      .split(":")
      .map((part) => Number.parseInt(part, 10));
    if (line === undefined || Number.isNaN(line)) continue;
    if (line < code.firstLine || line > code.lastLine) continue;
    return { line: line - code.firstLine + 1, column: column ?? 1 };
  }
  return undefined;
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
