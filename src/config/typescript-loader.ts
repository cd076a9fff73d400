import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type * as TypeScript from "typescript";
import { LoadError } from "../errors";
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
    (module as CompilingModule)._compile(code, filename);
  };
}

/** Requires a TypeScript or JavaScript file through the loader. */
export function loadModule(file: string): Record<string, unknown> {
  registerTypeScriptLoader();
  return require(file) as Record<string, unknown>;
}
