import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type * as TypeScript from "typescript";
import { AutogenError, LoadError } from "../errors";
import transpileOptions from "./transpile-options.json";

/**
 * Loads TypeScript files (the config, entities, migrations) with no build step.
 *
 * Each file is transpiled alone by the TypeScript compiler (no type checking), exactly as
 * `tsc` would emit it. esbuild-based loaders drop `emitDecoratorMetadata`, which TypeORM
 * needs to infer `@Column() name: string`; swc keeps it but hoists export getters above the
 * classes, so two entities that import each other (every `@ManyToOne`/`@OneToMany` pair)
 * fail with "Cannot access 'X' before initialization". tsc's output has neither problem.
 * The compiler is loaded on first use, so commands that load no TypeScript never pay for it.
 */
let typescript: typeof TypeScript | undefined;
let compilerOptions: TypeScript.CompilerOptions | undefined;

function compiler(): { ts: typeof TypeScript; options: TypeScript.CompilerOptions } {
  if (!typescript || !compilerOptions) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    typescript = require("typescript") as typeof TypeScript;
    const converted = typescript.convertCompilerOptionsFromJson(transpileOptions, "");
    compilerOptions = converted.options;
  }
  return { ts: typescript, options: compilerOptions };
}

/** Compiles one TypeScript source to CommonJS; a syntax error names the file, line and column. */
export function compileTypeScript(source: string, filename: string): string {
  const { ts, options } = compiler();
  const output = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: options,
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
  return output.outputText;
}

let registered = false;

/** Installs the `.ts` require hook once per process. */
export function registerTypeScriptLoader(): void {
  if (registered) return;
  registered = true;
  process.setSourceMapsEnabled(true);
  type CompilingModule = NodeJS.Module & { _compile(code: string, filename: string): void };
  require.extensions[".ts"] = (module, filename) => {
    const code = compileTypeScript(readFileSync(filename, "utf8"), filename);
    try {
      (module as CompilingModule)._compile(code, filename);
    } catch (error) {
      throw failedToLoad(error, filename);
    }
  };
}

/**
 * An error thrown while a file runs, named after that file. Without this, an entity that
 * throws at import reaches the user as TypeORM's bare message with no file in it. The
 * innermost file wins: an importer sees a LoadError already and passes it on.
 */
function failedToLoad(error: unknown, filename: string): unknown {
  if (error instanceof AutogenError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const reason = text.split("\n").find((line) => line.trim() !== "") ?? text;
  // Source maps are on, so the first frame in this file gives the TypeScript line.
  const frame = (error instanceof Error ? (error.stack ?? "") : "")
    .split("\n")
    .find((line) => line.includes(`${filename}:`));
  const line = frame?.slice(frame.indexOf(`${filename}:`) + filename.length + 1).split(":")[0];
  const at = line && /^\d+$/.test(line) ? ` (line ${line})` : "";
  const shown = relative(process.cwd(), filename) || filename;
  return new LoadError(filename, `${shown} failed to load: ${reason.trim()}${at}`, {
    cause: error,
  });
}

/** Requires a TypeScript or JavaScript file through the loader. */
export function loadModule(file: string): Record<string, unknown> {
  registerTypeScriptLoader();
  // A dynamic require on purpose: the file is the user's, found at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as Record<string, unknown>;
}
