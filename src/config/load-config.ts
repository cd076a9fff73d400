import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { DataSource } from "typeorm";
import { AutogenError, ConfigError, UsageError } from "../errors";
import { resolveOptions, type ResolvedOptions } from "./options";
import { pgModule } from "../dialect/postgres/session/pg-module";
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
 * Loads the config file: its DataSource and `autogen` options. The DataSource is the one the
 * file exports (default or named, `export const AppDataSource` as TypeORM's docs write it),
 * or a Promise of one as the default or `dataSource` export, for applications that assemble
 * their options asynchronously; with several, `dataSourceName` picks one.
 */
export async function loadConfig(
  configPath: string | undefined,
  cwd = process.cwd(),
  dataSourceName?: string,
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
    // Loaded first, the way that skips its slow start-up probe (see pg-module.ts): the
    // DataSource the file constructs would otherwise load it.
    pgModule();
    loaded = loadModule(file);
  } catch (error) {
    if (error instanceof AutogenError) throw error;
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ConfigError(`${shown} failed to load: ${reason}`, undefined, { cause: error });
  }
  const candidate = pickDataSource(shown, await settledExports(loaded, shown), dataSourceName);
  const type = (candidate.options as { type?: string }).type;
  if (type !== "postgres" && type !== "better-sqlite3" && type !== "sqlite") {
    throw new ConfigError(
      `${shown} exports a DataSource of type "${String(type)}"; typeorm-autogen supports "postgres", "better-sqlite3" and "sqlite".`,
    );
  }
  return { dataSource: candidate, options: resolveOptions(file, loaded.autogen) };
}

/**
 * The config of an application that hands its DataSource over directly (the programmatic
 * API): the same checks as a loaded file's, with `options` in place of the `autogen` export
 * and `cwd` as the project folder.
 */
export function configFromDataSource(
  dataSource: DataSource,
  options: unknown,
  cwd = process.cwd(),
): LoadedConfig {
  if (!isDataSource(dataSource)) {
    throw new ConfigError("The dataSource given to typeorm-autogen is not a TypeORM DataSource.");
  }
  const type = (dataSource.options as { type?: string }).type;
  if (type !== "postgres" && type !== "better-sqlite3" && type !== "sqlite") {
    throw new ConfigError(
      `The DataSource given to typeorm-autogen is of type "${String(type)}"; typeorm-autogen supports "postgres", "better-sqlite3" and "sqlite".`,
    );
  }
  return { dataSource, options: resolveOptions(resolve(cwd, API_OPTIONS), options) };
}

/** How messages name the options passed to the API, in place of a config file. */
const API_OPTIONS = "(autogen options)";

/** The exports, with a Promise exported as the default or `dataSource` replaced by its value. */
async function settledExports(
  loaded: Record<string, unknown>,
  shown: string,
): Promise<Record<string, unknown>> {
  const exports = { ...loaded };
  for (const key of ["default", "dataSource"]) {
    if (isThenable(exports[key])) exports[key] = await settled(exports[key], shown);
  }
  return exports;
}

/** What an exported Promise resolves to, or one sentence when it rejects. */
async function settled(exported: PromiseLike<unknown>, shown: string): Promise<unknown> {
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

/** The exported DataSource: the only one, or the one named; the default export is `default`. */
function pickDataSource(
  shown: string,
  loaded: Record<string, unknown>,
  name: string | undefined,
): DataSource {
  const found = new Map<string, DataSource>();
  for (const [key, value] of Object.entries(loaded)) {
    // `export default ds` and `export { ds }` of one object are one DataSource.
    if (isDataSource(value) && ![...found.values()].includes(value)) found.set(key, value);
  }
  const names = [...found.keys()];
  if (name !== undefined) {
    const chosen = found.get(name);
    if (chosen) return chosen;
    throw new UsageError(
      `${shown} exports no DataSource named '${name}'${names.length ? `; it exports ${list(names)}` : ""}.`,
    );
  }
  const [only] = found.values();
  if (found.size === 1 && only) return only;
  if (found.size === 0) {
    throw new ConfigError(
      `${shown} does not export a TypeORM DataSource.`,
      "Export it: `export default new DataSource({...})` or `export const AppDataSource = new DataSource({...})`.",
    );
  }
  throw new UsageError(
    `${shown} exports ${found.size} DataSources (${list(names)}): choose one with --data-source NAME.`,
  );
}

const list = (names: readonly string[]): string => names.map((n) => `'${n}'`).join(", ");
