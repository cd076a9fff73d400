import type { Client } from "pg";
import { postgres } from "../dialect/postgres";
import type { TableRef } from "../schema/model";

/** The revisions the database is at (the version table's rows); empty when it is at base. */
export async function readHeads(client: Client, table: TableRef): Promise<string[]> {
  const exists = await client.query<{ exists: boolean }>(
    postgres.session.versionTable.exists(table),
  );
  if (!exists.rows[0]?.exists) return [];
  const rows = await client.query<{ revision: string }>(
    postgres.session.versionTable.selectHeads(table),
  );
  return rows.rows.map((row) => row.revision);
}

/**
 * Creates the version table and its history table when missing. A version table made by an
 * older autogen (revision, applied_at) is kept as it is: the history is a table of its own.
 */
export async function ensureVersionTable(client: Client, table: TableRef): Promise<void> {
  await client.query(postgres.session.versionTable.create(table));
  await client.query(postgres.session.history.create(table));
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
): Promise<Map<string, HistoryRecord>> {
  const exists = await client.query<{ exists: boolean }>(postgres.session.history.exists(table));
  if (!exists.rows[0]?.exists) return new Map();
  const result = await client.query<{
    revision: string;
    operation: string;
    hash: string | null;
    file: string | null;
    executed_at: Date;
  }>(postgres.session.history.latest(table));
  return new Map(
    result.rows.map((row) => [
      row.revision,
      {
        revision: row.revision,
        operation: row.operation,
        hash: row.hash,
        file: row.file,
        executedAt: row.executed_at,
      },
    ]),
  );
}
