import { relative } from "node:path";
import { FileAccessError } from "../errors";

const DENIED = new Set(["EACCES", "EPERM", "EROFS"]);

/**
 * Runs a file-system step and turns its failure into a FileAccessError naming the path,
 * what was being done and the permission: "unexpected failure: EACCES" helps nobody.
 */
export function fileStep<T>(path: string, action: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw describeFileError(error, path, action) ?? error;
  }
}

/** The FileAccessError for a Node errno error, or null when it is not one. */
export function describeFileError(
  error: unknown,
  path: string | undefined,
  action: string,
  cwd = process.cwd(),
): FileAccessError | null {
  const e = error as NodeJS.ErrnoException;
  if (typeof e?.code !== "string" || !/^E[A-Z]+$/.test(e.code)) return null;
  const where = path ?? e.path ?? "a file";
  const shown = relative(cwd, where) || where;
  if (DENIED.has(e.code)) {
    const why = e.code === "EROFS" ? "the file system is read-only" : "permission denied";
    return new FileAccessError(
      where,
      e.code,
      `Permission denied: cannot ${action} ${shown} (${e.code}).`,
      `${why} for the user running autogen (uid ${process.getuid?.() ?? "?"}): change the folder's owner or mode, or run as its owner.`,
      { cause: error },
    );
  }
  if (e.code === "ENOSPC") {
    return new FileAccessError(where, e.code, `No space left to ${action} ${shown} (ENOSPC).`);
  }
  return null;
}
