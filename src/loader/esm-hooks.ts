/**
 * Node's ESM loader hooks for the `.ts` files of a `"type": "module"` project (registered by
 * esm-projects.ts, run on Node's hooks thread). TypeORM loads entity files of such a project
 * with `import()`, which knows no `.ts`; these hooks hand them to the CommonJS loader, where
 * autogen's TypeScript loader compiles them as it does every other file (tsc's output, with
 * the decorator metadata TypeORM needs). The module's exports then arrive as the default export,
 * which TypeORM's class loader walks like any other object.
 */
const TYPESCRIPT = /\.[mc]?ts$/;

interface LoadContext {
  readonly format?: string;
}
type NextLoad = (url: string, context: LoadContext) => Promise<unknown>;

export async function load(url: string, context: LoadContext, next: NextLoad): Promise<unknown> {
  if (url.startsWith("file:") && TYPESCRIPT.test(new URL(url).pathname)) {
    return { format: "commonjs", shortCircuit: true };
  }
  return next(url, context);
}

/**
 * The TypeScript file a relative `.js` (`.mjs`, `.cjs`) import names when that file does not
 * exist: `./book.js` for `./book.ts`, as TypeScript ESM projects write imports. Null for any
 * other specifier. The CommonJS side (esm-projects.ts) applies the same rule.
 */
export function typeScriptSpecifier(specifier: string): string | null {
  return /^\.\.?\/.*\.[mc]?js$/.test(specifier) ? specifier.replace(/js$/, "ts") : null;
}

type NextResolve = (specifier: string, context: unknown) => Promise<{ url: string }>;

/** `./book.js` names `./book.ts` in a TypeScript ESM project (the import is written as emitted). */
export async function resolve(
  specifier: string,
  context: unknown,
  next: NextResolve,
): Promise<unknown> {
  try {
    return await next(specifier, context);
  } catch (error) {
    const typescript = typeScriptSpecifier(specifier);
    if (typescript === null || (error as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") {
      throw error;
    }
    return next(typescript, context);
  }
}
