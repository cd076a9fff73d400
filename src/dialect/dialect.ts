import type { Operation } from "../ops/operations";
import type { ExpressionSyntax } from "../schema/expression-syntax";
import type { DatabaseSchema, Table, TableRef, View } from "../schema/model";

/**
 * What a database dialect provides, written down for the second one (SQLite) to implement.
 * Every dialect folder has the same rooms (Atlas's habit): `compile/` (operations -> SQL),
 * `scratch/` (the model's expressions brought to the database's canonical text), `session/`
 * (connecting, the migration lock, session settings, the version tables), and at its root the
 * one quoting helper, the identifier rules and an `index.ts` that exports the dialect object
 * typed by this interface (`postgres` in `dialect/postgres/index.ts`).
 *
 * Reading the live catalogs is the `introspect/` stage's job; a dialect's canonicaliser is
 * handed a `CatalogReader` by its caller (autogen/) rather than importing one, so imports
 * flow one way. `Connection` is the dialect's client (`pg.ClientBase` for PostgreSQL),
 * `ConnectionConfig` what `connect` takes.
 *
 * Every function returns SQL text without a trailing semicolon; callers (the runner, the
 * script writer) add those. Values are always quoted into the text through `quote`.
 */
export interface Dialect<Connection, ConnectionConfig> {
  /** The DataSource `type` this dialect serves. */
  readonly name: string;
  readonly quote: Quoting;
  readonly identifiers: IdentifierRules;
  /** How the dialect's canonical expressions name columns; the diff asks it. */
  readonly expressions: ExpressionSyntax;
  readonly compile: SqlCompiler;
  readonly scratch: Canonicalizer<Connection>;
  readonly session: SessionSql<Connection, ConnectionConfig>;
  /**
   * The diff's operations as this dialect applies them: PostgreSQL keeps them as they are;
   * SQLite folds what its ALTER TABLE cannot do into table rebuilds. Pure.
   */
  adapt(
    operations: readonly Operation[],
    current: DatabaseSchema,
    target: DatabaseSchema,
  ): Operation[];
}

/**
 * The little of a database client the runner and the commands use: `pg.Client` is one, and
 * the SQLite dialect's connection (`dialect/sqlite/session/connect.ts`) is another.
 */
export interface SqlClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<R extends Record<string, any> = any>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
  end(): Promise<void>;
}

/**
 * What the runner needs of a dialect: its statements, not its connection or canonicaliser.
 * Runner functions take one, PostgreSQL's by default.
 */
export interface RunnerDialect {
  readonly name: string;
  readonly compile: SqlCompiler;
  readonly session: Omit<SessionSql<unknown, unknown>, "connect">;
}

/** The only quoting in the code base: identifiers and literals become exactly one token. */
export interface Quoting {
  /** `we"ird` -> `"we""ird"`; refuses names the database would truncate. */
  ident(name: string): string;
  /** `it's` -> `'it''s'`, in a form that reads the same under every session setting. */
  literal(value: string): string;
  /** `"schema"."name"`, always qualified. */
  qualified(schema: string, name: string): string;
}

/** What names the database keeps intact. */
export interface IdentifierRules {
  /** Longest identifier, in UTF-8 bytes, the database keeps whole. */
  readonly maxBytes: number;
  /** Refuses a model holding a name the database would cut, before anything is generated. */
  check(schema: DatabaseSchema): void;
}

export interface CompileOptions {
  /**
   * Write the parameters of `execute` operations into their SQL as literals. For offline
   * `--sql` scripts; online, the runner sends `op.params` with the statement instead.
   */
  readonly inlineParams?: boolean;
}

/** Operations -> statements. Exhaustive over `Operation["kind"]` (see `OperationHandlers`). */
export interface SqlCompiler {
  operation(op: Operation, options?: CompileOptions): string[];
  operations(list: readonly Operation[], options?: CompileOptions): string[];
  /**
   * Whether the operation adds enum labels that later statements of the same transaction may
   * not use (PostgreSQL's "unsafe use of new value"): the runner commits those first, in a
   * transaction of their own. A dialect without that restriction answers false.
   */
  addsEnumLabels(op: Operation): boolean;
}

/** Reads the live catalogs into the model; implemented outside the dialect, by introspect/. */
export interface CatalogReader<Connection> {
  /** Tables, enums, extensions and views of `schemas`, leaving out `excludeTables`. */
  readSchema(
    connection: Connection,
    options: { readonly schemas: readonly string[]; readonly excludeTables?: readonly TableRef[] },
  ): Promise<DatabaseSchema>;
  /** The views of `schemas` alone, with the indexes of materialized ones. */
  readViews(connection: Connection, schemas: readonly string[]): Promise<View[]>;
}

