import { readCurrent } from "./current-heads";
import { destinationClosure, destinationRevisions } from "./destination";
import { buildSteps, type PlanStep } from "./plan-step";
import type { RevisionGraph } from "./revision-graph";
import type { RevisionInfo } from "./revision-info";
import { resolveTarget } from "./resolve-target";

/**
 * The revisions to apply to go from `current` (the version table's rows; empty for base) to
 * `target`, each after everything it needs. Branches are finished one at a time, in the
 * order of the target's revisions; the same folder always gives the same plan. A target
 * already applied gives an empty plan.
 *
 * `head` refuses to choose when there are several heads (MultipleHeadsError); `heads`
 * applies them all.
 *
 * @example
 * for (const step of planUpgrade(graph, ["0a9e3c4d1f22"], "head")) {
 *   await step.revision.upgrade(context);
 *   await recordVersion(step.version);
 * }
 */
export function planUpgrade<T extends RevisionInfo>(
  graph: RevisionGraph<T>,
  current: Iterable<string>,
  target: string,
): readonly PlanStep<T>[] {
  const rows = readCurrent(graph, current);
  const destination = resolveTarget(graph, target, rows);
  const applied = graph.closure(rows);
  const missing = new Set(
    [...destinationClosure(graph, destination)].filter((id) => !applied.has(id)),
  );
  const order = graph.topologicalOrder(destinationRevisions(graph, destination), missing);
  return Object.freeze(buildSteps(graph, "upgrade", rows, order));
}
