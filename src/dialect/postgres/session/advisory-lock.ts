import type { TableRef } from "../../../schema/model";
import { qualifiedName, quoteLiteral } from "../quote";

/**
 * Session advisory lock that serialises `upgrade`, `downgrade` and `stamp` runs on one
 * database. Keyed to the version table, so projects sharing a database with different version
 * tables do not block each other. A session lock (not a transaction lock) because it must
 * outlive the per-migration transactions; PostgreSQL releases it when the session ends, so a
 * crashed holder never leaves it behind.
 */
const key = (t: TableRef): string =>
  `hashtext(${quoteLiteral(`autogen:${qualifiedName(t.schema, t.name)}`)})`;

/** The class id namespace for our locks ('au' in ASCII), so other advisory locks rarely collide. */
const CLASS_ID = 0x6175;

export const advisoryLockSql = {
  tryLock: (t: TableRef): string => `SELECT pg_try_advisory_lock(${CLASS_ID}, ${key(t)}) AS locked`,
  unlock: (t: TableRef): string => `SELECT pg_advisory_unlock(${CLASS_ID}, ${key(t)})`,
  /** Who holds the lock now, to tell a waiting user. */
  holder: (t: TableRef): string =>
    `SELECT a.pid, a.application_name, a.client_addr::text AS client_addr FROM pg_locks l ` +
    `JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted ` +
    `AND l.classid = ${CLASS_ID} AND l.objid = (${key(t)})::oid AND l.objsubid = 2 LIMIT 1`,
};
