import type { SqlClient as Client } from "../dialect/dialect";

/**
 * Where a migration's statements go. Live runs send them to the database; `--sql` appends
 * them to a script. Both are driven by the same loop (`runSteps`), so the script shows
 * exactly what a live run would do.
 */
export interface Executor {
  readonly live: boolean;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Runs one statement; live, resolves to the rows it touched (null in scripts). */
  run(sql: string, params?: readonly unknown[]): Promise<number | null>;
  /** A comment line in scripts; ignored live. */
  comment(text: string): void;
}

export function liveExecutor(client: Client): Executor {
  return {
    live: true,
    begin: async () => void (await client.query("BEGIN")),
    commit: async () => void (await client.query("COMMIT")),
    rollback: async () => void (await client.query("ROLLBACK")),
    run: async (sql, params) =>
      (await client.query(sql, params ? [...params] : undefined)).rowCount ?? null,
    comment: () => undefined,
  };
}

/** Collects a psql-ready script; statements end with `;`, parameters are already inlined. */
export function scriptExecutor(): Executor & { script(): string } {
  const lines: string[] = [];
  return {
    live: false,
    begin: async () => void lines.push("BEGIN;"),
    commit: async () => void lines.push("COMMIT;", ""),
    rollback: async () => undefined,
    run: async (sql) => {
      lines.push(`${sql};`);
      return null;
    },
    comment: (text) => void lines.push(...text.split("\n").map((line) => `-- ${line}`)),
    script: () => `${lines.join("\n").trimEnd()}\n`,
  };
}
