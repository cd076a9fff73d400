import type { Client } from "pg";
import { versionTableSql } from "../dialect/postgres/version-table";
import type { TableRef } from "../schema/model";

/** The revisions the database is at (the version table's rows); empty when it is at base. */
export async function readHeads(client: Client, table: TableRef): Promise<string[]> {
  const exists = await client.query<{ exists: boolean }>(versionTableSql.exists(table));
  if (!exists.rows[0]?.exists) return [];
  const rows = await client.query<{ revision: string }>(versionTableSql.selectHeads(table));
  return rows.rows.map((row) => row.revision);
}

export async function ensureVersionTable(client: Client, table: TableRef): Promise<void> {
  await client.query(versionTableSql.create(table));
}
