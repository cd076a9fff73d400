import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { DataSource } from "typeorm";
import { AutogenError, ConfigError } from "../errors";
import { resolveOptions, type ResolvedOptions } from "./options";
import { loadModule } from "../loader/typescript-loader";

export interface LoadedConfig {
  readonly dataSource: DataSource;
  readonly options: ResolvedOptions;
}

export const DEFAULT_CONFIG_FILE = "ormconfig.ts";

/**
 * A DataSource is recognised by shape rather than `instanceof`: the user's project may
 * resolve its own copy of typeorm.
 */
function isDataSource(value: unknown): value is DataSource {
  return (
    typeof value === "object" &&
    value !== null &&
    "options" in value &&
    "entityMetadatas" in value &&
    typeof (value as { buildMetadatas?: unknown }).buildMetadatas === "function"
  );
}

/**
 * Loads the config file: its DataSource (default export or `dataSource`, or a Promise of one,
 * for applications that assemble their options asynchronously) and `autogen` options.
 */
export async function loadConfig(
  configPath: string | undefined,
  cwd = process.cwd(),
): Promise<LoadedConfig> {
  const file = resolve(cwd, configPath ?? DEFAULT_CONFIG_FILE);
  const shown = relative(cwd, file) || file;
  if (!existsSync(file)) {
    throw new ConfigError(
      `No config file at ${shown}.`,
      configPath ? undefined : "Run `autogen init` to create one, or pass --config <file>.",
    );
  }
  let loaded: Record<string, unknown>;
  try {
    loaded = loadModule(file);
  } catch (error) {
    if (error instanceof AutogenError) throw error;
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ConfigError(`${shown} failed to load: ${reason}`, undefined, { cause: error });
  }
  const candidate = await settled(loaded.default ?? loaded.dataSource, shown);
  if (!isDataSource(candidate)) {
    throw new ConfigError(
      `${shown} does not export a TypeORM DataSource.`,
      "Export it as the default export or as `export const dataSource = new DataSource({...})`.",
    );
  }
  const type = (candidate.options as { type?: string }).type;
  if (type !== "postgres" && type !== "better-sqlite3" && type !== "sqlite") {
    throw new ConfigError(
      `${shown} exports a DataSource of type "${String(type)}"; typeorm-autogen supports "postgres", "better-sqlite3" and "sqlite".`,
    );
  }
  return { dataSource: candidate, options: resolveOptions(file, loaded.autogen) };
}

/** The exported value, or what it resolves to when it is a Promise. */
async function settled(exported: unknown, shown: string): Promise<unknown> {
  if (!isThenable(exported)) return exported;
  try {
    return await exported;
  } catch (error) {
    if (error instanceof AutogenError) throw error;
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ConfigError(`${shown} exports a Promise that rejected: ${reason}`, undefined, {
      cause: error,
    });
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
