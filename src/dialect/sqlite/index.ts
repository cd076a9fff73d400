import type { Dialect, SqlClient } from "../dialect";
import { loadOnce } from "../load-once";
import { sqliteExpressions } from "./expressions";
import { MAX_IDENTIFIER_BYTES, qualifiedName, quoteIdent, quoteLiteral } from "./quote";
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

/* eslint-disable @typescript-eslint/no-require-imports */
const compiler = loadOnce(() => {
  const compile = require("./compile/compile") as typeof import("./compile/compile");
  return {
    operation: compile.compileOperation,
    operations: compile.compileOperations,
    // SQLite has no enum types, so no labels to commit ahead of the rest.
    addsEnumLabels: () => false,
  };
});
const canonicalizer = loadOnce(() => ({
  canonicalize: (require("./scratch/canonicalize") as typeof import("./scratch/canonicalize"))
    .canonicalizeSchema,
}));
const adapter = loadOnce(
  () => (require("./adapt-operations") as typeof import("./adapt-operations")).adaptOperations,
);
/* eslint-enable @typescript-eslint/no-require-imports */

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
  get compile() {
    return compiler();
  },
  get scratch() {
    return canonicalizer();
  },
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
  adapt: (operations, current, target) => adapter()(operations, current, target),
} as const satisfies Dialect<SqlClient, SqliteConfig>;

export { SqliteConnection, wrapDatabase, type SqliteConfig } from "./session/connect";
