import { postgres } from "../dialect/postgres";
import { AutogenError, MigrationError } from "../errors";
import type { MigrationStep } from "./migration-step";

/** What was running when a migration failed, and what a failure there leaves behind. */
export interface FailurePoint {
  readonly step: MigrationStep;
  /** The statement sent to PostgreSQL; null when the migration function itself threw. */
  readonly statement: string | null;
  /** What the rollback (or the lack of one) means for the database. */
  readonly consequence: string;
}

const MAX_STATEMENT = 200;

function shorten(sql: string): string {
  const oneLine = sql.replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_STATEMENT ? `${oneLine.slice(0, MAX_STATEMENT)}...` : oneLine;
}

/** The first line of what went wrong: PostgreSQL's message, or the thrown error's. */
function reasonOf(error: unknown): string {
  if (error instanceof AutogenError) return error.message;
  const text = (error as { message?: unknown } | null)?.message;
  return (typeof text === "string" ? text : String(error)).split("\n")[0] ?? "";
}

/**
 * The error a failed migration becomes: which migration and file, which statement, and
 * PostgreSQL's own message, in one sentence; the hint says what was rolled back.
 */
export function migrationFailure(point: FailurePoint, error: unknown): MigrationError {
  if (error instanceof MigrationError) return error;
  const { step, statement } = point;
  const where = statement ? ` at statement \`${shorten(statement)}\`` : "";
  const file = step.file === "" ? "" : ` (${step.file})`;
  return new MigrationError(
    step.revision,
    step.file,
    `${step.direction} of ${step.revision}${file} failed${where}: ${reasonOf(error)}`,
    { cause: error, hint: point.consequence },
  );
}

/** True when PostgreSQL cancelled a statement for waiting longer than `lock_timeout`. */
export function isLockTimeout(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if ((current as { code?: unknown }).code === postgres.session.lockTimeoutCode) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
