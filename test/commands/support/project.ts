import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Output } from "../../../src/commands/output";
import type { CommandContext } from "../../../src/commands/workspace";
import { REPO_ROOT } from "../../support/cli";

/** An output that keeps stdout (`data`) apart from stderr (`info` and `warn`). */
export interface SplitOutput extends Output {
  readonly stdout: string[];
  readonly stderr: string[];
}

export function splitOutput(): SplitOutput {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    data: (text) => void stdout.push(text),
    info: (line) => void stderr.push(line),
    warn: (line) => void stderr.push(`warning: ${line}`),
  };
}

/** What a hand-written migration file declares; bodies are statements using `op`. */
export interface MigrationSpec {
  readonly revision: string;
  readonly down: string | readonly string[] | null;
  readonly branchLabels?: readonly string[];
  readonly dependsOn?: readonly string[];
  readonly message?: string;
  readonly upgrade?: string;
  readonly downgrade?: string;
}

/** A migration file as a person (or another branch) would write it. */
export function migrationFile(spec: MigrationSpec): string {
  const list = (values: readonly string[]) => JSON.stringify(values);
  const down =
    spec.down === null || typeof spec.down === "string"
      ? `export const downRevision: string | null = ${JSON.stringify(spec.down)};`
      : `export const downRevision: string[] = ${list(spec.down)};`;
  return [
    `/**\n * ${spec.message ?? `step ${spec.revision}`}\n */`,
    `import type { MigrationContext } from "typeorm-autogen";`,
    ``,
    `export const revision = ${JSON.stringify(spec.revision)};`,
    down,
    ...(spec.branchLabels ? [`export const branchLabels = ${list(spec.branchLabels)};`] : []),
    ...(spec.dependsOn ? [`export const dependsOn = ${list(spec.dependsOn)};`] : []),
    ``,
    `export async function upgrade({ op }: MigrationContext): Promise<void> {`,
    `  ${spec.upgrade ?? "void op;"}`,
    `}`,
    ``,
    `export async function downgrade({ op }: MigrationContext): Promise<void> {`,
    `  ${spec.downgrade ?? "void op;"}`,
    `}`,
    ``,
  ].join("\n");
}

/** A project folder for in-process command tests: a config without entities, a migrations folder. */
export interface CommandProject {
  readonly dir: string;
  /** A fresh context whose output is recorded; `env` gives DATABASE_URL. */
  context(env?: NodeJS.ProcessEnv): CommandContext & { readonly out: SplitOutput };
  write(path: string, text: string): void;
  read(path: string): string;
  /** Writes `migrations/<revision>.ts`. */
  migration(spec: MigrationSpec): void;
  migrationFiles(): string[];
  remove(): void;
}

export function commandProject(autogenOptions: Record<string, unknown> = {}): CommandProject {
  const dir = mkdtempSync(join(tmpdir(), "autogen-commands-"));
  // The config imports typeorm, resolved from the project folder like an installed project.
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write(
    "ormconfig.ts",
    [
      `import { DataSource } from "typeorm";`,
      `export default new DataSource({ type: "postgres", entities: [] });`,
      `export const autogen = ${JSON.stringify(autogenOptions)};`,
      ``,
    ].join("\n"),
  );
  const migrationsDir = (autogenOptions.migrationsDir as string | undefined) ?? "migrations";
  mkdirSync(join(dir, migrationsDir), { recursive: true });
  return {
    dir,
    context: (env = {}) => ({ cwd: dir, configPath: "ormconfig.ts", env, out: splitOutput() }),
    write,
    read: (path) => readFileSync(join(dir, path), "utf8"),
    migration: (spec) => write(join(migrationsDir, `${spec.revision}.ts`), migrationFile(spec)),
    migrationFiles: () => readdirSync(join(dir, migrationsDir)).sort(),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A command project with one entity file, `entities/<name>.ts` holding `lines`, and a config
 * whose DataSource lists every class that file exports.
 */
export function entityProject(
  name: string,
  lines: readonly string[],
  autogenOptions: Record<string, unknown> = {},
): CommandProject {
  const project = commandProject(autogenOptions);
  project.write(`entities/${name}.ts`, [...lines, ``].join("\n"));
  project.write(
    "ormconfig.ts",
    [
      `import { DataSource } from "typeorm";`,
      `import * as entities from "./entities/${name}";`,
      `export default new DataSource({ type: "postgres", entities: Object.values(entities) });`,
      `export const autogen = ${JSON.stringify(autogenOptions)};`,
      ``,
    ].join("\n"),
  );
  return project;
}
