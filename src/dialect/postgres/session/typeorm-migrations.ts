import type { TableRef } from "../../../schema/model";
import { qualifiedName } from "../quote";
import { versionTableSql } from "./version-table";

/**
 * Reading TypeORM's own migrations table (`id`, `timestamp`, `name`, as `migration:run` writes
 * it), for `history --typeorm` and `adopt`. Read-only: autogen never writes there.
 */
export const typeormMigrationsSql = {
  exists: (t: TableRef): string => versionTableSql.exists(t),
  /** A query answering `id, timestamp, name`, oldest first (TypeORM's own order). */
  select: (t: TableRef): string =>
    `SELECT id, "timestamp"::text AS "timestamp", name FROM ${qualifiedName(t.schema, t.name)} ` +
    `ORDER BY "timestamp", id`,
};
