import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { transformSync, type Options } from "@swc/core";
import { LoadError } from "../errors";

/**
 * Loads TypeScript files (the config, entities, migrations) with no build step.
 *
 * swc, unlike esbuild-based loaders, emits `design:type` decorator metadata, which TypeORM
 * needs to infer `@Column() name: string` as varchar. It is also a native module, so loading
 * a config does not pull in the TypeScript compiler.
 */
const swcOptions: Options = {
  jsc: {
    parser: { syntax: "typescript", decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: "es2022",
    keepClassNames: true,
  },
  module: { type: "commonjs" },
  sourceMaps: "inline",
  swcrc: false,
  configFile: false,
};

/** Compiles one TypeScript source to CommonJS; a syntax error names the file and the problem. */
export function compileTypeScript(source: string, filename: string): string {
  try {
    return transformSync(source, { ...swcOptions, filename }).code;
  } catch (error) {
    throw new LoadError(
      filename,
      `${relative(process.cwd(), filename) || filename} does not compile: ${firstMeaningfulLine(error)}`,
      { cause: error },
    );
  }
}

/**
 * swc reports a framed, multi-line diagnostic ("x Expression expected", a code frame, then a
 * caret under the culprit). One sentence is the message plus the line:column of the caret.
 */
function firstMeaningfulLine(error: unknown): string {
  // eslint-disable-next-line no-control-regex
  const text = (error instanceof Error ? error.message : String(error)).replace(
    /\u001b\[[0-9;]*m/g,
    "",
  );
  const lines = text.split("\n");
  const message = lines
    .map((line) => line.trim())
    .find((line) => /^(x|×|error)\b/i.test(line))
    ?.replace(/^(x|×)\s*/, "");
  let where = "";
  for (let i = 0; i + 1 < lines.length; i++) {
    const source = /^\s*(\d+)\s*\|/.exec(lines[i] ?? "");
    const caret = /^(\s*:\s*)(\s*)\^/.exec(lines[i + 1] ?? "");
    if (source && caret) {
      const gutter = (lines[i] ?? "").indexOf("|") + 2;
      const column = (lines[i + 1] ?? "").indexOf("^") - gutter + 1;
      where = ` at line ${source[1]}, column ${column}`;
      break;
    }
  }
  return (message ?? lines.find((line) => line.trim())?.trim() ?? text) + where;
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
