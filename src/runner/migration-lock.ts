import type { RunnerDialect, SqlClient as Client } from "../dialect/dialect";
import { postgres } from "../dialect/postgres";
import { MigrationLockTimeoutError } from "../errors";
import type { TableRef } from "../schema/model";

/** The session holding the lock, as `pg_stat_activity` shows it. */
export interface LockHolder {
  readonly pid: number;
  readonly applicationName: string;
  readonly clientAddress: string | null;
}

export interface LockOptions {
  /** Called when the lock is found taken, and again whenever another session takes it over. */
  readonly onWait?: (holder: LockHolder | null) => void;
  /** Seconds to wait before giving up; null (the default) waits as long as it takes. */
  readonly timeoutSeconds?: number | null;
  /** Names the database in the timeout error (never with a password). */
  readonly database?: string;
  /** How often to retry while waiting. */
  readonly pollMilliseconds?: number;
  /** Whose lock statements to use; PostgreSQL's advisory lock by default. */
  readonly dialect?: RunnerDialect;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `pid 4182 (typeorm-autogen, 10.0.0.7)`: what a user needs to find the other run. */
export function describeHolder(holder: LockHolder | null): string {
  if (!holder) return "another session (no longer visible in pg_stat_activity)";
  // A database that cannot name the holder (SQLite) says what it knows instead of a pid.
  if (holder.pid <= 0) return holder.applicationName;
  const details = [holder.applicationName || "no application name", holder.clientAddress].filter(
    Boolean,
  );
  return `pid ${holder.pid} (${details.join(", ")})`;
}

async function findHolder(
  client: Client,
  table: TableRef,
  dialect: RunnerDialect,
): Promise<LockHolder | null> {
  const result = await client.query<{
    pid: number;
    application_name: string | null;
    client_addr: string | null;
  }>(dialect.session.lock.holder(table));
  const row = result.rows[0];
  if (!row) return null;
  return {
    pid: row.pid,
    applicationName: row.application_name ?? "",
    clientAddress: row.client_addr,
  };
}

/**
 * Runs `fn` holding the migration lock of this version table, so concurrent `upgrade` runs
 * (CI and many app replicas starting at once) apply each migration exactly once: whoever
 * waits re-reads the version table after it gets the lock, inside `fn`.
 *
 * The lock is polled with `pg_try_advisory_lock` rather than awaited with
 * `pg_advisory_lock`: the wait then needs no server-side timeout (which would also limit the
 * migrations' own statements), and the holder can be named while waiting.
 */
export async function withMigrationLock<T>(
  client: Client,
  table: TableRef,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  await acquire(client, table, options);
  try {
    return await fn();
  } finally {
    const dialect = options.dialect ?? postgres;
    await client.query(dialect.session.lock.unlock(table)).catch(() => undefined);
  }
}

async function acquire(client: Client, table: TableRef, options: LockOptions): Promise<void> {
  const poll = options.pollMilliseconds ?? 250;
  const dialect = options.dialect ?? postgres;
  const timeout = options.timeoutSeconds ?? null;
  const started = Date.now();
  let lastPid: number | null | undefined;
  for (let attempt = 0; ; attempt++) {
    const result = await client.query<{ locked: boolean }>(dialect.session.lock.tryLock(table));
    if (result.rows[0]?.locked) return;
    const timedOut = timeout !== null && Date.now() - started >= timeout * 1000;
    // The holder is looked up at once, then every few seconds, to report a change of hands.
    if (timedOut || attempt % 20 === 0) {
      const holder = await findHolder(client, table, dialect);
      if (timedOut) throw timeoutError(table, holder, timeout, options.database);
      if ((holder?.pid ?? null) !== lastPid) {
        lastPid = holder?.pid ?? null;
        options.onWait?.(holder);
      }
    }
    const left = timeout === null ? poll : timeout * 1000 - (Date.now() - started);
    await sleep(Math.max(0, Math.min(poll, left)));
  }
}

function timeoutError(
  table: TableRef,
  holder: LockHolder | null,
  seconds: number,
  database = "the database",
): MigrationLockTimeoutError {
  return new MigrationLockTimeoutError(
    `Gave up after ${seconds} s waiting for the migration lock on ${database} ` +
      `(version table ${table.schema}.${table.name}): it is held by ${describeHolder(holder)}.`,
    holder && holder.pid <= 0
      ? "Let that run finish, or raise migrationLockTimeout (--migration-lock-timeout)."
      : holder
        ? `Let that run finish, raise migrationLockTimeout (--migration-lock-timeout), or end a stuck session with SELECT pg_terminate_backend(${holder.pid}).`
        : "Run again: the holder has just finished.",
  );
}
