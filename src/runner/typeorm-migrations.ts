import type { RunnerDialect, SqlClient as Client } from "../dialect/dialect";
import { postgres } from "../dialect/postgres";
import type { TableRef } from "../schema/model";

/** One row of TypeORM's migrations table: a migration `typeorm migration:run` applied. */
export interface TypeormMigration {
  readonly id: number;
  /** The class name's timestamp (milliseconds), as text: it may exceed a safe integer. */
  readonly timestamp: string;
  /** The class name, `CreateUsers1700000000000`. */
  readonly name: string;
}

/**
 * The migrations TypeORM's runner applied, oldest first; null when the table does not exist
 * (the project never ran `migration:run` on this database). Read-only.
 */
export async function readTypeormMigrations(
  client: Client,
  table: TableRef,
  dialect: RunnerDialect = postgres,
): Promise<TypeormMigration[] | null> {
  const sql = dialect.session.typeormMigrations;
  const exists = await client.query<{ exists: boolean | number }>(sql.exists(table));
  if (!exists.rows[0]?.exists) return null;
  const rows = await client.query<{ id: number | string; timestamp: string; name: string }>(
    sql.select(table),
  );
  return rows.rows.map((row) => ({
    id: Number(row.id),
    timestamp: String(row.timestamp),
    name: row.name,
  }));
}
