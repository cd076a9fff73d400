import { ConnectionError } from "../../../errors";

/** `the SQLite file app.db` as the start of a sentence. */
const sentenceStart = (description: string) =>
  description.charAt(0).toUpperCase() + description.slice(1);

/**
 * SQLite's failures that concern the file rather than a statement, as one sentence naming
 * the file; any other error is returned as it is (the runner adds the migration and statement).
 */
export function sqliteFailure(error: unknown, description: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = (error as { message?: unknown } | null)?.message;
  switch (code) {
    case "SQLITE_NOTADB":
    case "SQLITE_CORRUPT":
      return new ConnectionError(
        `${sentenceStart(description)} is not a valid database file (${String(reason)}).`,
        "Restore it from a backup, or point the DataSource at the right file.",
        { cause: error },
      );
    case "SQLITE_READONLY":
      return new ConnectionError(
        `${sentenceStart(description)} is read-only: ${String(reason)}.`,
        "Make the file and its folder writable by this user (SQLite writes a journal beside it).",
        { cause: error },
      );
    case "SQLITE_CANTOPEN":
      return new ConnectionError(
        `Cannot open ${description}: ${String(reason)}.`,
        "Check that the path names a file this user may read and write.",
        { cause: error },
      );
    case "SQLITE_BUSY":
      return Object.assign(
        new ConnectionError(
          `${sentenceStart(description)} is locked by another connection (still busy after waiting 5 s).`,
          "Let the other writer finish (another upgrade, or the application holding a transaction) and run again.",
          { cause: error },
        ),
        { sqliteCode: "SQLITE_BUSY" },
      );
    default:
      return error;
  }
}
