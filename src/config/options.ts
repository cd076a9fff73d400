import { dirname, resolve } from "node:path";
import { ConfigError } from "../errors";
import type { RenameHints } from "../diff/renames";
import type { TableRef } from "../schema/model";
import { parseColumnRename, parseEnumValueRename, parseTableRename } from "./rename-hints";

/** How migrations are wrapped in transactions (see docs/configuration.md). */
export type TransactionMode = "each" | "all" | "none";

/**
 * The optional `autogen` named export of the config file. Every field has a default so a
 * plain TypeORM DataSource file is a complete config.
 */
export interface AutogenOptions {
  /** Folder of migration files, relative to the config file. Default `migrations`. */
  readonly migrationsDir?: string;
  /** Table that records the applied revisions. Default `autogen_version` in `public`. */
  readonly versionTable?: string;
  /** Schema of the version table. Default `public`. */
  readonly versionTableSchema?: string;
  /** Extra schemas to compare besides `public` and the ones the entities use. */
  readonly schemas?: readonly string[];
  /** Tables autogenerate must neither create nor drop (for example tables managed by hand). */
  readonly excludeTables?: readonly string[];
  /** Default `each`: every migration commits with its version-table update. */
  readonly transactionMode?: TransactionMode;
  /**
   * Seconds `upgrade`, `downgrade` and `stamp` wait for another run's migration lock (the
   * advisory lock) before giving up. Default: wait as long as the other run takes; 0 gives up
   * at once.
   */
  readonly migrationLockTimeout?: number;
  /**
   * PostgreSQL's `lock_timeout` for the migrations, in seconds: a statement that waits longer
   * for a table lock fails (and its migration is retried, see `lockTimeoutRetries`).
   * Default: the server's setting (usually no limit).
   */
  readonly lockTimeout?: number;
  /** PostgreSQL's `statement_timeout` for the migrations, in seconds. Default: the server's. */
  readonly statementTimeout?: number;
  /** How often a migration that hit `lockTimeout` is run again before the run fails. Default 3. */
  readonly lockTimeoutRetries?: number;
  /**
   * A connection URL for autogen alone, bypassing a transaction-mode pooler the application's
   * DataSource goes through. `MIGRATION_DATABASE_URL` overrides it; it overrides `DATABASE_URL`.
   */
  readonly directUrl?: string;
  /**
   * Shell commands run on each file `revision` and `merge` write, in order, from the config
   * file's folder. `{file}` stands for the file's path; without it the path is appended.
   * Example: `["npx prettier --write", "npx eslint --fix {file}"]`.
   */
  readonly postWriteHooks?: readonly string[];
  /**
   * Columns renamed since the database was last migrated: `{ "users.fullname": "full_name" }`
   * (or `"schema.table.column"`). `revision` writes `op.renameColumn`, keeping the rows, where
   * it would drop one column and add the other. A hint that no longer matches is ignored.
   */
  readonly renames?: Readonly<Record<string, string>>;
  /** Tables renamed likewise: `{ tags: "labels" }` (or `"schema.table"`). */
  readonly renameTables?: Readonly<Record<string, string>>;
  /** Enum labels renamed, rows keeping their value: `{ "post_status_enum.live": "published" }`. */
  readonly renameEnumValues?: Readonly<Record<string, string>>;
  /**
   * `revision` builds and drops indexes on existing tables `CONCURRENTLY`, in a migration
   * that runs outside a transaction, as `--concurrently` does. Default false.
   */
  readonly concurrentIndexes?: boolean;
  /**
   * `revision` adds foreign keys and checks to tables that hold rows `NOT VALID` and writes
   * a second migration that validates them, so no row is read under the constraint's lock.
   * Default true; `--no-separate-validation` turns it off for one revision.
   */
  readonly separateValidation?: boolean;
  /**
   * `revision` makes a column NOT NULL over rows through a check added `NOT VALID`, which the
   * second migration validates before `SET NOT NULL` (PostgreSQL 12+ then skips its scan
   * under the exclusive lock), as `--not-null-through-check` does. Default false.
   */
  readonly notNullThroughCheck?: boolean;
}

/** The options with every default filled in and paths made absolute. */
export interface ResolvedOptions {
  readonly configFile: string;
  readonly projectDir: string;
  readonly migrationsDir: string;
  readonly versionTable: TableRef;
  readonly schemas: readonly string[];
  readonly excludeTables: readonly TableRef[];
  readonly transactionMode: TransactionMode;
  readonly runner: RunnerOptions;
  readonly directUrl: string | null;
  readonly postWriteHooks: readonly string[];
  readonly renames: RenameHints;
  readonly concurrentIndexes: boolean;
  readonly separateValidation: boolean;
  readonly notNullThroughCheck: boolean;
}

/** How live runs wait, time out and retry; durations in seconds, null for "not set". */
export interface RunnerOptions {
  readonly migrationLockTimeout: number | null;
  readonly lockTimeout: number | null;
  readonly statementTimeout: number | null;
  readonly lockTimeoutRetries: number;
}

