import type { Client } from "pg";
import { advisoryLockSql } from "../dialect/postgres/advisory-lock";
import type { TableRef } from "../schema/model";

export interface LockOptions {
  /** Called once when another session holds the lock, naming it. */
  readonly onWait?: (holder: string) => void;
  /** How often to retry while waiting. */
  readonly pollMilliseconds?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` holding the migration lock of this version table, so concurrent `upgrade` runs
 * (CI and many app replicas starting at once) apply each migration exactly once: whoever
 * waits re-reads the version table after it gets the lock.
 */
export async function withMigrationLock<T>(
  client: Client,
  table: TableRef,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  let told = false;
  for (;;) {
    const result = await client.query<{ locked: boolean }>(advisoryLockSql.tryLock(table));
    if (result.rows[0]?.locked) break;
    if (!told && options.onWait) {
      told = true;
      const holder = await client.query<{ pid: number; application_name: string }>(
        advisoryLockSql.holder(table),
      );
      const row = holder.rows[0];
      options.onWait(
        row
          ? `pid ${row.pid} (${row.application_name || "no application name"})`
          : "another session",
      );
    }
    await sleep(options.pollMilliseconds ?? 250);
  }
  try {
    return await fn();
  } finally {
    await client.query(advisoryLockSql.unlock(table)).catch(() => undefined);
  }
}
