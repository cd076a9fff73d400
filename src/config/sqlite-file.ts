import { isAbsolute, relative, resolve } from "node:path";
import type { DataSource } from "typeorm";

/** A SQLite database file, and how messages name it. */
export interface SqliteFile {
  readonly filename: string;
  /** The path relative to the project, or `:memory:`. */
  readonly description: string;
}

const SQLITE_TYPES: ReadonlySet<string> = new Set(["better-sqlite3", "sqlite"]);

/**
 * `sqlite:path`, `sqlite://path` and Alembic's `sqlite:///path` (three slashes, a relative
 * path) all name a file; `sqlite:////abs/path` an absolute one.
 */
function pathOfUrl(url: string): string {
  const rest = url.slice("sqlite:".length);
  if (rest.startsWith("///")) return rest.slice(3) || ":memory:";
  if (rest.startsWith("//")) return rest.slice(2) || ":memory:";
  return rest || ":memory:";
}

/**
 * The SQLite file the commands use, or null for PostgreSQL. A `sqlite:` URL in
 * `MIGRATION_DATABASE_URL` or `DATABASE_URL` wins (as any URL there does); otherwise a
 * DataSource of type `better-sqlite3` or `sqlite` names its file in `database`. A relative
 * path is relative to the working directory, as TypeORM takes it.
 */
export function sqliteFile(
  dataSource: DataSource,
  env: NodeJS.ProcessEnv,
  cwd: string,
): SqliteFile | null {
  const url = env.MIGRATION_DATABASE_URL || env.DATABASE_URL;
  let path: string | null = null;
  if (url) {
    if (!url.startsWith("sqlite:")) return null;
    path = pathOfUrl(url);
  } else if (SQLITE_TYPES.has(dataSource.options.type)) {
    const database = (dataSource.options as { database?: unknown }).database;
    path = typeof database === "string" && database !== "" ? database : ":memory:";
  }
  if (path === null) return null;
  if (path === ":memory:") return { filename: path, description: ":memory:" };
  const filename = isAbsolute(path) ? path : resolve(cwd, path);
  const shown = relative(cwd, filename);
  return { filename, description: shown.startsWith("..") || shown === "" ? filename : shown };
}

/** Whether the DataSource itself is a SQLite one (its entity metadata then uses SQLite types). */
export function isSqliteDataSource(dataSource: DataSource): boolean {
  return SQLITE_TYPES.has(dataSource.options.type);
}
