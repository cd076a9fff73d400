import { dirname, resolve } from "node:path";
import { ConfigError } from "../errors";
import type { TableRef } from "../schema/model";

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
  };
}
