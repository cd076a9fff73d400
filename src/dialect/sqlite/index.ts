import type { Dialect, SqlClient } from "../dialect";
import { adaptOperations } from "./adapt-operations";
import { compileOperation, compileOperations } from "./compile/compile";
import { sqliteExpressions } from "./expressions";
import { MAX_IDENTIFIER_BYTES, qualifiedName, quoteIdent, quoteLiteral } from "./quote";
import { canonicalizeSchema } from "./scratch/canonicalize";
import { connect, type SqliteConfig } from "./session/connect";
import {
  historySql,
  historyTable,
  sessionSettingsSql,
  versionChangeSql,
  versionTableSql,
  writeLockSql,
} from "./session/version-table";
import { typeormMigrationsSql } from "./session/typeorm-migrations";

/**
 * The SQLite dialect (`better-sqlite3` and `sqlite` DataSources, `DATABASE_URL=sqlite:file`):
 * the same rooms as `dialect/postgres/`, with table rebuilds for what ALTER TABLE cannot do
 * (see `adapt-operations.ts` and `compile/compile-rebuild.ts`).
 */
export const sqlite = {
  name: "sqlite",
  quote: { ident: quoteIdent, literal: quoteLiteral, qualified: qualifiedName },
  identifiers: { maxBytes: MAX_IDENTIFIER_BYTES, check: () => undefined },
  expressions: sqliteExpressions,
  // SQLite has no enum types, so no labels to commit ahead of the rest.
  compile: {
    operation: compileOperation,
    operations: compileOperations,
    addsEnumLabels: () => false,
  },
  scratch: { canonicalize: canonicalizeSchema },
  session: {
    connect,
    lock: writeLockSql,
    versionTable: versionTableSql,
    history: historySql,
    typeormMigrations: typeormMigrationsSql,
    historyTable,
    versionChange: versionChangeSql,
    timeouts: sessionSettingsSql,
    clientCheck: "SELECT 1",
    lockTimeoutCode: "SQLITE_BUSY",
  },
  adapt: adaptOperations,
} as const satisfies Dialect<SqlClient, SqliteConfig>;

export { SqliteConnection, wrapDatabase, type SqliteConfig } from "./session/connect";
