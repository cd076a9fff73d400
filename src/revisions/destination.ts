import type { RevisionGraph } from "./revision-graph";

/**
 * Where a resolved target puts the database. `before` is what walking down produces:
 * `abc-1` and `downgrade -1` mean "without abc", which stays exact even when abc is a merge
 * (its parents are then two revisions, not one).
 */
export type Destination =
  | { readonly kind: "base" }
  | { readonly kind: "at"; readonly revisions: readonly string[] }
  | { readonly kind: "before"; readonly revision: string };

export const base: Destination = Object.freeze({ kind: "base" });

export function at(revisions: readonly string[]): Destination {
  return Object.freeze({ kind: "at", revisions: Object.freeze([...revisions]) });
}

export function before(revision: string): Destination {
  return Object.freeze({ kind: "before", revision });
}

/** The revisions a destination names directly (its "at" set, or the parents of "before"). */
export function destinationRevisions(graph: RevisionGraph, destination: Destination): string[] {
  switch (destination.kind) {
    case "base":
      return [];
    case "at":
      return [...destination.revisions];
    case "before":
      return [...graph.requirements(destination.revision)];
  }
}

/** Everything applied when the database is exactly at the destination. */
export function destinationClosure(graph: RevisionGraph, destination: Destination): Set<string> {
  return graph.closure(destinationRevisions(graph, destination));
}
