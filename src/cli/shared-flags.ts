import { UsageError } from "../errors";

/** `--sql`, shared by upgrade, downgrade and stamp: print the script, touch nothing. */
export const sqlFlagSet = {
  sql: { type: "boolean", describe: "Print the SQL script instead of running it" },
} as const;

/** `--json`, shared by the commands that list or describe. */
export const jsonFlagSet = {
  json: { type: "boolean", describe: "Print the result as JSON (for scripts)" },
} as const;

/** `--strict`, shared by upgrade, downgrade, current and check. */
export const strictFlagSet = {
  strict: {
    type: "boolean",
    describe:
      "Fail (exit 1) instead of warning when an applied migration's file changed or is gone",
  },
} as const;

/** `--migration-lock-timeout`, shared by upgrade, downgrade and stamp (validated by `lockOptions`). */
export const lockFlagSet = {
  "migration-lock-timeout": {
    type: "number",
    describe: "Seconds to wait for another run's migration lock (default: as long as it takes)",
  },
} as const;

/**
 * The flags of live `upgrade` and `downgrade` runs. The migration lock wait and PostgreSQL's
 * `lock_timeout` are different things, hence the distinct names.
 */
export const runnerFlagSet = {
  ...strictFlagSet,
  ...lockFlagSet,
  "lock-timeout": {
    type: "number",
    describe: "PostgreSQL lock_timeout for the migrations, in seconds (retried on timeout)",
  },
  "statement-timeout": {
    type: "number",
    describe: "PostgreSQL statement_timeout for the migrations, in seconds",
  },
} as const;

/** A duration flag in seconds: a number, 0 or more. */
function seconds(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 0) {
    throw new UsageError(`--${name} takes a number of seconds (0 or more).`);
  }
  return value;
}

/** The parsed `lockFlagSet` as a command's option; a malformed duration is a usage error. */
export function lockOptions(a: { "migration-lock-timeout"?: number }) {
  return {
    migrationLockTimeout: seconds("migration-lock-timeout", a["migration-lock-timeout"]),
  };
}

/** The parsed flags as the migrate command's options; a malformed duration is a usage error. */
export function runnerOptions(a: {
  strict?: boolean;
  "migration-lock-timeout"?: number;
  "lock-timeout"?: number;
  "statement-timeout"?: number;
}) {
  return {
    strict: a.strict,
    ...lockOptions(a),
    lockTimeout: seconds("lock-timeout", a["lock-timeout"]),
    statementTimeout: seconds("statement-timeout", a["statement-timeout"]),
  };
}
