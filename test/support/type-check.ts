import { join } from "node:path";
import ts from "typescript";

const root = join(__dirname, "../..");

/**
 * `tsc --strict` over migration files, as a project type-checks them: `typeorm-autogen`
 * resolves to this package's source. Returns the formatted diagnostics of those files ("" when
 * they type-check).
 */
export function typeCheck(paths: readonly string[]): string {
  const program = ts.createProgram([...paths], {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: ["node"],
    typeRoots: [join(root, "node_modules/@types")],
    skipLibCheck: true,
    noEmit: true,
    baseUrl: root,
    paths: { "typeorm-autogen": [join(root, "src/index.ts")] },
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file !== undefined && paths.includes(d.file.fileName));
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => root,
    getNewLine: () => "\n",
  });
}
