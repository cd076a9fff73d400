import type { TableRef } from "../../../schema/model";
import type { HistoryEntry } from "../../dialect";
import { qualifiedName, quoteIdent, quoteLiteral } from "../quote";

/**
 * SQL for the version table, which holds the revisions the database is at (one row per
 * head, like Alembic's alembic_version). Statements carry their values inline so the same
 * text serves live runs and `--sql` scripts.
 */
export const versionTableSql = {
  create: (t: TableRef): string =>
    `CREATE TABLE IF NOT EXISTS ${qualifiedName(t.schema, t.name)} (` +
    `revision character varying(64) NOT NULL, ` +
    `applied_at timestamp with time zone NOT NULL DEFAULT now(), ` +
    `CONSTRAINT ${quoteIdent(`${t.name}_pkey`)} PRIMARY KEY (revision))`,
  /** Whether the table exists, without creating it (read-only commands must not write). */
  exists: (t: TableRef): string =>
    `SELECT to_regclass(${quoteLiteral(qualifiedName(t.schema, t.name))}) IS NOT NULL AS "exists"`,
  selectHeads: (t: TableRef): string =>
    `SELECT revision FROM ${qualifiedName(t.schema, t.name)} ORDER BY revision`,
  insert: (t: TableRef, revision: string): string =>
    `INSERT INTO ${qualifiedName(t.schema, t.name)} (revision) VALUES (${quoteLiteral(revision)})`,
  delete: (t: TableRef, revision: string): string =>
    `DELETE FROM ${qualifiedName(t.schema, t.name)} WHERE revision = ${quoteLiteral(revision)}`,
  update: (t: TableRef, from: string, to: string): string =>
    `UPDATE ${qualifiedName(t.schema, t.name)} SET revision = ${quoteLiteral(to)}, applied_at = now() ` +
    `WHERE revision = ${quoteLiteral(from)}`,
  deleteAll: (t: TableRef): string => `DELETE FROM ${qualifiedName(t.schema, t.name)}`,
};

/**
 * The history table `<versionTable>_history`: one row per revision applied, reverted or
 * stamped, never updated. The version table keeps holding the heads alone (what older
 * versions of autogen and other tools read); the history says when each revision ran and
 * which file content ran, so an applied migration edited later can be noticed.
 */
export const historyTable = (t: TableRef): TableRef => ({
  schema: t.schema,
  name: `${t.name}_history`,
});

export const historySql = {
  create: (t: TableRef): string => {
    const h = historyTable(t);
    return (
      `CREATE TABLE IF NOT EXISTS ${qualifiedName(h.schema, h.name)} (` +
      `id bigint GENERATED ALWAYS AS IDENTITY, ` +
      `revision character varying(64) NOT NULL, ` +
      `operation character varying(16) NOT NULL, ` +
      `hash character varying(64), ` +
      `file text, ` +
      `executed_at timestamp with time zone NOT NULL DEFAULT now(), ` +
      `executed_by text NOT NULL DEFAULT current_user, ` +
      `CONSTRAINT ${quoteIdent(`${h.name}_pkey`)} PRIMARY KEY (id))`
    );
  },
  exists: (t: TableRef): string => versionTableSql.exists(historyTable(t)),
  insert: (t: TableRef, e: HistoryEntry): string => {
    const h = historyTable(t);
    const value = (text: string | null) => (text === null ? "NULL" : quoteLiteral(text));
    return (
      `INSERT INTO ${qualifiedName(h.schema, h.name)} (revision, operation, hash, file) ` +
      `VALUES (${[e.revision, e.operation, e.hash, e.file].map(value).join(", ")})`
    );
  },
  /** The newest row of every revision: what happened to it last. */
  latest: (t: TableRef): string => {
    const h = historyTable(t);
    return (
      `SELECT DISTINCT ON (revision) revision, operation, hash, file, executed_at ` +
      `FROM ${qualifiedName(h.schema, h.name)} ORDER BY revision, id DESC`
    );
  },
};

/** The rows to remove and add when a step moves the heads; an exchange of one for one is an UPDATE. */
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
