import { readCurrent } from "./current-heads";
import { planDowngrade } from "./plan-downgrade";
import { planUpgrade } from "./plan-upgrade";
import type { RevisionGraph } from "./revision-graph";
import type { RevisionInfo } from "./revision-info";

/** What `stamp` does to the version table; nothing runs. */
export interface StampPlan {
  /** The rows before (as given, deduplicated and sorted) and after. */
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** Revisions the database now counts as applied, and those it no longer does. */
  readonly stamped: readonly string[];
  readonly unstamped: readonly string[];
}

/**
 * Where `stamp TARGET` leaves the version table: exactly where `upgrade TARGET` or
 * `downgrade TARGET` would, without running anything. A target ahead of the database moves
 * it forward and keeps the other branches (as upgrade does); a target already applied moves
 * it back, reverting only what follows the target (as downgrade does); `base` empties it.
 *
 * @example
 * planStamp(graph, [], "heads").after;        // every head: the database is counted as current
 * planStamp(graph, ["5c1f0e9a2b7d"], "base"); // { after: [], unstamped: [...everything] }
 */
export function planStamp<T extends RevisionInfo>(
  graph: RevisionGraph<T>,
  current: Iterable<string>,
  target: string,
): StampPlan {
  const before = readCurrent(graph, current);
  const up = planUpgrade(graph, before, target);
  const steps = up.length > 0 ? up : planDowngrade(graph, before, target);
  const after = steps.length > 0 ? [...(steps[steps.length - 1]?.headsAfter ?? [])] : before;
  const was = graph.closure(before);
  const now = graph.closure(after);
  return Object.freeze({
    before: Object.freeze(before),
    after: Object.freeze(after),
    stamped: Object.freeze(
      graph.topologicalOrder(after, new Set([...now].filter((id) => !was.has(id)))),
    ),
    unstamped: Object.freeze(
      graph.topologicalOrder(before, new Set([...was].filter((id) => !now.has(id)))).reverse(),
    ),
  });
}
