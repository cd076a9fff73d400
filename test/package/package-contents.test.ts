import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "../support/cli";

/** What `npm publish` would ship (issue 13: docs/ and a LICENSE were missing). */
function packedFiles(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
  return (pack?.files ?? []).map((f) => f.path);
}

describe("the published package", () => {
  it("ships the docs the README links to, and a LICENSE file", () => {
    const files = packedFiles();

    expect(files).toContain("LICENSE");
    expect(files).toContain("docs/quickstart.md");
    expect(files).toContain("docs/commands.md");
    expect(files).toContain("dist/index.d.ts");
  });

  it("has type definitions that type-check without @types/pg (a dev dependency only)", () => {
    const dir = mkdtempSync(join(tmpdir(), "autogen-consumer-"));
    try {
      const consumer = join(dir, "consumer.ts");
      writeFileSync(
        consumer,
        `import { upgrade, recordingOutput, type CommandContext, type MigrationContext } from ${JSON.stringify(join(REPO_ROOT, "dist", "index"))};\n` +
          "const ctx: CommandContext = { configPath: 'ormconfig.ts', out: recordingOutput() };\n" +
          "export const run = () => upgrade(ctx, { target: 'head' });\n" +
          "export type M = MigrationContext;\n",
      );
      const options: ts.CompilerOptions = {
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        types: ["node"],
      };
      const host = ts.createCompilerHost(options);
      // A user's project without @types/pg: neither it nor pg's own folder can be found.
      const hidden = (file: string) =>
        file.includes(`${sep}@types${sep}pg${sep}`) || file.includes(`node_modules${sep}pg${sep}`);
      const fileExists = host.fileExists.bind(host);
      host.fileExists = (file) => !hidden(file) && fileExists(file);
      const program = ts.createProgram([consumer], options, host);
      const errors = ts
        .getPreEmitDiagnostics(program)
        .map(
          (d) =>
            `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
        );

      expect(errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