function parseTableName(name: string): TableRef {
  const dot = name.indexOf(".");
  return dot < 0
    ? { schema: "public", name }
    : { schema: name.slice(0, dot), name: name.slice(dot + 1) };
}

export function resolveOptions(configFile: string, raw: unknown): ResolvedOptions {
  if (raw !== undefined && (typeof raw !== "object" || raw === null)) {
    throw new ConfigError(`${configFile}: the "autogen" export must be an object of options.`);
  }
  const options = (raw ?? {}) as AutogenOptions;
  const mode = options.transactionMode ?? "each";
  if (!["each", "all", "none"].includes(mode)) {
    throw new ConfigError(
      `${configFile}: transactionMode must be "each", "all" or "none", not ${JSON.stringify(mode)}.`,
    );
  }
  const projectDir = dirname(configFile);
  return {
    configFile,
    projectDir,
    migrationsDir: resolve(projectDir, options.migrationsDir ?? "migrations"),
    versionTable: {
      schema: options.versionTableSchema ?? "public",
      name: options.versionTable ?? "autogen_version",
    },
    schemas: options.schemas ?? [],
    excludeTables: (options.excludeTables ?? []).map(parseTableName),
    transactionMode: mode,
    runner: {
      migrationLockTimeout: seconds(configFile, "migrationLockTimeout", options),
      lockTimeout: seconds(configFile, "lockTimeout", options),
      statementTimeout: seconds(configFile, "statementTimeout", options),
      lockTimeoutRetries: retries(configFile, options.lockTimeoutRetries),
    },
    directUrl: directUrl(configFile, options.directUrl),
    postWriteHooks: hooks(configFile, options.postWriteHooks),
    concurrentIndexes: flag(configFile, "concurrentIndexes", options.concurrentIndexes, false),
    separateValidation: flag(configFile, "separateValidation", options.separateValidation, true),
    notNullThroughCheck: flag(
      configFile,
      "notNullThroughCheck",
      options.notNullThroughCheck,
      false,
    ),
    renames: {
      tables: hintEntries(configFile, "renameTables", options.renameTables).map(([from, to]) =>
        checked(configFile, "renameTables", from, parseTableRename(from, to)),
      ),
      columns: hintEntries(configFile, "renames", options.renames).map(([from, to]) =>
        checked(configFile, "renames", from, parseColumnRename(from, to)),
      ),
      enumValues: hintEntries(configFile, "renameEnumValues", options.renameEnumValues).map(
        ([from, to]) =>
          checked(configFile, "renameEnumValues", from, parseEnumValueRename(from, to)),
      ),
    },
  };
}

function hintEntries(configFile: string, name: string, value: unknown): [string, string][] {
  if (value === undefined) return [];
  const entries = typeof value === "object" && value !== null ? Object.entries(value) : null;
  if (
    entries === null ||
    Array.isArray(value) ||
    !entries.every(([, v]) => typeof v === "string")
  ) {
    throw new ConfigError(
      `${configFile}: ${name} must map old names to new ones, like { "users.fullname": "full_name" }.`,
    );
  }
  return entries as [string, string][];
}

function checked<T>(configFile: string, name: string, key: string, hint: T | null): T {
  if (hint !== null) return hint;
  const shape =
    name === "renames"
      ? '"table.column" (or "schema.table.column") mapped to a new name without dots'
      : name === "renameEnumValues"
        ? '"enum_type.label" (or "schema.enum_type.label") mapped to the new label'
        : '"table" (or "schema.table") mapped to a new name without dots';
  throw new ConfigError(`${configFile}: ${name} key ${JSON.stringify(key)} must be ${shape}.`);
}

function flag(configFile: string, name: string, value: unknown, byDefault: boolean): boolean {
  if (value === undefined) return byDefault;
  if (typeof value !== "boolean") {
    throw new ConfigError(
      `${configFile}: ${name} must be true or false, not ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

function hooks(configFile: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((h) => typeof h === "string" && h.trim() !== "")) {
    throw new ConfigError(
      `${configFile}: postWriteHooks must be an array of shell commands, not ${JSON.stringify(value)}.`,
    );
  }
  return [...(value as string[])];
}

function seconds(
  configFile: string,
  name: "migrationLockTimeout" | "lockTimeout" | "statementTimeout",
  options: AutogenOptions,
): number | null {
  const value: unknown = options[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ConfigError(
      `${configFile}: ${name} must be a number of seconds (0 or more), not ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

function retries(configFile: string, value: unknown): number {
  if (value === undefined) return 3;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new ConfigError(
      `${configFile}: lockTimeoutRetries must be a whole number (0 or more), not ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

function directUrl(configFile: string, value: unknown): string | null {
  // An unset environment variable (`directUrl: process.env.DIRECT_URL`) means "not set".
  if (value === undefined || value === "") return null;
  if (typeof value !== "string") {
    throw new ConfigError(`${configFile}: directUrl must be a connection URL string.`);
  }
  return value;
}
