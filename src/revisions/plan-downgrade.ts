import { RevisionError } from "../errors";
import { readCurrent } from "./current-heads";
import { destinationClosure, type Destination } from "./destination";
import { buildSteps, type PlanStep } from "./plan-step";
import { compareIds, type RevisionGraph } from "./revision-graph";
import type { RevisionInfo } from "./revision-info";
import { resolveTarget } from "./resolve-target";

/**
 * The revisions to revert to go from `current` down to `target`, newest first: each is
 * reverted before anything it needs.
 *
 * What is reverted, as in Alembic: for `base`, everything; for a revision (or several),
 * whatever follows it and is applied, and whatever needs that, so other branches stay
 * as they are; for a step down (`-1`, `REV-1`, `label@base`), the revision walked to and
 * whatever needs it. Reverting a merge leaves its parents as heads.
 *
 * A target that is not applied cannot be reached by reverting and is an error, as is a
 * step below base.
 */
export function planDowngrade<T extends RevisionInfo>(
  graph: RevisionGraph<T>,
  current: Iterable<string>,
  target: string,
): readonly PlanStep<T>[] {
  const rows = readCurrent(graph, current);
  const destination = resolveTarget(graph, target, rows);
  const applied = graph.closure(rows);
  const keep = destinationClosure(graph, destination);
  const missing = [...keep].filter((id) => !applied.has(id)).sort(compareIds);
  if (missing.length > 0) {
    throw new RevisionError(
      `cannot downgrade to '${target}': ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not applied (the database is at ${rows.join(", ") || "base"})`,
      "use `autogen upgrade` to move forward",
    );
  }
  const revert = new Set(
    [...graph.descendants(revertRoots(graph, destination, applied))].filter(
      (id) => applied.has(id) && !keep.has(id),
    ),
  );
  const order = graph.topologicalOrder(graph.tips(rows), revert).reverse();
  return Object.freeze(buildSteps(graph, "downgrade", rows, order));
}

/** The revisions whose reverting, with everything that needs them, reaches the destination. */
function revertRoots(
  graph: RevisionGraph,
  destination: Destination,
  applied: ReadonlySet<string>,
): string[] {
  switch (destination.kind) {
    case "base":
      return [...applied];
    case "at":
      // Only versioned successors: a revision on another branch that merely dependsOn the
      // target is not "after" it and stays.
      return destination.revisions.flatMap((id) => graph.children(id));
    case "before":
      return [destination.revision];
  }
}
