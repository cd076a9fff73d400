import type { Argv } from "yargs";

/** The options every command takes, shown after the command's own in its --help. */
export const GLOBAL_OPTIONS = ["config", "data-source", "verbose", "color", "help", "version"];

/**
 * Puts a command's own options first in its --help and the global ones after, under their
 * own heading: what a person looks for in `autogen history --help` is `--rev-range`.
 */
export function ownOptionsFirst<T>(y: Argv<T>): Argv<T> {
  // Both methods exist at run time; @types/yargs leaves them out.
  const untyped = y as unknown as {
    getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]> };
    getGroups(): Record<string, string[]>;
  };
  const options = untyped.getOptions();
  const aliases = new Set(Object.values(options.alias).flat());
  const grouped = new Set(Object.values(untyped.getGroups()).flat());
  const own = Object.keys(options.key).filter(
    (k) => !GLOBAL_OPTIONS.includes(k) && !aliases.has(k) && !grouped.has(k),
  );
  return y.group(own, "Options:").group(GLOBAL_OPTIONS, "Global options:");
}

/** The day-one commands, as `autogen --help` shows them. */
export const EXAMPLES: readonly [string, string][] = [
  ["autogen init", "Create ormconfig.ts, migrations/ and the .gitignore lines"],
  ["autogen adopt", "Baseline a database TypeORM built, stamped without running anything"],
  ['autogen revision -m "add users"', "Compare the entities with the database, write a migration"],
  ["autogen upgrade", "Apply the pending migrations"],
  ["autogen downgrade -1", "Revert the last migration"],
  ["autogen history -r -2:", "The last applied migrations and what follows them"],
  ["autogen check", "Exit 1 when the entities and the database differ (CI)"],
];

export const EPILOGUE = `Environment:
  DATABASE_URL            Where to connect (postgres://user:password@host:5432/db); overrides the
                          DataSource's settings. With no database configured at all, an embedded
                          PostgreSQL is started with its data in .autogen/.
  MIGRATION_DATABASE_URL  A direct connection for autogen alone (bypassing a pooler).

Exit codes: 0 success, 1 failure (or check found changes), 2 usage error.
Docs: node_modules/typeorm-autogen/docs/ (start with quickstart.md and commands.md)`;
