import { existsSync } from "node:fs";
import { dirname } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { ConnectionError } from "../../../errors";
import type { SqlClient } from "../../dialect";
import { foreignKeyViolation, isForeignKeyCheck } from "./foreign-key-check";
import { sqliteFailure } from "./sqlite-errors";
import { isTriggerReplay } from "./trigger-replay";

/** Where the SQLite database is: a file path, or `:memory:`. */
export interface SqliteConfig {
  readonly filename: string;
}

/** How long a statement waits for another connection's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * One SQLite database behind the `SqlClient` the runner speaks to, with two habits of its own:
 *
 * - The migration lock is SQLite's write lock: `BEGIN IMMEDIATE` (see `lock` in
 *   `version-table.ts`) opens one write transaction that lasts the whole run, and the
 *   runner's `BEGIN`/`COMMIT`/`ROLLBACK` become a savepoint inside it, so each migration still
 *   commits or rolls back on its own (`RELEASE` keeps it; the lock's `COMMIT TRANSACTION`
 *   writes them all).
 * - A statement `PRAGMA foreign_key_check(...)` that finds rows fails, naming them: that is how
 *   a table rebuild, which runs with foreign keys off, refuses to commit orphans.
 * - The rebuild's SELECT of its saved triggers runs every text it reads (`trigger-replay.ts`).
 */
export class SqliteConnection implements SqlClient {
  private locked = false;

  constructor(
    private readonly db: BetterSqlite3.Database,
    readonly description: string,
  ) {}

  async query<R = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }> {
    const sql = this.translate(text.trim());
    if (sql === null) return { rows: [], rowCount: null };
    try {
      if (/^begin\s+immediate$/i.test(sql)) return this.lock() as { rows: R[]; rowCount: number };
      if (/^commit transaction$/i.test(sql)) this.locked = false;
      // A prepared statement holds one statement; several (a user's op.execute) run as a batch.
      if (values === undefined && !sql.startsWith("--") && hasSeveralStatements(sql)) {
        this.db.exec(sql);
        return { rows: [], rowCount: null };
      }
      const statement = this.db.prepare(sql);
      const params = (values ?? []).map(toSqliteValue);
      if (statement.reader) {
        const rows = statement.all(...params) as R[];
        if (isForeignKeyCheck(sql) && rows.length > 0)
          throw foreignKeyViolation(rows as Record<string, unknown>[]);
        if (isTriggerReplay(sql))
          for (const row of rows) this.db.exec((row as { sql: string }).sql);
        return { rows, rowCount: rows.length };
      }
      return { rows: [], rowCount: statement.run(...params).changes };
    } catch (error) {
      throw sqliteFailure(error, this.description);
    }
  }

  /** The runner's transactions, as savepoints while the run holds the write lock. */
  private translate(sql: string): string | null {
    if (!this.locked) return sql;
    if (/^begin$/i.test(sql)) return "SAVEPOINT autogen_migration";
    if (/^commit$/i.test(sql)) return "RELEASE autogen_migration";
    if (/^rollback$/i.test(sql)) {
      this.db.exec("ROLLBACK TO autogen_migration");
      return "RELEASE autogen_migration";
    }
    return sql;
  }

  /** Answers `locked` like PostgreSQL's `pg_try_advisory_lock`: false while another run writes. */
  private lock(): { rows: { locked: boolean }[]; rowCount: number } {
    // A try, like pg_try_advisory_lock: the runner polls, telling the user it waits.
    this.db.pragma("busy_timeout = 0");
    try {
      this.db.exec("BEGIN IMMEDIATE");
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_BUSY") {
        return { rows: [{ locked: false }], rowCount: 1 };
      }
      throw error;
    } finally {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
    this.locked = true;
    return { rows: [{ locked: true }], rowCount: 1 };
  }

  async end(): Promise<void> {
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
    this.db.close();
  }
}

function hasSeveralStatements(sql: string): boolean {
  return /;\s*\S/.test(sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, ""));
}

/** SQLite binds numbers, strings, bigints, buffers and null; booleans and dates as TypeORM stores them. */
function toSqliteValue(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !Buffer.isBuffer(value)) {
    return JSON.stringify(value);
  }
  return value;
}

/**
 * Opens the database file, refusing in one sentence what would otherwise fail later or
 * half-way: a folder that does not exist, a file that is not a SQLite database. Foreign keys
 * are switched off for the session (before any transaction, the only place SQLite allows it):
 * a table rebuild drops and re-creates tables other tables point at, and checks the keys
 * itself before it commits.
 */
export async function connect(
  config: SqliteConfig,
  description: string,
): Promise<SqliteConnection> {
  const file = config.filename;
  if (file !== ":memory:" && !existsSync(dirname(file))) {
    throw new ConnectionError(
      `Cannot open ${description}: the folder ${dirname(file)} does not exist.`,
      "Create the folder, or point the DataSource's `database` (or DATABASE_URL=sqlite:...) at an existing one.",
    );
  }
  const { default: Database } = await import("better-sqlite3");
  let db: BetterSqlite3.Database;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw sqliteFailure(error, description);
  }
  const connection = new SqliteConnection(db, description);
  try {
    // Reads the header: a corrupt file or one that is not a database fails here, not mid-run.
    db.pragma("schema_version");
    db.pragma("foreign_keys = OFF");
  } catch (error) {
    db.close();
    throw sqliteFailure(error, description);
  }
  return connection;
}

/** Wraps a database some other code opened (TypeORM's scratch copy); `end` closes it. */
export function wrapDatabase(db: BetterSqlite3.Database, description: string): SqliteConnection {
  return new SqliteConnection(db, description);
}
