import type { RunnerDialect, SqlClient as Client } from "../dialect/dialect";
import { postgres } from "../dialect/postgres";
import type { TableRef } from "../schema/model";

/** The revisions the database is at (the version table's rows); empty when it is at base. */
export async function readHeads(
  client: Client,
  table: TableRef,
  dialect: RunnerDialect = postgres,
): Promise<string[]> {
  const exists = await client.query<{ exists: boolean }>(
    dialect.session.versionTable.exists(table),
  );
  if (!exists.rows[0]?.exists) return [];
  const rows = await client.query<{ revision: string }>(
    dialect.session.versionTable.selectHeads(table),
  );
  return rows.rows.map((row) => row.revision);
}

/** Which of the version tables a run creates when they are missing. */
export interface VersionTableSetUp {
  readonly versionTable: boolean;
  readonly history: boolean;
}

/**
 * The statements that create the version table and its history table when missing
 * (`IF NOT EXISTS`): before a live run reads the heads, or at the top of a `--sql` script. A
 * version table made by an older autogen (revision, applied_at) is kept as it is: the history
 * is a table of its own.
 */
export function versionTableSetUpSql(
  table: TableRef,
  setUp: VersionTableSetUp,
  dialect: RunnerDialect = postgres,
): string[] {
  return [
    ...(setUp.versionTable ? [dialect.session.versionTable.create(table)] : []),
    ...(setUp.history ? [dialect.session.history.create(table)] : []),
  ];
}

/** Creates both version tables when missing, before a live run reads the heads. */
export async function ensureVersionTable(
  client: Client,
  table: TableRef,
  dialect: RunnerDialect = postgres,
): Promise<void> {
  for (const sql of versionTableSetUpSql(table, { versionTable: true, history: true }, dialect)) {
    await client.query(sql);
  }
}

/** The last thing the history records for a revision. */
export interface HistoryRecord {
  readonly revision: string;
  readonly operation: string;
  readonly hash: string | null;
  readonly file: string | null;
  readonly executedAt: Date;
}

/** The newest history row of every revision; empty when there is no history table yet. */
export async function readLatestHistory(
  client: Client,
  table: TableRef,
  dialect: RunnerDialect = postgres,
): Promise<Map<string, HistoryRecord>> {
  const exists = await client.query<{ exists: boolean }>(dialect.session.history.exists(table));
  if (!exists.rows[0]?.exists) return new Map();
  const result = await client.query<{
    revision: string;
    operation: string;
    hash: string | null;
    file: string | null;
    /** A Date from PostgreSQL, ISO 8601 text from SQLite. */
    executed_at: Date | string;
  }>(dialect.session.history.latest(table));
  return new Map(
    result.rows.map((row) => [
      row.revision,
      {
        revision: row.revision,
        operation: row.operation,
        hash: row.hash,
        file: row.file,
        executedAt: new Date(row.executed_at),
      },
    ]),
  );
}
