import { RevisionError } from "../errors";
import { before, type Destination } from "./destination";
import type { RevisionGraph } from "./revision-graph";

/**
 * Relative targets walk versioned edges one revision at a time, as Alembic does, and refuse
 * to guess: a fork on the way is an error naming the candidates.
 */

/**
 * Walks `steps` revisions up from `start` (undefined: from base, the first step lands on a
 * base). With `lineage`, only revisions in it are candidates, which is how `label@+N` stays
 * on its branch.
 */
export function walkUp(
  graph: RevisionGraph,
  target: string,
  start: string | undefined,
  steps: number,
  lineage?: ReadonlySet<string>,
): string {
  let current = start;
  for (let step = 1; step <= steps; step++) {
    const next = (current === undefined ? graph.bases : graph.children(current)).filter(
      (id) => !lineage || lineage.has(id),
    );
    const where = current ?? "base";
    if (next.length === 0) {
      throw new RevisionError(
        `'${target}' walks past the head: nothing follows ${where}, ${step - 1} of ${steps} steps up`,
        "`autogen heads` shows how far the history goes",
      );
    }
    if (next.length > 1) {
      throw new RevisionError(
        `'${target}' is ambiguous: ${where} is followed by ${next.join(", ")}`,
        "choose a branch with label@+N, or walk from one of them with REV+N",
      );
    }
    current = next[0] as string;
  }
  return current as string;
}

/**
 * Walks `steps` revisions down from `start`, which is itself the first step: `-1` from
 * `abc` means without abc. Parents are only followed between steps, so the last revision
 * left may be a merge.
 */
export function walkDown(
  graph: RevisionGraph,
  target: string,
  start: string,
  steps: number,
): Destination {
  let current = start;
  for (let step = 1; step < steps; step++) {
    const parents = graph.parents(current);
    if (parents.length === 0) {
      throw new RevisionError(
        `'${target}' goes below base: ${current} is a base, ${step} of ${steps} steps down`,
        "`autogen downgrade base` reverts everything",
      );
    }
    if (parents.length > 1) {
      throw new RevisionError(
        `'${target}' is ambiguous: ${current} merges ${parents.join(", ")}`,
        "walk down from one of them with REV-N, or name the revision to keep",
      );
    }
    current = parents[0] as string;
  }
  return before(current);
}
