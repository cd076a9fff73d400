import { RevisionError } from "../errors";
import { compareIds, type RevisionGraph } from "./revision-graph";

/**
 * Checks what the version table holds against the graph: the rows, deduplicated and sorted.
 * An unknown row means the migrations folder and the database disagree, and any plan made
 * from it would be a guess.
 */
export function readCurrent(graph: RevisionGraph, current: Iterable<string>): string[] {
  const rows = [...new Set(current)].sort(compareIds);
  const unknown = rows.filter((id) => !graph.has(id));
  if (unknown.length > 0) {
    throw new RevisionError(
      `the database is at ${unknown.length === 1 ? "revision" : "revisions"} ${unknown.join(", ")}, which no migration file defines`,
      "update the migrations folder (a file from another branch may be missing), or `autogen stamp` the database to a known revision",
    );
  }
  return rows;
}
