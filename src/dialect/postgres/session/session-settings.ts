import type { SessionTimeouts } from "../../dialect";
import { quoteLiteral } from "../quote";

/** PostgreSQL takes whole milliseconds; 0 would mean "no limit", so a tiny value stays 1 ms. */
const milliseconds = (seconds: number): string =>
  quoteLiteral(`${seconds === 0 ? 0 : Math.max(1, Math.round(seconds * 1000))}ms`);

/**
 * `SET` statements for the migration session. Session-level (not `SET LOCAL`) so they also
 * cover migrations that run outside a transaction, and so a `--sql` script run by psql
 * keeps them for every statement after.
 */
export function sessionTimeoutSql(timeouts: SessionTimeouts): string[] {
  const statements: string[] = [];
  if (timeouts.lockTimeout !== null) {
    statements.push(`SET lock_timeout = ${milliseconds(timeouts.lockTimeout)}`);
  }
  if (timeouts.statementTimeout !== null) {
    statements.push(`SET statement_timeout = ${milliseconds(timeouts.statementTimeout)}`);
  }
  return statements;
}

/**
 * A backend whose client died in the middle of a long statement (a `pg_sleep`, an index
 * build) notices only when it next talks to the client, and holds the migration lock and
 * its transaction until then. PostgreSQL 14+ can poll the socket instead; older servers lack
 * the setting, so it is set only where the server knows it.
 */
export const clientCheckSql = `SELECT set_config('client_connection_check_interval', '1s', false) WHERE current_setting('server_version_num')::int >= 140000`;

/** SQLSTATE 55P03: a statement waited longer than `lock_timeout` for a lock. */
export const LOCK_NOT_AVAILABLE = "55P03";
