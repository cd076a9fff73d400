import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { ConfigError, UsageError } from "../errors";
import { fileStep } from "../config/file-access";
import type { Operation } from "../ops/operations";
import { hoistedLabelAdditions } from "../runner/hoist-enum-labels";
import { renderTypeOrmClass, type TypeOrmMethodSql } from "../render/typeorm-class";
import { typeOrmMigrationName } from "../render/typeorm-names";
import { runPostWriteHooks } from "./post-write-hooks";
import type { Workspace } from "./workspace";

/** The file formats `revision --format` writes. */
export const MIGRATION_FORMATS = ["autogen", "typeorm"] as const;
export type MigrationFormat = (typeof MIGRATION_FORMATS)[number];

/** The revision options a TypeORM class has no place for: it is not in autogen's graph. */
export interface GraphOptions {
  readonly head?: string;
  readonly splice?: boolean;
  readonly branchLabels?: readonly string[];
  readonly dependsOn?: readonly string[];
  readonly revId?: string;
}

const GRAPH_FLAGS: Readonly<Record<keyof GraphOptions, string>> = {
  head: "--head",
  splice: "--splice",
  branchLabels: "--branch-label",
  dependsOn: "--depends-on",
  revId: "--rev-id",
};

/** Refuses an unknown format, and graph options given with `typeorm`, before anything loads. */
export function checkFormat(format: string | undefined, options: GraphOptions): MigrationFormat {
  const chosen = format ?? "autogen";
  if (!(MIGRATION_FORMATS as readonly string[]).includes(chosen)) {
    throw new UsageError(`--format must be autogen or typeorm, not '${chosen}'.`);
  }
  if (chosen === "typeorm") {
    for (const key of Object.keys(GRAPH_FLAGS) as (keyof GraphOptions)[]) {
      const value = options[key];
      const given = Array.isArray(value)
        ? value.length > 0
        : value !== undefined && value !== false;
      if (given) {
        throw new UsageError(
          `${GRAPH_FLAGS[key]} cannot be used with --format typeorm: a TypeORM migration class has no revision id and is not part of autogen's revision graph.`,
        );
      }
    }
  }
  return chosen as MigrationFormat;
}

/** Characters that start the pattern part of a glob. */
const GLOB_CHARACTER = /[*?[{]/;

/** Whether a `migrations` entry can match the `.ts` file written (not only compiled `.js`). */
const matchesTypeScript = (pattern: string): boolean =>
  !/\.js$/.test(pattern) && !/\.\{?js\}?$/.test(pattern);

/**
 * The folder of the DataSource's `migrations` option, where TypeORM's CLI looks for classes:
 * the fixed part of its first glob (or path) that can match a `.ts` file, resolved from the
 * working directory as TypeORM resolves it. It must not be autogen's own folder, whose files
 * autogen loads as its revisions.
 */
export function typeOrmMigrationsDir(ws: Workspace): string {
  const entries = (ws.config.dataSource.options as { migrations?: unknown }).migrations;
  const patterns = (Array.isArray(entries) ? entries : Object.values(entries ?? {})).filter(
    (entry): entry is string => typeof entry === "string",
  );
  const pattern = patterns.find(matchesTypeScript);
  if (pattern === undefined) {
    throw new ConfigError(
      patterns.length === 0
        ? "--format typeorm writes into the folder of the DataSource's `migrations` option, and the DataSource names none."
        : `--format typeorm writes a .ts file, and the DataSource's \`migrations\` option (${patterns.join(", ")}) names compiled .js files only.`,
      'Add the source folder, e.g. migrations: ["src/migrations/*.ts"].',
    );
  }
  const glob = pattern.search(GLOB_CHARACTER);
  const fixed = glob === -1 ? pattern : pattern.slice(0, glob);
  const dir = resolve(ws.cwd, glob === -1 && !/\.ts$/.test(pattern) ? fixed : dirname(`${fixed}x`));
  if (dir === resolve(ws.options.migrationsDir)) {
    throw new ConfigError(
      `the DataSource's \`migrations\` option (${pattern}) names autogen's own migrations folder, where a TypeORM class would be loaded as an autogen revision.`,
      "Give TypeORM's migrations a folder of their own, or set `migrationsDir` in the config's `autogen` export.",
    );
  }
  return dir;
}

/** One direction's statements, compiled by the dialect, labels to commit first set apart. */
function methodSql(ws: Workspace, operations: readonly Operation[]): TypeOrmMethodSql {
  const hoisted = ws.dialect.name === "postgres" ? hoistedLabelAdditions(operations) : new Set();
  const compile = (ops: readonly Operation[]) =>
    ws.dialect.compile.operations(ops, { inlineParams: true });
  return {
    committedFirst: compile(operations.filter((op) => hoisted.has(op))),
    statements: compile(operations.filter((op) => !hoisted.has(op))),
  };
}

export interface TypeOrmFileInput {
  readonly message: string;
  readonly createdAt: Date;
  readonly review: readonly string[];
  readonly upgrade: readonly Operation[];
  readonly downgrade: readonly Operation[];
}

/**
 * Writes the operations as a TypeORM migration class into `dir` (never over an existing
 * file), prints its path on stdout, then runs the post-write hooks on it. The SQL is the
 * statements autogen's runner would send for the same operations, both ways.
 */
export async function writeTypeOrmMigration(
  ws: Workspace,
  dir: string,
  input: TypeOrmFileInput,
): Promise<{ file: string; name: string }> {
  const { className, fileName } = typeOrmMigrationName(input.message, input.createdAt);
  const text = renderTypeOrmClass({
    message: input.message,
    className,
    createdAt: input.createdAt,
    review: input.review,
    up: methodSql(ws, input.upgrade),
    down: methodSql(ws, input.downgrade),
  });
  fileStep(dir, "create", () => mkdirSync(dir, { recursive: true }));
  const file = join(dir, fileName);
  fileStep(file, "write", () => writeFileSync(file, text, { flag: "wx" }));
  ws.context.out.data(relative(ws.cwd, file) || file);
  await runPostWriteHooks(ws, file);
  return { file, name: className };
}
