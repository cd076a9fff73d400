import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import ts from "typescript";
import type { Operation } from "../../src/ops/operations";
import { renderMigration, type MigrationFileInput } from "../../src/render";
import { hostileStrings, sampleOperations } from "./support/sample-operations";

const root = join(__dirname, "../..");
// What `import type { MigrationContext } from "typeorm-autogen"` resolves to in a project.
const packageEntry = join(root, "src/index.ts");

const base: MigrationFileInput = {
  message: "type check",
  revision: "5c1f0e9a2b7d",
  downRevision: "0a9e3c4d1f22",
  createdAt: new Date("2026-11-21T22:00:00Z"),
  upgrade: [],
  downgrade: [],
  review: [],
};

const hostileExecutes: Operation[] = hostileStrings.map((sql) => ({
  kind: "execute",
  sql,
  params: [sql],
}));

const files: Record<string, string> = {
  "samples.ts": renderMigration({
    ...base,
    upgrade: sampleOperations,
    downgrade: [...sampleOperations].reverse(),
    review: ['creates table "users"'],
  }),
  "empty.ts": renderMigration({ ...base, downRevision: null }),
  "merge.ts": renderMigration({
    ...base,
    message: "merge heads",
    downRevision: ["0a9e3c4d1f22", "7b7c2a0d9e11"],
    branchLabels: ["billing"],
    dependsOn: ["1f1f1f1f1f1f"],
  }),
  "hostile.ts": renderMigration({
    ...base,
    message: hostileStrings.join("\n"),
    revision: "\\`${x}`*/\u2028",
    downRevision: ["`", "\\"],
    branchLabels: hostileStrings,
    upgrade: hostileExecutes,
    review: hostileStrings,
  }),
};

/**
 * Lints the texts as if they were files in the project's migrations folder. In a child
 * process because the project's flat config is an ES module, which jest cannot import.
 */
function lint(texts: Record<string, string>): Record<string, string[]> {
  const script = `
    const { ESLint } = require("eslint");
    const { join } = require("node:path");
    const texts = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const found = {};
      for (const [name, text] of Object.entries(texts)) {
        const [result] = await eslint.lintText(text, { filePath: join(process.cwd(), "migrations", name) });
        found[name] = result.messages.map((m) => \`\${m.line}:\${m.column} \${m.ruleId}: \${m.message}\`);
      }
      process.stdout.write(JSON.stringify(found));
    })();`;
  const run = spawnSync(process.execPath, ["-e", script], {
    cwd: root,
    input: JSON.stringify(texts),
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string[]>;
}

describe("a rendered migration file", () => {
  it("type-checks under tsc --strict with unused-code checks on", () => {
    const dir = mkdtempSync(join(tmpdir(), "autogen-typecheck-"));
    try {
      const paths = Object.entries(files).map(([name, text]) => {
        writeFileSync(join(dir, name), text);
        return join(dir, name);
      });
      const program = ts.createProgram(paths, {
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        noImplicitReturns: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        types: ["node"],
        typeRoots: [join(root, "node_modules/@types")],
        skipLibCheck: true,
        noEmit: true,
        baseUrl: dir,
        paths: { "typeorm-autogen": [packageEntry] },
      });
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file === undefined || d.file.fileName.startsWith(dir));
      const host: ts.FormatDiagnosticsHost = {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => dir,
        getNewLine: () => "\n",
      };
      expect(ts.formatDiagnostics(diagnostics, host)).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("passes the project's eslint rules", () => {
    expect(lint(files)).toEqual(Object.fromEntries(Object.keys(files).map((name) => [name, []])));
  });
});
