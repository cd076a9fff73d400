import type { ClientBase, ClientConfig } from "pg";
import type { Dialect } from "../dialect";
import { compileOperation, compileOperations } from "./compile/compile";
import { addsEnumLabels } from "./compile/compile-enums";
import { postgresExpressions } from "./expressions";
import { assertIdentifierLengths } from "./identifier-limits";
import { MAX_IDENTIFIER_BYTES, qualifiedName, quoteIdent, quoteLiteral } from "./quote";
import { canonicalizeSchema } from "./scratch/canonicalize";
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

/**
 * The PostgreSQL dialect: every room of `dialect/postgres/` behind the `Dialect` interface,
 * which is what the runner, autogen/ and the commands use.
 */
export const postgres = {
  name: "postgres",
  quote: { ident: quoteIdent, literal: quoteLiteral, qualified: qualifiedName },
  identifiers: { maxBytes: MAX_IDENTIFIER_BYTES, check: assertIdentifierLengths },
  expressions: postgresExpressions,
  compile: { operation: compileOperation, operations: compileOperations, addsEnumLabels },
  scratch: { canonicalize: canonicalizeSchema },
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
