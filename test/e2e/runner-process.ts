import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT, type CliResult } from "../support/cli";
import type { TestDatabase } from "../support/database";

/** An `autogen` process the test can watch and kill, unlike `runCli`'s. */
export interface RunningCli {
  readonly child: ChildProcess;
  readonly done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
  /** What it wrote to stderr so far. */
  stderr(): string;
}

export function startCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): RunningCli {
  const child = spawn(process.execPath, [join(REPO_ROOT, "bin", "autogen.js"), ...args], {
    cwd,
    env: { ...process.env, DATABASE_URL: undefined, FORCE_COLOR: undefined, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve) => {
    child.on("close", (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
  return { child, done, stderr: () => stderr };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every 100 ms until it holds; fails after `seconds`. */
export async function waitFor(
  what: string,
  condition: () => Promise<boolean> | boolean,
  seconds = 30,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** True while some session of this database runs a statement matching `pattern` (LIKE). */
export async function running(db: TestDatabase, pattern: string): Promise<boolean> {
  const rows = await db.query(
    "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE $1",
    [pattern],
  );
  return rows.length > 0;
}

/** Sessions autogen opened on this database (its application_name). */
export async function autogenSessions(db: TestDatabase): Promise<number> {
  const rows = await db.query(
    "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'typeorm-autogen'",
  );
  return rows.length;
}

/**
 * A migration that counts its own executions in `counter`: running it twice would show 2.
 * With `slowWhen`, it sleeps that many seconds when the process has AUTOGEN_TEST_SLOW=1, after
 * its first statement, so a test can kill the process in the middle of it.
 */
export function countingMigration(
  revision: string,
  down: string | null,
  options: { sleep?: number; slowWhen?: number } = {},
): string {
  const parent = down === null ? "null" : JSON.stringify(down);
  const statements = [
    `await op.execute("CREATE TABLE IF NOT EXISTS counter (revision text PRIMARY KEY, runs integer NOT NULL)");`,
    `await op.execute("CREATE TABLE made_by_${revision} (id integer)");`,
    ...(options.sleep ? [`await op.execute("SELECT pg_sleep(${options.sleep})");`] : []),
    ...(options.slowWhen
      ? [
          `if (process.env.AUTOGEN_TEST_SLOW === "1") await op.execute("SELECT pg_sleep(${options.slowWhen})");`,
        ]
      : []),
    `await op.execute("INSERT INTO counter VALUES ('${revision}', 1) ON CONFLICT (revision) DO UPDATE SET runs = counter.runs + 1");`,
  ];
  return `/**
 * count ${revision}
 */
import type { MigrationContext } from "typeorm-autogen";

export const revision = "${revision}";
export const downRevision: string | null = ${parent};

export async function upgrade({ op }: MigrationContext): Promise<void> {
${statements.map((s) => `  ${s}`).join("\n")}
}

export async function downgrade({ op }: MigrationContext): Promise<void> {
  await op.execute("DROP TABLE made_by_${revision}");
  await op.execute("DELETE FROM counter WHERE revision = '${revision}'");
}
`;
}
