import { describeFileError } from "../config/file-access";
import { AutogenError } from "../errors";

/**
 * Turns any failure into what the user sees: one sentence (and a hint when there is one),
 * the stack only with --verbose, and the exit code (2 for usage errors, 1 otherwise).
 */
export function reportError(
  error: unknown,
  verbose: boolean,
  write: (line: string) => void,
): 1 | 2 {
  // A file error no command step described: still name the path and the permission.
  const fileError = describeFileError(error, undefined, "access");
  if (fileError) error = fileError;
  if (error instanceof AutogenError) {
    write(`error: ${error.message}`);
    if (error.hint) write(`hint: ${error.hint}`);
    if (verbose) writeStack(error, write);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  write(`error: unexpected failure: ${message}`);
  if (verbose) writeStack(error, write);
  else write("hint: run again with --verbose to see the stack trace.");
  return 1;
}

function writeStack(error: unknown, write: (line: string) => void): void {
  let current: unknown = error;
  while (current instanceof Error) {
    if (current.stack) write(current.stack);
    current = current.cause;
    if (current) write("caused by:");
  }
}
