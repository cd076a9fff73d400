import type { RevisionGraph } from "./revision-graph";
import { AmbiguousRevisionError, UnknownRevisionError } from "./revision-errors";

/** Partial ids shorter than this are refused: four characters already tell 65,536 ids apart. */
export const minimumPrefixLength = 4;

/**
 * Finds the revision a name stands for: an exact id, then a branch label (the revision that
 * declares it), then a unique id prefix of at least four characters.
 */
export function resolveSymbol(graph: RevisionGraph, name: string): string {
  if (graph.has(name)) return name;
  const labelled = graph.labelled(name);
  if (labelled !== undefined) return labelled;
  if (name.length < minimumPrefixLength) {
    throw new UnknownRevisionError(
      name,
      `no revision or branch label is named '${name}'`,
      `partial revision ids need at least ${minimumPrefixLength} characters`,
    );
  }
  const candidates = graph.ids.filter((id) => id.startsWith(name));
  if (candidates.length > 1) throw new AmbiguousRevisionError(name, candidates);
  const [only] = candidates;
  if (only === undefined) throw new UnknownRevisionError(name, `no revision matches '${name}'`);
  return only;
}
