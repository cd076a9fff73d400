import { isAbsolute, relative } from "node:path";
import { RevisionError } from "../errors";
import type { RevisionInfo } from "./revision-info";

/**
 * RevisionError subclasses that carry their facts, so a caller (the CLI, a test) can act on
 * them without parsing the message. All keep the "revision" code and exit code 1.
 */

/** The migrations folder does not form a valid graph; every problem names its file. */
export class InvalidRevisionGraphError extends RevisionError {
  constructor(
    readonly problems: readonly string[],
    readonly files: readonly string[],
  ) {
    super(
      problems.length === 1
        ? `${problems[0]}`
        : `${problems.length} problems in the migrations folder: ${problems.join("; ")}`,
      "fix the migration files named above; the revision graph is read from their exports",
    );
  }
}

/** `head` (or `label@head`, `+N`, `-N`) cannot choose between several heads. */
export class MultipleHeadsError extends RevisionError {
  constructor(
    readonly heads: readonly string[],
    message: string,
    hint: string,
  ) {
    super(message, hint);
  }
}

/** No revision, branch label or unique prefix matches the name. */
export class UnknownRevisionError extends RevisionError {
  constructor(
    readonly target: string,
    message = `no revision matches '${target}'`,
    hint?: string,
  ) {
    super(message, hint ?? "run `autogen history` to list the revisions");
  }
}

/** A partial id matches several revisions. */
export class AmbiguousRevisionError extends RevisionError {
  constructor(
    readonly prefix: string,
    readonly candidates: readonly string[],
  ) {
    super(
      `'${prefix}' is ambiguous: it starts ${candidates.length} revisions (${candidates.join(", ")})`,
      "type more characters of the revision id",
    );
  }
}

/** A file path as the user knows it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const shown = relative(process.cwd(), file);
  return shown && !shown.startsWith("..") ? shown : file;
}

/** `5c1f0e9a2b7d (migrations/5c1f0e9a2b7d_add_users.ts)`: how messages name a revision. */
export function describeRevision(info: Pick<RevisionInfo, "revision" | "file">): string {
  return `${info.revision} (${displayPath(info.file)})`;
}
