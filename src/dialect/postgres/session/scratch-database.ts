import type { ClientConfig } from "pg";
import { quoteIdent } from "../quote";

/**
 * A throwaway database on the server a connection reaches, for `verify`: created empty
 * (from template0, so nothing a site added to template1 makes the comparison differ) and
 * dropped with FORCE, so a migration's leftover session cannot keep it alive.
 */
export const scratchDatabaseSql = {
  create: (name: string) => `CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`,
  drop: (name: string) => `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`,
  currentName: "SELECT current_database() AS name",
};

/** The same connection settings aimed at database `name` (a URL's path wins over `database`). */
export function onDatabase(config: ClientConfig, name: string): ClientConfig {
  if (!config.connectionString) return { ...config, database: name };
  const url = new URL(config.connectionString);
  url.pathname = `/${encodeURIComponent(name)}`;
  return { ...config, connectionString: url.toString() };
}
