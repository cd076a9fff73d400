/**
 * Every failure the tool reports is an `AutogenError`: a code, one sentence that names what
 * and where, and an optional hint. The CLI alone turns them into output and exit codes.
 */
export class AutogenError extends Error {
  /** Exit code the CLI uses: 1 for failures, 2 for usage errors. */
  readonly exitCode: 1 | 2 = 1;

  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The command line or its arguments are wrong (exit code 2). */
export class UsageError extends AutogenError {
  override readonly exitCode = 2;
  constructor(message: string, hint?: string) {
    super("usage", message, hint);
  }
}

/** The config file is missing, fails to load, or exports no DataSource. */
export class ConfigError extends AutogenError {
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super("config", message, hint, options);
  }
}

/** A TypeScript file (config, entity, migration) could not be compiled or loaded. */
export class LoadError extends AutogenError {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super("load", message, undefined, options);
  }
}

/** The database could not be reached or refused the connection. */
export class ConnectionError extends AutogenError {
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super("connection", message, hint, options);
  }
}

/** The revision graph is inconsistent or a target cannot be resolved. */
export class RevisionError extends AutogenError {
  constructor(message: string, hint?: string) {
    super("revision", message, hint);
  }
}

/** A migration failed while running; it was rolled back. */
export class MigrationError extends AutogenError {
  constructor(
    readonly revision: string,
    readonly file: string,
    message: string,
    options?: { cause?: unknown; hint?: string },
  ) {
    super("migration", message, options?.hint, options);
  }
}

/** An operation cannot be reversed without losing information. */
export class IrreversibleOperationError extends AutogenError {
  constructor(
    readonly operationKind: string,
    message: string,
  ) {
    super("irreversible", message);
  }
}

/** A catalog query failed while reading the live database's schema. */
export class IntrospectionError extends AutogenError {
  constructor(
    /** What was being read: `tables`, `columns`, `constraints`, ... */
    readonly objectKind: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super("introspection", message, undefined, options);
  }
}

/**
 * PostgreSQL rejected an SQL expression or type the entities declare (a default, a check, an
 * index predicate), found while bringing the model to its canonical form.
 */
export class ExpressionError extends AutogenError {
  constructor(
    /** `schema.table` the expression belongs to (`schema.type` for an enum it needs). */
    readonly table: string,
    /** The column, constraint or index that holds it; null for the table itself. */
    readonly subject: string | null,
    message: string,
    hint = "Fix the expression in the entity; it is sent to PostgreSQL as written.",
    options?: { cause?: unknown },
  ) {
    super("expression", message, hint, options);
  }
}

/** Another run held the migration lock longer than `migrationLockTimeout` allows. */
export class MigrationLockTimeoutError extends AutogenError {
  constructor(message: string, hint?: string) {
    super("migration-lock-timeout", message, hint);
  }
}

/** With `--strict`: an applied migration's file changed or disappeared since it ran. */
export class IntegrityError extends AutogenError {
  constructor(message: string, hint?: string) {
    super("integrity", message, hint);
  }
}

/** A `postWriteHooks` command failed on a file `revision` or `merge` wrote (the file stays). */
export class PostWriteHookError extends AutogenError {
  constructor(
    readonly command: string,
    /** The command's exit status; null when a signal ended it or it could not start. */
    readonly status: number | null,
    readonly file: string,
    message: string,
  ) {
    super(
      "post-write-hook",
      message,
      "the file was written and is kept; fix the command in the config's postWriteHooks, or run it by hand",
    );
  }
}

/** A file or folder the command needs could not be read or written: names the path and why. */
export class FileAccessError extends AutogenError {
  constructor(
    readonly path: string,
    /** The errno code: `EACCES`, `EPERM`, `EROFS`, `ENOSPC`... */
    readonly errno: string,
    message: string,
    hint?: string,
    options?: { cause?: unknown },
  ) {
    super("file-access", message, hint, options);
  }
}