/**
 * Brings the model the entities describe to the exact text the catalogs will print once it
 * exists (defaults, checks, predicates, view queries), by asking the database itself: built in
 * a scratch area that is always thrown away, then read back with `catalog`.
 */
export interface Canonicalizer<Connection> {
  canonicalize(
    connection: Connection,
    schema: DatabaseSchema,
    catalog: CatalogReader<Connection>,
    cache?: CanonicalCache,
  ): Promise<DatabaseSchema>;
}

/**
 * Canonical tables kept from earlier runs. The dialect makes the keys (a hash of the model
 * table and of everything in the session that could change how it prints); the store only
 * keeps what it is given, so a changed input is a miss, never a stale hit.
 */
export interface CanonicalCache {
  get(key: string): Table | undefined;
  set(key: string, table: Table): void;
}

/**
 * What one history row records: a revision applied, reverted, stamped (recorded as applied
 * without running) or unstamped (recorded as not applied without running), from which file.
 */
export interface HistoryEntry {
  readonly revision: string;
  readonly operation: "upgrade" | "downgrade" | "stamp" | "unstamp";
  /** sha256 (hex) of the migration file when it ran; null when no file was read. */
  readonly hash: string | null;
  /** The file, as shown to the user (relative to the project). */
  readonly file: string | null;
}

/** Statements for the version table (one row per head) and its history table. */
export interface VersionTableSql {
  create(t: TableRef): string;
  /** A query answering `exists` (boolean), without creating anything. */
  exists(t: TableRef): string;
  /** A query answering `revision` rows, sorted. */
  selectHeads(t: TableRef): string;
  insert(t: TableRef, revision: string): string;
  delete(t: TableRef, revision: string): string;
  update(t: TableRef, from: string, to: string): string;
  deleteAll(t: TableRef): string;
}

export interface HistorySql {
  create(t: TableRef): string;
  exists(t: TableRef): string;
  insert(t: TableRef, entry: HistoryEntry): string;
  /** A query answering the newest `revision, operation, hash, file, executed_at` per revision. */
  latest(t: TableRef): string;
}

export interface TypeormMigrationsSql {
  /** A query answering `exists` (boolean). */
  exists(t: TableRef): string;
  /** A query answering `id, timestamp, name` (timestamp as text), oldest first. */
  select(t: TableRef): string;
}

/** Timeouts for the migration session, in seconds; null leaves the server's. */
export interface SessionTimeouts {
  readonly lockTimeout: number | null;
  readonly statementTimeout: number | null;
}

/** Everything the runner sends besides the migrations themselves. */
export interface SessionSql<Connection, ConnectionConfig> {
  /** Opens one connection; a failure names `description` (never a password) and why. */
  connect(config: ConnectionConfig, description: string): Promise<Connection>;
  /** The migration lock, keyed to the version table: try (answers `locked`), release, holder. */
  readonly lock: {
    tryLock(t: TableRef): string;
    unlock(t: TableRef): string;
    /** A query answering `pid, application_name, client_addr` of the holder. */
    holder(t: TableRef): string;
  };
  readonly versionTable: VersionTableSql;
  readonly history: HistorySql;
  /** TypeORM's migrations table, read (never written) by `history --typeorm` and `adopt`. */
  readonly typeormMigrations: TypeormMigrationsSql;
  /** Where the history of version table `t` lives. */
  historyTable(t: TableRef): TableRef;
  /** The rows to remove and add when the heads move; one for one is an update. */
  versionChange(t: TableRef, remove: readonly string[], add: readonly string[]): string[];
  /** Statements that set the migration session's timeouts. */
  timeouts(timeouts: SessionTimeouts): string[];
  /** Run once after connecting, before the lock (it may fail on old servers: ignored). */
  readonly clientCheck: string;
  /** The error code of a statement cancelled for waiting on a lock too long. */
  readonly lockTimeoutCode: string;
  /** Creating and dropping a throwaway database for `verify` (PostgreSQL only). */
  readonly scratchDatabase?: {
    create(name: string): string;
    drop(name: string): string;
    /** A query answering `name`: the database a connection is on. */
    readonly currentName: string;
    on(config: ConnectionConfig, name: string): ConnectionConfig;
  };
}
