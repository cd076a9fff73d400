import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runCli, tempProject, type CliResult } from "../support/cli";

/** Two entities (authors, books) and a config with no connection settings of its own. */
export const LIBRARY_FIXTURE = join(__dirname, "fixtures", "library");

/** A line of a printed stack trace, which the CLI shows only with --verbose. */
export const STACK_FRAME = /^\s+at /m;

/** A temp project the CLI runs in, with the database the commands connect to. */
export interface Project {
  readonly dir: string;
  /** Runs `autogen ARGS` in the project; `env` adds to (or overrides) DATABASE_URL. */
  run(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliResult>;
  /** Writes a file in the project, creating its folder. */
  write(path: string, text: string): void;
  remove(): void;
}

/**
 * A project copied from `fixture` (empty when null). Every run gets `DATABASE_URL`, so
 * no test starts the slow embedded server by accident; pass null to leave it unset.
 */
export function project(fixture: string | null, databaseUrl: string | null): Project {
  const temp = tempProject(fixture ?? undefined);
  // mkdtemp makes the folder 0700; run as root, the embedded server is the `postgres` user
  // and must reach .autogen/ inside it.
  chmodSync(temp.dir, 0o755);
  const base = databaseUrl === null ? {} : { DATABASE_URL: databaseUrl };
  return {
    dir: temp.dir,
    run: (args, env = {}) => runCli(args, { cwd: temp.dir, env: { ...base, ...env } }),
    write(path, text) {
      const file = join(temp.dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    },
    remove: temp.remove,
  };
}

/** A hand-written migration file with empty steps, as `revision --empty` would write it. */
export function emptyMigration(revision: string, downRevision: string | null): string {
  return `/**
 * step ${revision}
 */
import type { MigrationContext } from "typeorm-autogen";

export const revision = "${revision}";
export const downRevision: string | null = ${downRevision === null ? "null" : `"${downRevision}"`};

export async function upgrade(_context: MigrationContext): Promise<void> {}

export async function downgrade(_context: MigrationContext): Promise<void> {}
`;
}
