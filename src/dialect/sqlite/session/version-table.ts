import type { TableRef } from "../../../schema/model";
import type { HistoryEntry, SessionTimeouts } from "../../dialect";
import { quoteIdent, quoteLiteral } from "../quote";

/** The current time as an ISO 8601 text, which is how SQLite stores a timestamp here. */
const NOW = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

const exists = (t: TableRef): string =>
  `SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ${quoteLiteral(t.name)}) AS "exists"`;

/** The version table, one row per head, as on PostgreSQL (`dialect/postgres/session/version-table.ts`). */
export const versionTableSql = {
  create: (t: TableRef): string =>
    `CREATE TABLE IF NOT EXISTS ${quoteIdent(t.name)} (` +
    `revision varchar(64) NOT NULL, applied_at text NOT NULL DEFAULT ${NOW}, ` +
    `CONSTRAINT ${quoteIdent(`${t.name}_pkey`)} PRIMARY KEY (revision))`,
  exists,
  selectHeads: (t: TableRef): string =>
    `SELECT revision FROM ${quoteIdent(t.name)} ORDER BY revision`,
  insert: (t: TableRef, revision: string): string =>
    `INSERT INTO ${quoteIdent(t.name)} (revision) VALUES (${quoteLiteral(revision)})`,
  delete: (t: TableRef, revision: string): string =>
    `DELETE FROM ${quoteIdent(t.name)} WHERE revision = ${quoteLiteral(revision)}`,
  update: (t: TableRef, from: string, to: string): string =>
    `UPDATE ${quoteIdent(t.name)} SET revision = ${quoteLiteral(to)}, applied_at = ${NOW} ` +
    `WHERE revision = ${quoteLiteral(from)}`,
  deleteAll: (t: TableRef): string => `DELETE FROM ${quoteIdent(t.name)}`,
};

export const historyTable = (t: TableRef): TableRef => ({
  schema: t.schema,
  name: `${t.name}_history`,
});

export const historySql = {
  create: (t: TableRef): string =>
    `CREATE TABLE IF NOT EXISTS ${quoteIdent(historyTable(t).name)} (` +
    `id integer PRIMARY KEY AUTOINCREMENT NOT NULL, revision varchar(64) NOT NULL, ` +
    `operation varchar(16) NOT NULL, hash varchar(64), file text, ` +
    `executed_at text NOT NULL DEFAULT ${NOW})`,
  exists: (t: TableRef): string => exists(historyTable(t)),
  insert: (t: TableRef, e: HistoryEntry): string => {
    const value = (text: string | null) => (text === null ? "NULL" : quoteLiteral(text));
    return (
      `INSERT INTO ${quoteIdent(historyTable(t).name)} (revision, operation, hash, file) ` +
      `VALUES (${[e.revision, e.operation, e.hash, e.file].map(value).join(", ")})`
    );
  },
  /** The newest row of every revision (SQLite has no DISTINCT ON). */
  latest: (t: TableRef): string => {
    const h = quoteIdent(historyTable(t).name);
    return (
      `SELECT revision, operation, hash, file, executed_at FROM ${h} ` +
      `WHERE id IN (SELECT max(id) FROM ${h} GROUP BY revision) ORDER BY revision`
    );
  },
};

export function versionChangeSql(
  t: TableRef,
  remove: readonly string[],
  add: readonly string[],
): string[] {
  if (remove.length === 1 && add.length === 1) {
    return [versionTableSql.update(t, remove[0] as string, add[0] as string)];
  }
  return [
    ...remove.map((revision) => versionTableSql.delete(t, revision)),
    ...add.map((revision) => versionTableSql.insert(t, revision)),
  ];
}

/**
 * The migration lock is SQLite's own write lock, taken with `BEGIN IMMEDIATE` for the whole
 * run (see `SqliteConnection`): a second run polls it, and reads the version table only once
 * it has the lock, so each migration is applied once. SQLite cannot say who holds it: the
 * holder row says so (pid 0).
 */
export const writeLockSql = {
  tryLock: (_t: TableRef): string => "BEGIN IMMEDIATE",
  // Spelled apart from the runner's COMMIT, which the connection turns into a RELEASE.
  unlock: (_t: TableRef): string => "COMMIT TRANSACTION",
  holder: (_t: TableRef): string =>
    `SELECT 0 AS pid, 'another connection writing to the file (SQLite cannot say which)' AS application_name, NULL AS client_addr`,
};

/**
 * SQLite has no lock or statement timeouts; a statement waits up to the connection's busy
 * timeout for another writer. A script switches foreign keys off first, as a live session
 * does on connecting (see `connect`): table rebuilds need it, and check the keys themselves.
 */
export function sessionSettingsSql(_timeouts: SessionTimeouts): string[] {
  return ["PRAGMA foreign_keys = OFF"];
}
