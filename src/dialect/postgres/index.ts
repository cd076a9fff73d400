import type { ClientBase, ClientConfig } from "pg";
import type { Dialect } from "../dialect";
import { loadOnce } from "../load-once";
import { postgresExpressions } from "./expressions";
import { assertIdentifierLengths } from "./identifier-limits";
import { MAX_IDENTIFIER_BYTES, qualifiedName, quoteIdent, quoteLiteral } from "./quote";
import { advisoryLockSql } from "./session/advisory-lock";
import { connect } from "./session/connect";
import { onDatabase, scratchDatabaseSql } from "./session/scratch-database";
import { clientCheckSql, LOCK_NOT_AVAILABLE, sessionTimeoutSql } from "./session/session-settings";
import {
  historySql,
  historyTable,
  versionChangeSql,
  versionTableSql,
} from "./session/version-table";
import { typeormMigrationsSql } from "./session/typeorm-migrations";

/* eslint-disable @typescript-eslint/no-require-imports */
const compiler = loadOnce(() => {
  const compile = require("./compile/compile") as typeof import("./compile/compile");
  const enums = require("./compile/compile-enums") as typeof import("./compile/compile-enums");
  return {
    operation: compile.compileOperation,
    operations: compile.compileOperations,
    addsEnumLabels: enums.addsEnumLabels,
  };
});
const canonicalizer = loadOnce(() => ({
  canonicalize: (require("./scratch/canonicalize") as typeof import("./scratch/canonicalize"))
    .canonicalizeSchema,
}));
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The PostgreSQL dialect: every room of `dialect/postgres/` behind the `Dialect` interface,
 * which is what the runner, autogen/ and the commands use.
 */
export const postgres = {
  name: "postgres",
  quote: { ident: quoteIdent, literal: quoteLiteral, qualified: qualifiedName },
  identifiers: { maxBytes: MAX_IDENTIFIER_BYTES, check: assertIdentifierLengths },
  expressions: postgresExpressions,
  get compile() {
    return compiler();
  },
  get scratch() {
    return canonicalizer();
  },
  session: {
    connect,
    lock: advisoryLockSql,
    versionTable: versionTableSql,
    history: historySql,
    typeormMigrations: typeormMigrationsSql,
    historyTable,
    versionChange: versionChangeSql,
    timeouts: sessionTimeoutSql,
    clientCheck: clientCheckSql,
    lockTimeoutCode: LOCK_NOT_AVAILABLE,
    scratchDatabase: { ...scratchDatabaseSql, on: onDatabase },
  },
  adapt: (operations) => [...operations],
} as const satisfies Dialect<ClientBase, ClientConfig>;
