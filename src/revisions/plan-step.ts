import type { RevisionGraph } from "./revision-graph";
import type { RevisionInfo } from "./revision-info";

/**
 * How one step changes the version table. The table holds the current heads, like
 * alembic_version: the applied revisions that no other applied revision needs. Applying
 * `delete` then `insert` keeps it so:
 *
 * - upgrade of a plain successor: delete its parent, insert it (an update);
 * - upgrade of a new base or of the first revision of a branch whose parent stays a head
 *   of another branch: insert only;
 * - upgrade of a merge: delete every parent that was a row, insert the merge;
 * - upgrade of a revision that `dependsOn` a head: that head's row goes too, because it is
 *   now implied (the dependent needs it);
 * - downgrade is the mirror: delete the reverted row, insert each parent or dependency that
 *   no remaining row implies (a merge becomes several rows, a base becomes none).
 *
 * A runner should check that every `delete` removed exactly one row: anything else means
 * someone else changed the table meanwhile.
 */
export interface VersionChange {
  readonly delete: readonly string[];
  readonly insert: readonly string[];
}

/** One migration to run, in plan order. */
export interface PlanStep<T extends RevisionInfo = RevisionInfo> {
  readonly direction: "upgrade" | "downgrade";
  readonly revision: T;
  readonly version: VersionChange;
  /** The version table's rows once the step is done, sorted. */
  readonly headsAfter: readonly string[];
}

/**
 * Turns an ordered list of revisions into steps, carrying the version table's rows from
 * one step to the next.
 */
export function buildSteps<T extends RevisionInfo>(
  graph: RevisionGraph<T>,
  direction: PlanStep["direction"],
  rows: readonly string[],
  order: readonly string[],
): PlanStep<T>[] {
  let heads = rows;
  return order.map((id) => {
    const candidates =
      direction === "upgrade"
        ? [...heads, id]
        : [...heads.filter((head) => head !== id), ...graph.requirements(id)];
    const after = graph.tips(candidates);
    const version = Object.freeze({
      delete: Object.freeze(heads.filter((head) => !after.includes(head))),
      insert: Object.freeze(after.filter((head) => !heads.includes(head))),
    });
    heads = after;
    return Object.freeze({
      direction,
      revision: graph.get(id),
      version,
      headsAfter: Object.freeze([...after]),
    });
  });
}
